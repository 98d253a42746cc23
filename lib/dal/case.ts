import "server-only";
import { and, desc, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { cache } from "react";
import { patientProfiles, reportSites, spasmReports, triageCases, users } from "@/lib/db/schema";
import { ageOn } from "@/lib/domain/age";
import { BODY_SITES, type BodySite } from "@/lib/domain/report-fields";
import { TRIAGE_LEVELS, type TriageLevel, type TriageReason } from "@/lib/domain/triage";
import type { CaseHeader, CaseTrendWeek, TimelinePage, TimelineReport } from "@/lib/dto/case";
import type { Actor } from "@/lib/permissions";
import { recordAudit } from "./audit";
import { withPatientAccess } from "./patient-access";
import { rowsOf } from "./queue";

const doctors = alias(users, "doctor");
const reviewers = alias(users, "reviewer");

/**
 * The case header: who the patient is, their background, their doctor, the current triage and any red flags.
 * Opening a case is audited (once per request: the layout and the page share this call).
 */
export const getCaseHeader = cache(async (actor: Actor, patientId: string): Promise<CaseHeader> => {
  return withPatientAccess(actor, patientId, "case.read", async (tx, access) => {
    const [row] = await tx
      .select({
        name: users.name,
        locale: users.locale,
        status: users.status,
        dateOfBirth: patientProfiles.dateOfBirth,
        sex: patientProfiles.sex,
        conditions: patientProfiles.conditions,
        conditionsOther: patientProfiles.conditionsOther,
        medicines: patientProfiles.medicines,
        medicinesOther: patientProfiles.medicinesOther,
        phone: patientProfiles.phone,
        emergencyContactName: patientProfiles.emergencyContactName,
        emergencyContactRelation: patientProfiles.emergencyContactRelation,
        emergencyContactPhone: patientProfiles.emergencyContactPhone,
        doctorId: doctors.id,
        doctorName: doctors.name,
      })
      .from(users)
      .innerJoin(patientProfiles, eq(patientProfiles.userId, users.id))
      .leftJoin(doctors, eq(doctors.id, patientProfiles.assignedDoctorId))
      .where(eq(users.id, patientId));
    const [summary] = await tx.select().from(triageCases).where(eq(triageCases.patientId, patientId));
    let redFlags: string[] = [];
    if (summary) {
      const flags = rowsOf<{ flag: string }>(
        await tx.execute(sql`
          select distinct unnest(red_flags) as flag from spasm_reports
          where patient_id = ${patientId} and status = 'active' and created_at >= ${summary.oldestUnreviewedAt.toISOString()}::timestamptz`),
      );
      redFlags = flags.map((f) => f.flag).sort();
    }
    await recordAudit(tx, {
      action: "case.read",
      actor,
      patientId,
      entityType: "patient",
      entityId: patientId,
    });
    return {
      patientId,
      name: row.name,
      age: ageOn(row.dateOfBirth),
      dateOfBirth: row.dateOfBirth,
      sex: row.sex,
      conditions: row.conditions,
      conditionsOther: row.conditionsOther,
      medicines: row.medicines,
      medicinesOther: row.medicinesOther,
      phone: row.phone,
      emergencyContactName: row.emergencyContactName,
      emergencyContactRelation: row.emergencyContactRelation,
      emergencyContactPhone: row.emergencyContactPhone,
      locale: row.locale,
      status: row.status,
      assignedDoctor: row.doctorId && row.doctorName ? { id: row.doctorId, name: row.doctorName } : null,
      triage: summary
        ? {
            level: summary.level,
            reasons: summary.reasons as TriageReason[],
            unreviewedCount: summary.unreviewedCount,
            since: summary.oldestUnreviewedAt.toISOString(),
          }
        : null,
      redFlags,
      access: {
        basis: access.basis,
        grantReason: access.grant?.reason ?? null,
        grantExpiresAt: access.grant?.expiresAt.toISOString() ?? null,
      },
    };
  });
});

export type GetCaseTimelineParams = {
  cursor?: string | null;
  level?: TriageLevel;
  site?: BodySite;
  limit?: number;
};

function parseCursor(cursor: string | null | undefined): { at: Date; id: string } | null {
  if (!cursor) return null;
  const [at, id] = cursor.split("_");
  const date = new Date(at);
  return Number.isNaN(date.getTime()) || !/^[0-9a-f-]{36}$/.test(id ?? "") ? null : { at: date, id };
}

/**
 * Every report of the patient, newest first, keyset-paged on (created_at, id) so the heaviest patient costs one
 * page. The reports shown are stamped as reviewed by this doctor when no one had reviewed them yet.
 */
export async function getCaseTimeline(
  actor: Actor,
  patientId: string,
  params: GetCaseTimelineParams = {},
): Promise<TimelinePage> {
  const limit = Math.min(Math.max(params.limit ?? 20, 1), 100);
  const level = (TRIAGE_LEVELS as readonly string[]).includes(params.level ?? "") ? params.level : undefined;
  const site = (BODY_SITES as readonly string[]).includes(params.site ?? "") ? params.site : undefined;
  const cursor = parseCursor(params.cursor);
  return withPatientAccess(actor, patientId, "report.read", async (tx) => {
    const rows = await tx
      .select({
        report: spasmReports,
        reviewer: reviewers.name,
      })
      .from(spasmReports)
      .leftJoin(reviewers, eq(reviewers.id, spasmReports.reviewedById))
      .where(
        and(
          eq(spasmReports.patientId, patientId),
          level ? eq(spasmReports.triageLevel, level) : undefined,
          site
            ? sql`exists (select 1 from ${reportSites} where ${reportSites.reportId} = ${spasmReports.id} and ${reportSites.site} = ${site})`
            : undefined,
          cursor
            ? or(
                lt(spasmReports.createdAt, cursor.at),
                and(eq(spasmReports.createdAt, cursor.at), lt(spasmReports.id, cursor.id)),
              )
            : undefined,
        ),
      )
      .orderBy(desc(spasmReports.createdAt), desc(spasmReports.id))
      .limit(limit + 1);
    const page = rows.slice(0, limit);
    const ids = page.map((r) => r.report.id);
    const sites = ids.length
      ? await tx
          .select({ reportId: reportSites.reportId, site: reportSites.site, side: reportSites.side })
          .from(reportSites)
          .where(inArray(reportSites.reportId, ids))
      : [];
    const now = new Date();
    const stamped = ids.length
      ? await tx
          .update(spasmReports)
          .set({ reviewedById: actor.id, reviewedAt: now })
          .where(and(inArray(spasmReports.id, ids), isNull(spasmReports.reviewedAt)))
          .returning({ id: spasmReports.id })
      : [];
    const stampedIds = new Set(stamped.map((s) => s.id));
    await recordAudit(tx, {
      action: "report.read",
      actor,
      patientId,
      entityType: "timeline",
      entityId: patientId,
    });
    const siteOrder = (s: string) => BODY_SITES.indexOf(s as BodySite);
    const items = page.map(({ report: r, reviewer }): TimelineReport => ({
      id: r.id,
      createdAt: r.createdAt.toISOString(),
      startedAt: r.startedAt.toISOString(),
      ongoing: r.ongoing,
      durationMinutes: r.durationMinutes,
      painScore: r.painScore,
      relief: r.relief,
      pattern: r.pattern,
      handImpact: r.handImpact,
      walkingImpact: r.walkingImpact,
      triggers: r.triggers,
      conditions: r.conditions,
      redFlags: r.redFlags,
      notes: r.notes,
      sites: sites
        .filter((s) => s.reportId === r.id)
        .sort((a, b) => siteOrder(a.site) - siteOrder(b.site))
        .map((s) => ({ site: s.site, side: s.side })),
      level: r.triageLevel,
      reasons: r.triageReasons as TriageReason[],
      rulesVersion: r.rulesVersion,
      status: r.status,
      withdrawnAt: r.withdrawnAt?.toISOString() ?? null,
      withdrawnReason: r.withdrawnReason,
      reviewedBy: stampedIds.has(r.id) ? actor.name : reviewer,
      reviewedAt: stampedIds.has(r.id) ? now.toISOString() : (r.reviewedAt?.toISOString() ?? null),
    }));
    const last = page.at(-1)?.report;
    return {
      items,
      nextCursor: rows.length > limit && last ? `${last.createdAt.toISOString()}_${last.id}` : null,
    };
  });
}

const WEEK_MS = 7 * 86_400_000;

/** Episodes and pain per ISO week (UTC) over the last `weeks` weeks, aggregated in SQL, withdrawn left out. */
export async function getCaseTrends(actor: Actor, patientId: string, weeks = 26): Promise<CaseTrendWeek[]> {
  const n = Math.min(Math.max(Math.trunc(weeks), 4), 104);
  return withPatientAccess(actor, patientId, "report.trends", async (tx) => {
    const now = new Date();
    const monday = new Date(
      Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - ((now.getUTCDay() + 6) % 7)),
    );
    const from = new Date(monday.getTime() - (n - 1) * WEEK_MS);
    const rows = rowsOf<{
      week: string;
      episodes: number | string;
      avg: number | string;
      max: number | string;
    }>(
      await tx.execute(sql`
        select to_char(date_trunc('week', started_at at time zone 'UTC'), 'YYYY-MM-DD') as week,
          count(*) as episodes, avg(pain_score) as avg, max(pain_score) as max
        from spasm_reports
        where patient_id = ${patientId} and status = 'active' and started_at >= ${from.toISOString()}::timestamptz
        group by 1`),
    );
    const byWeek = new Map(rows.map((r) => [r.week, r]));
    await recordAudit(tx, { action: "report.trends", actor, patientId, entityType: "report" });
    return Array.from({ length: n }, (_, i) => {
      const weekStart = new Date(from.getTime() + i * WEEK_MS).toISOString().slice(0, 10);
      const r = byWeek.get(weekStart);
      return {
        weekStart,
        episodes: r ? Number(r.episodes) : 0,
        avgPain: r ? Math.round(Number(r.avg) * 10) / 10 : null,
        maxPain: r ? Number(r.max) : null,
      };
    });
  });
}
