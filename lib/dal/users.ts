import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { users } from "@/lib/db/schema";
import type { Actor, Locale } from "@/lib/permissions";
import { recordAudit } from "./audit";

export async function recordSignOut(actor: Actor): Promise<void> {
  const db = await getDb();
  await recordAudit(db, { action: "auth.sign_out", actor });
}

/** A user changes their own display language; nobody else's. An account change, so it is audited. */
export async function setOwnLocale(actor: Actor, locale: Locale): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx.update(users).set({ locale, updatedAt: new Date() }).where(eq(users.id, actor.id));
    await recordAudit(tx, { action: "account.update", actor, entityType: "user", entityId: actor.id });
  });
}
