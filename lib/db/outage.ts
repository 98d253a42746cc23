/**
 * The process's view of a database outage, shared by the request proxy and the app (one process, one globalThis;
 * no imports, so proxy.ts can read it without bundling a driver). Set when a request failed on a connection error
 * (instrumentation onRequestError, /api/ready, the proxy's own probe); cleared by a probe in lib/db/health.ts once
 * `select 1` answers. While set, proxy.ts answers page loads at once with a 503 "temporarily unavailable, nothing
 * was changed" page.
 *
 * The very first page load after the database died must get that page too (Next cannot give a render error any
 * status but 500), so the proxy asks before rendering: `pageLoadDbDown()`. It costs nothing while the database is
 * known to answer: the answer is cached for READY_TTL_MS after any successful probe, and the pool forgets it the
 * moment one of its connections closes (a restart, a kill, a stop all close them), so the next page load probes
 * with a short `select 1` (PROBE_TIMEOUT_MS) on a new connection; once the cached answer is merely stale, on the
 * pool. Concurrent page loads share one probe.
 */
type Outage = {
  since: number | null;
  probing: boolean;
  /** When `select 1` last answered (0: unknown, e.g. a pool connection just closed). */
  lastOkAt: number;
  /**
   * Registered by the app (instrumentation.ts) when it runs on PostgreSQL: true when `select 1` answered in time.
   * `fresh`: on a new connection (a pool connection just closed: the others may belong to a dying server).
   */
  check?: (timeoutMs: number, fresh: boolean) => Promise<boolean>;
  inflight?: Promise<boolean> | null;
};
const g = globalThis as typeof globalThis & { __spasmcareOutage?: Outage };
export const outage: Outage = (g.__spasmcareOutage ??= { since: null, probing: false, lastOkAt: 0 });

export const READY_TTL_MS = 2_000;
export const PROBE_TIMEOUT_MS = 2_000;

export function dbDownSince(): number | null {
  return outage.since;
}

/** The database answered: page loads need not ask again for a while. */
export function noteDbAnswered(now = Date.now()): void {
  outage.lastOkAt = now;
}

/** A pool connection closed (the server restarted, was killed or stopped, or an idle connection was retired). */
export function noteDbConnectionClosed(): void {
  outage.lastOkAt = 0;
}

/** For a page load about to render: is the database down? Known, cached, or one shared short probe. */
export async function pageLoadDbDown(now = Date.now()): Promise<boolean> {
  if (outage.since !== null) return true;
  const check = outage.check;
  if (!check || now - outage.lastOkAt < READY_TTL_MS) return false;
  outage.inflight ??= check(PROBE_TIMEOUT_MS, outage.lastOkAt === 0)
    .catch(() => false)
    .finally(() => {
      outage.inflight = null;
    });
  return !(await outage.inflight);
}
