import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { auditEvents, reportSites, spasmReports } from "@/lib/db/schema";
import type { BodySite, Side } from "@/lib/domain/report-fields";
import type { TriageLevel } from "@/lib/domain/triage";
import { describeDb } from "@/test/db";
import { createUser } from "@/test/fixtures";
import { exportOwnReportsCsv } from "./report-export";
import { getOwnTrends, isoWeekStart, listOwnReports, withdrawOwnReport } from "./report-history";

const DAY = 86_400_000;
// A Wednesday: its ISO week starts on Monday 2026-03-09.
const NOW = new Date("2026-03-11T12:00:00Z");

type Seed = {
  startedAt: Date;
  painScore?: number;
  level?: TriageLevel;
  sites?: { site: BodySite; side: Side }[];
  notes?: string | null;
  withdrawnReason?: string;
};

/** Inserts a report directly (the report form and its DAL are tested elsewhere), like the seed does. */
async function insertReport(db: Db, patientId: string, r: Seed): Promise<string> {
  const [row] = await db
    .insert(spasmReports)
    .values({
      patientId,
      startedAt: r.startedAt,
      ongoing: false,
      durationMinutes: 5,
      painScore: r.painScore ?? 3,
      relief: "stretching_helped",
      pattern: "single_cramp",
      handImpact: "none",
      walkingImpact: "none",
      triggers: ["stress"],
      notes: r.notes ?? null,
      recentCount: 1,
      triageLevel: r.level ?? "routine",
      triageReasons: r.level === "urgent" ? ["EXTREME_PAIN"] : [],
      rulesVersion: 1,
      ...(r.withdrawnReason
        ? { status: "withdrawn" as const, withdrawnAt: r.startedAt, withdrawnReason: r.withdrawnReason }
        : {}),
    })
    .returning({ id: spasmReports.id });
  await db
    .insert(reportSites)
    .values((r.sites ?? [{ site: "calf", side: "left" }]).map((s) => ({ reportId: row.id, ...s })));
  return row.id;
}

const daysAgo = (n: number) => new Date(NOW.getTime() - n * DAY);
const CALF_AND_HAND: Seed["sites"] = [
  { site: "calf", side: "left" },
  { site: "hand", side: "right" },
];

const auditOf = (db: Db, actorId: string, action: string) =>
  db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.actorId, actorId), eq(auditEvents.action, action)));

