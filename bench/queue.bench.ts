import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, bench, describe } from "vitest";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import { setDb, type Db } from "@/lib/db";
import * as schema from "@/lib/db/schema";
import { listTriageQueue } from "@/lib/dal/queue";
import { rebuildTriageCases } from "@/lib/dal/triage-cases";
import type { Actor } from "@/lib/permissions";

// A busy clinic: one doctor, 300 patients, 10 reports each. Baseline: a plain count over the same rows,
// so the ratio shows what the queue's query and ranking add, whatever the machine's speed.
const PATIENTS = 300;
const REPORTS = 10;

const client = new PGlite();
const db = drizzle(client, { schema }) as unknown as Db;
await migrate(drizzle(client), { migrationsFolder: "drizzle" });
const doctorId = randomUUID();
await db
  .insert(schema.users)
  .values({ id: doctorId, email: "bench-dr@x.test", name: "Dr Bench", role: "doctor", passwordHash: "x" });
for (let p = 0; p < PATIENTS; p++) {
  const id = randomUUID();
  await db
    .insert(schema.users)
    .values({ id, email: `p${p}@x.test`, name: `Patient ${p}`, role: "patient", passwordHash: "x" });
  await db
    .insert(schema.patientProfiles)
    .values({ userId: id, assignedDoctorId: p % 3 === 0 ? null : doctorId });
  await db.insert(schema.spasmReports).values(
    Array.from({ length: REPORTS }, (_, r) => ({
      patientId: id,
      startedAt: new Date(Date.now() - (r * 3 + (p % 5)) * 86_400_000),
      ongoing: false,
      durationMinutes: 5,
      painScore: (p + r) % 11,
      relief: "stretching_helped" as const,
      pattern: "single_cramp" as const,
      handImpact: "none" as const,
      walkingImpact: "none" as const,
      recentCount: 1,
      triageLevel: (["routine", "soon", "urgent"] as const)[(p + r) % 3],
      triageReasons: (p + r) % 3 === 0 ? [] : ["PAINFUL"],
      rulesVersion: 1,
    })),
  );
}
// The queue reads the triage_cases summary, which the DAL keeps; rows inserted directly need it rebuilt.
await rebuildTriageCases(db);
setDb(db);
const doctor: Actor = {
  id: doctorId,
  role: "doctor",
  name: "Dr Bench",
  email: "bench-dr@x.test",
  locale: "en",
  requestId: "bench",
};

afterAll(async () => {
  const peak = process.resourceUsage().maxRSS / 1024; // KiB → MiB
  console.log(
    `queue bench: peak resident memory ${peak.toFixed(0)} MiB (${PATIENTS} patients × ${REPORTS} reports)`,
  );
  await client.close();
});

describe(`triage queue: ${PATIENTS} patients × ${REPORTS} reports (PGlite)`, () => {
  bench("baseline: count the reports", async () => {
    await db.execute(sql`select count(*) from spasm_reports`);
  });
  bench("listTriageQueue", async () => {
    const page = await listTriageQueue(doctor, { scope: "all", page: 1, pageSize: 25 });
    if (page.rows.length === 0) throw new Error("the queue is empty: nothing was measured");
  });
});
