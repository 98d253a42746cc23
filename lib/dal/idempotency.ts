import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { idempotencyKeys } from "@/lib/db/schema";
import type { IdempotentAction } from "@/lib/domain/idempotency";
import { DalError } from "@/lib/errors";
import type { Actor } from "@/lib/permissions";
import { uuidSchema } from "@/lib/validations/common";

/** What a repeat answers: the first request's result, marked as not done again. */
export type Repeatable<T> = T & { repeated?: true };

export type IdempotentClaim = {
  action: IdempotentAction;
  patientId: string;
  /** Chosen by the form instance; without one the act simply runs (older pages). */
  key: string | undefined;
};

const byActorKey = (actor: Actor, key: string) =>
  and(eq(idempotencyKeys.actorId, actor.id), eq(idempotencyKeys.key, key));

/**
 * Runs `act` once per (actor, key), inside the act's transaction and after its access check. The key is claimed
 * first: a concurrent twin waits on the primary key until this transaction ends, then reads the stored answer
 * (or, if this one rolled back, claims the key itself). A repeat writes nothing: no second row, notification or
 * audit. A key this actor used for another patient or another act is a conflict that reveals nothing, and another
 * actor's key is never looked at (the key is scoped to the actor).
 */
export async function runOnce<T extends object>(
  tx: Db,
  actor: Actor,
  claim: IdempotentClaim,
  act: () => Promise<{ entityId: string; result: T }>,
): Promise<Repeatable<T>> {
  const { key, action, patientId } = claim;
  if (key === undefined) return (await act()).result;
  if (!uuidSchema.safeParse(key).success) throw new DalError("invalid", "idempotencyKey");
  const [claimed] = await tx
    .insert(idempotencyKeys)
    .values({ actorId: actor.id, key, action, patientId })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (!claimed) {
    const [first] = await tx.select().from(idempotencyKeys).where(byActorKey(actor, key));
    if (!first || first.action !== action || first.patientId !== patientId || first.result === null)
      throw new DalError("conflict", "idempotency_key");
    return { ...(first.result as T), repeated: true };
  }
  const { entityId, result } = await act();
  await tx.update(idempotencyKeys).set({ entityId, result }).where(byActorKey(actor, key));
  return result;
}
