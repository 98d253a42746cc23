// What client components need of the profile's rules, without the schema: importing the schema would ship zod's
// profile rules and the phone-number metadata (libphonenumber-js, ~190 kB) to every page that shows a date.
import type { FormState } from "./common";

export const PROFILE_TEXT_MAX = 500;
export const MAX_AGE_YEARS = 120;
// Dates of birth are calendar dates; "today" is the clinic's today, not the server's UTC one.
const CLINIC_TIME_ZONE = "Europe/Paris";

export const CONTACT_NAME_MAX = 120;
export const CONTACT_RELATION_MAX = 60;

export type ProfileField =
  | "dateOfBirth"
  | "sex"
  | "conditions"
  | "conditionsOther"
  | "medicines"
  | "medicinesOther"
  | "phone"
  | "emergencyContactName"
  | "emergencyContactRelation"
  | "emergencyContactPhone";
export type ProfileFormState = FormState<ProfileField>;

/** YYYY-MM-DD of `now` in the clinic's time zone. */
export function clinicToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: CLINIC_TIME_ZONE,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
}

/** Completed years between a birth date and today (both YYYY-MM-DD). */
export function ageOn(birth: string, today: string): number {
  const [by, bm, bd] = birth.split("-").map(Number);
  const [ty, tm, td] = today.split("-").map(Number);
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}
