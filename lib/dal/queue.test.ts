import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { evaluations, patientProfiles, reportSites, spasmReports, triageCases, users } from "@/lib/db/schema";
import { triageCaseSelect } from "@/lib/db/triage-case-sql";
import type { TriageLevel } from "@/lib/domain/triage";
import { describeDb } from "@/test/db";
import { createUser } from "@/test/fixtures";
import { getAdminOverview } from "./admin";
import { claimPatient, listTriageQueue, rowsOf } from "./queue";
import { rebuildTriageCases, refreshTriageCase } from "./triage-cases";
import { queueQuerySchema } from "@/lib/validations/queue";

const q = (over: Partial<{ scope: string; level: string; page: number; pageSize: number }> = {}) =>
  queueQuerySchema.parse({ scope: "all", page: 1, pageSize: 25, ...over });

let clock = Date.now() - 400 * 3_600_000;
/** Inserts a report as createReport would (then refreshes the summary in a transaction, as the DAL does). */
async function report(
  db: Db,
  patientId: string,
  level: TriageLevel,
  reasons: string[],
  opts: { hoursAgo?: number; site?: "calf" | "hand" | "neck" } = {},
) {
  const at =
    opts.hoursAgo === undefined
      ? new Date((clock += 60_000))
      : new Date(Date.now() - opts.hoursAgo * 3_600_000);
  const [r] = await db
    .insert(spasmReports)
    .values({
      patientId,
      startedAt: at,
      createdAt: at,
      ongoing: false,
      durationMinutes: 5,
      painScore: 3,
      relief: "stretching_helped",
      pattern: "single_cramp",
      handImpact: "none",
      walkingImpact: "none",
      recentCount: 1,
      triageLevel: level,
      triageReasons: reasons,
      rulesVersion: 2,
    })
    .returning({ id: spasmReports.id });
  await db
    .insert(reportSites)
    .values({ reportId: r.id, site: opts.site ?? "calf", side: opts.site === "neck" ? "midline" : "left" });
  await db.transaction((tx) => refreshTriageCase(tx, patientId));
  return r.id;
}

async function sign(db: Db, patientId: string, doctorId: string, coversReportId: string) {
  await db
    .insert(evaluations)
    .values({ patientId, doctorId, coversReportId, status: "signed", signedAt: new Date() });
  await db.transaction((tx) => refreshTriageCase(tx, patientId));
}

