/**
 * `npm run drill`: the database fault drill of issue 9 for the connection pool (no shared database touched).
 *
 * Starts its OWN throwaway PostgreSQL cluster (initdb into a temp dir on a free port, as the `postgres` OS user when
 * run as root), runs DRILL_WORKERS concurrent writers through the app's postgres.js pool options
 * (lib/db/index.ts postgresPoolOptions), and injects three faults: a fast restart, `kill -9` of the postmaster then
 * start, and a stop for DRILL_STOP_S seconds then start. It then checks the table against what was acknowledged and
 * prints per fault: failed requests, the longest request, and how long after the database was back every writer
 * succeeded again (and whether any failed after that). Exit code 1 when an acceptance check fails.
 *
 * DRILL_BASELINE=1 runs the same drill with postgres.js's defaults and without the null-socket guard (needs the
 * unpatched copy at DRILL_POSTGRES_MODULE), to show what the configuration and the guard change.
 */
import { performance } from "node:perf_hooks";
import { postgresPoolOptions } from "../lib/db/index";
import { dbUnavailableCode } from "../lib/db/unavailable";
import { faultVerdicts, injectFaults, REQUEST_LIMIT_MS, type Sample, sleep, startCluster } from "./fault-kit";

const WORKERS = Number(process.env.DRILL_WORKERS ?? 20);
const STOP_S = Number(process.env.DRILL_STOP_S ?? 10);
const SETTLE_S = Number(process.env.DRILL_SETTLE_S ?? 8);
const BASELINE = process.env.DRILL_BASELINE === "1";

async function main() {
  const cluster = await startCluster();

  let uncaught = 0;
  process.on("uncaughtException", (err) => {
    uncaught++;
    console.error(`UNCAUGHT: ${err instanceof Error ? err.message : String(err)}`);
  });
  process.on("unhandledRejection", (err) => {
    uncaught++;
    console.error(`UNHANDLED: ${err instanceof Error ? err.message : String(err)}`);
  });

  const modulePath = process.env.DRILL_POSTGRES_MODULE ?? "postgres";
  const { default: postgres } = (await import(modulePath)) as { default: typeof import("postgres") };
  const url = cluster.url;
  const options = BASELINE ? { max: 10 } : postgresPoolOptions();
  const sql = postgres(url, { ...options, onnotice: () => {} });
  await sql`create table drill (id uuid primary key, worker int not null, at timestamptz not null default now())`;
  await sql`create table drill_item (drill_id uuid not null references drill(id), n int not null, primary key (drill_id, n))`;
  console.log(
    `mode: ${BASELINE ? "BASELINE (postgres.js defaults, module " + modulePath + ")" : "app pool options"} ${JSON.stringify(options)}`,
  );

  const samples: Sample[] = [];
  const acked = new Set<string>();
  let running = true;
  const t0 = performance.now();
  const now = () => performance.now() - t0;

  async function worker(w: number) {
    while (running) {
      const id = crypto.randomUUID();
      const s: Sample = { start: now(), end: 0, ok: false, worker: `writer ${w}` };
      try {
        await sql.begin(async (tx) => {
          await tx`insert into drill (id, worker) values (${id}, ${w})`;
          await tx`insert into drill_item (drill_id, n) values (${id}, 1), (${id}, 2)`;
        });
        s.ok = true;
        acked.add(id);
      } catch (err) {
        s.code =
          dbUnavailableCode(err) ?? `other:${(err as { code?: string }).code ?? (err as Error).message}`;
      }
      s.end = now();
      samples.push(s);
      await sleep(s.ok ? 25 : 100);
    }
  }
  const workers = Array.from({ length: WORKERS }, (_, i) => worker(i));

  await sleep(2000);
  const faults = await injectFaults(cluster, { now, settleMs: SETTLE_S * 1000, stopMs: STOP_S * 1000 });
  await sleep(SETTLE_S * 1000);
  running = false;
  await Promise.all(workers);

  // What the database holds against what was acknowledged.
  const rows = await sql<{ id: string; items: number }[]>`
    select d.id, count(i.n)::int as items from drill d left join drill_item i on i.drill_id = d.id group by d.id`;
  const stored = new Map(rows.map((r) => [r.id, r.items]));
  const lost = [...acked].filter((id) => !stored.has(id)).length;
  const partial = rows.filter((r) => r.items !== 2).length;
  const [{ orphans }] = await sql<{ orphans: number }[]>`
    select count(*)::int as orphans from drill_item i where not exists (select 1 from drill d where d.id = i.drill_id)`;
  await sql.end({ timeout: 5 });
  await cluster.destroy();

  let failedChecks = 0;
  const check = (ok: boolean, text: string) => {
    if (!ok) failedChecks++;
    console.log(`${ok ? "ok  " : "FAIL"} ${text}`);
  };
  console.log(`\n${samples.length} requests, ${acked.size} acknowledged, ${rows.length} stored`);
  check(lost === 0, `acknowledged but not stored: ${lost}`);
  check(partial === 0 && orphans === 0, `partial transactions: ${partial} (orphan items ${orphans})`);
  const longest = Math.max(...samples.map((s) => s.end - s.start));
  check(
    longest <= REQUEST_LIMIT_MS,
    `longest request: ${(longest / 1000).toFixed(2)} s (limit ${REQUEST_LIMIT_MS / 1000} s)`,
  );
  for (const v of faultVerdicts(
    samples,
    faults,
    Array.from({ length: WORKERS }, (_, w) => `writer ${w}`),
  ))
    check(v.ok, v.text);
  check(uncaught === 0, `uncaught exceptions / unhandled rejections: ${uncaught}`);
  process.exit(failedChecks ? 1 : 0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
