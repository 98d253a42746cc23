import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { auditEvents, breakGlassGrants, notifications, reportSites, spasmReports } from "@/lib/db/schema";
import { describeDb } from "@/test/db";
import { createUser } from "@/test/fixtures";
import { getCaseHeader, getCaseTimeline, getCaseTrends } from "./case";
import { breakGlass, getPatientCard, searchPatients } from "./patient-search";
import { refreshTriageCase } from "./triage-cases";

async function report(
  db: Db,
  patientId: string,
  minutesAgo: number,
  opts: { redFlags?: string[]; level?: "urgent" | "routine" } = {},
) {
  const at = new Date(Date.now() - minutesAgo * 60_000);
  const [r] = await db
    .insert(spasmReports)
    .values({
      patientId,
      startedAt: at,
      createdAt: at,
      ongoing: false,
      durationMinutes: 5,
      painScore: 6,
      relief: "nothing_helped",
      pattern: "single_cramp",
      handImpact: "none",
      walkingImpact: "none",
      recentCount: 1,
      redFlags: opts.redFlags ?? [],
      triageLevel: opts.level ?? (opts.redFlags?.length ? "urgent" : "routine"),
      triageReasons: opts.redFlags?.length ? ["RED_FLAG"] : [],
      rulesVersion: 2,
    })
    .returning({ id: spasmReports.id });
  await db.insert(reportSites).values({ reportId: r.id, site: "hand", side: "left" });
  await db.transaction((tx) => refreshTriageCase(tx, patientId));
  return r.id;
}

