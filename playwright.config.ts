import { defineConfig, devices } from "@playwright/test";

const port = process.env.E2E_PORT ?? "3100";
const baseURL = `http://localhost:${port}`;
// Set by scripts/e2e.mjs when Playwright's own Chromium is absent (Debian's /usr/bin/chromium here).
const executablePath = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE || undefined;
export const chromium = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath,
    args: [
      "--no-sandbox",
      "--disable-dev-shm-usage",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
      "--disable-quic",
    ],
  },
};

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    locale: "en-GB",
    timezoneId: "Europe/Paris",
  },
  projects: [
    {
      name: "chromium",
      // Specs that change clinic-wide settings (self-registration, MFA) run alone, after all the others.
      // e2e/outage/ stops the server's database: only `npm run test:outage` runs it (playwright.outage.config.ts).
      testIgnore: [/\.exclusive\.spec\.ts$/, /[\\/]outage[\\/]/],
      use: chromium,
    },
    {
      name: "exclusive",
      testMatch: /\.exclusive\.spec\.ts$/,
      dependencies: ["chromium"],
      fullyParallel: false,
      // One file at a time: each changes a clinic-wide setting the others' demo sign-ins depend on.
      workers: 1,
      use: chromium,
    },
  ],
  webServer: {
    command: "node scripts/e2e-server.mjs",
    url: `${baseURL}/login`,
    // Only on request (scripts/e2e.mjs with E2E_REUSE=1): otherwise a server already on the port is an error,
    // never a run against whatever happens to listen there.
    reuseExistingServer: process.env.E2E_REUSE === "1",
    timeout: 120_000,
    env: { E2E_PORT: port },
  },
});
