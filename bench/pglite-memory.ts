// The embedded database's memory and what the smaller setting costs (issue 8 point 4; docs/PERFORMANCE.md
// "Embedded database footprint"). Each configuration runs in its own Node process so RSS is its alone:
//
//   npx tsx bench/pglite-memory.ts            # both shared_buffers settings, fresh data dirs under /tmp
//
// Per configuration: RSS after the first open of a fresh data dir (initdb in this process, as before the change),
// after a re-open, after migrate + the demo seed, and timings: the seed, a demo-sized query loop, and full scans of
// a 300 000-row (~50 MB) table (full scans and 20 000 random primary-key reads), larger than 16 MB of shared buffers and smaller than 128 MB.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const SETTINGS = ["128MB", "16MB"];

type Result = Record<string, number | string>;

async function child(sharedBuffers: string, dir: string, mode: "fresh" | "reopen"): Promise<Result> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  const rss = () => Math.round(process.memoryUsage().rss / 1048576);
  const out: Result = { sharedBuffers, mode };
  let t = performance.now();
  const pg = new PGlite(dir, {
    startParams: [...PGlite.defaultStartParams, "-c", `shared_buffers=${sharedBuffers}`],
  });
  await pg.waitReady;
  out.openMs = Math.round(performance.now() - t);
  out.rssOpenMb = rss();
  if (mode === "fresh") {
    await pg.close();
    return out;
  }
  const db = drizzle(pg);
  await migrate(db, { migrationsFolder: path.join(process.cwd(), "drizzle") });
  const { seedIfEmpty } = await import("../lib/db/seed");
  t = performance.now();
  await seedIfEmpty(db as never);
  out.seedMs = Math.round(performance.now() - t);
  // A demo-sized page's worth of reads, 200 times.
  t = performance.now();
  for (let i = 0; i < 200; i++) {
    await pg.query(
      `select r.id, r.pain_score, r.started_at from spasm_reports r join users u on u.id = r.patient_id
       order by r.started_at desc limit 25`,
    );
    await pg.query(`select count(*) from audit_events`);
  }
  out.demoQueryLoopMs = Math.round(performance.now() - t);
  await pg.exec(`create table scan_probe as
    select g as id, repeat(md5(g::text), 4) as filler from generate_series(1, 300000) g`);
  const size = await pg.query<{ mb: number }>(
    `select round(pg_total_relation_size('scan_probe') / 1048576.0)::int as mb`,
  );
  out.probeTableMb = size.rows[0].mb;
  const scans: number[] = [];
  for (let i = 0; i < 5; i++) {
    t = performance.now();
    await pg.query(`select sum(length(filler)) from scan_probe`);
    scans.push(performance.now() - t);
  }
  scans.sort((a, b) => a - b);
  out.scanMedianMs = Math.round(scans[2]);
  // Random primary-key reads over the whole table: cached in 128 MB of shared buffers, not in 16 MB.
  await pg.exec(`alter table scan_probe add primary key (id)`);
  const lookups: number[] = [];
  for (let i = 0; i < 5; i++) {
    t = performance.now();
    await pg.query(`select sum((select length(p.filler) from scan_probe p where p.id = g.r))
      from (select (random() * 299999)::int + 1 as r from generate_series(1, 20000)) g`);
    lookups.push(performance.now() - t);
  }
  lookups.sort((a, b) => a - b);
  out.lookupMedianMs = Math.round(lookups[2]);
  await pg.exec(`drop table scan_probe`);
  await new Promise((r) => setTimeout(r, 1000));
  out.rssAfterWorkMb = rss();
  await pg.close();
  return out;
}

async function main() {
  if (process.argv[2] === "--child") {
    const [, , , sb, dir, mode] = process.argv;
    process.stdout.write(JSON.stringify(await child(sb, dir, mode as "fresh" | "reopen")));
    return;
  }
  const rows: Result[] = [];
  for (const sb of SETTINGS) {
    const dir = mkdtempSync(path.join(os.tmpdir(), "pglite-memory-"));
    try {
      for (const mode of ["fresh", "reopen"]) {
        const json = execFileSync(
          process.execPath,
          ["--import", "tsx", path.join("bench", "pglite-memory.ts"), "--child", sb, dir, mode],
          { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
        );
        rows.push(JSON.parse(json) as Result);
        process.stderr.write(`${json}\n`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const [a, b] = [
    rows.filter((r) => r.sharedBuffers === SETTINGS[0]),
    rows.filter((r) => r.sharedBuffers === SETTINGS[1]),
  ];
  const line = (label: string, key: string, mode: string) => {
    const x = a.find((r) => r.mode === mode)?.[key];
    const y = b.find((r) => r.mode === mode)?.[key];
    const ratio = typeof x === "number" && typeof y === "number" && x > 0 ? ` (${(y / x).toFixed(2)}×)` : "";
    return `| ${label} | ${x} | ${y}${ratio} |`;
  };
  console.log(
    `\nPGlite ${SETTINGS.join(" vs ")} shared_buffers, ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)}, ${new Date().toISOString()}\n`,
  );
  console.log(`| measure | shared_buffers=${SETTINGS[0]} | shared_buffers=${SETTINGS[1]} |`);
  console.log("| --- | --- | --- |");
  console.log(line("RSS after first open of a fresh dir (initdb in-process), MB", "rssOpenMb", "fresh"));
  console.log(line("RSS after re-open, MB", "rssOpenMb", "reopen"));
  console.log(line("RSS after migrate, seed, queries and scans, MB", "rssAfterWorkMb", "reopen"));
  console.log(line("re-open, ms", "openMs", "reopen"));
  console.log(line("demo seed, ms", "seedMs", "reopen"));
  console.log(line("demo query loop (400 queries), ms", "demoQueryLoopMs", "reopen"));
  console.log(line("300 000-row table size, MB", "probeTableMb", "reopen"));
  console.log(line("its full scan, median of 5, ms", "scanMedianMs", "reopen"));
  console.log(line("20 000 random primary-key reads in it, median of 5, ms", "lookupMedianMs", "reopen"));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
