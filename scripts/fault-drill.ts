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
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, chownSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { postgresPoolOptions } from "../lib/db/index";
import { dbUnavailableCode } from "../lib/db/unavailable";

const WORKERS = Number(process.env.DRILL_WORKERS ?? 20);
const STOP_S = Number(process.env.DRILL_STOP_S ?? 10);
const SETTLE_S = Number(process.env.DRILL_SETTLE_S ?? 8);
const BASELINE = process.env.DRILL_BASELINE === "1";
const RECOVER_LIMIT_MS = 5_000;
const REQUEST_LIMIT_MS = 10_000;

const binDir = (() => {
  const fromPath = spawnSync("pg_config", ["--bindir"], { encoding: "utf8" });
  if (fromPath.status === 0) return fromPath.stdout.trim();
  const v = execFileSync("ls", ["/usr/lib/postgresql"], { encoding: "utf8" }).trim().split("\n").sort().pop();
  return `/usr/lib/postgresql/${v}/bin`;
})();
const asRoot = process.getuid?.() === 0;
const pgUid = asRoot
  ? Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim())
  : undefined;
const pgGid = asRoot
  ? Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim())
  : undefined;

function pg(bin: string, args: string[], allowFail = false) {
  const r = spawnSync(path.join(binDir, bin), args, { encoding: "utf8", uid: pgUid, gid: pgGid });
  if (r.status !== 0 && !allowFail)
    throw new Error(`${bin} ${args.join(" ")} failed: ${r.stderr || r.stdout}`);
  return r.status === 0;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Sample = { start: number; end: number; ok: boolean; code?: string; worker: number };

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), "spasm-drill-"));
  chmodSync(dir, 0o755);
  if (asRoot) chownSync(dir, pgUid!, pgGid!);
  const data = path.join(dir, "data");
  const port = await freePort();
  pg("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync"]);
  const start = () => {
    // After kill -9, the old backends may hold shared memory for a moment: retry.
    for (let i = 0; i < 20; i++) {
      if (
        pg(
          "pg_ctl",
          [
            "-D",
            data,
            "-l",
            path.join(dir, "log"),
            "-w",
            "-o",
            `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
            "start",
          ],
          true,
        )
      )
        return;
      spawnSync("sleep", ["0.25"]);
    }
    throw new Error("could not start the drill cluster");
  };
  const stop = () => pg("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]);
  start();
  console.log(`drill cluster: PostgreSQL in ${dir} on 127.0.0.1:${port} (${binDir})`);

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
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
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
      const s: Sample = { start: now(), end: 0, ok: false, worker: w };
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

  const postmasterPid = () => Number(readFileSync(path.join(data, "postmaster.pid"), "utf8").split("\n")[0]);
  type Fault = { name: string; down: number; back: number };
  const faults: Fault[] = [];
  const inject = async (name: string, act: () => Promise<void> | void) => {
    await sleep(SETTLE_S * 1000);
    const down = now();
    await act();
    faults.push({ name, down, back: now() });
    console.log(`${name}: database back at ${(now() / 1000).toFixed(1)} s`);
  };
  await sleep(2000);
  await inject("fast restart", () => {
    pg("pg_ctl", [
      "-D",
      data,
      "-l",
      path.join(dir, "log"),
      "-m",
      "fast",
      "-w",
      "restart",
      "-o",
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
    ]);
  });
  await inject("kill -9 postmaster, start", async () => {
    process.kill(postmasterPid(), "SIGKILL");
    await sleep(500);
    start();
  });
  await inject(`stopped ${STOP_S} s, start`, async () => {
    stop();
    await sleep(STOP_S * 1000);
    start();
  });
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
  stop();
  rmSync(dir, { recursive: true, force: true });

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
  for (const [i, f] of faults.entries()) {
    const until = faults[i + 1]?.down ?? Infinity;
    const window = samples.filter((s) => s.end >= f.down && s.start < until);
    const failed = window.filter((s) => !s.ok);
    const codes = [...new Set(failed.map((s) => s.code))].join(", ");
    // Per writer: the first request started after the database was back that succeeded.
    let recovered = 0;
    for (let w = 0; w < WORKERS; w++) {
      const first = window.find((s) => s.worker === w && s.ok && s.start >= f.back);
      recovered = Math.max(recovered, first ? first.end - f.back : Infinity);
    }
    const lateFailures = window.filter(
      (s) => !s.ok && s.start >= f.back + RECOVER_LIMIT_MS && s.end < until,
    ).length;
    const slowest = Math.max(...window.map((s) => s.end - s.start));
    console.log(
      `\n${f.name}: down for ${((f.back - f.down) / 1000).toFixed(1)} s, ${failed.length} failed of ${window.length} (${codes || "none"})`,
    );
    check(
      recovered <= RECOVER_LIMIT_MS,
      `  every writer succeeded again ${(recovered / 1000).toFixed(2)} s after the database was back`,
    );
    check(
      lateFailures === 0,
      `  failures starting more than ${RECOVER_LIMIT_MS / 1000} s after it was back (before the next fault): ${lateFailures}`,
    );
    console.log(`       slowest request around this fault: ${(slowest / 1000).toFixed(2)} s`);
  }
  check(uncaught === 0, `uncaught exceptions / unhandled rejections: ${uncaught}`);
  process.exit(failedChecks ? 1 : 0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
