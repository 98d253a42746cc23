import { sql } from "drizzle-orm";
import { closeDb, getDb } from "./index";
import { noteDbAnswered, outage } from "./outage";
import { isDbUnavailable } from "./unavailable";

type Lifecycle = { draining?: boolean; shutdownInstalled?: boolean };
const g = globalThis as typeof globalThis & { __spasmcareLifecycle?: Lifecycle };
const lifecycle: Lifecycle = (g.__spasmcareLifecycle ??= {});

/** True once the server was told to stop (SIGTERM/SIGINT): readiness fails so the load balancer moves away. */
export function isDraining(): boolean {
  return lifecycle.draining === true;
}

/** Whether the database answers `select 1` within `timeoutMs` (the pool's own connect timeout is longer). */
export async function pingDb(
  timeoutMs = 2000,
): Promise<{ ok: true; ms: number } | { ok: false; reason: string }> {
  const started = performance.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(Object.assign(new Error("ping timeout"), { code: "PING_TIMEOUT" })),
      timeoutMs,
    );
  });
  try {
    await Promise.race([getDb().then((db) => db.execute(sql`select 1`)), timeout]);
    noteDbAnswered();
    return { ok: true, ms: Math.round(performance.now() - started) };
  } catch (err) {
    noteDbError(err);
    const code = (err as { code?: unknown })?.code ?? (err as { cause?: { code?: unknown } })?.cause?.code;
    return { ok: false, reason: typeof code === "string" ? code : "error" };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Graceful stop without a custom server. `next start` already answers SIGTERM/SIGINT by closing its HTTP server
 * (no new connections, requests in flight finish) and then calling `process.exit`. We mark the process draining
 * (readiness answers 503 at once) and, when Next exits, close the pool first so PostgreSQL sees clean goodbyes
 * rather than dropped sockets. Installed once per process from instrumentation.ts.
 */
export function installGracefulShutdown(): void {
  if (lifecycle.shutdownInstalled) return;
  lifecycle.shutdownInstalled = true;
  const onSignal = (signal: NodeJS.Signals) => {
    if (lifecycle.draining) return;
    lifecycle.draining = true;
    console.log(`[shutdown] ${signal}: draining requests in flight, then closing the database pool`);
    const exit = process.exit.bind(process);
    let closing = false;
    process.exit = ((code?: number) => {
      if (closing) return undefined as never;
      closing = true;
      const started = performance.now();
      // Bounded: a database that does not answer must not keep the process alive.
      Promise.race([closeDb(), new Promise((r) => setTimeout(r, 5000))])
        .catch(() => {})
        .finally(() => {
          console.log(`[shutdown] database pool closed in ${Math.round(performance.now() - started)} ms`);
          exit(code);
        });
      return undefined as never;
    }) as typeof process.exit;
  };
  process.once("SIGTERM", onSignal);
  process.once("SIGINT", onSignal);
}

/**
 * A request failed: when it was a database outage, page loads get the 503 page from proxy.ts until a probe
 * (`select 1` every second) answers again. Called from instrumentation's onRequestError and from pingDb.
 */
export function noteDbError(err: unknown): void {
  const code = (err as { code?: unknown })?.code;
  if (!isDbUnavailable(err) && code !== "PING_TIMEOUT") return;
  outage.since ??= Date.now();
  if (outage.probing) return;
  outage.probing = true;
  const probe = async () => {
    const started = performance.now();
    const ok = await Promise.race([
      getDb()
        .then((db) => db.execute(sql`select 1`))
        .then(() => true)
        .catch(() => false),
      new Promise<boolean>((r) => setTimeout(() => r(false), 1500)),
    ]);
    if (ok) {
      console.log(
        `[db] database answers again after ${Math.round((Date.now() - (outage.since ?? Date.now())) / 1000)} s`,
      );
      outage.since = null;
      outage.probing = false;
      noteDbAnswered();
      return;
    }
    setTimeout(probe, Math.max(0, 1000 - (performance.now() - started))).unref();
  };
  console.error(`[db] database unavailable: page loads answer 503 until it is back`);
  setTimeout(probe, 1000).unref();
}

/**
 * Lets proxy.ts ask, before rendering a page, whether PostgreSQL answers (lib/db/outage.ts pageLoadDbDown), so even
 * the first page load after the database died gets the 503 page instead of a 500. PGlite lives in this process and
 * cannot be down on its own: nothing to ask. Installed once per process from instrumentation.ts.
 *
 * After a pool connection closed the probe opens a connection of its own: a pool connection whose server process
 * has not yet noticed that its postmaster was killed still answers `select 1`, while a new connection is refused at
 * once. Otherwise (the cached answer is just older than READY_TTL_MS) it asks on the pool: a fraction of a
 * millisecond, at most once per READY_TTL_MS.
 */
export function installPageLoadProbe(): void {
  const url = process.env.DATABASE_URL;
  if (!url) return;
  outage.check = async (timeoutMs, fresh) => {
    if (!fresh) return (await pingDb(timeoutMs)).ok;
    const { default: postgres } = await import("postgres");
    const client = postgres(url, {
      max: 1,
      connect_timeout: Math.ceil(timeoutMs / 1000),
      onnotice: () => {},
      connection: { application_name: "spasmcare-probe" },
    });
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      await Promise.race([
        client`select 1`,
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(Object.assign(new Error("ping timeout"), { code: "PING_TIMEOUT" })),
            timeoutMs,
          );
        }),
      ]);
      noteDbAnswered();
      return true;
    } catch (err) {
      noteDbError(err);
      return false;
    } finally {
      clearTimeout(timer);
      void client.end({ timeout: 0 }).catch(() => {});
    }
  };
}
