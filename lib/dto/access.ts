/** Why a doctor may open a patient (client-safe copy of the DAL's type). */
export type AccessBasis = "assigned" | "unassigned" | "break_glass";
export const BREAK_GLASS_HOURS = 4;
export const BREAK_GLASS_REASON_MIN = 10;
