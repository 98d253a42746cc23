import { expect, it } from "vitest";
import { triageReport, type RedFlag } from "@/lib/domain/triage";
import { describeDb } from "@/test/db";
import { patientProfiles, spasmReports, users } from "./schema";
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
});
