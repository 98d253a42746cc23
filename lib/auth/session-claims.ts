/**
 * What the signed JWT carries; everything else is read fresh from the database on each request. `sessionId` names
 * the server-side session row (lib/dal/sessions.ts) that sign-out ends.
 */
export type SessionClaims = { userId: string; sessionVersion: number; sessionId: string };

export function readClaims(session: unknown): SessionClaims | null {
  if (!session || typeof session !== "object") return null;
  const s = session as { uid?: unknown; sv?: unknown; sid?: unknown };
  if (typeof s.uid !== "string" || typeof s.sv !== "number" || typeof s.sid !== "string") return null;
  return { userId: s.uid, sessionVersion: s.sv, sessionId: s.sid };
}
