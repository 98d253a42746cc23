// `npm run test:outage` (scripts/outage-browser.ts) only: the browser against a production server whose PostgreSQL
// the spec stops and starts. The driver starts the server and the database and passes their addresses.
import { defineConfig } from "@playwright/test";
import { chromium } from "./playwright.config";

export default defineConfig({
  testDir: "e2e/outage",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  outputDir: "test-results/outage",
  use: {
    baseURL: process.env.OUTAGE_BASE_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    locale: "en-GB",
    timezoneId: "Europe/Paris",
  },
  projects: [{ name: "outage", use: chromium }],
});
