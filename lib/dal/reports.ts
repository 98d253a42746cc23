import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { recentEpisodeStarts } from "@/lib/db/report-queries";
import { notifications, patientProfiles, reportSites, spasmReports } from "@/lib/db/schema";
import {
  CONDITIONS,
  type BodySite,
  type Condition,
  type Side,
  type Trigger,
} from "@/lib/domain/report-fields";
import {
  countRecent,
  triageReport,
  type Impact,
  type Pattern,
  type Relief,
  type TriageLevel,
  type TriageReason,
} from "@/lib/domain/triage";
import { DalError } from "@/lib/errors";
import type { Actor } from "@/lib/permissions";
import { uuidSchema } from "@/lib/validations/common";
import type { ReportInput } from "@/lib/validations/report";
import { recordAudit } from "./audit";
import { assertCan } from "./guard";

export type CreateReportParams = ReportInput;
export type CreateReportResult = { id: string; level: TriageLevel; reasons: TriageReason[] };

/** What a patient sees of their own report: what they entered, plus the triage and its reasons. */
export type OwnReport = {
  id: string;
  startedAt: Date;
  ongoing: boolean;
  durationMinutes: number | null;
  painScore: number;
  relief: Relief;
  pattern: Pattern;
  handImpact: Impact;
  walkingImpact: Impact;
  sites: { site: BodySite; side: Side }[];
  triggers: Trigger[];
  /** Background conditions as known at triage (profile + report). */
  conditions: Condition[];
  notes: string | null;
  triage: { level: TriageLevel; reasons: TriageReason[]; rulesVersion: number; recentCount: number };
  status: "active" | "withdrawn";
  withdrawnAt: Date | null;
  withdrawnReason: string | null;
  createdAt: Date;
};

function mergeConditions(profile: readonly string[], report: readonly string[]): Condition[] {
  return CONDITIONS.filter((c) => profile.includes(c) || report.includes(c));
}

/** The background conditions on the patient's profile (the report form shows them as already included). */
export async function getProfileConditions(actor: Actor): Promise<Condition[]> {
  assertCan(actor, "report:create");
  const db = await getDb();
  const [profile] = await db
    .select({ conditions: patientProfiles.conditions })
    .from(patientProfiles)
    .where(eq(patientProfiles.userId, actor.id))
    .limit(1);
  await recordAudit(db, {
    action: "profile.read",
    actor,
    patientId: actor.id,
    entityType: "profile",
    entityId: actor.id,
  });
  return mergeConditions(profile?.conditions ?? [], []);
}

/**
 * Stores a report with its triage. recentCount, the triage, the report, its sites, the audit event and the
 * doctor's notification are computed and written in one transaction, so none lands without the others.
 */
export async function createReport(actor: Actor, input: CreateReportParams): Promise<CreateReportResult> {
  assertCan(actor, "report:create");
  const db = await getDb();
  return db.transaction(async (tx) => {
    // Locking the profile row serialises one patient's concurrent reports, so each counts the ones before it.
    const [profile] = await tx
      .select({ conditions: patientProfiles.conditions, doctorId: patientProfiles.assignedDoctorId })
      .from(patientProfiles)
      .where(eq(patientProfiles.userId, actor.id))
      .for("update");
    const conditions = mergeConditions(profile?.conditions ?? [], input.conditions);
    const recentCount = countRecent(
      input.startedAt,
      await recentEpisodeStarts(tx, actor.id, input.startedAt),
    );
    const triage = triageReport({
      painScore: input.painScore,
      ongoing: input.ongoing,
      durationMinutes: input.durationMinutes,
      relief: input.relief,
      pattern: input.pattern,
      handImpact: input.handImpact,
      walkingImpact: input.walkingImpact,
      conditions,
      recentCount,
    });
    const [report] = await tx
      .insert(spasmReports)
      .values({
        patientId: actor.id,
        startedAt: input.startedAt,
        ongoing: input.ongoing,
        durationMinutes: input.durationMinutes,
        painScore: input.painScore,
        relief: input.relief,
        pattern: input.pattern,
        handImpact: input.handImpact,
        walkingImpact: input.walkingImpact,
        triggers: input.triggers,
        conditions,
        notes: input.notes,
        recentCount,
        triageLevel: triage.level,
        triageReasons: triage.reasons,
        rulesVersion: triage.rulesVersion,
      })
      .returning({ id: spasmReports.id });
    await tx
      .insert(reportSites)
      .values(input.sites.map((s) => ({ reportId: report.id, site: s.site, side: s.side })));
    await recordAudit(tx, {
      action: "report.create",
      actor,
      patientId: actor.id,
      entityType: "report",
      entityId: report.id,
    });
    if (triage.level === "urgent" && profile?.doctorId) {
      await tx.insert(notifications).values({
        userId: profile.doctorId,
        kind: "urgent_report",
        patientId: actor.id,
        entityId: report.id,
      });
    }
    return { id: report.id, level: triage.level, reasons: triage.reasons };
  });
}

/**
 * One of the actor's own reports. Another patient's report and a report that does not exist give the same
 * not_found, so nobody learns which ids exist.
 */
export async function getOwnReport(actor: Actor, id: string): Promise<OwnReport> {
  assertCan(actor, "report:read-own");
  const db = await getDb();
  if (!uuidSchema.safeParse(id).success) throw new DalError("not_found", "report");
  const [row] = await db
    .select()
    .from(spasmReports)
    .where(and(eq(spasmReports.id, id), eq(spasmReports.patientId, actor.id)))
    .limit(1);
  if (!row) {
    await recordAudit(db, {
      action: "report.read",
      actor,
      outcome: "denied",
      entityType: "report",
      entityId: id,
    });
    throw new DalError("not_found", "report");
  }
  const sites = await db
    .select({ site: reportSites.site, side: reportSites.side })
    .from(reportSites)
    .where(eq(reportSites.reportId, row.id))
    .orderBy(asc(reportSites.site));
  await recordAudit(db, {
    action: "report.read",
    actor,
    patientId: actor.id,
    entityType: "report",
    entityId: row.id,
  });
  return {
    id: row.id,
    startedAt: row.startedAt,
    ongoing: row.ongoing,
    durationMinutes: row.durationMinutes,
    painScore: row.painScore,
    relief: row.relief,
    pattern: row.pattern,
    handImpact: row.handImpact,
    walkingImpact: row.walkingImpact,
    sites,
    triggers: row.triggers as Trigger[],
    conditions: row.conditions as Condition[],
    notes: row.notes,
    triage: {
      level: row.triageLevel,
      reasons: row.triageReasons as TriageReason[],
      rulesVersion: row.rulesVersion,
      recentCount: row.recentCount,
    },
    status: row.status,
    withdrawnAt: row.withdrawnAt,
    withdrawnReason: row.withdrawnReason,
    createdAt: row.createdAt,
  };
}
