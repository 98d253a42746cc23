/**
 * `npm run test:outage`: issue 9's browser acceptance against a REAL database outage (not a faked 503).
 *
 * Starts a PostgreSQL cluster of its own (scripts/fault-kit.ts: initdb into a temp dir, as the `postgres` OS user
 * when run as root), migrates it with the production command, serves the existing production build on it
 * (`next start`, NEXT_DIST_DIR or .next), and a control endpoint on 127.0.0.1 (POST /stop, POST /start) that stops
 * and starts that cluster. Then runs Playwright with playwright.outage.config.ts (e2e/outage/): a patient submits
 * while the database is down, sees the answers kept and the emergency numbers, and one click sends the report once
 * the database is back; a reload restores the draft. Exit code: Playwright's.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import { startServer } from "@/bench/web";
import { freePort, migrateCluster, pgBinDir, startCluster } from "./fault-kit";
import { findBrowser } from "./find-browser.mjs";

const root = process.cwd();
const distDir = process.env.NEXT_DIST_DIR || ".next";
const log = (line: string) => console.log(line);

async function main(): Promise<number> {
  if (!existsSync(path.join(root, distDir, "BUILD_ID"))) {
    console.error(
      `test:outage: no production build in ${path.join(root, distDir)}. Build first (npm run build).`,
    );
    return 1;
  }
  if (!pgBinDir()) {
    console.error("test:outage: no PostgreSQL server binaries (initdb, pg_ctl) on this machine.");
    return 1;
  }
  const browser = await findBrowser({ install: true });
  if (!browser) {
    console.error(
      "test:outage: no Chromium (apt-get install -y chromium, or PLAYWRIGHT_CHROMIUM_EXECUTABLE).",
    );
    return 1;
  }
  const cluster = await startCluster(log);
  let stopServer: (() => Promise<void>) | undefined;
  const control = createServer();
  try {
    migrateCluster(root, cluster.url);
    const port = await freePort();
    const server = await startServer({ root, distDir, port, databaseUrl: cluster.url });
    stopServer = server.stop;

    // One state change at a time; each answers once the cluster is truly down (or answering again).
    let up = true;
    let busy = Promise.resolve();
    control.on("request", (req, res) => {
      const what = req.url === "/stop" ? "stop" : req.url === "/start" ? "start" : null;
      if (req.method !== "POST" || !what) return res.writeHead(404).end();
      busy = busy.then(async () => {
        try {
          if (up !== (what === "start")) {
            await (what === "stop" ? cluster.stop() : cluster.start());
            up = what === "start";
            log(`  [outage] database ${up ? "started" : "stopped"}`);
          }
          res.writeHead(200).end(what);
        } catch (err) {
          res.writeHead(500).end(String(err));
        }
      });
    });
    const controlPort = await freePort();
    await new Promise<void>((r) => control.listen(controlPort, "127.0.0.1", r));
    // localhost, not 127.0.0.1: the production session cookie is `__Host-` (Secure), which Chromium keeps on
    // http://localhost only.
    const base = `http://localhost:${port}`;
    log(`next start (${distDir}) at ${base} on the cluster; database control at 127.0.0.1:${controlPort}`);

    mkdirSync(".test-results", { recursive: true });
    const args = ["node_modules/@playwright/test/cli.js", "test", "-c", "playwright.outage.config.ts"];
    args.push(...process.argv.slice(2));
    const env = {
      ...process.env,
      OUTAGE_BASE_URL: base,
      OUTAGE_CONTROL_URL: `http://127.0.0.1:${controlPort}`,
      ...(browser.path ? { PLAYWRIGHT_CHROMIUM_EXECUTABLE: browser.path } : {}),
    };
    delete (env as Record<string, string | undefined>).DATABASE_URL;
    // Asynchronous: the control endpoint must keep answering while Playwright runs.
    const code = await new Promise<number>((resolve) => {
      const child = spawn(process.execPath, args, { stdio: "inherit", env });
      child.on("exit", (c) => resolve(c ?? 1));
    });
    return code;
  } finally {
    control.close();
    await stopServer?.();
    await cluster.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
