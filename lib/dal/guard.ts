import "server-only";
import { DalError } from "@/lib/errors";
import { can, type Actor, type Permission } from "@/lib/permissions";

/** Every DAL function starts here: the actor must hold the permission, whatever the caller checked before. */
export function assertCan(actor: Actor | null | undefined, permission: Permission): asserts actor is Actor {
  if (!actor) throw new DalError("unauthenticated");
  if (!can(actor.role, permission)) throw new DalError("forbidden", permission);
}
