// The history and trends limits client components need, without the schemas: importing lib/validations/history
// shipped all of zod (~30 kB gzipped) with the filters and the withdraw dialog. history.ts re-exports these.

export const HISTORY_PAGE_SIZE = 10;
export const MAX_HISTORY_PAGE_SIZE = 50;
export const TREND_WEEKS_DEFAULT = 12;
export const TREND_WEEKS_MIN = 4;
export const TREND_WEEKS_MAX = 52;
/** The ranges the trends page offers; the DAL accepts any whole number of weeks in 4..52. */
export const TREND_RANGES = [4, 12, 26, 52] as const;
export const WITHDRAW_REASON_MIN = 3;
export const WITHDRAW_REASON_MAX = 500;
