import "server-only";
import { and, count, desc, eq, exists, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { reportSites, spasmReports, users } from "@/lib/db/schema";
import { BODY_SITES, type BodySite, type Side } from "@/lib/domain/report-fields";
import { TRIAGE_LEVELS, type TriageLevel, type TriageReason } from "@/lib/domain/triage";
import { DalError } from "@/lib/errors";
import type { Actor } from "@/lib/permissions";
import {
  HISTORY_PAGE_SIZE,
  MAX_HISTORY_PAGE_SIZE,
  TREND_WEEKS_DEFAULT,
  TREND_WEEKS_MAX,
  TREND_WEEKS_MIN,
  withdrawReasonSchema,
} from "@/lib/validations/history";
import { uuidSchema } from "@/lib/validations/common";
import { recordAudit } from "./audit";
import { assertCan } from "./guard";
import { reviewOf, type ReportReview } from "./reports";
import { refreshTriageCase } from "./triage-cases";

export type ReportSiteDto = { site: BodySite; side: Side };
export type ReportListItem = {
  id: string;
  startedAt: Date;
  ongoing: boolean;
  durationMinutes: number | null;
  painScore: number;
  level: TriageLevel;
  reasons: TriageReason[];
  sites: ReportSiteDto[];
  status: "active" | "withdrawn";
  withdrawnAt: Date | null;
  withdrawnReason: string | null;
  /** Null until a doctor has reviewed the report ("not yet reviewed"). */
  review: ReportReview;
};
export type ReportListPage = { items: ReportListItem[]; total: number; page: number; pageCount: number };
export type ListOwnReportsParams = {
  page?: number;
  pageSize?: number;
  level?: TriageLevel;
  site?: BodySite;
  /** Withdrawn reports stay in the history, marked; false hides them. */
  includeWithdrawn?: boolean;
};

export type WithdrawOwnReportParams = { reportId: string; reason: string };
export type GetOwnTrendsParams = { weeks?: number; site?: BodySite; now?: Date };
/** weekStart is the Monday (YYYY-MM-DD, UTC) of an ISO week. Pain is null for a week with no episode. */
export type TrendWeek = {
  weekStart: string;
  episodes: number;
  avgPain: number | null;
  maxPain: number | null;
};
export type OwnTrends = {
  weeks: TrendWeek[];
  /** Episodes per body site over the whole window, whatever the site filter (so the patient can pick one). */
  sites: { site: BodySite; episodes: number }[];
  totalEpisodes: number;
  site: BodySite | null;
};

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
const siteRank = (s: BodySite) => BODY_SITES.indexOf(s);
const clampInt = (n: number | undefined, min: number, max: number, fallback: number) =>
  Number.isFinite(n) ? Math.min(max, Math.max(min, Math.trunc(n as number))) : fallback;
// Typed params can still be fed raw query strings by a careless caller; an unknown code filters nothing.
const knownLevel = (l: unknown) =>
  (TRIAGE_LEVELS as readonly unknown[]).includes(l) ? (l as TriageLevel) : undefined;
const knownSite = (s: unknown) =>
  (BODY_SITES as readonly unknown[]).includes(s) ? (s as BodySite) : undefined;

/** Each report's sites, head to toe. */
export function groupSites(
  rows: { reportId: string; site: BodySite; side: Side }[],
): (id: string) => ReportSiteDto[] {
  const byReport = new Map<string, ReportSiteDto[]>();
  for (const { reportId, site, side } of rows) {
    const list = byReport.get(reportId) ?? [];
    list.push({ site, side });
    byReport.set(reportId, list);
  }
  for (const list of byReport.values()) list.sort((a, b) => siteRank(a.site) - siteRank(b.site));
  return (id) => byReport.get(id) ?? [];
}

/** One patient's own reports, newest episode first, with each page's sites fetched in one query. */
export async function listOwnReports(
  actor: Actor,
  params: ListOwnReportsParams = {},
): Promise<ReportListPage> {
  assertCan(actor, "report:read-own");
  const db = await getDb();
  const pageSize = clampInt(params.pageSize, 1, MAX_HISTORY_PAGE_SIZE, HISTORY_PAGE_SIZE);
  const level = knownLevel(params.level);
  const site = knownSite(params.site);
  const conditions: (SQL | undefined)[] = [eq(spasmReports.patientId, actor.id)];
  if (level) conditions.push(eq(spasmReports.triageLevel, level));
  if (params.includeWithdrawn === false) conditions.push(eq(spasmReports.status, "active"));
  if (site) {
    conditions.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(reportSites)
          .where(and(eq(reportSites.reportId, spasmReports.id), eq(reportSites.site, site))),
      ),
    );
  }
  const where = and(...conditions);
  const [{ total }] = await db.select({ total: count() }).from(spasmReports).where(where);
  const pageCount = Math.max(1, Math.ceil(Number(total) / pageSize));
  const page = clampInt(params.page, 1, pageCount, 1);
  const rows = await db
    .select({
      id: spasmReports.id,
      startedAt: spasmReports.startedAt,
      ongoing: spasmReports.ongoing,
      durationMinutes: spasmReports.durationMinutes,
      painScore: spasmReports.painScore,
      level: spasmReports.triageLevel,
      reasons: spasmReports.triageReasons,
      status: spasmReports.status,
      withdrawnAt: spasmReports.withdrawnAt,
      withdrawnReason: spasmReports.withdrawnReason,
      reviewedAt: spasmReports.reviewedAt,
      reviewerName: users.name,
    })
    .from(spasmReports)
    .leftJoin(users, eq(users.id, spasmReports.reviewedById))
    .where(where)
    .orderBy(desc(spasmReports.startedAt), desc(spasmReports.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const sites = rows.length
    ? await db
        .select()
        .from(reportSites)
        .where(
          inArray(
            reportSites.reportId,
            rows.map((r) => r.id),
          ),
        )
    : [];
  await recordAudit(db, { action: "report.list", actor, patientId: actor.id, entityType: "report" });
  const sitesOf = groupSites(sites);
  const items = rows.map(({ reviewedAt, reviewerName, ...r }) => ({
    ...r,
    reasons: r.reasons as TriageReason[],
    sites: sitesOf(r.id),
    review: reviewOf(reviewedAt, reviewerName ?? undefined),
  }));
  return { items, total: Number(total), page, pageCount };
}

/**
 * Marks one of the actor's active reports as withdrawn, with the reason. The report is kept. Someone else's
 * report, a missing one and a malformed id all give not_found, so nobody learns which ids exist.
 */
export async function withdrawOwnReport(
  actor: Actor,
  params: WithdrawOwnReportParams,
): Promise<{ id: string; withdrawnAt: Date }> {
  assertCan(actor, "report:withdraw-own");
  const reason = withdrawReasonSchema.safeParse(params.reason);
  if (!reason.success) throw new DalError("invalid", "reason");
  const db = await getDb();
  const audit = { action: "report.withdraw", actor, patientId: actor.id, entityType: "report" } as const;
  if (!uuidSchema.safeParse(params.reportId).success) {
    await recordAudit(db, { ...audit, outcome: "denied" });
    throw new DalError("not_found", "report");
  }
  try {
    return await db.transaction(async (tx) => {
      // One conditional UPDATE: two concurrent withdrawals cannot both succeed.
      const [row] = await tx
        .update(spasmReports)
        .set({ status: "withdrawn", withdrawnAt: new Date(), withdrawnReason: reason.data })
        .where(
          and(
            eq(spasmReports.id, params.reportId),
            eq(spasmReports.patientId, actor.id),
            eq(spasmReports.status, "active"),
          ),
        )
        .returning({ id: spasmReports.id, withdrawnAt: spasmReports.withdrawnAt });
      if (!row) {
        const [own] = await tx
          .select({ id: spasmReports.id })
          .from(spasmReports)
          .where(and(eq(spasmReports.id, params.reportId), eq(spasmReports.patientId, actor.id)));
        throw own ? new DalError("conflict", "report") : new DalError("not_found", "report");
      }
      await refreshTriageCase(tx, actor.id);
      await recordAudit(tx, { ...audit, entityId: row.id });
      return { id: row.id, withdrawnAt: row.withdrawnAt ?? new Date() };
    });
  } catch (err) {
    // The refusal is recorded outside the rolled-back transaction; the entity id stays out for a foreign report.
    if (err instanceof DalError) await recordAudit(db, { ...audit, outcome: "denied" });
    throw err;
  }
}

/** Monday 00:00 UTC of the ISO week holding `d`. Weeks are cut in UTC, not in the patient's time zone. */
export function isoWeekStart(d: Date): Date {
  const sinceMonday = (d.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - sinceMonday));
}