/** RFC 4180 reader (quoted cells, doubled quotes, CRLF rows), so the test checks what a spreadsheet would see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ",") {
      row.push(cell);
      cell = "";
    } else if (!quoted && c === "\r" && text[i + 1] === "\n") {
      rows.push([...row, cell]);
      row = [];
      cell = "";
      i++;
    } else {
      cell += c;
    }
  }
  return rows;
}

describe("isoWeekStart", () => {
  it("is the Monday, 00:00 UTC, of the ISO week", () => {
    expect(isoWeekStart(new Date("2026-03-15T23:59:00Z")).toISOString()).toBe("2026-03-09T00:00:00.000Z");
    expect(isoWeekStart(new Date("2026-03-09T00:00:00Z")).toISOString()).toBe("2026-03-09T00:00:00.000Z");
    expect(isoWeekStart(new Date("2026-01-01T08:00:00Z")).toISOString()).toBe("2025-12-29T00:00:00.000Z");
  });
});

describeDb("report history DAL", ({ db }) => {
  it("pages the patient's own reports newest first, and clamps page and page size", async () => {
    const a = await createUser(db(), { role: "patient" });
    for (let i = 0; i < 12; i++)
      await insertReport(db(), a.id, { startedAt: daysAgo(i * 2 + 1), painScore: i % 11 });
    const first = await listOwnReports(a, { page: 1, pageSize: 5 });
    expect(first).toMatchObject({ total: 12, page: 1, pageCount: 3 });
    expect(first.items).toHaveLength(5);
    const times = first.items.map((r) => r.startedAt.getTime());
    expect(times).toEqual([...times].sort((x, y) => y - x));
    expect(first.items[0].startedAt).toEqual(daysAgo(1));
    expect((await listOwnReports(a, { page: 3, pageSize: 5 })).items).toHaveLength(2);
    expect(await listOwnReports(a, { page: 99, pageSize: 5 })).toMatchObject({ page: 3 });
    expect(await listOwnReports(a, { page: -4, pageSize: 5 })).toMatchObject({ page: 1 });
    expect((await listOwnReports(a, { pageSize: 500 })).items).toHaveLength(12);
    expect((await listOwnReports(a)).items).toHaveLength(10);
    const audit = await auditOf(db(), a.id, "report.list");
    expect(audit.length).toBeGreaterThan(0);
    expect(audit.every((e) => e.patientId === a.id)).toBe(true);
  });

  it("filters by level and by body site, returning every site of a matching report", async () => {
    const a = await createUser(db(), { role: "patient" });
    await insertReport(db(), a.id, { startedAt: daysAgo(1), level: "urgent", painScore: 9 });
    const both = await insertReport(db(), a.id, {
      startedAt: daysAgo(2),
      level: "soon",
      sites: CALF_AND_HAND,
    });
    await insertReport(db(), a.id, {
      startedAt: daysAgo(3),
      level: "urgent",
      sites: [{ site: "neck", side: "midline" }],
    });
    const urgent = await listOwnReports(a, { level: "urgent" });
    expect(urgent.total).toBe(2);
    expect(urgent.items.every((r) => r.level === "urgent")).toBe(true);
    const hand = await listOwnReports(a, { site: "hand" });
    expect(hand.items.map((r) => r.id)).toEqual([both]);
    expect(hand.items[0].sites).toEqual([
      { site: "hand", side: "right" },
      { site: "calf", side: "left" },
    ]);
    expect((await listOwnReports(a, { site: "calf", level: "urgent" })).total).toBe(1);
    expect((await listOwnReports(a, { site: "foot" })).items).toEqual([]);
  });

  it("shows withdrawn reports marked, unless asked to hide them", async () => {
    const a = await createUser(db(), { role: "patient" });
    await insertReport(db(), a.id, { startedAt: daysAgo(1), withdrawnReason: "Entered twice" });
    await insertReport(db(), a.id, { startedAt: daysAgo(2) });
    const all = await listOwnReports(a);
    expect(all.items.map((r) => [r.status, r.withdrawnReason])).toEqual([
      ["withdrawn", "Entered twice"],
      ["active", null],
    ]);
    expect((await listOwnReports(a, { includeWithdrawn: false })).total).toBe(1);
  });

  it("says 'not yet reviewed' (null) until a doctor reviews a report, then who reviewed it and when", async () => {
    const patient = await createUser(db(), { role: "patient" });
    const doctor = await createUser(db(), { role: "doctor", name: "Dr Paul Girard" });
    const reviewed = await insertReport(db(), patient.id, { startedAt: daysAgo(2) });
    const waiting = await insertReport(db(), patient.id, { startedAt: daysAgo(1) });
    const at = new Date("2026-03-10T09:30:00Z");
    await db()
      .update(spasmReports)
      .set({ reviewedById: doctor.id, reviewedAt: at })
      .where(eq(spasmReports.id, reviewed));
    const { items } = await listOwnReports(patient);
    expect(items.find((i) => i.id === waiting)?.review).toBeNull();
    expect(items.find((i) => i.id === reviewed)?.review).toEqual({ doctorName: "Dr Paul Girard", at });
    expect(items.find((i) => i.id === reviewed)).not.toHaveProperty("reviewerName");
  });

  it("keeps patients apart: B cannot list, withdraw or export A's reports", async () => {
    const a = await createUser(db(), { role: "patient" });
    const b = await createUser(db(), { role: "patient" });
    const aReport = await insertReport(db(), a.id, { startedAt: daysAgo(1), notes: "A's private note" });
    expect(await listOwnReports(b)).toMatchObject({ total: 0, items: [] });
    await expect(withdrawOwnReport(b, { reportId: aReport, reason: "not mine" })).rejects.toThrow(
      "not_found:report",
    );
    const [row] = await db().select().from(spasmReports).where(eq(spasmReports.id, aReport));
    expect(row.status).toBe("active");
    const csv = await exportOwnReportsCsv(b);
    expect(parseCsv(csv)).toHaveLength(1);
    expect(csv).not.toContain("private");
    expect((await getOwnTrends(b, { now: NOW })).totalEpisodes).toBe(0);
    const denied = await auditOf(db(), b.id, "report.withdraw");
    expect(denied.map((e) => [e.outcome, e.patientId])).toEqual([["denied", b.id]]);
  });

  it("refuses doctors and admins, who have no own reports to read", async () => {
    const a = await createUser(db(), { role: "patient" });
    const reportId = await insertReport(db(), a.id, { startedAt: daysAgo(1) });
    for (const role of ["doctor", "admin"] as const) {
      const staff = await createUser(db(), { role });
      await expect(listOwnReports(staff)).rejects.toThrow("forbidden");
      await expect(withdrawOwnReport(staff, { reportId, reason: "because" })).rejects.toThrow("forbidden");
      await expect(getOwnTrends(staff)).rejects.toThrow("forbidden");
      await expect(exportOwnReportsCsv(staff)).rejects.toThrow("forbidden");
    }
    const [row] = await db().select().from(spasmReports).where(eq(spasmReports.id, reportId));
    expect(row.status).toBe("active");
  });

  it("withdraws an own report with its reason and time, keeps it, audits it, and refuses a second time", async () => {
    const a = await createUser(db(), { role: "patient" });
    const id = await insertReport(db(), a.id, { startedAt: daysAgo(1) });
    const before = Date.now();
    const result = await withdrawOwnReport(a, { reportId: id, reason: "  Entered by mistake  " });
    expect(result.id).toBe(id);
    const [row] = await db().select().from(spasmReports).where(eq(spasmReports.id, id));
    expect(row).toMatchObject({ status: "withdrawn", withdrawnReason: "Entered by mistake" });
    expect(row.withdrawnAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    const events = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "report.withdraw"), eq(auditEvents.entityId, id)));
    expect(events.map((e) => [e.outcome, e.actorId, e.patientId])).toEqual([["success", a.id, a.id]]);
    await expect(withdrawOwnReport(a, { reportId: id, reason: "again please" })).rejects.toThrow(
      "conflict:report",
    );
    const [still] = await db().select().from(spasmReports).where(eq(spasmReports.id, id));
    expect(still.withdrawnReason).toBe("Entered by mistake");
  });

  it("lets only one of two simultaneous withdrawals through", async () => {
    const a = await createUser(db(), { role: "patient" });
    const id = await insertReport(db(), a.id, { startedAt: daysAgo(1) });
    const results = await Promise.allSettled([
      withdrawOwnReport(a, { reportId: id, reason: "first try" }),
      withdrawOwnReport(a, { reportId: id, reason: "second try" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected").map((r) => String(r.reason))).toEqual([
      expect.stringContaining("conflict"),
    ]);
  });

  it("answers not_found for a malformed or unknown id and refuses a too-short reason", async () => {
    const a = await createUser(db(), { role: "patient" });
    const id = await insertReport(db(), a.id, { startedAt: daysAgo(1) });
    await expect(withdrawOwnReport(a, { reportId: "not-a-uuid", reason: "valid" })).rejects.toThrow(
      "not_found",
    );
    await expect(
      withdrawOwnReport(a, { reportId: "00000000-0000-4000-8000-000000000000", reason: "valid" }),
    ).rejects.toThrow("not_found");
    await expect(withdrawOwnReport(a, { reportId: id, reason: " x " })).rejects.toThrow("invalid:reason");
    await expect(withdrawOwnReport(a, { reportId: id, reason: "x".repeat(501) })).rejects.toThrow("invalid");
    const [row] = await db().select().from(spasmReports).where(eq(spasmReports.id, id));
    expect(row.status).toBe("active");
  });

  it("buckets trends by ISO week with empty weeks, leaving withdrawn and older reports out", async () => {
    const a = await createUser(db(), { role: "patient" });
    await insertReport(db(), a.id, { startedAt: new Date("2026-03-09T06:00:00Z"), painScore: 4 });
    await insertReport(db(), a.id, {
      startedAt: new Date("2026-03-10T20:00:00Z"),
      painScore: 7,
      sites: [{ site: "hand", side: "left" }],
    });
    await insertReport(db(), a.id, { startedAt: new Date("2026-03-08T23:00:00Z"), painScore: 2 });
    await insertReport(db(), a.id, { startedAt: daysAgo(1), painScore: 10, withdrawnReason: "duplicate" });
    await insertReport(db(), a.id, { startedAt: daysAgo(200), painScore: 9 });
    const trends = await getOwnTrends(a, { now: NOW });
    expect(trends.weeks).toHaveLength(12);
    expect(trends.weeks[0].weekStart).toBe("2025-12-22");
    expect(trends.weeks.at(-1)).toEqual({ weekStart: "2026-03-09", episodes: 2, avgPain: 5.5, maxPain: 7 });
    expect(trends.weeks.at(-2)).toEqual({ weekStart: "2026-03-02", episodes: 1, avgPain: 2, maxPain: 2 });
    expect(trends.weeks.at(-3)).toMatchObject({ weekStart: "2026-02-23", episodes: 0, avgPain: null });
    expect(trends.totalEpisodes).toBe(3);
    expect(trends.sites.map((x) => `${x.site}:${x.episodes}`)).toEqual(["calf:2", "hand:1"]);
    const hand = await getOwnTrends(a, { now: NOW, site: "hand" });
    expect(hand).toMatchObject({ totalEpisodes: 1, site: "hand", sites: trends.sites });
    expect((await getOwnTrends(a, { now: NOW, weeks: 1 })).weeks).toHaveLength(4);
    expect((await getOwnTrends(a, { now: NOW, weeks: 500 })).weeks).toHaveLength(52);
  });

  it("exports every own report, withdrawn ones with their status, escaped and defused", async () => {
    const a = await createUser(db(), { role: "patient" });
    const note = 'Cramp, then "twitching"\nat night';
    await insertReport(db(), a.id, {
      startedAt: new Date("2026-03-01T10:00:00Z"),
      notes: note,
      sites: CALF_AND_HAND,
    });
    await insertReport(db(), a.id, {
      startedAt: new Date("2026-03-02T10:00:00Z"),
      notes: '=HYPERLINK("http://evil.example","click")',
      withdrawnReason: "@mistake",
    });
    const csv = await exportOwnReportsCsv(a);
    const [header, first, second, ...rest] = parseCsv(csv);
    expect(rest).toEqual([]);
    // Headers and values in the patient's language (English for this fixture), times in Paris with the offset.
    const col = (name: string) => header.indexOf(name);
    expect(header.slice(0, 3)).toEqual([
      "Report number",
      "Started (Paris time)",
      "Still going when reported",
    ]);
    expect(first[col("Started (Paris time)")]).toBe("2026-03-01T11:00:00+01:00");
    expect(first[col("Notes")]).toBe(note);
    expect(first[col("Where")]).toMatch(/Hand.*\(Right\); Calf.*\(Left\)|Calf.*\(Left\); Hand.*\(Right\)/);
    expect(first[col("Status")]).toBe("Active");
    expect(second[col("Notes")]).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(second[col("Status")]).toBe("Withdrawn");
    expect(second[col("Reason for withdrawal")]).toBe("'@mistake");
    const events = await auditOf(db(), a.id, "report.export");
    expect(events.map((e) => e.patientId)).toEqual([a.id]);
  });
});
