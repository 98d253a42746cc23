// The world every matrix cell starts from, who acts in it, and what "refused" and "nothing written" mean.
import { eq, sql } from "drizzle-orm";
import { clinicSettings, userSessions } from "@/lib/db/schema";
import type { Db } from "@/lib/db";
import { rowsOf } from "@/lib/dal/queue";
import { endSession, startSession } from "@/lib/dal/sessions";
import type { SessionClaims } from "@/lib/auth/session-claims";
import type { Actor } from "@/lib/permissions";
import { createUser } from "@/test/fixtures";
import { grantBreakGlass } from "@/test/report-fixture";

export const PRINCIPALS = [
  "anonymous",
  "patient",
  "otherPatient",
  "assignedDoctor",
  "otherDoctor",
  "breakGlassDoctor",
  "admin",
  "signedOutCookie",
  "mfaPendingDoctor",
] as const;
export type Principal = (typeof PRINCIPALS)[number];
type Live = Exclude<Principal, "anonymous" | "signedOutCookie" | "mfaPendingDoctor">;

export type World = {
  db: Db;
  /** The patient whose data the clinical rows target, assigned to `assignedDoctor`. */
  patient: Actor;
  otherPatient: Actor;
  /** A patient in the shared pool (no doctor), for claim and assignment. */
  unassigned: Actor;
  assignedDoctor: Actor;
  otherDoctor: Actor;
  breakGlassDoctor: Actor;
  admin: Actor;
  claims: Record<Live, SessionClaims>;
  /** The assigned doctor signed in with the password only, the clinic requiring MFA for staff. */
  mfaPendingClaims: SessionClaims;
};

/** A session as a completed sign-in leaves it: password checked and, for staff, the second step (MFA) passed. */
async function session(
  db: Db,
  user: Actor & { sessionVersion: number },
  mfaPassed = true,
): Promise<SessionClaims> {
  const sessionId = await startSession(user.id);
  if (mfaPassed)
    await db.update(userSessions).set({ mfaVerifiedAt: new Date() }).where(eq(userSessions.id, sessionId));
  return { userId: user.id, sessionVersion: user.sessionVersion, sessionId };
}

export async function buildWorld(db: Db): Promise<World> {
  const assignedDoctor = await createUser(db, { role: "doctor", name: "Dr Assigned" });
  const otherDoctor = await createUser(db, { role: "doctor", name: "Dr Other" });
  const breakGlassDoctor = await createUser(db, { role: "doctor", name: "Dr Glass" });
  const admin = await createUser(db, { role: "admin", name: "Admin" });
  const patient = await createUser(db, { role: "patient", name: "Pat One", doctorId: assignedDoctor.id });
  const otherPatient = await createUser(db, { role: "patient", name: "Pat Two", doctorId: otherDoctor.id });
  const unassigned = await createUser(db, { role: "patient", name: "Pat Pool" });
  await grantBreakGlass(db, breakGlassDoctor.id, patient.id);
  const users = { patient, otherPatient, assignedDoctor, otherDoctor, breakGlassDoctor, admin };
  const claims = {} as Record<Live, SessionClaims>;
  for (const [k, u] of Object.entries(users)) claims[k as Live] = await session(db, u);
  const mfaPendingClaims = await session(db, assignedDoctor, false);
  return { db, ...users, unassigned, claims, mfaPendingClaims };
}

/** Claims for a principal; a signed-out cookie is a real session of `owner` that sign-out has ended. */
export async function claimsOf(w: World, p: Principal, owner: Live): Promise<SessionClaims | null> {
  if (p === "anonymous") return null;
  if (p === "mfaPendingDoctor") {
    await w.db.update(clinicSettings).set({ requireStaffMfa: true }).where(eq(clinicSettings.id, 1));
    return w.mfaPendingClaims;
  }
  if (p === "signedOutCookie") {
    const user = w[owner];
    const claims = await session(w.db, { ...user, sessionVersion: w.claims[owner].sessionVersion });
    await endSession(user, claims.sessionId);
    return claims;
  }
  return w.claims[p];
}

// ---------------------------------------------------------------------------------------------------------------
// "Nothing was written": a digest of every table's rows. Left out on purpose: rate_limits (counters), a session's
// last_seen_at (touched by any request), and audit events that record a denial or failure (a refusal is audited).

let tablesCache: string[] | undefined;
async function tables(db: Db): Promise<string[]> {
  tablesCache ??= rowsOf<{ table_name: string }>(
    await db.execute(
      sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
    ),
  ).map((r) => r.table_name);
  return tablesCache;
}

export async function fingerprint(db: Db): Promise<Record<string, string>> {
  const parts = (await tables(db))
    .filter((t) => t !== "rate_limits")
    .map((t) => {
      const row = t === "user_sessions" ? "(x.id, x.user_id, x.ended_at)::text" : "x::text";
      const where = t === "audit_events" ? "where x.outcome = 'success'" : "";
      return `select '${t}' as t, count(*)::text || ':' || md5(coalesce(string_agg(${row}, '|' order by ${row}), '')) as h from "${t}" x ${where}`;
    });
  const rows = rowsOf<{ t: string; h: string }>(await db.execute(sql.raw(parts.join(" union all "))));
  return Object.fromEntries(rows.map((r) => [r.t, r.h]));
}

export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys(after).filter((t) => before[t] !== after[t]);
}

// ---------------------------------------------------------------------------------------------------------------
// What came back. A refusal is a typed `ok: false`, a 401/403/404, a redirect to sign-in, or forbidden().
// "failed"-style answers are not refusals: they mean our code broke, and the cell fails.

export type Outcome = { outcome: "ok" | "refused" | "none"; detail: string };
const BROKEN = new Set([
  "failed",
  "unavailable",
  "generic",
  "report_failed",
  "withdraw_failed",
  "export_failed",
]);

export class BrokenAnswer extends Error {}

export async function outcomeOf(run: () => Promise<unknown>): Promise<Outcome> {
  let value: unknown;
  try {
    value = await run();
  } catch (err) {
    const digest = (err as { digest?: unknown })?.digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT")) {
      const url = digest.split(";")[2] ?? "";
      const toSignIn = url.startsWith("/login") || url.startsWith("/change-password");
      return { outcome: toSignIn ? "refused" : "ok", detail: `redirect ${url}` };
    }
    if (typeof digest === "string" && digest.startsWith("NEXT_HTTP_ERROR_FALLBACK")) {
      return { outcome: "refused", detail: digest };
    }
    throw err;
  }
  if (value instanceof Response) {
    const status = value.status;
    await value.body?.cancel();
    if (status < 300) return { outcome: "ok", detail: String(status) };
    if (status >= 400 && status < 500) return { outcome: "refused", detail: String(status) };
    throw new BrokenAnswer(`HTTP ${status}`);
  }
  if (typeof value === "boolean") return { outcome: value ? "ok" : "refused", detail: String(value) };
  if (value === undefined) return { outcome: "none", detail: "undefined" };
  const r = value as { ok?: boolean; error?: string; formError?: string };
  if (r.ok === true) return { outcome: "ok", detail: "ok" };
  const code = r.error ?? r.formError ?? "?";
  if (BROKEN.has(code)) throw new BrokenAnswer(`answered ${code}`);
  return { outcome: "refused", detail: code };
}
