// Resident memory of an idle production server on the embedded database (issue 8 point 4):
//
//   NEXT_DIST_DIR=.next-x npx next build && npx tsx bench/pglite-server-rss.ts .next-x
//
// `next start` on a fresh PGlite data dir (migrated and seeded by the server itself, as the e2e server does), RSS of
// its whole process tree: once it answers, once the database is open, after the first page loads, after a minute idle.
import { spawn, execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

const distDir = process.argv[2] ?? process.env.NEXT_DIST_DIR ?? ".next";
const idleSeconds = Number(process.env.IDLE_SECONDS ?? 60);

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** RSS in MB of a process and all its descendants (from /proc). */
function treeRssMb(pid: number): { mb: number; processes: number } {
  const out = execFileSync("ps", ["-e", "-o", "pid=,ppid=,rss="], { encoding: "utf8" });
  const rows = out
    .trim()
    .split("\n")
    .map((l) => l.trim().split(/\s+/).map(Number));
  const tree = new Set([pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [p, pp] of rows) {
      if (tree.has(pp) && !tree.has(p)) {
        tree.add(p);
        grew = true;
      }
    }
  }
  const kb = rows.filter(([p]) => tree.has(p)).reduce((s, [, , rss]) => s + rss, 0);
  return { mb: Math.round(kb / 1024), processes: tree.size };
}

async function main() {
  if (!existsSync(path.join(distDir, "BUILD_ID"))) throw new Error(`no build in ${distDir}`);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "pglite-rss-"));
  const port = await freePort();
  const env: Record<string, string | undefined> = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_DIST_DIR: distDir,
    PGLITE_DIR: dataDir,
    SPASMCARE_AUTO_SEED: "1",
    AUTH_SECRET: "rss-measure-only-secret-0123456789abcdef",
    AUTH_TRUST_HOST: "true",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  delete env.DATABASE_URL;
  const child = spawn(
    process.execPath,
    ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"],
    { env: env as NodeJS.ProcessEnv, stdio: ["ignore", "ignore", "inherit"] },
  );
  const base = `http://127.0.0.1:${port}`;
  const get = async (p: string) => {
    const t = performance.now();
    const res = await fetch(base + p);
    await res.arrayBuffer();
    return { status: res.status, ms: Math.round(performance.now() - t) };
  };
  try {
    for (;;) {
      const up = await fetch(`${base}/api/health`).catch(() => null);
      if (up) break;
      await new Promise((r) => setTimeout(r, 300));
    }
    const rows: string[] = [];
    const note = (label: string, extra = "") => {
      const r = treeRssMb(child.pid!);
      rows.push(`| ${label} | ${r.mb} | ${r.processes} | ${extra} |`);
      process.stderr.write(`${label}: ${r.mb} MB (${r.processes} processes) ${extra}\n`);
    };
    note("listening, database not opened yet");
    // The first database request opens the fresh dir (initdb, migrate, seed); /api/ready answers 503 until then.
    const t0 = performance.now();
    let polls = 0;
    for (;;) {
      polls++;
      const ready = await get("/api/ready").catch(() => null); // a reused socket the server closed: poll again
      if (ready?.status === 200) break;
      await new Promise((r) => setTimeout(r, 1000));
    }
    note(
      "database open (fresh dir: initdb, migrate, seed)",
      `${Math.round(performance.now() - t0)} ms, ${polls} polls`,
    );
    const login = await get("/login");
    note("after the first page load (/login)", `${login.ms} ms, HTTP ${login.status}`);
    const again = await get("/login");
    note("second /login", `${again.ms} ms`);
    await new Promise((r) => setTimeout(r, idleSeconds * 1000));
    note(`after ${idleSeconds} s idle`);
    console.log(
      `\n${distDir}, PGLITE_SHARED_BUFFERS=${process.env.PGLITE_SHARED_BUFFERS ?? "(default)"}, ` +
        `load ${os.loadavg()[0].toFixed(1)}, ${new Date().toISOString()}\n`,
    );
    console.log("| moment | RSS MB (process tree) | processes | note |\n| --- | --- | --- | --- |");
    console.log(rows.join("\n"));
  } finally {
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
