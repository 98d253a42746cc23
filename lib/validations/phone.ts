import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import { safeText } from "./common";

// Phone numbers as patients type them: French national ("06 12 34 56 78", "01.23.45.67.89") or international
// ("+33 6 12 34 56 78", "0033 6 …", "+44 20 7946 0958"). Stored in E.164 ("+33612345678"). The "max" metadata
// checks each country's number plan, not only its length, so a clinic calling back an urgent patient dials a
// number that can exist.

export const PHONE_DEFAULT_COUNTRY = "FR";
const PHONE_INPUT_MAX = 40;

/** The number in E.164, or null when it is not a valid number. */
export function toE164(input: string): string | null {
  const phone = parsePhoneNumberFromString(input.trim(), PHONE_DEFAULT_COUNTRY);
  return phone?.isValid() ? phone.number : null;
}

/** How a stored E.164 number is shown: French numbers as dialled in France, others in international form. */
export function formatPhone(e164: string): string {
  const phone = parsePhoneNumberFromString(e164);
  if (!phone) return e164;
  return phone.country === PHONE_DEFAULT_COUNTRY ? phone.formatNational() : phone.formatInternational();
}

/** An optional phone field: empty → null, otherwise a valid number stored in E.164 ("phoneInvalid" under it). */
export const optionalPhoneSchema = safeText()
  .trim()
  .max(PHONE_INPUT_MAX, { error: "phoneInvalid" })
  .nullish()
  // A refinement, not an issue raised in the transform: the form's other checks still run and speak at once.
  .refine((v) => !v || toE164(v) !== null, { error: "phoneInvalid" })
  .transform((v) => (v ? toE164(v) : null));
