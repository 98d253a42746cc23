// `npm run dev`: dev secret on first run, then Next.js. The embedded database migrates and seeds itself.
import { spawn } from "node:child_process";
import { ensureDevEnv } from "./ensure-env.mjs";

ensureDevEnv();
const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "dev", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
});
child.on("exit", (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
