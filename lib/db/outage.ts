/**
 * The process's view of a database outage, shared by the request proxy and the app (one process, one globalThis;
 * no imports, so proxy.ts can read it without bundling a driver). Set when a request failed on a connection error
 * (instrumentation onRequestError, /api/ready); cleared by a probe in lib/db/health.ts once `select 1` answers.
 * While set, proxy.ts answers page loads at once with a 503 "temporarily unavailable, nothing was changed" page.
 */
type Outage = { since: number | null; probing: boolean };
const g = globalThis as typeof globalThis & { __spasmcareOutage?: Outage };
export const outage: Outage = (g.__spasmcareOutage ??= { since: null, probing: false });

export function dbDownSince(): number | null {
  return outage.since;
}
