import "server-only";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/lib/db";
import {
  patientProfiles,
  reportSites,
  spasmReports,
  suspectedCauseChanges,
  suspectedCauses,
  users,
} from "@/lib/db/schema";
import { suggestCauses, type CauseSuggestion, type Trigger } from "@/lib/domain/causes";
import type { RecordedCause } from "@/lib/domain/cause-records";
import type { RedFlag, TriageReason } from "@/lib/domain/triage";
import type {
  CauseBoard,
  CauseChange,
  CauseSuggestionView,
  RecordedCauseDetail,
  SuspectedCauseRef,
} from "@/lib/dto/causes";
import { DalError } from "@/lib/errors";
import type { Actor } from "@/lib/permissions";
import type { SetCauseStatusInput } from "@/lib/validations/causes";
import { recordAudit } from "./audit";
import { assertCan } from "./guard";
import { withPatientAccess } from "./patient-access";

// Suspected causes of one patient: the software's suggestions (decision support) and what doctors recorded
// about them. Every status change appends a history row, so nothing is silently overwritten.

/** Suggestions read at most this many unreviewed reports (the newest): enough to see a pattern, bounded in cost. */
export const CAUSE_REPORTS_MAX = 50;

type ReportForCauses = {
  id: string;
  createdAt: Date;
  triggers: string[];
  relief: "stretching_helped" | "massage_helped" | "nothing_helped" | "not_tried";
  pattern: "single_cramp" | "repeated_twitching" | "unsure";
  triageReasons: string[];
  conditions: string[];
  redFlags: string[];
};

/** The newest report a signed evaluation covers (as in the queue summary), compared in SQL at full precision. */
function coveredUpTo(patientId: string) {
  return sql`coalesce((
    select max(r.created_at) from evaluations e join spasm_reports r on r.id = e.covers_report_id
    where e.patient_id = ${patientId} and e.status = 'signed'), '-infinity'::timestamptz)`;
}

/** The reports suggestions come from: those no signed evaluation covers yet, else the newest active one. */
async function reportsForCauses(tx: Db, patientId: string) {
  const columns = {
    id: spasmReports.id,
    createdAt: spasmReports.createdAt,
    triggers: spasmReports.triggers,
    relief: spasmReports.relief,
    pattern: spasmReports.pattern,
    triageReasons: spasmReports.triageReasons,
    conditions: spasmReports.conditions,
    redFlags: spasmReports.redFlags,
  };
  const active = and(eq(spasmReports.patientId, patientId), eq(spasmReports.status, "active"));
  const newestFirst = [desc(spasmReports.createdAt), desc(spasmReports.id)];
  const unreviewed: ReportForCauses[] = await tx
    .select(columns)
    .from(spasmReports)
    .where(and(active, sql`${spasmReports.createdAt} > ${coveredUpTo(patientId)}`))
    .orderBy(...newestFirst)
    .limit(CAUSE_REPORTS_MAX);
  if (unreviewed.length > 0) return { kind: "unreviewed" as const, reports: unreviewed };
  const newest: ReportForCauses[] = await tx
    .select(columns)
    .from(spasmReports)
    .where(active)
    .orderBy(...newestFirst)
    .limit(1);
  return { kind: newest.length ? ("newest" as const) : ("none" as const), reports: newest };
}

function union<T>(a: readonly T[], b: readonly T[]): T[] {
  return [...new Set([...a, ...b])];
}

