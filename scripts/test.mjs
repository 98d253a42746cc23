// `npm test`: lint, typecheck, unit + DAL integration (PGlite, and PostgreSQL with TEST_DATABASE_URL), build, e2e.
import { spawnSync } from "node:child_process";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const steps = [
  ["lint", ["node_modules/eslint/bin/eslint.js", "."]],
  ["typecheck", ["node_modules/typescript/bin/tsc", "--noEmit"]],
  ["unit + integration", ["node_modules/vitest/vitest.mjs", "run"]],
  ["build", ["node_modules/next/dist/bin/next", "build"]],
  ["e2e", ["scripts/e2e.mjs"]],
];
const only = process.env.TEST_STEPS?.split(",");
for (const [name, args] of steps) {
  if (only && !only.includes(name.split(" ")[0])) continue;
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const r = spawnSync(process.execPath, args, { stdio: "inherit", env });
  console.log(`=== ${name}: ${r.status === 0 ? "ok" : "FAILED"} in ${((Date.now() - started) / 1000).toFixed(1)} s ===`);
  if (r.status !== 0) process.exit(r.status ?? 1);
}
