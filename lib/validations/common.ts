import { z } from "zod";
import "@/lib/zod-config";

/** Field errors are message codes (errors.<code> in the catalogs), so the form shows them in the user's language. */
export type FieldErrors<K extends string = string> = Partial<Record<K, string>>;

export type FormState<K extends string = string> =
  | { ok: true; message?: string }
  | { ok: false; fieldErrors: FieldErrors<K>; formError?: string; values?: Record<string, unknown> }
  | null;

export function toFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? String(issue.path[0]) : "_form";
    if (!out[key]) out[key] = issue.message;
  }
  return out;
}

/**
 * C0 control characters and DEL, except tab, line feed and carriage return (textareas post CRLF). NUL in particular
 * cannot be stored in PostgreSQL text: refusing them here answers a field-level message instead of a database error.
 */
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** The base of every free-text field: a string without control characters ("control_chars" under the field). */
export function safeText(typeError = "invalid") {
  return z
    .string({ error: typeError })
    .refine((s) => !CONTROL_CHARS.test(s), { error: "control_chars", abort: true });
}

export const emailSchema = z
  .string({ error: "required" })
  .trim()
  .min(1, { error: "required" })
  .max(254, { error: "too_long" })
  .pipe(z.email({ error: "email_invalid" }))
  .transform((s) => s.toLowerCase());

/** Every password a person sets goes through the one policy (lib/domain/password-policy.ts). */
export { newPasswordSchema as passwordSchema } from "./password";

export const nameSchema = safeText("required")
  .trim()
  .min(1, { error: "required" })
  .max(120, { error: "too_long" });

export const uuidSchema = z.uuid({ error: "invalid" });
