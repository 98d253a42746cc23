import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { auditEvents, patientProfiles, reportSites, spasmReports } from "@/lib/db/schema";
import type { ReportInput } from "@/lib/validations/report";
import { describeDb } from "@/test/db";
import { createUser } from "@/test/fixtures";
import { createReport } from "./reports";

const input = (overrides: Partial<ReportInput> = {}): ReportInput => ({
  startedAt: new Date(Date.now() - 60 * 60 * 1000),
  ongoing: false,
  durationMinutes: 3,
  painScore: 2,
  redFlags: [],
  relief: "stretching_helped",
  pattern: "single_cramp",
  handImpact: "none",
  walkingImpact: "none",
  sites: [{ site: "calf", side: "left" }],
  triggers: [],
  conditions: [],
  notes: null,
  ...overrides,
});

describeDb("report idempotency (issue 9: never store a report twice)", ({ db }) => {
  async function countFor(patientId: string) {
    const reports = await db().select().from(spasmReports).where(eq(spasmReports.patientId, patientId));
    const sites = reports.length
      ? await db().select().from(reportSites).where(eq(reportSites.reportId, reports[0].id))
      : [];
    const audits = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.patientId, patientId), eq(auditEvents.action, "report.create")));
    return { reports: reports.length, sitesOfFirst: sites.length, audits: audits.length };
  }

  it("a retried submission with the same key returns the first report, with its triage, and writes nothing", async () => {
    const patient = await createUser(db(), { role: "patient" });
    const key = randomUUID();
    const first = await createReport(patient, input({ painScore: 9, ongoing: true, durationMinutes: null }), {
      idempotencyKey: key,
    });
    expect(first.repeated).toBeUndefined();
    // The retry may even carry different answers (edited after a timeout): the stored report wins.
    const again = await createReport(patient, input(), { idempotencyKey: key });
    expect(again).toEqual({ ...first, repeated: true });
    expect(await countFor(patient.id)).toEqual({ reports: 1, sitesOfFirst: 1, audits: 1 });
  });

  it("a new key (a new form) or no key stores a new report", async () => {
    const patient = await createUser(db(), { role: "patient" });
    const a = await createReport(patient, input(), { idempotencyKey: randomUUID() });
    const b = await createReport(patient, input(), { idempotencyKey: randomUUID() });
    const c = await createReport(patient, input());
    const d = await createReport(patient, input());
    expect(new Set([a.id, b.id, c.id, d.id]).size).toBe(4);
    expect((await countFor(patient.id)).reports).toBe(4);
  });

  it("keys are per patient: another patient's key never returns their report", async () => {
    const one = await createUser(db(), { role: "patient" });
    const two = await createUser(db(), { role: "patient" });
    const key = randomUUID();
    const a = await createReport(one, input(), { idempotencyKey: key });
    const b = await createReport(two, input(), { idempotencyKey: key });
    expect(b.id).not.toBe(a.id);
    expect(b.repeated).toBeUndefined();
  });

  it("two concurrent submissions with the same key store one report", async () => {
    const patient = await createUser(db(), { role: "patient" });
    const key = randomUUID();
    const results = await Promise.all(
      Array.from({ length: 4 }, () => createReport(patient, input(), { idempotencyKey: key })),
    );
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(results.filter((r) => !r.repeated)).toHaveLength(1);
    expect(await countFor(patient.id)).toEqual({ reports: 1, sitesOfFirst: 1, audits: 1 });
  });

  it("without a profile row to lock, the unique index still settles a race", async () => {
    const patient = await createUser(db(), { role: "patient" });
    await db().delete(patientProfiles).where(eq(patientProfiles.userId, patient.id));
    const key = randomUUID();
    const results = await Promise.all(
      Array.from({ length: 4 }, () => createReport(patient, input(), { idempotencyKey: key })),
    );
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect((await countFor(patient.id)).reports).toBe(1);
  });

  it("a key that is not a UUID is refused before anything is written", async () => {
    const patient = await createUser(db(), { role: "patient" });
    await expect(createReport(patient, input(), { idempotencyKey: "x'; drop table" })).rejects.toMatchObject({
      code: "invalid",
    });
    expect((await countFor(patient.id)).reports).toBe(0);
  });
});
