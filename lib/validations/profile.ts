import { z } from "zod";
import { CONDITIONS, MEDICINES, SEXES } from "@/lib/domain/report-fields";
import { safeText } from "./common";
import { optionalPhoneSchema } from "./phone";

import {
  ageOn,
  clinicToday,
  CONTACT_NAME_MAX,
  CONTACT_RELATION_MAX,
  MAX_AGE_YEARS,
  PROFILE_TEXT_MAX,
} from "./profile-fields";

export {
  ageOn,
  clinicToday,
  CONTACT_NAME_MAX,
  CONTACT_RELATION_MAX,
  MAX_AGE_YEARS,
  PROFILE_TEXT_MAX,
  type ProfileField,
  type ProfileFormState,
} from "./profile-fields";

function isRealDate(iso: string): boolean {
  const [y, m, d] = iso.split("-").map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

// Idempotent (null stays null), so the DAL can parse a value the action already parsed.
const freeText = safeText()
  .trim()
  .max(PROFILE_TEXT_MAX, { error: "too_long" })
  .nullish()
  .transform((v) => (v ? v : null));

const shortText = (max: number) =>
  safeText()
    .trim()
    .max(max, { error: "too_long" })
    .nullish()
    .transform((v) => (v ? v : null));

const uniqueCodes = <T extends readonly [string, ...string[]]>(codes: T) =>
  z
    .array(z.enum(codes, { error: "invalid" }))
    .max(codes.length * 2, { error: "invalid" })
    .transform((list) => codes.filter((c) => list.includes(c)) as T[number][]);

/** The profile form and updateOwnProfile share this; `now` is injectable so tests can pin "today". */
export function makeProfileSchema(now: () => Date = () => new Date()) {
  return z
    .object({
      dateOfBirth: z
        .string({ error: "required" })
        .trim()
        .min(1, { error: "required" })
        .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "dateInvalid", abort: true })
        .refine(isRealDate, { error: "dateInvalid", abort: true })
        .refine((v) => v <= clinicToday(now()), { error: "birthDateFuture", abort: true })
        .refine((v) => ageOn(v, clinicToday(now())) <= MAX_AGE_YEARS, { error: "birthDateTooOld" }),
      sex: z.enum(SEXES, {
        error: (issue) => (issue.input == null || issue.input === "" ? "required" : "invalid"),
      }),
      conditions: uniqueCodes(CONDITIONS),
      conditionsOther: freeText,
      medicines: uniqueCodes(MEDICINES),
      medicinesOther: freeText,
      phone: optionalPhoneSchema,
      emergencyContactName: shortText(CONTACT_NAME_MAX),
      emergencyContactRelation: shortText(CONTACT_RELATION_MAX),
      emergencyContactPhone: optionalPhoneSchema,
    })
    .superRefine((v, ctx) => {
      // A contact the clinic can use has a name and a number; the relation is a help, not a requirement.
      if (!v.emergencyContactName && !v.emergencyContactPhone && !v.emergencyContactRelation) return;
      if (!v.emergencyContactName) {
        ctx.addIssue({ code: "custom", path: ["emergencyContactName"], message: "contactNameRequired" });
      }
      if (!v.emergencyContactPhone) {
        ctx.addIssue({ code: "custom", path: ["emergencyContactPhone"], message: "contactPhoneRequired" });
      }
    });
}

export const profileSchema = makeProfileSchema();
export type ProfileInput = z.output<typeof profileSchema>;

/** FormData → the shape the schema reads (checkbox groups arrive as repeated keys). */
export function profileFormValues(formData: FormData) {
  const text = (k: string) => {
    const v = formData.get(k);
    return typeof v === "string" ? v : undefined;
  };
  const list = (k: string) => formData.getAll(k).filter((v): v is string => typeof v === "string");
  return {
    dateOfBirth: text("dateOfBirth") ?? "",
    sex: text("sex"),
    conditions: list("conditions"),
    conditionsOther: text("conditionsOther"),
    medicines: list("medicines"),
    medicinesOther: text("medicinesOther"),
    phone: text("phone"),
    emergencyContactName: text("emergencyContactName"),
    emergencyContactRelation: text("emergencyContactRelation"),
    emergencyContactPhone: text("emergencyContactPhone"),
  };
}
