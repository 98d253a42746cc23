import { expect, it } from "vitest";
import { triageReport, type RedFlag } from "@/lib/domain/triage";
import { describeDb } from "@/test/db";
import { sql } from "drizzle-orm";
import {
  evaluations,
  injections,
  patientProfiles,
  referrals,
  spasmReports,
  suspectedCauses,
  treatmentPlans,
  triageCases,
  users,
} from "./schema";
import { triageCaseSelect } from "./triage-case-sql";
import { seedDemo, seedIfEmpty } from "./seed";

describeDb("demo seed", ({ db }) => {
  it("seeds 1 admin, 2 doctors and 8 patients once, with reports at every triage level", async () => {
    await seedDemo(db());
    expect(await seedIfEmpty(db())).toBe(false);
    const all = await db().select({ role: users.role }).from(users);
    const count = (role: string) => all.filter((u) => u.role === role).length;
    expect([count("admin"), count("doctor"), count("patient")]).toEqual([1, 2, 8]);
    const reports = await db().select().from(spasmReports);
    expect(new Set(reports.map((r) => r.triageLevel))).toEqual(new Set(["urgent", "soon", "routine"]));
    expect(reports.some((r) => r.redFlags.length > 0)).toBe(true);
  });

  it("stores the triage the real rules compute from each stored report", async () => {
    const reports = await db().select().from(spasmReports);
    for (const r of reports) {
      const expected = triageReport({
        painScore: r.painScore,
        ongoing: r.ongoing,
        durationMinutes: r.durationMinutes,
        relief: r.relief,
        pattern: r.pattern,
        handImpact: r.handImpact,
        walkingImpact: r.walkingImpact,
        conditions: r.conditions,
        recentCount: r.recentCount,
        redFlags: r.redFlags as RedFlag[],
      });
      expect({ level: r.triageLevel, reasons: r.triageReasons, rulesVersion: r.rulesVersion }).toEqual(
        expected,
      );
    }
    const profiles = await db().select().from(patientProfiles);
    expect(profiles.filter((p) => p.assignedDoctorId === null)).toHaveLength(2);
  });

  it("is lived-in on the clinician side: signed and amended evaluations, causes, a published plan with an injection and a referral, and a queue summary that matches the reports", async () => {
    const evals = await db().select().from(evaluations);
    expect(evals.filter((e) => e.status === "signed").length).toBeGreaterThanOrEqual(3);
    expect(evals.some((e) => e.amendsId !== null)).toBe(true);
    const causes = await db().select().from(suspectedCauses);
    expect(new Set(causes.map((c) => c.status))).toEqual(new Set(["confirmed", "under_investigation"]));
    const plans = await db().select().from(treatmentPlans);
    expect(plans.filter((p) => p.status === "published")).toHaveLength(1);
    expect(plans.some((p) => p.status === "superseded")).toBe(true);
    expect((await db().select().from(injections)).length).toBeGreaterThan(0);
    expect((await db().select().from(referrals)).length).toBeGreaterThan(0);
    const stored = await db().select().from(triageCases);
    const fresh = await db().execute(sql`select count(*)::int as n from (${triageCaseSelect(sql`true`)}) x`);
    const rows = (Array.isArray(fresh) ? fresh : (fresh as { rows: { n: number }[] }).rows) as {
      n: number;
    }[];
    expect(stored.length).toBe(rows[0].n);
    const [noah] = await db()
      .select()
      .from(users)
      .where(sql`email = 'noah.michel@demo.spasmcare.test'`);
    expect(stored.some((c) => c.patientId === noah.id)).toBe(false);
    const [camille] = await db()
      .select()
      .from(users)
      .where(sql`email = 'camille.bernard@demo.spasmcare.test'`);
    expect(stored.find((c) => c.patientId === camille.id)?.unreviewedCount).toBe(1);
  });
});
