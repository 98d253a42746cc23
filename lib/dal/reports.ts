import "server-only";
import { randomUUID } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import { getDb, type Db } from "@/lib/db";
import { recentEpisodeStarts } from "@/lib/db/report-queries";
import { patientProfiles, reportSites, spasmReports, users } from "@/lib/db/schema";
import {
  CONDITIONS,
  type BodySite,
  type Condition,
  type Side,
  type Trigger,
} from "@/lib/domain/report-fields";
import {
  countRecent,
  patientAdvice,
  triageReport,
  type Impact,
  type Pattern,
  type PatientAdvice,
  type RedFlag,
  type Relief,
  type TriageLevel,
  type TriageReason,
} from "@/lib/domain/triage";
import { DalError } from "@/lib/errors";
import type { Actor } from "@/lib/permissions";
import { uuidSchema } from "@/lib/validations/common";
import type { ReportInput } from "@/lib/validations/report";
import { recordAudit } from "./audit";
import { notify } from "./notify";
import { assertCan } from "./guard";
import { refreshTriageCase } from "./triage-cases";

export type CreateReportParams = ReportInput;
export type CreateReportResult = {
  id: string;
  level: TriageLevel;
  reasons: TriageReason[];
  advice: PatientAdvice;
  /** True when the idempotency key had already stored this report: nothing new was written. */
  repeated?: boolean;
};

