// `npm run lighthouse [-- --web .next-bench] [-- --runs 3]` (issue 8, recorded, not in CI): Lighthouse 12 with its
// default mobile settings (Moto G Power viewport, 4× CPU slowdown, simulated slow 4G) on /login, /patient,
// /patient/reports/new and /doctor, against `next start` on a production build and the 10 k-report bench database
// (PostgreSQL, DATABASE_URL as for `npm run bench`), each signed-in page with a session made as sign-in makes it
// (bench/web.ts). Prints performance score and total blocking time per route (median of the runs) against the
// budget, writes the JSON reports to bench/results/lighthouse/, exits 1 when a budget is broken.
import { execFile } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { promisify } from "node:util";
import { ensureBenchDatabase, assertLocal } from "@/bench/pg";
import { benchPrincipals, sessionCookies, startServer } from "@/bench/web";

const run = promisify(execFile);
const { values: args } = parseArgs({
  options: {
    web: { type: "string", default: ".next-bench" },
    "web-port": { type: "string", default: "3495" },
    runs: { type: "string", default: "3" },
    /** Comma-separated routes instead of the four budgeted ones (a signed-in role is chosen by the path). */
    routes: { type: "string" },
  },
});

export const LIGHTHOUSE_SCORE_BUDGET = 90;
export const LIGHTHOUSE_TBT_BUDGET_MS = 200;
const CHROME_FLAGS =
  "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --no-first-run";
const RESULTS = path.join(process.cwd(), "bench", "results", "lighthouse");
const log = (line: string) => process.stderr.write(`${line}\n`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error("set DATABASE_URL (local PostgreSQL), as for `npm run bench`");
  assertLocal(base);
  const { url } = await ensureBenchDatabase(base, "spasmcare_bench_10k", {
    patients: 1_000,
    reports: 10_000,
    log,
  });
  const who = await benchPrincipals(url, 1);
  const cookies = await sessionCookies(url, [who.patient, who.doctor]);
  const server = await startServer({
    root: process.cwd(),
    distDir: args.web!,
    port: Number(args["web-port"]),
    databaseUrl: url,
  });
  mkdirSync(RESULTS, { recursive: true });
  const asRole = (route: string) =>
    route.startsWith("/patient")
      ? cookies.get(who.patient)
      : route.startsWith("/doctor")
        ? cookies.get(who.doctor)
        : undefined;
  const routes = (args.routes?.split(",") ?? ["/login", "/patient", "/patient/reports/new", "/doctor"]).map(
    (route) => ({ route, cookie: asRole(route) }),
  );
  const rows: { route: string; score: number; tbt: number; lcp: number; runs: string }[] = [];
  try {
    for (const r of routes) {
      const scores: number[] = [];
      const tbts: number[] = [];
      const lcps: number[] = [];
      for (let i = 0; i < Number(args.runs); i++) {
        const out = path.join(RESULTS, `${r.route.replace(/\//g, "_") || "_"}-${i + 1}.json`);
        const headers = path.join(os.tmpdir(), `lh-headers-${process.pid}.json`);
        writeFileSync(headers, JSON.stringify(r.cookie ? { cookie: r.cookie } : {}));
        await run(
          process.execPath,
          [
            path.join(process.cwd(), "node_modules/lighthouse/cli/index.js"),
            `${server.base}${r.route}`,
            "--only-categories=performance",
            "--output=json",
            `--output-path=${out}`,
            `--extra-headers=${headers}`,
            `--chrome-flags=${CHROME_FLAGS}`,
            "--quiet",
          ],
          { env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? "/usr/bin/chromium" } },
        );
        const report = JSON.parse(readFileSync(out, "utf8")) as {
          finalDisplayedUrl: string;
          categories: { performance: { score: number } };
          audits: Record<string, { numericValue: number }>;
        };
        if (new URL(report.finalDisplayedUrl).pathname !== r.route) {
          throw new Error(`${r.route} ended on ${report.finalDisplayedUrl} (not signed in?)`);
        }
        scores.push(Math.round(report.categories.performance.score * 100));
        tbts.push(report.audits["total-blocking-time"].numericValue);
        lcps.push(report.audits["largest-contentful-paint"].numericValue);
        log(`${r.route} run ${i + 1}: score ${scores.at(-1)}, TBT ${Math.round(tbts.at(-1)!)} ms`);
      }
      rows.push({
        route: r.route,
        score: median(scores),
        tbt: median(tbts),
        lcp: median(lcps),
        runs: scores.map((s, i) => `${s}/${Math.round(tbts[i])}`).join(", "),
      });
    }
  } finally {
    await server.stop();
  }
  const broken = rows.filter((r) => r.score < LIGHTHOUSE_SCORE_BUDGET || r.tbt > LIGHTHOUSE_TBT_BUDGET_MS);
  const lines = [
    `Lighthouse ${JSON.parse(readFileSync("node_modules/lighthouse/package.json", "utf8")).version} mobile ` +
      `(default settings), build ${args.web}, ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, ` +
      `load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(" / ")}; median of ${args.runs} runs`,
    "",
    "| route | performance | TBT ms | LCP s | runs (score/TBT) | budget ≥ 90, ≤ 200 ms |",
    "| --- | --- | --- | --- | --- | --- |",
    ...rows.map(
      (r) =>
        `| ${r.route} | ${r.score} | ${Math.round(r.tbt)} | ${(r.lcp / 1000).toFixed(1)} | ${r.runs} | ${
          broken.includes(r) ? "BROKEN" : "ok"
        } |`,
    ),
  ];
  console.log(lines.join("\n"));
  writeFileSync(path.join(RESULTS, "summary.md"), `${lines.join("\n")}\n`);
  process.exit(broken.length ? 1 : 0);
}

main().catch((err) => {
  console.error(err);
  process.exit(2);
});