describeDb("triage queue", ({ db }) => {
  it("orders by level, then number of reasons, then the oldest unreviewed report, with ties broken stably", async () => {
    const doctor = await createUser(db(), { role: "doctor" });
    const other = await createUser(db(), { role: "doctor" });
    const mk = (name: string, doctorId: string | null) =>
      createUser(db(), { role: "patient", name, doctorId });
    const soonOld = await mk("Soon old", doctor.id);
    const soonNew = await mk("Soon new", doctor.id);
    const urgent1 = await mk("Urgent one reason", null);
    const urgent2 = await mk("Urgent two reasons", doctor.id);
    const routine = await mk("Routine", doctor.id);
    const notMine = await mk("Other doctor's", other.id);
    await report(db(), soonOld.id, "soon", ["PAINFUL"], { hoursAgo: 50 });
    await report(db(), soonNew.id, "soon", ["PAINFUL"], { hoursAgo: 5 });
    await report(db(), urgent1.id, "urgent", ["EXTREME_PAIN"], { hoursAgo: 10 });
    await report(db(), urgent2.id, "urgent", ["EXTREME_PAIN", "LONG_EPISODE"], { hoursAgo: 1 });
    await report(db(), routine.id, "routine", [], { hoursAgo: 100 });
    await report(db(), notMine.id, "urgent", ["NOT_STOPPING"], { hoursAgo: 1 });

    const page = await listTriageQueue(doctor, q());
    expect(page.rows.map((c) => c.patientName)).toEqual([
      "Urgent two reasons",
      "Urgent one reason",
      "Soon old",
      "Soon new",
      "Routine",
    ]);
    expect(page.rows[1].assignment).toBe("unassigned");
    expect(page.rows[0]).toMatchObject({ assignment: "mine", unreviewedCount: 1, sites: ["calf"] });
    expect(page.counts).toEqual({ urgent: 2, soon: 2, routine: 1 });
    expect(page.total).toBe(5);
    // The other doctor sees their own patient and the shared pool, not mine.
    const theirs = await listTriageQueue(other, q());
    expect(theirs.rows.map((c) => c.patientName)).toEqual(["Urgent one reason", "Other doctor's"]);
  });

  it("pages and filters in SQL: scope, level, page, counts", async () => {
    // Earlier tests left patients in the shared pool: hand them to another doctor first.
    const elsewhere = await createUser(db(), { role: "doctor" });
    await db()
      .update(patientProfiles)
      .set({ assignedDoctorId: elsewhere.id })
      .where(isNull(patientProfiles.assignedDoctorId));
    await rebuildTriageCases(db());
    const doctor = await createUser(db(), { role: "doctor" });
    const names: string[] = [];
    for (let i = 0; i < 12; i++) {
      const p = await createUser(db(), {
        role: "patient",
        name: `P${String(i).padStart(2, "0")}`,
        doctorId: i % 3 === 0 ? null : doctor.id,
      });
      names.push(p.name);
      await report(db(), p.id, i % 2 === 0 ? "soon" : "routine", i % 2 === 0 ? ["PAINFUL"] : []);
    }
    const all = await listTriageQueue(doctor, q({ pageSize: 5 }));
    expect(all.total).toBe(12);
    expect(all.rows).toHaveLength(5);
    const p2 = await listTriageQueue(doctor, q({ pageSize: 5, page: 2 }));
    const p3 = await listTriageQueue(doctor, q({ pageSize: 5, page: 3 }));
    expect(p3.rows).toHaveLength(2);
    const seen = [...all.rows, ...p2.rows, ...p3.rows].map((r) => r.patientName);
    expect(new Set(seen).size).toBe(12);
    // soon first (even indexes, oldest first), then routine, each in creation order.
    expect(seen).toEqual([...names.filter((_, i) => i % 2 === 0), ...names.filter((_, i) => i % 2 === 1)]);
    const mine = await listTriageQueue(doctor, q({ scope: "mine" }));
    expect(mine.rows.every((r) => r.assignment === "mine")).toBe(true);
    expect(mine.total).toBe(8);
    const pool = await listTriageQueue(doctor, q({ scope: "unassigned", level: "soon" }));
    expect(pool.rows.map((r) => r.patientName)).toEqual(["P00", "P06"]);
    expect(pool.counts).toEqual({ urgent: 0, soon: 2, routine: 2 });
    expect(pool.total).toBe(2);
    const beyond = await listTriageQueue(doctor, q({ page: 9 }));
    expect(beyond.rows).toEqual([]);
  });

  it("a case ranks by its worst unreviewed report, leaves when a signed evaluation covers the newest report, and comes back with a newer one", async () => {
    const doctor = await createUser(db(), { role: "doctor" });
    const p = await createUser(db(), { role: "patient", name: "Two reports", doctorId: doctor.id });
    await report(db(), p.id, "urgent", ["EXTREME_PAIN"], { hoursAgo: 30, site: "hand" });
    const newest = await report(db(), p.id, "routine", [], { hoursAgo: 2, site: "calf" });
    const find = async () => (await listTriageQueue(doctor, q())).rows.find((c) => c.patientId === p.id);
    expect(await find()).toMatchObject({ level: "urgent", unreviewedCount: 2, sites: ["hand", "calf"] });
    // A draft does not take the case off the queue; a signed evaluation does.
    await db().insert(evaluations).values({ patientId: p.id, doctorId: doctor.id, coversReportId: newest });
    await db().transaction((tx) => refreshTriageCase(tx, p.id));
    expect(await find()).toBeDefined();
    await sign(db(), p.id, doctor.id, newest);
    expect(await find()).toBeUndefined();
    await report(db(), p.id, "soon", ["REPEATED"], { hoursAgo: 1 });
    expect(await find()).toMatchObject({ level: "soon", unreviewedCount: 1 });
  });

  it("is for doctors only", async () => {
    const patient = await createUser(db(), { role: "patient" });
    const admin = await createUser(db(), { role: "admin" });
    await expect(listTriageQueue(patient, q())).rejects.toThrow("forbidden");
    await expect(listTriageQueue(admin, q())).rejects.toThrow("forbidden");
  });

  it("claim: one of two doctors claiming at once wins, the other is told", async () => {
    const a = await createUser(db(), { role: "doctor" });
    const b = await createUser(db(), { role: "doctor" });
    const p = await createUser(db(), { role: "patient", doctorId: null });
    await report(db(), p.id, "urgent", ["NOT_STOPPING"]);
    const results = await Promise.allSettled([claimPatient(a, p.id), claimPatient(b, p.id)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(String(lost.reason)).toContain("conflict");
    const [profile] = await db().select().from(patientProfiles).where(eq(patientProfiles.userId, p.id));
    const winner = results[0].status === "fulfilled" ? a : b;
    expect(profile.assignedDoctorId).toBe(winner.id);
    const [summary] = await db().select().from(triageCases).where(eq(triageCases.patientId, p.id));
    expect(summary.assignedDoctorId).toBe(winner.id);
    await expect(claimPatient(winner, p.id)).rejects.toThrow("conflict");
    const patient = await createUser(db(), { role: "patient" });
    await expect(claimPatient(patient, p.id)).rejects.toThrow("forbidden");
  });

  it("the summary always equals a from-scratch recomputation after random reports, withdrawals, evaluations, reassignments and disables", async () => {
    let seed = 20261125;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const doctors = [await createUser(db(), { role: "doctor" }), await createUser(db(), { role: "doctor" })];
    const patients = [];
    for (let i = 0; i < 6; i++) patients.push(await createUser(db(), { role: "patient", doctorId: null }));
    const ids = patients.map((p) => p.id);
    const levels: [TriageLevel, string[]][] = [
      ["urgent", ["EXTREME_PAIN", "NOT_STOPPING"]],
      ["urgent", ["RECURRING"]],
      ["soon", ["PAINFUL"]],
      ["soon", ["PAINFUL", "REPEATED"]],
      ["routine", []],
    ];
    const snapshot = async () => {
      const stored = rowsOf<Record<string, unknown>>(
        await db()
          .execute(sql`select patient_id, assigned_doctor_id, level_rank, level, reasons, reason_count,
          unreviewed_count, oldest_unreviewed_at, newest_unreviewed_at, sites from triage_cases
          where patient_id in (${sql.join(
            ids.map((i) => sql`${i}`),
            sql`, `,
          )}) order by patient_id`),
      );
      const fresh = rowsOf<Record<string, unknown>>(
        await db().execute(
          sql`select * from (${triageCaseSelect(
            sql`pp.user_id in (${sql.join(
              ids.map((i) => sql`${i}`),
              sql`, `,
            )})`,
          )}) x order by patient_id`,
        ),
      );
      return { stored: JSON.parse(JSON.stringify(stored)), fresh: JSON.parse(JSON.stringify(fresh)) };
    };
    for (let step = 0; step < 120; step++) {
      const p = ids[rand(ids.length)];
      const op = rand(6);
      if (op <= 1) {
        const [level, reasons] = levels[rand(levels.length)];
        await report(db(), p, level, reasons, { site: (["calf", "hand", "neck"] as const)[rand(3)] });
      } else if (op === 2) {
        const [r] = await db()
          .select({ id: spasmReports.id })
          .from(spasmReports)
          .where(and(eq(spasmReports.patientId, p), eq(spasmReports.status, "active")))
          .orderBy(desc(spasmReports.createdAt))
          .limit(1);
        if (r) {
          await db().update(spasmReports).set({ status: "withdrawn" }).where(eq(spasmReports.id, r.id));
          await db().transaction((tx) => refreshTriageCase(tx, p));
        }
      } else if (op === 3) {
        const all = await db()
          .select({ id: spasmReports.id })
          .from(spasmReports)
          .where(eq(spasmReports.patientId, p))
          .orderBy(spasmReports.createdAt);
        if (all.length) await sign(db(), p, doctors[0].id, all[rand(all.length)].id);
      } else if (op === 4) {
        const to = [null, doctors[0].id, doctors[1].id][rand(3)];
        await db().update(patientProfiles).set({ assignedDoctorId: to }).where(eq(patientProfiles.userId, p));
        await db().transaction((tx) => refreshTriageCase(tx, p));
      } else {
        const status = rand(2) === 0 ? "disabled" : "active";
        await db().update(users).set({ status }).where(eq(users.id, p));
        await db().transaction((tx) => refreshTriageCase(tx, p));
      }
      const { stored, fresh } = await snapshot();
      expect(stored, `after step ${step}`).toEqual(fresh);
    }
    const { fresh } = await snapshot();
    expect(fresh.length).toBeGreaterThan(0);
  });
});

describeDb("admin overview", ({ db }) => {
  it("counts accounts by role and status, for admins only", async () => {
    const admin = await createUser(db(), { role: "admin" });
    await createUser(db(), { role: "doctor" });
    await createUser(db(), { role: "patient" });
    const overview = await getAdminOverview(admin);
    expect(overview.accounts.doctor.active).toBeGreaterThanOrEqual(1);
    expect(overview.accounts.patient.active).toBeGreaterThanOrEqual(1);
    expect(overview.selfRegistration).toBe(true);
    const doctor = await createUser(db(), { role: "doctor" });
    await expect(getAdminOverview(doctor)).rejects.toThrow("forbidden");
  });
});
