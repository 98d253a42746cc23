import { expect, it } from "vitest";
import { evaluations, spasmReports, users } from "@/lib/db/schema";
import type { TriageLevel } from "@/lib/domain/triage";
import { describeDb } from "@/test/db";
import { createUser } from "@/test/fixtures";
import { getAdminOverview } from "./admin";
import { listTriageQueue } from "./queue";
import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db";

async function report(db: Db, patientId: string, level: TriageLevel, reasons: string[], hoursAgo: number) {
  const at = new Date(Date.now() - hoursAgo * 3_600_000);
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
      rulesVersion: 1,
    })
    .returning({ id: spasmReports.id });
  return r.id;
}

describeDb("triage queue", ({ db }) => {
  it("ranks by level, then number of reasons, then the oldest unreviewed report", async () => {
    const doctor = await createUser(db(), { role: "doctor" });
    const other = await createUser(db(), { role: "doctor" });
    const soonOld = await createUser(db(), { role: "patient", name: "Soon old", doctorId: doctor.id });
    const soonNew = await createUser(db(), { role: "patient", name: "Soon new", doctorId: doctor.id });
    const urgent1 = await createUser(db(), { role: "patient", name: "Urgent one reason", doctorId: null });
    const urgent2 = await createUser(db(), {
      role: "patient",
      name: "Urgent two reasons",
      doctorId: doctor.id,
    });
    const routine = await createUser(db(), { role: "patient", name: "Routine", doctorId: doctor.id });
    const notMine = await createUser(db(), { role: "patient", name: "Other doctor's", doctorId: other.id });
    await report(db(), soonOld.id, "soon", ["PAINFUL"], 50);
    await report(db(), soonNew.id, "soon", ["PAINFUL"], 5);
    await report(db(), urgent1.id, "urgent", ["EXTREME_PAIN"], 10);
    await report(db(), urgent2.id, "urgent", ["EXTREME_PAIN", "LONG_EPISODE"], 1);
    await report(db(), routine.id, "routine", [], 100);
    await report(db(), notMine.id, "urgent", ["NOT_STOPPING"], 1);

    const queue = await listTriageQueue(doctor);
    expect(queue.map((c) => c.patientName)).toEqual([
      "Urgent two reasons",
      "Urgent one reason",
      "Soon old",
      "Soon new",
      "Routine",
    ]);
    expect(queue.find((c) => c.patientName === "Urgent one reason")?.assignedToMe).toBe(false);
  });

  it("a case ranks by its worst unreviewed report and leaves when its newest report is evaluated", async () => {
    const doctor = await createUser(db(), { role: "doctor" });
    const p = await createUser(db(), { role: "patient", name: "Two reports", doctorId: doctor.id });
    await report(db(), p.id, "urgent", ["EXTREME_PAIN"], 30);
    const newest = await report(db(), p.id, "routine", [], 2);
    let mine = (await listTriageQueue(doctor)).find((c) => c.patientId === p.id);
    expect(mine).toMatchObject({ level: "urgent", unreviewedCount: 2 });

    await db().insert(evaluations).values({ patientId: p.id, doctorId: doctor.id, coversReportId: newest });
    mine = (await listTriageQueue(doctor)).find((c) => c.patientId === p.id);
    expect(mine).toBeUndefined();

    await report(db(), p.id, "soon", ["REPEATED"], 1);
    mine = (await listTriageQueue(doctor)).find((c) => c.patientId === p.id);
    expect(mine).toMatchObject({ level: "soon", unreviewedCount: 1 });
  });

  it("ignores withdrawn reports and disabled patients", async () => {
    const doctor = await createUser(db(), { role: "doctor" });
    const p = await createUser(db(), { role: "patient", doctorId: doctor.id });
    const id = await report(db(), p.id, "urgent", ["EXTREME_PAIN"], 3);
    await db().update(spasmReports).set({ status: "withdrawn" }).where(eq(spasmReports.id, id));
    expect((await listTriageQueue(doctor)).some((c) => c.patientId === p.id)).toBe(false);
    const q = await createUser(db(), { role: "patient", doctorId: doctor.id });
    await report(db(), q.id, "soon", ["PAINFUL"], 3);
    await db().update(users).set({ status: "disabled" }).where(eq(users.id, q.id));
    expect((await listTriageQueue(doctor)).some((c) => c.patientId === q.id)).toBe(false);
  });

  it("is for doctors only", async () => {
    const patient = await createUser(db(), { role: "patient" });
    const admin = await createUser(db(), { role: "admin" });
    await expect(listTriageQueue(patient)).rejects.toThrow("forbidden");
    await expect(listTriageQueue(admin)).rejects.toThrow("forbidden");
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
