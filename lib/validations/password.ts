import { z } from "zod";
import "@/lib/zod-config";
import { checkPasswordPolicy, type PasswordContext } from "@/lib/domain/password-policy";
import { isCommonPassword } from "./common-passwords";

/** Message code of a policy breach, also used by the DAL's own check. */
export function passwordPolicyError(password: string, context: PasswordContext = {}): string | null {
  return checkPasswordPolicy(password, context, isCommonPassword);
}

/**
 * A new password (never a sign-in one: old passwords must still sign in). The policy's e-mail and name check
 * needs who the password is for: object schemas that know it add `refinePasswordContext`.
 */
export const newPasswordSchema = z.string({ error: "required" }).superRefine((value, ctx) => {
  const issue = passwordPolicyError(value);
  if (issue) ctx.addIssue({ code: "custom", message: issue, abort: true });
});

/** Adds the e-mail/name part of the policy to an object schema holding the password and its owner's identity. */
export function refinePasswordContext<T extends Record<string, unknown>>(
  passwordKey: keyof T & string,
  context: (value: T) => PasswordContext,
) {
  return (value: T, ctx: z.RefinementCtx) => {
    const password = value[passwordKey];
    if (typeof password !== "string") return;
    // The field's own schema already reported length and list breaches; only the identity part is added here.
    if (passwordPolicyError(password)) return;
    const issue = passwordPolicyError(password, context(value));
    if (issue) ctx.addIssue({ code: "custom", path: [passwordKey], message: issue });
  };
}
