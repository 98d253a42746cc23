import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, notifications, reportSites, spasmReports, users } from "@/lib/db/schema";
import { patientAdvice, triageReport, type RedFlag } from "@/lib/domain/triage";
import type { ReportInput } from "@/lib/validations/report";
import { describeDb } from "@/test/db";
import { createUser } from "@/test/fixtures";
import { createReport, getOwnReport, getProfileConditions } from "./reports";

const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (d: number) => new Date(Date.now() - d * DAY);

/** A mild, isolated cramp that eased: routine on its own. */
function mild(overrides: Partial<ReportInput> = {}): ReportInput {
  return {
    startedAt: daysAgo(1),
    ongoing: false,
    durationMinutes: 3,
    painScore: 2,
    redFlags: [],
    relief: "stretching_helped",
    pattern: "single_cramp",
    handImpact: "none",
    walkingImpact: "none",
    sites: [{ site: "calf", side: "left" }],
    triggers: ["exercise_fatigue"],
    conditions: [],
    notes: null,
    ...overrides,
  };
}

describeDb("reports DAL", ({ db }) => {
  async function stored(id: string) {
    const [row] = await db().select().from(spasmReports).where(eq(spasmReports.id, id));
    return row;
  }

  /** The stored triage must equal the pure rules on the stored inputs, recentCount included. */
  async function expectTriageMatchesRules(id: string) {
    const row = await stored(id);
    const expected = triageReport({
      ...row,
      conditions: row.conditions,
      recentCount: row.recentCount,
      redFlags: row.redFlags as RedFlag[],
    });
    expect({ level: row.triageLevel, reasons: row.triageReasons, rulesVersion: row.rulesVersion }).toEqual(
      expected,
    );
    return row;
  }

  describe("createReport", () => {
    it("stores a routine report with its sites, triage and audit event", async () => {
      const patient = await createUser(db(), { role: "patient" });
      const input = mild({
        sites: [
          { site: "calf", side: "left" },
          { site: "neck", side: "midline" },
        ],
        notes: "after a run",
      });
      const result = await createReport(patient, input);
      expect(result).toEqual({ id: expect.any(String), level: "routine", reasons: [], advice: "self_care" });
      const row = await expectTriageMatchesRules(result.id);
      expect(row).toMatchObject({
        patientId: patient.id,
        recentCount: 1,
        painScore: 2,
        notes: "after a run",
        status: "active",
      });
      const sites = await db().select().from(reportSites).where(eq(reportSites.reportId, result.id));
      expect(sites.map((s) => `${s.site}:${s.side}`).sort()).toEqual(["calf:left", "neck:midline"]);
      const audit = await db()
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.actorId, patient.id), eq(auditEvents.action, "report.create")));
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({
        patientId: patient.id,
        entityType: "report",
        entityId: result.id,
        outcome: "success",
      });
    });

    it("counts the episodes of the last 30 days: 2nd is REPEATED (soon), 3rd is RECURRING (urgent)", async () => {
      const patient = await createUser(db(), { role: "patient" });
      const first = await createReport(patient, mild({ startedAt: daysAgo(20) }));
      expect((await expectTriageMatchesRules(first.id)).recentCount).toBe(1);

      const second = await createReport(patient, mild({ startedAt: daysAgo(10) }));
      const secondRow = await expectTriageMatchesRules(second.id);
      expect(secondRow.recentCount).toBe(2);
      expect(second).toMatchObject({ level: "soon", reasons: ["REPEATED"] });

      const third = await createReport(patient, mild({ startedAt: daysAgo(1) }));
      const thirdRow = await expectTriageMatchesRules(third.id);
      expect(thirdRow.recentCount).toBe(3);
      expect(third).toMatchObject({ level: "urgent", reasons: ["RECURRING"] });
    });

    it("does not count an episode 31 days earlier, nor one that starts after this one", async () => {
      const patient = await createUser(db(), { role: "patient" });
      await createReport(patient, mild({ startedAt: daysAgo(32) }));
      await createReport(patient, mild({ startedAt: new Date(Date.now() - 60_000) }));
      // Reported late: this episode started a day ago, 31 days after the first and before the second.
      const late = await createReport(patient, mild({ startedAt: daysAgo(1) }));
      const row = await expectTriageMatchesRules(late.id);
      expect(row.recentCount).toBe(1);
      expect(late.level).toBe("routine");
    });

    it("two reports sent at the same moment: the second to commit counts the first", async () => {
      const patient = await createUser(db(), { role: "patient" });
      const startedAt = daysAgo(1);
      const results = await Promise.all([
        createReport(patient, mild({ startedAt })),
        createReport(patient, mild({ startedAt })),
      ]);
      const counts = await Promise.all(
        results.map(async (r) => (await expectTriageMatchesRules(r.id)).recentCount),
      );
      // Without the per-patient lock both transactions could see neither and store 1 and 1.
      expect(counts.sort()).toEqual([1, 2]);
    });

    it("does not count a withdrawn report", async () => {
      const patient = await createUser(db(), { role: "patient" });
      const mistaken = await createReport(patient, mild({ startedAt: daysAgo(5) }));
      await db()
        .update(spasmReports)
        .set({ status: "withdrawn", withdrawnAt: new Date(), withdrawnReason: "entered twice" })
        .where(eq(spasmReports.id, mistaken.id));
      const next = await createReport(patient, mild({ startedAt: daysAgo(1) }));
      expect((await expectTriageMatchesRules(next.id)).recentCount).toBe(1);
      expect(next.level).toBe("routine");
    });

    it("merges the profile's conditions with the report's: a spinal cord injury on the profile is SERIOUS_CONDITION", async () => {
      const patient = await createUser(db(), { role: "patient", conditions: ["spinal_cord_injury"] });
      const result = await createReport(patient, mild({ conditions: ["diabetes"] }));
      expect(result).toMatchObject({ level: "urgent", reasons: ["SERIOUS_CONDITION"] });
      const row = await expectTriageMatchesRules(result.id);
      expect(row.conditions).toEqual(["spinal_cord_injury", "diabetes"]);
      expect(await getProfileConditions(patient)).toEqual(["spinal_cord_injury"]);
    });

    it("a condition reported now counts even when the profile does not have it", async () => {
      const patient = await createUser(db(), { role: "patient" });
      const result = await createReport(patient, mild({ conditions: ["toxin_exposure"] }));
      expect(result.reasons).toEqual(["SERIOUS_CONDITION"]);
    });

    it("an urgent report notifies the assigned doctor, once", async () => {
      const doctor = await createUser(db(), { role: "doctor" });
      const patient = await createUser(db(), { role: "patient", doctorId: doctor.id });
      const result = await createReport(patient, mild({ painScore: 9 }));
      expect(result).toMatchObject({ level: "urgent", reasons: ["EXTREME_PAIN"] });
      const rows = await db().select().from(notifications).where(eq(notifications.userId, doctor.id));
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        kind: "urgent_report",
        patientId: patient.id,
        entityId: result.id,
        readAt: null,
      });
    });

    it("an urgent report of an unassigned patient notifies every active doctor, and no one else", async () => {
      const doctors = [
        await createUser(db(), { role: "doctor" }),
        await createUser(db(), { role: "doctor" }),
      ];
      const disabled = await createUser(db(), { role: "doctor" });
      await db().update(users).set({ status: "disabled" }).where(eq(users.id, disabled.id));
      const admin = await createUser(db(), { role: "admin" });
      const unassigned = await createUser(db(), { role: "patient" });
      const result = await createReport(unassigned, mild({ ongoing: true, durationMinutes: null }));
      expect(result.level).toBe("urgent");
      const rows = await db().select().from(notifications).where(eq(notifications.entityId, result.id));
      const activeDoctorIds = (
        await db()
          .select({ id: users.id })
          .from(users)
          .where(and(eq(users.role, "doctor"), eq(users.status, "active")))
      ).map((u) => u.id);
      expect(rows.map((r) => r.userId).sort()).toEqual([...activeDoctorIds].sort());
      for (const d of doctors) expect(rows.map((r) => r.userId)).toContain(d.id);
      expect(rows.map((r) => r.userId)).not.toContain(disabled.id);
      expect(rows.map((r) => r.userId)).not.toContain(admin.id);
      expect(rows.every((r) => r.kind === "urgent_report" && r.patientId === unassigned.id)).toBe(true);
    });

    it("an urgent report whose assigned doctor is disabled notifies every active doctor", async () => {
      const gone = await createUser(db(), { role: "doctor" });
      await db().update(users).set({ status: "disabled" }).where(eq(users.id, gone.id));
      const patient = await createUser(db(), { role: "patient", doctorId: gone.id });
      const result = await createReport(patient, mild({ redFlags: ["numbness"] }));
      const rows = await db().select().from(notifications).where(eq(notifications.entityId, result.id));
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.map((r) => r.userId)).not.toContain(gone.id);
    });

    it("a report that is not urgent notifies nobody, assigned or not", async () => {
      await createUser(db(), { role: "doctor" });
      const doctor = await createUser(db(), { role: "doctor" });
      const unassigned = await createUser(db(), { role: "patient" });
      const assigned = await createUser(db(), { role: "patient", doctorId: doctor.id });
      const soon = await createReport(assigned, mild({ painScore: 5 }));
      const routine = await createReport(unassigned, mild());
      expect([soon.level, routine.level]).toEqual(["soon", "routine"]);
      for (const p of [unassigned, assigned]) {
        expect(await db().select().from(notifications).where(eq(notifications.patientId, p.id))).toEqual([]);
      }
    });

    it.each<[string, RedFlag[]]>([
      ["new weakness", ["new_weakness"]],
      ["numbness", ["numbness"]],
      ["trouble breathing or swallowing", ["breathing_or_swallowing"]],
      ["all three", ["new_weakness", "numbness", "breathing_or_swallowing"]],
    ])(
      "a red flag (%s) is stored, makes the report urgent (RED_FLAG) and advises emergency",
      async (_n, flags) => {
        const doctor = await createUser(db(), { role: "doctor" });
        const patient = await createUser(db(), { role: "patient", doctorId: doctor.id });
        const result = await createReport(patient, mild({ redFlags: flags }));
        expect(result).toMatchObject({ level: "urgent", reasons: ["RED_FLAG"], advice: "emergency" });
        const row = await expectTriageMatchesRules(result.id);
        expect(row.redFlags).toEqual(flags);
        expect(row.rulesVersion).toBe(2);
        const own = await getOwnReport(patient, result.id);
        expect(own).toMatchObject({ redFlags: flags, advice: "emergency" });
        const rows = await db().select().from(notifications).where(eq(notifications.entityId, result.id));
        expect(rows.map((r) => r.userId)).toEqual([doctor.id]);
      },
    );

    it("the third eased cramp in 30 days is urgent but advises a doctor within 24 hours, not emergency", async () => {
      const patient = await createUser(db(), { role: "patient" });
      await createReport(patient, mild({ startedAt: daysAgo(20) }));
      await createReport(patient, mild({ startedAt: daysAgo(10) }));
      const third = await createReport(patient, mild({ startedAt: daysAgo(1) }));
      expect(third).toMatchObject({ level: "urgent", reasons: ["RECURRING"], advice: "see_doctor_24h" });
      expect((await getOwnReport(patient, third.id)).advice).toBe("see_doctor_24h");
    });

    it("an ongoing report at pain 8 advises emergency", async () => {
      const patient = await createUser(db(), { role: "patient" });
      const r = await createReport(patient, mild({ ongoing: true, durationMinutes: null, painScore: 8 }));
      expect(r).toMatchObject({ reasons: ["EXTREME_PAIN", "NOT_STOPPING"], advice: "emergency" });
    });

    it("refuses doctors and admins, and stores nothing", async () => {
      for (const role of ["doctor", "admin"] as const) {
        const actor = await createUser(db(), { role });
        await expect(createReport(actor, mild())).rejects.toThrow("forbidden");
        await expect(getProfileConditions(actor)).rejects.toThrow("forbidden");
        expect(await db().select().from(spasmReports).where(eq(spasmReports.patientId, actor.id))).toEqual(
          [],
        );
      }
    });
  });

  describe("getOwnReport", () => {
    it("returns the patient's own report with its sites and triage, and audits the read", async () => {
      const patient = await createUser(db(), { role: "patient" });
      const { id } = await createReport(
        patient,
        mild({
          painScore: 6,
          sites: [
            { site: "hand", side: "right" },
            { site: "forearm", side: "right" },
          ],
        }),
      );
      const report = await getOwnReport(patient, id);
      expect(report).toMatchObject({
        id,
        painScore: 6,
        ongoing: false,
        durationMinutes: 3,
        triggers: ["exercise_fatigue"],
        status: "active",
        redFlags: [],
        triage: { level: "soon", reasons: ["PAINFUL"], rulesVersion: 2, recentCount: 1 },
        advice: "doctor_will_review",
        review: null,
      });
      // Anatomical order (the enum's order), not entry order.
      expect(report.sites).toEqual([
        { site: "forearm", side: "right" },
        { site: "hand", side: "right" },
      ]);
      expect(report).not.toHaveProperty("patientId");
      const audit = await db()
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, "report.read")));
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ actorId: patient.id, patientId: patient.id, outcome: "success" });
    });

    it("a version 1 report keeps its stored triage and reads as no red flag", async () => {
      const patient = await createUser(db(), { role: "patient" });
      const { id } = await createReport(patient, mild({ startedAt: daysAgo(3) }));
      // As stored before triage v2: its own version, no red flags, and a level that v2 would not recompute.
      await db()
        .update(spasmReports)
        .set({ rulesVersion: 1, redFlags: [], triageLevel: "soon", triageReasons: ["PAINFUL"], painScore: 5 })
        .where(eq(spasmReports.id, id));
      const report = await getOwnReport(patient, id);
      expect(report.triage).toMatchObject({ level: "soon", reasons: ["PAINFUL"], rulesVersion: 1 });
      expect(report.redFlags).toEqual([]);
      expect(report.advice).toBe(
        patientAdvice({ ...mild(), painScore: 5, conditions: [], recentCount: 1, redFlags: [] }),
      );
      expect(report.advice).toBe("doctor_will_review");
    });

    it("says not yet reviewed until a doctor has reviewed it, then who and when", async () => {
      const doctor = await createUser(db(), { role: "doctor", name: "Dr Jeanne Leroy" });
      const patient = await createUser(db(), { role: "patient", doctorId: doctor.id });
      const { id } = await createReport(patient, mild({ painScore: 9 }));
      expect((await getOwnReport(patient, id)).review).toBeNull();
      const at = new Date("2026-03-02T10:15:00Z");
      await db()
        .update(spasmReports)
        .set({ reviewedById: doctor.id, reviewedAt: at })
        .where(eq(spasmReports.id, id));
      expect((await getOwnReport(patient, id)).review).toEqual({ doctorName: "Dr Jeanne Leroy", at });
    });

    it("patient B cannot read patient A's report: the same not_found as a report that does not exist", async () => {
      const a = await createUser(db(), { role: "patient" });
      const b = await createUser(db(), { role: "patient" });
      const { id } = await createReport(a, mild());
      await expect(getOwnReport(b, id)).rejects.toMatchObject({ code: "not_found", entity: "report" });
      await expect(getOwnReport(b, crypto.randomUUID())).rejects.toMatchObject({
        code: "not_found",
        entity: "report",
      });
      const denied = await db()
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.actorId, b.id), eq(auditEvents.action, "report.read")));
      expect(denied.map((e) => e.outcome)).toEqual(["denied", "denied"]);
      expect(denied.every((e) => e.patientId === null)).toBe(true);
    });

    it("a malformed id is not_found, not a database error", async () => {
      const patient = await createUser(db(), { role: "patient" });
      for (const id of ["42", "not-a-uuid", "'; drop table users; --", ""]) {
        await expect(getOwnReport(patient, id)).rejects.toMatchObject({ code: "not_found" });
      }
    });

    it("refuses doctors and admins, even for an existing report", async () => {
      const patient = await createUser(db(), { role: "patient" });
      const { id } = await createReport(patient, mild());
      for (const role of ["doctor", "admin"] as const) {
        const actor = await createUser(db(), { role });
        await expect(getOwnReport(actor, id)).rejects.toMatchObject({ code: "forbidden" });
      }
    });
  });
});
