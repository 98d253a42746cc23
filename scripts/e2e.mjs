// `npm run test:e2e`: find (or get) a Chromium, build if needed, then Playwright.
// Isolation: the run starts its own server on a free port (or E2E_PORT) and refuses a port something already
// listens on, unless E2E_REUSE=1 says to test that server on purpose. DATABASE_URL is never passed on: the e2e
// server always runs on a fresh embedded database of its own.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { freePort, isPortInUse, withoutDatabaseUrl } from "./e2e-isolation.mjs";
import { findBrowser } from "./find-browser.mjs";

const reuse = process.env.E2E_REUSE === "1";
if (reuse && !process.env.E2E_PORT) {
  console.error("E2E_REUSE=1 tests an existing server: say which one with E2E_PORT.");
  process.exit(1);
}
const port = process.env.E2E_PORT || String(await freePort());
if (!reuse && (await isPortInUse(Number(port)))) {
  console.error(
    `Port ${port} is already in use. The e2e run starts its own server and will not test one it did not start. ` +
      "Free the port, choose another with E2E_PORT, or set E2E_REUSE=1 to test that server on purpose.",
  );
  process.exit(1);
}
if (reuse) console.log(`E2E_REUSE=1: testing the server already listening on port ${port}.`);

const browser = await findBrowser({ install: true });
if (!browser) {
  console.error(
    "No Chromium for Playwright. Install one: `npx playwright install chromium`, or on Debian `apt-get install -y chromium`, or set PLAYWRIGHT_CHROMIUM_EXECUTABLE.",
  );
  process.exit(1);
}
if (process.env.DATABASE_URL)
  console.log("DATABASE_URL is set: not passed to the e2e run (it uses its own embedded database).");
const env = { ...withoutDatabaseUrl(process.env), E2E_PORT: port, NEXT_TELEMETRY_DISABLED: "1" };
if (browser.path) env.PLAYWRIGHT_CHROMIUM_EXECUTABLE = browser.path;
if (!existsSync(`${process.env.NEXT_DIST_DIR || ".next"}/BUILD_ID`) || process.env.E2E_REBUILD === "1") {
  const build = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
    stdio: "inherit",
    env,
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const run = spawnSync(
  process.execPath,
  ["node_modules/@playwright/test/cli.js", "test", ...process.argv.slice(2)],
  {
    stdio: "inherit",
    env,
  },
);
process.exit(run.status ?? 1);
