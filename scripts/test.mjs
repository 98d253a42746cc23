// `npm test`: lint, format check, typecheck, unit + DAL integration (PGlite, and PostgreSQL with TEST_DATABASE_URL), build, database faults (load, then in the browser), e2e.
// Ends with one summary line, "tests: N passed, N failed", counted from the vitest and Playwright JSON reports.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";

const out = ".test-results";
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
// npm test only uses databases it starts (PGlite, or TEST_DATABASE_URL's server with a throw-away database per file):
// a DATABASE_URL in the environment is dropped so no step can reach that database.
if (process.env.DATABASE_URL)
  console.log("DATABASE_URL is set: ignored by npm test (it starts its own databases).");
const { DATABASE_URL: _ignored, ...inherited } = process.env;
const env = { ...inherited, NEXT_TELEMETRY_DISABLED: "1", PLAYWRIGHT_JSON_OUTPUT_NAME: `${out}/e2e.json` };
const steps = [
  ["lint", ["node_modules/eslint/bin/eslint.js", "."]],
  ["format", ["node_modules/prettier/bin/prettier.cjs", "--check", "."]],
  ["typecheck", ["node_modules/typescript/bin/tsc", "--noEmit"]],
  ["audit", ["scripts/audit.mjs"]],
  [
    "unit + integration",
    [
      "node_modules/vitest/vitest.mjs",
      "run",
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${out}/vitest.json`,
    ],
  ],
  ["build", ["node_modules/next/dist/bin/next", "build"]],
  // Quick bench (issue 8): queue at 1 k and 10 k reports in PostgreSQL databases of its own on TEST_DATABASE_URL's
  // server (created and dropped), and the first-load JS budget of the build above; fails when a budget is broken.
  // Without TEST_DATABASE_URL it prints that it is skipped.
  // Every route holds the first-load JS budget itself (180 kB, of which 50 kB its own; docs/PERFORMANCE.md).
  [
    "bench (quick)",
    ["--import", "tsx", "--import", "./bench/server-only-hook.mjs", "scripts/bench-run.ts", "--ci"],
  ],
  // Issue 9: its own PostgreSQL, `next start` on the build just made, three database faults (scripts/fault-test.ts).
  ["faults", ["node_modules/tsx/dist/cli.mjs", "scripts/fault-test.ts"]],
  // Issue 9 in the browser: the same build on a PostgreSQL of its own that the spec stops and starts (e2e/outage/).
  [
    "outage (browser)",
    ["node_modules/tsx/dist/cli.mjs", "scripts/outage-browser.ts", "--reporter=list,json"],
    { PLAYWRIGHT_JSON_OUTPUT_NAME: `${out}/outage.json` },
  ],
  ["e2e", ["scripts/e2e.mjs", "--reporter=list,json"]],
];

function counts() {
  let passed = 0;
  let failed = 0;
  if (existsSync(`${out}/vitest.json`)) {
    const v = JSON.parse(readFileSync(`${out}/vitest.json`, "utf8"));
    passed += v.numPassedTests ?? 0;
    failed += v.numFailedTests ?? 0;
  }
  for (const report of ["e2e", "outage"]) {
    if (!existsSync(`${out}/${report}.json`)) continue;
    const p = JSON.parse(readFileSync(`${out}/${report}.json`, "utf8")).stats ?? {};
    passed += (p.expected ?? 0) + (p.flaky ?? 0);
    failed += p.unexpected ?? 0;
  }
  return { passed, failed };
}

/** The fault test starts its own PostgreSQL: it needs initdb (pg_config's bindir, Debian's layout, or PATH). */
function hasInitdb() {
  const dirs = [spawnSync("pg_config", ["--bindir"], { encoding: "utf8" }).stdout?.trim()];
  if (existsSync("/usr/lib/postgresql"))
    for (const v of readdirSync("/usr/lib/postgresql")) dirs.push(`/usr/lib/postgresql/${v}/bin`);
  dirs.push(...(process.env.PATH ?? "").split(":"));
  return dirs.some((d) => d && existsSync(`${d}/initdb`));
}

const only = process.env.TEST_STEPS?.split(",");
let status = 0;
for (const [name, args, stepEnv] of steps) {
  if (only && !only.includes(name.split(" ")[0])) continue;
  if ((name === "faults" || name.startsWith("outage")) && !hasInitdb()) {
    console.log(`\n=== ${name}: SKIPPED: no PostgreSQL server binaries (initdb) on this machine ===`);
    continue;
  }
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const r = spawnSync(process.execPath, args, { stdio: "inherit", env: { ...env, ...stepEnv } });
  console.log(
    `=== ${name}: ${r.status === 0 ? "ok" : "FAILED"} in ${((Date.now() - started) / 1000).toFixed(1)} s ===`,
  );
  if (r.status !== 0) {
    status = r.status ?? 1;
    break;
  }
}
const { passed, failed } = counts();
if (existsSync(`${out}/audit.txt`)) console.log(`\n${readFileSync(`${out}/audit.txt`, "utf8").trim()}`);
console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(status !== 0 ? status : failed > 0 ? 1 : 0);
