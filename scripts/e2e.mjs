// `npm run test:e2e`: find (or get) a Chromium, build if needed, then Playwright.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { findBrowser } from "./find-browser.mjs";

const browser = await findBrowser({ install: true });
if (!browser) {
  console.error(
    "No Chromium for Playwright. Install one: `npx playwright install chromium`, or on Debian `apt-get install -y chromium`, or set PLAYWRIGHT_CHROMIUM_EXECUTABLE.",
  );
  process.exit(1);
}
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
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
