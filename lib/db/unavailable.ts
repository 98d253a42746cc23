/**
 * Whether an error means "the database cannot be reached or is overloaded right now", as opposed to a bug or a
 * constraint refusing a write. Such a failure changed nothing (the transaction did not commit), so a page answers
 * 503 and an action answers `unavailable`: the user may safely try again. Walks drizzle's wrapping (`cause`).
 */
const NODE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
]);
/** postgres.js's own connection errors. */
const DRIVER_CODES = new Set([
  "CONNECT_TIMEOUT",
  "CONNECTION_CLOSED",
  "CONNECTION_DESTROYED",
  "CONNECTION_ENDED",
]);
/**
 * SQLSTATEs: 08 connection exception, 57P01-03 shutdown / cannot connect now, 57014 statement timeout,
 * 53300 too many connections, 25P03 idle-in-transaction timeout.
 */
const SQLSTATES = /^(08...|57P0[123]|57014|53300|25P03)$/;

export class DbUnavailableError extends Error {
  constructor(readonly reason: string) {
    super(`database unavailable (${reason})`);
    this.name = "DbUnavailableError";
  }
}

/** The code that makes `err` (or one of its causes) a database outage, or null. */
export function dbUnavailableCode(err: unknown): string | null {
  let e: unknown = err;
  for (let depth = 0; e && typeof e === "object" && depth < 5; depth++) {
    if (e instanceof DbUnavailableError) return e.reason;
    const code = (e as { code?: unknown }).code;
    if (
      typeof code === "string" &&
      (NODE_CODES.has(code) || DRIVER_CODES.has(code) || SQLSTATES.test(code))
    ) {
      return code;
    }
    e = (e as { cause?: unknown }).cause;
  }
  return null;
}

export function isDbUnavailable(err: unknown): boolean {
  return dbUnavailableCode(err) !== null;
}
