import "server-only";
import type { Db } from "@/lib/db";
import { notifications } from "@/lib/db/schema";
import type { NotificationKind } from "@/lib/domain/notifications";

export type NotifyParams = {
  to: string | readonly string[];
  kind: NotificationKind;
  patientId: string;
  entityId?: string | null;
};

/**
 * The one way to notify someone: inside the transaction of the change it announces, so a notification never
 * exists for a change that rolled back (and never misses one that committed). Content stays out: kind + ids only.
 */
export async function notify(tx: Db, { to, kind, patientId, entityId = null }: NotifyParams): Promise<void> {
  const recipients = [...new Set(typeof to === "string" ? [to] : to)];
  if (recipients.length === 0) return;
  await tx.insert(notifications).values(recipients.map((userId) => ({ userId, kind, patientId, entityId })));
}