/** Weekly episodes and pain over the last `weeks` ISO weeks (this one included), withdrawn reports left out. */
export async function getOwnTrends(actor: Actor, params: GetOwnTrendsParams = {}): Promise<OwnTrends> {
  assertCan(actor, "report:read-own");
  const db = await getDb();
  const weeks = clampInt(params.weeks, TREND_WEEKS_MIN, TREND_WEEKS_MAX, TREND_WEEKS_DEFAULT);
  const site = knownSite(params.site) ?? null;
  const end = new Date(isoWeekStart(params.now ?? new Date()).getTime() + WEEK_MS);
  const from = new Date(end.getTime() - weeks * WEEK_MS);
  const rows = await db
    .select({
      id: spasmReports.id,
      startedAt: spasmReports.startedAt,
      pain: spasmReports.painScore,
      site: reportSites.site,
    })
    .from(spasmReports)
    .leftJoin(reportSites, eq(reportSites.reportId, spasmReports.id))
    .where(
      and(
        eq(spasmReports.patientId, actor.id),
        eq(spasmReports.status, "active"),
        gte(spasmReports.startedAt, from),
        lt(spasmReports.startedAt, end),
      ),
    );
  await recordAudit(db, { action: "report.trends", actor, patientId: actor.id, entityType: "report" });

  // One row per (report, site): fold back into reports.
  const reports = new Map<string, { startedAt: Date; pain: number; sites: Set<BodySite> }>();
  for (const r of rows) {
    const entry = reports.get(r.id) ?? { startedAt: r.startedAt, pain: r.pain, sites: new Set<BodySite>() };
    if (r.site) entry.sites.add(r.site);
    reports.set(r.id, entry);
  }
  const buckets = Array.from({ length: weeks }, () => ({ episodes: 0, painSum: 0, maxPain: -1 }));
  const siteCounts = new Map<BodySite, number>();
  for (const r of reports.values()) {
    for (const s of r.sites) siteCounts.set(s, (siteCounts.get(s) ?? 0) + 1);
    if (site && !r.sites.has(site)) continue;
    const b = buckets[Math.floor((r.startedAt.getTime() - from.getTime()) / WEEK_MS)];
    b.episodes += 1;
    b.painSum += r.pain;
    b.maxPain = Math.max(b.maxPain, r.pain);
  }
  return {
    weeks: buckets.map((b, i) => ({
      weekStart: new Date(from.getTime() + i * WEEK_MS).toISOString().slice(0, 10),
      episodes: b.episodes,
      avgPain: b.episodes ? Math.round((b.painSum / b.episodes) * 10) / 10 : null,
      maxPain: b.episodes ? b.maxPain : null,
    })),
    sites: [...siteCounts]
      .map(([s, episodes]) => ({ site: s, episodes }))
      .sort((a, b) => b.episodes - a.episodes || siteRank(a.site) - siteRank(b.site)),
    totalEpisodes: buckets.reduce((sum, b) => sum + b.episodes, 0),
    site,
  };
}
