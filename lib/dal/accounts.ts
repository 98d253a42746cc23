import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { users } from "@/lib/db/schema";
import { DalError } from "@/lib/errors";
import type { Actor } from "@/lib/permissions";
import { recordAudit } from "./audit";
import { assertCan } from "./guard";

/** Disables or re-enables an account. Bumping sessionVersion ends the user's live sessions at their next request. */
export async function setAccountStatus(
  actor: Actor,
  userId: string,
  status: "active" | "disabled",
): Promise<void> {
  assertCan(actor, "account:manage");
  if (userId === actor.id) throw new DalError("invalid", "self");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ status, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
      .where(and(eq(users.id, userId), ne(users.status, status)))
      .returning({ id: users.id, role: users.role });
    if (!row) {
      const [exists] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId));
      if (!exists) throw new DalError("not_found", "user");
      return;
    }
    await recordAudit(tx, {
      action: "account.update",
      actor,
      entityType: "user",
      entityId: userId,
      patientId: row.role === "patient" ? userId : null,
    });
  });
}
