import "server-only";
import { and, eq, gte, sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { auditEvents, users } from "@/lib/db/schema";
import type { Actor, Role } from "@/lib/permissions";
import { recordAudit } from "./audit";
import { isSelfRegistrationOpen } from "./auth";
import { assertCan } from "./guard";

export type AdminOverview = {
  accounts: Record<Role, { active: number; disabled: number }>;
  failedSignIns24h: number;
  events24h: number;
  selfRegistration: boolean;
};

/** Account and activity counts only: admins see no clinical content. */
export async function getAdminOverview(actor: Actor): Promise<AdminOverview> {
  assertCan(actor, "account:manage");
  const db = await getDb();
  const since = new Date(Date.now() - 86_400_000);
  const [rows, [failed], [events], selfRegistration] = await Promise.all([
    db
      .select({ role: users.role, status: users.status, n: sql<number>`count(*)::int` })
      .from(users)
      .groupBy(users.role, users.status),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, "auth.sign_in"),
          eq(auditEvents.outcome, "failure"),
          gte(auditEvents.at, since),
        ),
      ),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditEvents)
      .where(gte(auditEvents.at, since)),
    isSelfRegistrationOpen(),
  ]);
  const accounts: AdminOverview["accounts"] = {
    patient: { active: 0, disabled: 0 },
    doctor: { active: 0, disabled: 0 },
    admin: { active: 0, disabled: 0 },
  };
  for (const r of rows) accounts[r.role][r.status] = r.n;
  await recordAudit(db, { action: "admin.overview", actor });
  return { accounts, failedSignIns24h: failed.n, events24h: events.n, selfRegistration };
}
