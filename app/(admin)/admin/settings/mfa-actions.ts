"use server";

import { adminAction } from "@/lib/actions/action-client";
import { setStaffMfaRequired } from "@/lib/dal/mfa";
import { staffMfaSettingSchema } from "@/lib/validations/mfa";

/** "Require MFA for staff": turning it on needs the admin's own MFA first (the DAL refuses otherwise). */
export const setStaffMfaRequiredAction = adminAction(staffMfaSettingSchema, async (actor, { required }) => {
  await setStaffMfaRequired(actor, required);
  return null;
});
