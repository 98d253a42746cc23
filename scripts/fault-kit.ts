/**
 * What the two database fault runs of issue 9 share: `npm run drill` (the connection pool alone) and
 * `npm run test:faults` (a production server, end to end).
 *
 * - a throwaway PostgreSQL cluster of their own: initdb into a temp dir, on a free port, as the `postgres` OS user
 *   when run as root; started, restarted, killed and stopped without blocking the event loop (so the requests in
 *   flight are timed truly);
 * - the three faults in order: a fast restart, `kill -9` of the postmaster then start, a stop for some seconds
 *   then start;
 * - the per-fault verdict on what the workers saw: every worker succeeded again within RECOVER_LIMIT_MS of the
 *   database being back, and none failed after that until the next fault.
 */
import { execFile, execFileSync, spawnSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

export const RECOVER_LIMIT_MS = 5_000;
export const REQUEST_LIMIT_MS = 10_000;

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The directory holding initdb/pg_ctl, or null when this machine has no PostgreSQL server binaries. */
export function pgBinDir(): string | null {
  const candidates: string[] = [];
  const fromPath = spawnSync("pg_config", ["--bindir"], { encoding: "utf8" });
  if (fromPath.status === 0) candidates.push(fromPath.stdout.trim());
  if (existsSync("/usr/lib/postgresql")) {
    const versions = readdirSync("/usr/lib/postgresql");
    for (const v of versions.sort((a, b) => Number(b) - Number(a)))
      candidates.push(`/usr/lib/postgresql/${v}/bin`);
  }
  return (
    candidates.find((d) => existsSync(path.join(d, "initdb")) && existsSync(path.join(d, "pg_ctl"))) ?? null
  );
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

export type Cluster = {
  url: string;
  port: number;
  dir: string;
  start: () => Promise<void>;
  stop: () => Promise<void>;
  /** SIGKILL to the postmaster (its backends notice and exit by themselves). */
  kill9: () => void;
  destroy: () => Promise<void>;
};

/** initdb + start a cluster of our own; `destroy()` stops it and removes its directory. */
export async function startCluster(log: (line: string) => void = console.log): Promise<Cluster> {
  const binDir = pgBinDir();
  if (!binDir) throw new Error("no PostgreSQL server binaries (initdb, pg_ctl) on this machine");
  const asRoot = process.getuid?.() === 0;
  const uid = asRoot
    ? Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim())
    : undefined;
  const gid = asRoot
    ? Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim())
    : undefined;
  const run = (bin: string, args: string[]) =>
    new Promise<{ ok: boolean; out: string }>((resolve) => {
      execFile(path.join(binDir, bin), args, { uid, gid, encoding: "utf8" }, (err, stdout, stderr) =>
        resolve({ ok: !err, out: `${stderr}${stdout}` }),
      );
    });
  const must = async (bin: string, args: string[]) => {
    const r = await run(bin, args);
    if (!r.ok) throw new Error(`${bin} ${args.join(" ")} failed: ${r.out}`);
  };

  const dir = mkdtempSync(path.join(tmpdir(), "spasm-faults-"));
  chmodSync(dir, 0o755);
  if (asRoot) chownSync(dir, uid!, gid!);
  const data = path.join(dir, "data");
  const port = await freePort();
  await must("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync"]);
  const serverOptions = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const start = async () => {
    // After kill -9, the old backends may hold the shared memory for a moment: retry.
    let last = "";
    for (let i = 0; i < 40; i++) {
      const r = await run("pg_ctl", [
        "-D",
        data,
        "-l",
        path.join(dir, "log"),
        "-w",
        "-o",
        serverOptions,
        "start",
      ]);
      if (r.ok) return;
      last = r.out;
      await sleep(250);
    }
    throw new Error(`could not start the cluster: ${last}`);
  };
  const stop = () => must("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]);
  await start();
  log(`PostgreSQL cluster of our own in ${dir} on 127.0.0.1:${port} (${binDir})`);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    dir,
    start,
    stop,
    kill9: () => {
      const pid = Number(readFileSync(path.join(data, "postmaster.pid"), "utf8").split("\n")[0]);
      process.kill(pid, "SIGKILL");
    },
    destroy: async () => {
      await run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Clock times: the fault began (`down`), the database was certainly down (`dead`), it answered again (`back`). */
export type Fault = { name: string; down: number; dead: number; back: number };

/**
 * The three faults of issue 9, each after `settleMs` of normal running: fast restart (`pg_ctl stop -m fast`, then
 * start at once: what `pg_ctl restart -m fast` does, with the moment it is down known); kill -9 of the postmaster,
 * then start; stop, `stopMs` down, then start. `now()` is the caller's clock; `whileDown` runs once the database is
 * down for the stop (e.g. to ask for the first page after it died), `beforeStop` just before it.
 */
export async function injectFaults(
  cluster: Cluster,
  opts: {
    now: () => number;
    settleMs: number;
    stopMs: number;
    log?: (line: string) => void;
    /** Before the stop (e.g. to let the requests in flight finish, so the first page after it is truly first). */
    beforeStop?: () => Promise<void>;
    whileDown?: () => Promise<void>;
  },
): Promise<Fault[]> {
  const log = opts.log ?? console.log;
  const faults: Fault[] = [];
  let dead = 0;
  const inject = async (name: string, act: () => Promise<void>, prepare?: () => Promise<void>) => {
    await sleep(opts.settleMs);
    await prepare?.();
    const down = opts.now();
    await act();
    const back = opts.now();
    faults.push({ name, down, dead, back });
    log(`${name}: database back at ${(back / 1000).toFixed(1)} s (down at ${(down / 1000).toFixed(1)} s)`);
  };
  await inject("fast restart", async () => {
    await cluster.stop();
    dead = opts.now();
    await cluster.start();
  });
  await inject("kill -9 postmaster, start", async () => {
    cluster.kill9();
    dead = opts.now();
    await sleep(500);
    await cluster.start();
  });
  await inject(
    `stopped ${Math.round(opts.stopMs / 1000)} s, start`,
    async () => {
      await cluster.stop();
      dead = opts.now();
      await opts.whileDown?.();
      await sleep(Math.max(0, opts.stopMs - (opts.now() - dead)));
      await cluster.start();
    },
    opts.beforeStop,
  );
  return faults;
}

/** One request as a worker saw it, on the caller's clock. */
export type Sample = { start: number; end: number; ok: boolean; code?: string; worker: string };

export type Verdict = { ok: boolean; text: string };

/**
 * Per fault: how many requests failed and why, the slowest, and whether every worker succeeded again within
 * RECOVER_LIMIT_MS of the database being back and none failed after that until the next fault (or the end).
 */
export function faultVerdicts(samples: Sample[], faults: Fault[], workers: string[]): Verdict[] {
  const out: Verdict[] = [];
  for (const [i, f] of faults.entries()) {
    const until = faults[i + 1]?.down ?? Infinity;
    const window = samples.filter((s) => s.end >= f.down && s.start < until);
    const failed = window.filter((s) => !s.ok);
    const codes = new Map<string, number>();
    for (const s of failed) codes.set(s.code ?? "?", (codes.get(s.code ?? "?") ?? 0) + 1);
    let recovered = 0;
    let laggard = "";
    for (const w of workers) {
      const first = window.find((s) => s.worker === w && s.ok && s.start >= f.back);
      const t = first ? first.end - f.back : Infinity;
      if (t > recovered) [recovered, laggard] = [t, w];
    }
    // Not counted: a request still in flight when the next fault began.
    const late = window.filter((s) => !s.ok && s.start >= f.back + RECOVER_LIMIT_MS && s.end < until);
    const slowest = window.length ? Math.max(...window.map((s) => s.end - s.start)) : 0;
    out.push({
      ok: true,
      text:
        `${f.name}: down ${((f.back - f.down) / 1000).toFixed(1)} s; ${failed.length} of ${window.length} requests ` +
        `failed (${[...codes].map(([c, n]) => `${c}×${n}`).join(", ") || "none"}); slowest ${(slowest / 1000).toFixed(2)} s`,
    });
    out.push({
      ok: recovered <= RECOVER_LIMIT_MS,
      text: `  every worker succeeded again ${Number.isFinite(recovered) ? `${(recovered / 1000).toFixed(2)} s` : "NEVER"} after the database was back (limit ${RECOVER_LIMIT_MS / 1000} s${recovered > RECOVER_LIMIT_MS ? `; last: ${laggard}` : ""})`,
    });
    out.push({
      ok: late.length === 0,
      text:
        `  failures starting ${RECOVER_LIMIT_MS / 1000} s or more after it was back, until the ${faults[i + 1] ? "next fault" : "end"}: ${late.length}` +
        (late.length
          ? ` (${late
              .slice(0, 5)
              .map((s) => `${s.worker} +${((s.start - f.back) / 1000).toFixed(1)} s: ${s.code}`)
              .join("; ")})`
          : ""),
    });
  }
  return out;
}

/** Migrates the cluster with the app's production command, as an operator runs it; returns what it printed. */
export function migrateCluster(root: string, url: string): string {
  const migrated = spawnSync("npm", ["run", "--silent", "db:migrate"], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: url, NODE_ENV: "production" },
  });
  if (migrated.status !== 0)
    throw new Error(`npm run db:migrate failed: ${migrated.stderr}${migrated.stdout}`);
  return migrated.stdout.trim();
}