/** One view per cause over several reports: facts and work-up joined, hints kept when any report raises them. */
function mergeSuggestions(perReport: CauseSuggestion[][]): Omit<CauseSuggestionView, "recorded">[] {
  const byCause = new Map<string, Omit<CauseSuggestionView, "recorded">>();
  for (const list of perReport) {
    for (const s of list) {
      const seen = byCause.get(s.cause);
      if (!seen) {
        byCause.set(s.cause, {
          cause: s.cause,
          facts: [...s.facts],
          workUp: [...s.workUp],
          suggestNeurologyReferral: s.suggestNeurologyReferral === true,
          suggestUrgentReview: s.suggestUrgentReview === true,
          seriousConditions: [...(s.seriousConditions ?? [])],
          reportCount: 1,
        });
        continue;
      }
      seen.facts = union(seen.facts, s.facts);
      seen.workUp = union(seen.workUp, s.workUp);
      seen.suggestNeurologyReferral ||= s.suggestNeurologyReferral === true;
      seen.suggestUrgentReview ||= s.suggestUrgentReview === true;
      seen.seriousConditions = union(seen.seriousConditions, s.seriousConditions ?? []);
      seen.reportCount += 1;
    }
  }
  // suggestCauses lists causes in CAUSES order; the first report to raise each keeps that order overall.
  const order = perReport.flat().map((s) => s.cause);
  return [...byCause.values()].sort((a, b) => order.indexOf(a.cause) - order.indexOf(b.cause));
}

