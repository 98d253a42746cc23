"use server";

import { adminAction } from "@/lib/actions/action-client";
import { resetUserMfa } from "@/lib/dal/mfa";
import { resetMfaSchema } from "@/lib/validations/mfa";

/** Removes a user's authenticator and recovery codes and ends their sessions (audited in the DAL). */
export const resetUserMfaAction = adminAction(resetMfaSchema, async (actor, { userId }) => {
  await resetUserMfa(actor, userId);
  return null;
});
