"use server";

import { getDb } from "@/lib/db";
import { auditEvents } from "@/lib/db/schema";
import { currentUser } from "@/lib/dal/session";
import { benchActionsEnabled } from "./gate";

/**
 * `npm run bench` only: the floor a server action costs in this app (session read, one committed row insert),
 * measured beside the real report submission. Inert unless the server was started with
 * SPASMCARE_BENCH_ACTIONS=1 (the bench sets it on the `next start` it runs): otherwise it writes nothing.
 */
export async function benchBareInsertAction(): Promise<void> {
  if (!benchActionsEnabled()) return;
  const actor = await currentUser();
  if (actor?.role !== "patient") return;
  const db = await getDb();
  await db.insert(auditEvents).values({
    actorId: actor.id,
    actorRole: actor.role,
    action: "bench.bare_action",
    entityType: "bench",
    requestId: actor.requestId,
  });
}