async function recordedCauses(tx: Db, patientId: string): Promise<RecordedCauseDetail[]> {
  const rows = await tx
    .select({
      id: suspectedCauses.id,
      cause: suspectedCauses.cause,
      label: suspectedCauses.label,
      status: suspectedCauses.status,
      note: suspectedCauses.note,
      updatedByName: users.name,
      updatedAt: suspectedCauses.updatedAt,
    })
    .from(suspectedCauses)
    .leftJoin(users, eq(users.id, suspectedCauses.updatedBy))
    .where(eq(suspectedCauses.patientId, patientId))
    .orderBy(asc(suspectedCauses.createdAt), asc(suspectedCauses.id));
  if (rows.length === 0) return [];
  const changes = await tx
    .select({
      causeId: suspectedCauseChanges.causeId,
      status: suspectedCauseChanges.status,
      note: suspectedCauseChanges.note,
      actorName: users.name,
      at: suspectedCauseChanges.at,
    })
    .from(suspectedCauseChanges)
    .innerJoin(users, eq(users.id, suspectedCauseChanges.actorId))
    .where(
      inArray(
        suspectedCauseChanges.causeId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(desc(suspectedCauseChanges.at), desc(suspectedCauseChanges.id));
  const history = new Map<string, CauseChange[]>();
  for (const c of changes) {
    const list = history.get(c.causeId) ?? [];
    list.push({ status: c.status, note: c.note, actorName: c.actorName, at: c.at.toISOString() });
    history.set(c.causeId, list);
  }
  return rows.map((r) => ({
    id: r.id,
    cause: r.cause,
    label: r.label,
    status: r.status,
    note: r.note,
    updatedByName: r.updatedByName,
    updatedAt: r.updatedAt.toISOString(),
    history: history.get(r.id) ?? [],
  }));
}

/**
 * The causes page: suggestions computed from the unreviewed reports (or the newest one when every report is
 * reviewed) with the facts they rest on, next to what doctors recorded, with its history. Opening it is audited.
 */
export async function getCauseBoard(actor: Actor, patientId: string): Promise<CauseBoard> {
  return withPatientAccess(actor, patientId, "cause.read", async (tx) => {
    const { kind, reports } = await reportsForCauses(tx, patientId);
    const [profile] = await tx
      .select({ conditions: patientProfiles.conditions, medicines: patientProfiles.medicines })
      .from(patientProfiles)
      .where(eq(patientProfiles.userId, patientId));
    const siteCounts = new Map<string, number>();
    if (reports.length > 0) {
      const counts = await tx
        .select({ reportId: reportSites.reportId, n: sql<number>`count(*)::int` })
        .from(reportSites)
        .where(
          inArray(
            reportSites.reportId,
            reports.map((r) => r.id),
          ),
        )
        .groupBy(reportSites.reportId);
      for (const c of counts) siteCounts.set(c.reportId, c.n);
    }
    const perReport = reports.map((r) =>
      suggestCauses({
        triggers: r.triggers as Trigger[],
        relief: r.relief,
        pattern: r.pattern,
        reasons: r.triageReasons as TriageReason[],
        bodySiteCount: siteCounts.get(r.id) ?? 0,
        conditions: union(r.conditions, profile?.conditions ?? []),
        redFlags: r.redFlags as RedFlag[],
        medicines: profile?.medicines ?? [],
      }),
    );
    const recorded = await recordedCauses(tx, patientId);
    const suggestions: CauseSuggestionView[] = mergeSuggestions(perReport).map((s) => ({
      ...s,
      recorded: recorded.find((r) => r.cause === s.cause) ?? null,
    }));
    const suggested = new Set<RecordedCause>(suggestions.map((s) => s.cause));
    await recordAudit(tx, {
      action: "cause.read",
      actor,
      patientId,
      entityType: "patient",
      entityId: patientId,
    });
    const dates = reports.map((r) => r.createdAt.getTime());
    return {
      basis: {
        kind,
        reportCount: reports.length,
        from: dates.length ? new Date(Math.min(...dates)).toISOString() : null,
        to: dates.length ? new Date(Math.max(...dates)).toISOString() : null,
      },
      suggestions,
      others: recorded.filter((r) => r.cause === "other" || !suggested.has(r.cause)),
    };
  });
}

/**
 * The patient's recorded suspected causes (id, cause, label, status), for the plan editor to link items and
 * referrals to. Not audited on its own: the plan page that calls it audits its read (plan.read).
 */
export async function listSuspectedCauses(actor: Actor, patientId: string): Promise<SuspectedCauseRef[]> {
  return withPatientAccess(actor, patientId, "cause.read", async (tx) =>
    tx
      .select({
        id: suspectedCauses.id,
        cause: suspectedCauses.cause,
        label: suspectedCauses.label,
        status: suspectedCauses.status,
      })
      .from(suspectedCauses)
      .where(eq(suspectedCauses.patientId, patientId))
      .orderBy(asc(suspectedCauses.createdAt), asc(suspectedCauses.id)),
  );
}

/** The row a new decision lands on: one per suggested cause, one per "other" label (case-insensitive). */
async function findExisting(tx: Db, input: SetCauseStatusInput): Promise<string | null> {
  const [row] = await tx
    .select({ id: suspectedCauses.id })
    .from(suspectedCauses)
    .where(
      and(
        eq(suspectedCauses.patientId, input.patientId),
        eq(suspectedCauses.cause, input.cause),
        input.cause === "other" ? sql`lower(${suspectedCauses.label}) = lower(${input.label})` : undefined,
      ),
    )
    .limit(1);
  return row?.id ?? null;
}

/**
 * Sets a suspected cause's status with a note: records the cause the first time (a suggestion, or "other" with a
 * label), updates its current status, and appends the change (who, when) to its history, in one transaction.
 */
export async function setCauseStatus(actor: Actor, input: SetCauseStatusInput): Promise<{ id: string }> {
  assertCan(actor, "evaluation:write");
  const { patientId } = input;
  return withPatientAccess(actor, patientId, "cause.write", async (tx) => {
    // Serialises decisions on one patient so two first decisions on the same cause make one row.
    await tx.execute(sql`select 1 from patient_profiles where user_id = ${patientId} for update`);
    const now = new Date();
    const note = input.note || null;
    const id = input.causeId ?? (await findExisting(tx, input));
    let causeId: string;
    if (id) {
      const [row] = await tx
        .update(suspectedCauses)
        .set({ status: input.status, note, updatedBy: actor.id, updatedAt: now })
        .where(and(eq(suspectedCauses.id, id), eq(suspectedCauses.patientId, patientId)))
        .returning({ id: suspectedCauses.id });
      if (!row) throw new DalError("not_found", "cause");
      causeId = row.id;
    } else {
      const [row] = await tx
        .insert(suspectedCauses)
        .values({
          patientId,
          cause: input.cause,
          label: input.cause === "other" ? input.label : null,
          status: input.status,
          note,
          createdBy: actor.id,
          updatedBy: actor.id,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: suspectedCauses.id });
      causeId = row.id;
    }
    await tx
      .insert(suspectedCauseChanges)
      .values({ causeId, status: input.status, note, actorId: actor.id, at: now });
    await recordAudit(tx, {
      action: "cause.write",
      actor,
      patientId,
      entityType: "suspected_cause",
      entityId: causeId,
    });
    return { id: causeId };
  });
}
