import { z } from "zod";
import { LOCALES, ROLES } from "@/lib/permissions";
import { emailSchema, nameSchema, passwordSchema, uuidSchema } from "./common";
import { refinePasswordContext } from "./password";

export const ACCOUNT_PAGE_SIZE = 25;
export const AUDIT_PAGE_SIZE = 50;
export const MAX_BULK_ASSIGN = 200;
export const ACCOUNT_STATUSES = ["active", "disabled"] as const;
export const AUDIT_OUTCOMES = ["success", "denied", "failure"] as const;
/** Doctor filter value for patients with no assigned doctor. */
export const UNASSIGNED = "none";

type SearchParamValue = string | string[] | undefined;
export type SearchParams = Record<string, SearchParamValue>;

// URL parameters are user-editable: anything malformed falls back to "no filter" instead of failing the page.
const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(first, z.enum(values).optional().catch(undefined));
const optionalText = (max: number) =>
  z.preprocess(
    first,
    z
      .string()
      .trim()
      .max(max)
      .transform((s) => s || undefined)
      .optional()
      .catch(undefined),
  );
const pageParam = z.preprocess(first, z.coerce.number().int().min(1).max(100_000).catch(1)).default(1);
const isoDate = z.preprocess(
  first,
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .refine((s) => !Number.isNaN(Date.parse(s)))
    .optional()
    .catch(undefined),
);

export const accountFiltersSchema = z.object({
  q: optionalText(120),
  role: optionalEnum(ROLES),
  status: optionalEnum(ACCOUNT_STATUSES),
  doctor: z.preprocess(
    first,
    z
      .union([z.literal(UNASSIGNED), z.uuid()])
      .optional()
      .catch(undefined),
  ),
  page: pageParam,
});
export type AccountFilters = z.infer<typeof accountFiltersSchema>;

export const auditFiltersSchema = z.object({
  actor: optionalText(120),
  patient: optionalText(120),
  action: z.preprocess(
    first,
    z
      .string()
      .regex(/^[a-z_.]{1,64}$/)
      .optional()
      .catch(undefined),
  ),
  outcome: optionalEnum(AUDIT_OUTCOMES),
  from: isoDate,
  to: isoDate,
  page: pageParam,
});
export type AuditFilters = z.infer<typeof auditFiltersSchema>;

export const breakGlassParamsSchema = z.object({ page: pageParam });

/** Optional: left empty, the server generates one. Shown once to the admin, never stored in clear. */
const temporaryPassword = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
  passwordSchema.optional(),
);

export const createAccountSchema = z
  .object({
    role: z.enum(ROLES, { error: "required" }),
    name: nameSchema,
    email: emailSchema,
    locale: z.enum(LOCALES, { error: "required" }),
    temporaryPassword,
  })
  .superRefine(refinePasswordContext("temporaryPassword", (v) => ({ email: v.email, name: v.name })));
export type CreateAccountInput = z.infer<typeof createAccountSchema>;

export const updateAccountSchema = z.object({
  userId: uuidSchema,
  name: nameSchema,
  email: emailSchema,
  locale: z.enum(LOCALES, { error: "required" }),
});
export type UpdateAccountInput = z.infer<typeof updateAccountSchema>;

export const accountStatusSchema = z.object({
  userId: uuidSchema,
  status: z.enum(ACCOUNT_STATUSES),
});

export const accountRoleSchema = z.object({
  userId: uuidSchema,
  role: z.enum(ROLES, { error: "required" }),
});

export const resetPasswordSchema = z.object({ userId: uuidSchema, temporaryPassword });

export const assignPatientsSchema = z.object({
  patientIds: z
    .array(uuidSchema)
    .min(1, { error: "select_patients" })
    .max(MAX_BULK_ASSIGN, { error: "too_many" })
    .transform((ids) => [...new Set(ids)]),
  /** null unassigns: the patient goes back to the shared pool every doctor's queue shows. */
  doctorId: uuidSchema.nullable(),
});
export type AssignPatientsInput = z.infer<typeof assignPatientsSchema>;

export const clinicSettingsSchema = z.object({
  clinicName: z
    .string({ error: "required" })
    .trim()
    .min(1, { error: "required" })
    .max(80, { error: "too_long" }),
  selfRegistration: z.boolean(),
});
export type ClinicSettingsInput = z.infer<typeof clinicSettingsSchema>;

export const changePasswordSchema = z
  .object({ password: passwordSchema, confirmPassword: z.string({ error: "required" }) })
  .refine((v) => v.password === v.confirmPassword, {
    path: ["confirmPassword"],
    error: "password_mismatch",
  });

/** Ends every session of one account. */
export const endSessionsSchema = z.object({ userId: z.uuid({ error: "invalid" }) });
