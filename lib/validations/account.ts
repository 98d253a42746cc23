import { z } from "zod";
import { emailSchema, passwordSchema, type FormState } from "./common";

// A password being proved (not set): any length up to the sign-in limit, the policy does not apply to it.
const currentPassword = z
  .string({ error: "required" })
  .min(1, { error: "required" })
  .max(128, { error: "wrongPassword" });

export const changeOwnPasswordSchema = z
  .object({
    currentPassword,
    newPassword: passwordSchema,
    confirmPassword: z.string({ error: "required" }),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    error: "password_mismatch",
  });

export const changeOwnEmailSchema = z.object({ email: emailSchema, password: currentPassword });

export type ChangePasswordField = "currentPassword" | "newPassword" | "confirmPassword";
export type ChangeEmailField = "email" | "password";
export type ChangePasswordFormState = FormState<ChangePasswordField>;
export type ChangeEmailFormState = FormState<ChangeEmailField>;
