"use server";

import { revalidatePath } from "next/cache";
import { adminAction } from "@/lib/actions/action-client";
import {
  changeAccountRole,
  endAccountSessions,
  createAccount,
  resetAccountPassword,
  setAccountStatus,
  updateAccountDetails,
} from "@/lib/dal/accounts";
import { assignPatients } from "@/lib/dal/admin-assignment";
import {
  accountRoleSchema,
  accountStatusSchema,
  endSessionsSchema,
  assignPatientsSchema,
  createAccountSchema,
  resetPasswordSchema,
  updateAccountSchema,
} from "@/lib/validations/admin";

// Every admin action goes through adminAction (session, admin role, zod, typed errors); the DAL checks again and
// audits in the same transaction as the change. Temporary passwords are returned once and never logged.

function refresh(userId?: string) {
  revalidatePath("/admin/users");
  if (userId) revalidatePath(`/admin/users/${userId}`);
}

export const createAccountAction = adminAction(createAccountSchema, async (actor, input) => {
  const created = await createAccount(actor, input);
  refresh();
  return created;
});

export const updateAccountAction = adminAction(updateAccountSchema, async (actor, { userId, ...input }) => {
  await updateAccountDetails(actor, userId, input);
  refresh(userId);
});

export const setAccountStatusAction = adminAction(accountStatusSchema, async (actor, { userId, status }) => {
  await setAccountStatus(actor, userId, status);
  refresh(userId);
});

export const changeAccountRoleAction = adminAction(accountRoleSchema, async (actor, { userId, role }) => {
  await changeAccountRole(actor, userId, role);
  refresh(userId);
});

export const resetPasswordAction = adminAction(resetPasswordSchema, async (actor, input) => {
  const result = await resetAccountPassword(actor, input.userId, input.temporaryPassword);
  refresh(input.userId);
  return result;
});

export const assignPatientsAction = adminAction(assignPatientsSchema, async (actor, input) => {
  const result = await assignPatients(actor, input);
  refresh();
  for (const id of input.patientIds) revalidatePath(`/admin/users/${id}`);
  return result;
});

export const endAccountSessionsAction = adminAction(endSessionsSchema, async (actor, { userId }) => {
  const ended = await endAccountSessions(actor, userId);
  refresh(userId);
  return { ended };
});