describeDb("case view, search and break-glass", ({ db }) => {
  it("assigned and unassigned patients open; another doctor's patient is forbidden and the refusal audited; a missing one is not_found", async () => {
    const a = await createUser(db(), { role: "doctor", name: "Dr A" });
    const b = await createUser(db(), { role: "doctor", name: "Dr B" });
    const mine = await createUser(db(), { role: "patient", doctorId: a.id });
    const pool = await createUser(db(), { role: "patient", doctorId: null });
    await report(db(), mine.id, 30, { redFlags: ["numbness"] });
    const header = await getCaseHeader(a, mine.id);
    expect(header).toMatchObject({
      access: { basis: "assigned" },
      assignedDoctor: { name: "Dr A" },
      redFlags: ["numbness"],
    });
    expect(header.triage).toMatchObject({ level: "urgent", unreviewedCount: 1 });
    expect((await getCaseHeader(b, pool.id)).access.basis).toBe("unassigned");

    await expect(getCaseHeader(b, mine.id)).rejects.toThrow("forbidden");
    await expect(getCaseTimeline(b, mine.id)).rejects.toThrow("forbidden");
    await expect(getCaseTrends(b, mine.id)).rejects.toThrow("forbidden");
    const denied = await db().select().from(auditEvents).where(eq(auditEvents.actorId, b.id));
    expect(denied.some((e) => e.outcome === "denied" && e.patientId === mine.id)).toBe(true);

    await expect(getCaseHeader(a, "00000000-0000-4000-8000-000000000000")).rejects.toThrow("not_found");
    await expect(getCaseHeader(a, "not-a-uuid")).rejects.toThrow("not_found");
    // A doctor's id is not a patient.
    await expect(getCaseHeader(a, b.id)).rejects.toThrow("not_found");
  });

  it("patients and admins reach no clinician function", async () => {
    const patient = await createUser(db(), { role: "patient" });
    const admin = await createUser(db(), { role: "admin" });
    for (const actor of [patient, admin]) {
      await expect(getCaseHeader(actor, patient.id)).rejects.toThrow("forbidden");
      await expect(getCaseTimeline(actor, patient.id)).rejects.toThrow("forbidden");
      await expect(searchPatients(actor, "pat")).rejects.toThrow("forbidden");
      await expect(breakGlass(actor, patient.id, "a long enough reason")).rejects.toThrow("forbidden");
      await expect(getPatientCard(actor, patient.id)).rejects.toThrow("forbidden");
    }
  });

  it("the timeline pages by keyset, filters by level, and stamps the first review", async () => {
    const a = await createUser(db(), { role: "doctor", name: "Dr Reviewer" });
    const p = await createUser(db(), { role: "patient", doctorId: a.id });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++)
      ids.push(await report(db(), p.id, 100 - i, { level: i === 2 ? "urgent" : "routine" }));
    const first = await getCaseTimeline(a, p.id, { limit: 2 });
    expect(first.items.map((r) => r.id)).toEqual([ids[4], ids[3]]);
    expect(first.items[0]).toMatchObject({
      reviewedBy: "Dr Reviewer",
      sites: [{ site: "hand", side: "left" }],
    });
    const second = await getCaseTimeline(a, p.id, { limit: 2, cursor: first.nextCursor });
    expect(second.items.map((r) => r.id)).toEqual([ids[2], ids[1]]);
    const third = await getCaseTimeline(a, p.id, { limit: 2, cursor: second.nextCursor });
    expect(third.items.map((r) => r.id)).toEqual([ids[0]]);
    expect(third.nextCursor).toBeNull();
    const urgent = await getCaseTimeline(a, p.id, { level: "urgent" });
    expect(urgent.items.map((r) => r.id)).toEqual([ids[2]]);
    const [row] = await db().select().from(spasmReports).where(eq(spasmReports.id, ids[4]));
    expect(row.reviewedById).toBe(a.id);
    // A later reader does not overwrite the first review.
    const other = await createUser(db(), { role: "doctor" });
    await db()
      .insert(breakGlassGrants)
      .values({
        doctorId: other.id,
        patientId: p.id,
        reason: "test grant reason",
        expiresAt: new Date(Date.now() + 3_600_000),
      });
    const seen = await getCaseTimeline(other, p.id, { limit: 1 });
    expect(seen.items[0].reviewedBy).toBe("Dr Reviewer");
  });

  it("break-glass: reason required, grant time-limited and audited, the patient's doctor notified, expired grants refused", async () => {
    const a = await createUser(db(), { role: "doctor" });
    const b = await createUser(db(), { role: "doctor" });
    const p = await createUser(db(), { role: "patient", doctorId: a.id });
    await expect(breakGlass(b, p.id, "too short")).rejects.toThrow("invalid");
    await expect(getCaseHeader(b, p.id)).rejects.toThrow("forbidden");
    const { expiresAt } = await breakGlass(b, p.id, "Patient at the ER, Dr A unreachable");
    expect(expiresAt.getTime() - Date.now()).toBeGreaterThan(3.9 * 3_600_000);
    const header = await getCaseHeader(b, p.id);
    expect(header.access).toMatchObject({
      basis: "break_glass",
      grantReason: "Patient at the ER, Dr A unreachable",
    });
    const events = await db().select().from(auditEvents).where(eq(auditEvents.actorId, b.id));
    expect(
      events.some((e) => e.action === "break_glass" && e.patientId === p.id && e.outcome === "success"),
    ).toBe(true);
    const notes = await db().select().from(notifications).where(eq(notifications.userId, a.id));
    expect(notes.some((n) => n.kind === "break_glass" && n.patientId === p.id)).toBe(true);
    // Own patients need no glass broken.
    await expect(breakGlass(a, p.id, "my own patient anyway")).rejects.toThrow("conflict");
    // An expired grant opens nothing.
    const c = await createUser(db(), { role: "doctor" });
    await db()
      .insert(breakGlassGrants)
      .values({
        doctorId: c.id,
        patientId: p.id,
        reason: "old emergency reason",
        expiresAt: new Date(Date.now() - 1000),
      });
    await expect(getCaseHeader(c, p.id)).rejects.toThrow("forbidden");
  });

  it("search finds by name or date of birth and shows only name, age and doctor", async () => {
    const a = await createUser(db(), { role: "doctor", name: "Dr Search" });
    await createUser(db(), { role: "patient", name: "Zoé Searchable", doctorId: a.id });
    const results = await searchPatients(a, "searchab");
    expect(results).toHaveLength(1);
    expect(Object.keys(results[0]).sort()).toEqual(["age", "assignedDoctorName", "assignment", "id", "name"]);
    expect(results[0]).toMatchObject({
      name: "Zoé Searchable",
      assignment: "mine",
      assignedDoctorName: "Dr Search",
    });
    expect(await searchPatients(a, "%")).toEqual([]);
    expect(await searchPatients(a, "x")).toEqual([]);
  });
});

describeDb("case trends", ({ db }) => {
  it("counts episodes and pain per ISO week in SQL, withdrawn reports left out", async () => {
    const a = await createUser(db(), { role: "doctor" });
    const p = await createUser(db(), { role: "patient", doctorId: a.id });
    await report(db(), p.id, 10);
    await report(db(), p.id, 20);
    const gone = await report(db(), p.id, 30);
    await db().update(spasmReports).set({ status: "withdrawn" }).where(eq(spasmReports.id, gone));
    const weeks = await getCaseTrends(a, p.id, 8);
    expect(weeks).toHaveLength(8);
    const total = weeks.reduce((n, w) => n + w.episodes, 0);
    expect(total).toBe(2);
    const withEpisodes = weeks.filter((w) => w.episodes > 0);
    expect(withEpisodes.every((w) => w.avgPain === 6 && w.maxPain === 6)).toBe(true);
    expect(weeks.filter((w) => w.episodes === 0).every((w) => w.avgPain === null)).toBe(true);
  });
});
