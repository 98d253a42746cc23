// `npm run bench:seed -- --patients 100000 --reports 1000000 [--database spasmcare_bench] [--doctors 40]
//   [--audit N] [--yes]`
// Fills the local PostgreSQL named by DATABASE_URL with a clinic-scale data set (bench/seed.ts).
// --database NAME: creates NAME afresh on that server (drops it first only if it is an earlier bench database),
//   migrates and seeds it, and marks it complete so `npm run bench` can reuse it.
// Without --database: seeds DATABASE_URL's own database (migrated first); refused when it already has users,
//   unless --yes (then the bench rows are added beside the existing ones).
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { migrateDb } from "@/lib/db/migrate";
import { BENCH_PASSWORD, seedBench, type SeedSummary } from "@/bench/seed";
import { assertLocal, createBenchDatabase, open } from "@/bench/pg";

const { values } = parseArgs({
  options: {
    patients: { type: "string", default: "100000" },
    reports: { type: "string", default: "1000000" },
    doctors: { type: "string" },
    audit: { type: "string" },
    database: { type: "string" },
    yes: { type: "boolean", default: false },
  },
});

function int(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v.replace(/_/g, ""));
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer`);
  return n;
}

function print(s: SeedSummary, seconds: number) {
  console.log(
    `\nDone in ${seconds.toFixed(1)} s: ${s.patients} patients, ${s.doctors} doctors, ${s.reports} reports ` +
      `(${s.reportSites} sites), ${s.evaluations} signed evaluations, ${s.auditEvents} audit events, ` +
      `${s.openCases} open cases.\nHeaviest patient ${s.heaviestPatientId}: ${s.heaviestPatientReports} reports. ` +
      `Largest panel: doctor ${s.benchDoctorId} (${s.benchDoctorPanel} patients).\n` +
      `Every bench account signs in with the password ${BENCH_PASSWORD} (doctor1@bench.spasmcare.test, …).`,
  );
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: the generator fills a PostgreSQL database");
  assertLocal(url);
  const patients = int("patients", values.patients)!;
  const reports = int("reports", values.reports)!;
  const seed = {
    patients,
    reports,
    doctors: int("doctors", values.doctors),
    audit: values.audit === "0" ? 0 : int("audit", values.audit),
    log: (line: string) => console.log(line),
  };
  const started = performance.now();
  console.log(`Seeding ${patients} patients and ${reports} reports…`);
  if (values.database) {
    const mark = await createBenchDatabase(url, values.database, seed, { force: values.yes });
    print(mark, (performance.now() - started) / 1000);
    console.log(`DATABASE_URL=${new URL(`/${values.database}`, url).toString()}`);
    return;
  }
  const h = open(url);
  try {
    await migrateDb(h.db, "postgres");
    const res = (await h.db.execute(sql`select count(*)::int as n from users`)) as unknown as { n: number }[];
    const existing = res[0].n;
    if (existing > 0 && !values.yes) {
      throw new Error(
        `the database already has ${existing} users: pass --yes to add the bench data beside them, ` +
          `or --database <name> to build a fresh database`,
      );
    }
    const summary = await seedBench(h.db, {
      ...seed,
      tag: existing > 0 ? `b${Date.now().toString(36)}` : "b",
    });
    print(summary, (performance.now() - started) / 1000);
  } finally {
    await h.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
