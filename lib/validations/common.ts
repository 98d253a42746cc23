import { z } from "zod";

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

export const emailSchema = z
  .string({ error: "required" })
  .trim()
  .min(1, { error: "required" })
  .max(254, { error: "too_long" })
  .pipe(z.email({ error: "email_invalid" }))
  .transform((s) => s.toLowerCase());

export const passwordSchema = z
  .string({ error: "required" })
  .min(10, { error: "password_too_short" })
  .max(128, { error: "too_long" });

export const nameSchema = z
  .string({ error: "required" })
  .trim()
  .min(1, { error: "required" })
  .max(120, { error: "too_long" });

export const uuidSchema = z.uuid({ error: "invalid" });
