// Finds a Chromium for Playwright: its own download if present, else a system one; else tries to get one.
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";

const SYSTEM = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
];

async function playwrightOwn() {
  try {
    const { chromium } = await import("@playwright/test");
    const p = chromium.executablePath();
    return p && existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

function tryRun(cmd) {
  try {
    execSync(cmd, { stdio: "inherit", timeout: 300_000 });
    return true;
  } catch {
    return false;
  }
}

export async function findBrowser({ install = false } = {}) {
  const fromEnv = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE;
  if (fromEnv && existsSync(fromEnv)) return { path: fromEnv, own: false };
  const own = await playwrightOwn();
  if (own) return { path: undefined, own: true };
  const system = SYSTEM.find((p) => existsSync(p));
  if (system) return { path: system, own: false };
  if (!install) return null;
  console.log("No Chromium found: trying `playwright install chromium`…");
  if (tryRun("npx playwright install chromium") && (await playwrightOwn()))
    return { path: undefined, own: true };
  if (process.getuid?.() === 0) {
    console.log("Trying Debian's chromium package…");
    tryRun("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium");
    const got = SYSTEM.find((p) => existsSync(p));
    if (got) return { path: got, own: false };
  }
  return null;
}
