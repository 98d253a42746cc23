// The bench generator's data is only worth measuring if it is the app's data: levels and reasons as the real rules
// give them, a queue summary equal to a from-scratch recomputation, ids the DAL accepts, the shapes we claim.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { triageCaseSelect } from "@/lib/db/triage-case-sql";
import { triageReport, TRIAGE_REASONS, type TriageInput } from "@/lib/domain/triage";
import { uuidSchema } from "@/lib/validations/common";
import { seedBench, type SeedSummary } from "@/bench/seed";
import { openTestDb } from "@/test/db";

async function rows<T>(db: Db, q: ReturnType<typeof sql>): Promise<T[]> {
  const res = (await db.execute(q)) as unknown;
  return (Array.isArray(res) ? res : (res as { rows: T[] }).rows) as T[];
}

// PGlite only: seedBench keeps its plan in temporary tables, so it needs one connection (bench/pg.ts opens one).
describe("bench generator (PGlite)", () => {
  let db: Db;
  let close: () => Promise<void>;
  let summary: SeedSummary;
  let indexesBefore: number;

  beforeAll(async () => {
    ({ db, close } = await openTestDb("pglite"));
    [{ n: indexesBefore }] = await rows<{ n: number }>(
      db,
      sql`select count(*)::int as n from pg_indexes where schemaname = 'public'`,
    );
    summary = await seedBench(db, { patients: 80, reports: 1200, doctors: 5, audit: 700, bulk: true });
  }, 120_000);
  afterAll(() => close());

  it("creates exactly the sizes asked for, and puts back every index it dropped", async () => {
    expect(summary).toMatchObject({ patients: 80, reports: 1200, doctors: 5, auditEvents: 700 });
    const [{ n }] = await rows<{ n: number }>(
      db,
      sql`select count(*)::int as n from pg_indexes where schemaname = 'public'`,
    );
    expect(n).toBe(indexesBefore);
    const [{ sites }] = await rows<{ sites: number }>(
      db,
      sql`
      select count(*)::int as sites from spasm_reports r where not exists (select 1 from report_sites s where s.report_id = r.id)`,
    );
    expect(sites).toBe(0);
  });

  it("stores each report's level and reasons exactly as the triage rules give them for its answers", async () => {
    const reports = await rows<Record<string, unknown>>(
      db,
      sql`
      select pain_score, ongoing, duration_minutes, relief, pattern, hand_impact, walking_impact, conditions,
        recent_count, red_flags, triage_level, triage_reasons from spasm_reports`,
    );
    const levels = { urgent: 0, soon: 0, routine: 0 };
    for (const r of reports) {
      const input: TriageInput = {
        painScore: r.pain_score as number,
        ongoing: r.ongoing as boolean,
        durationMinutes: r.duration_minutes as number | null,
        relief: r.relief as TriageInput["relief"],
        pattern: r.pattern as TriageInput["pattern"],
        handImpact: r.hand_impact as TriageInput["handImpact"],
        walkingImpact: r.walking_impact as TriageInput["walkingImpact"],
        conditions: r.conditions as string[],
        recentCount: r.recent_count as number,
        redFlags: r.red_flags as TriageInput["redFlags"],
      };
      const expected = triageReport(input);
      expect({ level: r.triage_level, reasons: r.triage_reasons }).toEqual({
        level: expected.level,
        reasons: expected.reasons,
      });
      for (const code of r.triage_reasons as string[]) {
        expect(TRIAGE_REASONS.some((t) => t.code === code)).toBe(true);
      }
      levels[r.triage_level as keyof typeof levels]++;
    }
    // ~70 / 20 / 10 %
    expect(levels.routine / reports.length).toBeGreaterThan(0.6);
    expect(levels.soon / reports.length).toBeGreaterThan(0.12);
    expect(levels.urgent / reports.length).toBeGreaterThan(0.05);
    expect(levels.urgent / reports.length).toBeLessThan(0.16);
  });

  it("fills the queue summary exactly as a from-scratch recomputation", async () => {
    const cols =
      sql.raw(`patient_id, assigned_doctor_id, level_rank, level, reasons, reason_count, unreviewed_count,
      oldest_unreviewed_at, newest_unreviewed_at, sites`);
    const stored = await rows(db, sql`select ${cols} from triage_cases order by patient_id`);
    const fresh = await rows(
      db,
      sql`select ${cols} from (${triageCaseSelect(sql`true`)}) x order by patient_id`,
    );
    expect(stored.length).toBeGreaterThan(0);
    expect(stored).toEqual(fresh);
  });

  it("gives the shapes the bench relies on: a heavy tail, panels, an unassigned pool, covering evaluations", async () => {
    expect(summary.heaviestPatientReports).toBeGreaterThan((4 * 1200) / 80);
    const [p] = await rows<{ unassigned: number; doctors: number }>(
      db,
      sql`
      select count(*) filter (where assigned_doctor_id is null)::int as unassigned,
        count(distinct assigned_doctor_id)::int as doctors from patient_profiles`,
    );
    expect(p.unassigned).toBeGreaterThan(0);
    expect(p.unassigned).toBeLessThan(80 * 0.3);
    expect(p.doctors).toBeGreaterThan(1);
    const [e] = await rows<{ n: number; foreign: number; unsigned: number }>(
      db,
      sql`
      select count(*)::int as n, count(*) filter (where r.patient_id <> e.patient_id)::int as foreign,
        count(*) filter (where e.status <> 'signed' or e.signed_at < r.created_at)::int as unsigned
      from evaluations e join spasm_reports r on r.id = e.covers_report_id`,
    );
    expect(e.n).toBeGreaterThan(80 * 0.5);
    expect(e.foreign).toBe(0);
    expect(e.unsigned).toBe(0);
    expect(summary.openCases).toBeGreaterThan(0);
    expect(summary.openCases).toBeLessThan(80);
  });

  it("uses ids the DAL's uuid validation accepts", async () => {
    const ids = await rows<{ id: string }>(
      db,
      sql`
      select id::text from users union all (select id::text from spasm_reports limit 50)`,
    );
    for (const { id } of ids) expect(uuidSchema.safeParse(id).success, id).toBe(true);
  });
});