/** The report a patient already stored under this form's key, as createReport answered it the first time. */
async function reportByKey(tx: Db, patientId: string, key: string): Promise<CreateReportResult | null> {
  const [r] = await tx
    .select()
    .from(spasmReports)
    .where(and(eq(spasmReports.patientId, patientId), eq(spasmReports.idempotencyKey, key)));
  if (!r) return null;
  const advice = patientAdvice({
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
  return {
    id: r.id,
    level: r.triageLevel,
    reasons: r.triageReasons as TriageReason[],
    advice,
    repeated: true,
  };
}

/** Who reviewed a report first, and when; null until a doctor has opened it. */
export type ReportReview = { doctorName: string; at: Date } | null;

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
  /** Empty for version 1 reports, which never asked. */
  redFlags: RedFlag[];
  triage: { level: TriageLevel; reasons: TriageReason[]; rulesVersion: number; recentCount: number };
  /** What the patient is told, from the stored answers (v1 reports read as no red flag). */
  advice: PatientAdvice;
  review: ReportReview;
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
export async function createReport(
  actor: Actor,
  input: CreateReportParams,
  options: { idempotencyKey?: string } = {},
): Promise<CreateReportResult> {
  assertCan(actor, "report:create");
  const key = options.idempotencyKey;
  if (key !== undefined && !uuidSchema.safeParse(key).success)
    throw new DalError("invalid", "idempotencyKey");
  const db = await getDb();
  try {
    return await insertReport(db, actor, input, key);
  } catch (err) {
    // A twin with the same key committed between our read and our insert (possible only without a profile row to
    // lock): our report insert did nothing, so the pipelined site insert failed on its foreign key and everything
    // was rolled back. Once more, the read behind the lock finds the twin's report and answers it.
    if (key === undefined || !isForeignKeyViolation(err)) throw err;
    return insertReport(db, actor, input, key);
  }
}

function isForeignKeyViolation(err: unknown): boolean {
  for (let e = err; e instanceof Error; e = e.cause)
    if ((e as { code?: unknown }).code === "23503") return true;
  return false;
}

async function insertReport(
  db: Db,
  actor: Actor,
  input: CreateReportParams,
  key: string | undefined,
): Promise<CreateReportResult> {
  return db.transaction(async (tx) => {
    // Statements sent together run in the order they were started on the transaction's connection (postgres.js
    // pipelines them): one round trip per group instead of one per statement. A query builder starts only when
    // awaited, and Promise.all awaits a builder a tick after an async call has started its query, hence
    // `.execute()` on each builder below: it starts the query where it stands in the list.
    // Locking the profile row serialises one patient's concurrent reports, so each counts the ones before it; the
    // two reads run after the lock is granted (each statement reads what was committed when it starts).
    // Exactly once: a retry of the same form (a timeout whose commit had in fact succeeded, a double tap) gets
    // the first report back. Behind the lock, a concurrent twin sees the first one once it committed.
    const [[profile], first, recentStarts] = await Promise.all([
      tx
        .select({ conditions: patientProfiles.conditions, doctorId: patientProfiles.assignedDoctorId })
        .from(patientProfiles)
        .where(eq(patientProfiles.userId, actor.id))
        .for("update")
        .execute(),
      key ? reportByKey(tx, actor.id, key) : null,
      recentEpisodeStarts(tx, actor.id, input.startedAt),
    ]);
    if (first) return first;
    const conditions = mergeConditions(profile?.conditions ?? [], input.conditions);
    const recentCount = countRecent(input.startedAt, recentStarts);
    const triageInput = {
      painScore: input.painScore,
      ongoing: input.ongoing,
      durationMinutes: input.durationMinutes,
      relief: input.relief,
      pattern: input.pattern,
      handImpact: input.handImpact,
      walkingImpact: input.walkingImpact,
      conditions,
      recentCount,
      redFlags: input.redFlags,
    };
    const triage = triageReport(triageInput);
    // The id is chosen here so the report, its sites, the audit event and the queue summary (which reads the sites,
    // so it is sent after them) go in one round trip.
    const id = randomUUID();
    const [[report], , , , recipients] = await Promise.all([
      tx
        .insert(spasmReports)
        .values({
          id,
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
          redFlags: input.redFlags,
          recentCount,
          triageLevel: triage.level,
          triageReasons: triage.reasons,
          rulesVersion: triage.rulesVersion,
          idempotencyKey: key ?? null,
        })
        // Without a profile row there is no lock: the unique (patient, key) index settles a race instead (the site
        // insert below then fails on its foreign key; createReport tries once more).
        .onConflictDoNothing({ target: [spasmReports.patientId, spasmReports.idempotencyKey] })
        .returning({ id: spasmReports.id })
        .execute(),
      tx
        .insert(reportSites)
        .values(input.sites.map((s) => ({ reportId: id, site: s.site, side: s.side })))
        .execute(),
      recordAudit(tx, {
        action: "report.create",
        actor,
        patientId: actor.id,
        entityType: "report",
        entityId: id,
      }),
      // The profile row is locked above (no profile row: nothing to lock, the summary then has no case either).
      refreshTriageCase(tx, actor.id, { profileLocked: true }),
      triage.level === "urgent" ? urgentReportRecipients(tx, profile?.doctorId ?? null) : null,
    ]);
    if (!report) throw new DalError("conflict", "report");
    if (recipients)
      await notify(tx, { to: recipients, kind: "urgent_report", patientId: actor.id, entityId: id });
    return {
      id,
      level: triage.level,
      reasons: triage.reasons,
      advice: patientAdvice(triageInput),
    };
  });
}

/**
 * An urgent report must reach a person: the assigned doctor while their account is active, otherwise every
 * active doctor of the clinic (an unassigned patient's urgent report used to notify nobody).
 */
async function urgentReportRecipients(tx: Db, assignedDoctorId: string | null): Promise<string[]> {
  const activeDoctors = and(eq(users.role, "doctor"), eq(users.status, "active"));
  if (assignedDoctorId) {
    const [assigned] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, assignedDoctorId), activeDoctors));
    if (assigned) return [assigned.id];
  }
  const doctors = await tx.select({ id: users.id }).from(users).where(activeDoctors).orderBy(asc(users.id));
  return doctors.map((d) => d.id);
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
  const reviewers = row.reviewedById
    ? await db.select({ name: users.name }).from(users).where(eq(users.id, row.reviewedById)).limit(1)
    : [];
  const redFlags = row.redFlags as RedFlag[];
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
    redFlags,
    triage: {
      level: row.triageLevel,
      reasons: row.triageReasons as TriageReason[],
      rulesVersion: row.rulesVersion,
      recentCount: row.recentCount,
    },
    advice: patientAdvice({ ...row, redFlags }),
    review: reviewOf(row.reviewedAt, reviewers[0]?.name),
    status: row.status,
    withdrawnAt: row.withdrawnAt,
    withdrawnReason: row.withdrawnReason,
    createdAt: row.createdAt,
  };
}

/** "Reviewed by Dr X on …" only once a doctor has opened the report; never before. */
export function reviewOf(reviewedAt: Date | null, doctorName: string | undefined): ReportReview {
  return reviewedAt && doctorName ? { doctorName, at: reviewedAt } : null;
}
