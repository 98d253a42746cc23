// The server Playwright tests against: a production build on a fresh embedded database, seeded in-process.
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { withoutDatabaseUrl } from "./e2e-isolation.mjs";

const port = process.env.E2E_PORT ?? "3100";
const dir = path.join(process.cwd(), ".data", `e2e-${port}`);
rmSync(dir, { recursive: true, force: true });

const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", port], {
  stdio: "inherit",
  env: {
    ...withoutDatabaseUrl(process.env),
    PGLITE_DIR: dir,
    SPASMCARE_AUTO_SEED: "1",
    AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-only-secret-not-for-production-0123456789",
    AUTH_TRUST_HOST: "true",
    NEXT_TELEMETRY_DISABLED: "1",
    // The whole browser suite signs in and registers from one address: per-address limits would throttle specs
    // against each other. Per-account limits (the lock-out spec) stay as in production.
    SPASMCARE_SIGNIN_FAILURES_PER_IP: "10000",
    SPASMCARE_REGISTRATIONS_PER_IP_PER_HOUR: "10000",
  },
});

child.on("exit", (code) => process.exit(code ?? 0));
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
