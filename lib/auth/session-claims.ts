/** What the signed JWT carries; everything else is read fresh from the database on each request. */
export type SessionClaims = { userId: string; sessionVersion: number };

export function readClaims(session: unknown): SessionClaims | null {
  if (!session || typeof session !== "object") return null;
  const s = session as { uid?: unknown; sv?: unknown };
  if (typeof s.uid !== "string" || typeof s.sv !== "number") return null;
  return { userId: s.uid, sessionVersion: s.sv };
}
