import "server-only";
import { and, count, desc, eq, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/lib/db";
import { evaluations, masScores, spasmReports, triageCases, users } from "@/lib/db/schema";
import { MUSCLE_GROUPS, type WorkUpTest } from "@/lib/domain/evaluation";
import type {
  CoveredReport,
  EvaluationDetail,
  EvaluationEditor,
  EvaluationSummary,
  MasRow,
  SignEvaluationResult,
} from "@/lib/dto/evaluations";
import { DalError } from "@/lib/errors";
import type { Actor } from "@/lib/permissions";
import { uuidSchema } from "@/lib/validations/common";
import {
  muscleGroupOf,
  type AmendEvaluationInput,
  type EvaluationDraftInput,
  type SignEvaluationInput,
} from "@/lib/validations/evaluation";
import { recordAudit } from "./audit";
import { assertCan } from "./guard";
import { runOnce, type Repeatable } from "./idempotency";
import { withPatientAccess } from "./patient-access";
import { refreshTriageCase } from "./triage-cases";

// Evaluations of one patient. Every function goes through withPatientAccess (the one clinician access rule) and
// filters by patient id as well, so an evaluation id of another patient is not_found. A signed evaluation is never
// written again: every UPDATE carries `status = 'draft'` (the race guard), and "amend" makes a new version.

const doctors = alias(users, "eval_doctor");
const amender = alias(evaluations, "amender");
const amended = alias(evaluations, "amended");

const summaryColumns = {
  id: evaluations.id,
  version: evaluations.version,
  status: evaluations.status,
  doctorId: evaluations.doctorId,
  doctorName: doctors.name,
  createdAt: evaluations.createdAt,
  updatedAt: evaluations.updatedAt,
  signedAt: evaluations.signedAt,
  amendsId: evaluations.amendsId,
  amendsVersion: amended.version,
  amendedById: amender.id,
  amendedByVersion: amender.version,
  psfsFrequency: evaluations.psfsFrequency,
  psfsSeverity: evaluations.psfsSeverity,
  examNotes: evaluations.examNotes,
  workUpOrdered: evaluations.workUpOrdered,
  workUpNotes: evaluations.workUpNotes,
  coversReportId: spasmReports.id,
  coversReportAt: spasmReports.createdAt,
  coversReportLevel: spasmReports.triageLevel,
  masCount: sql<number>`(select count(*)::int from ${masScores} where ${masScores.evaluationId} = ${evaluations.id})`,
};

function selectEvaluations(tx: Db) {
  return tx
    .select(summaryColumns)
    .from(evaluations)
    .innerJoin(doctors, eq(doctors.id, evaluations.doctorId))
    .leftJoin(spasmReports, eq(spasmReports.id, evaluations.coversReportId))
    .leftJoin(amender, eq(amender.amendsId, evaluations.id))
    .leftJoin(amended, eq(amended.id, evaluations.amendsId));
}
type Row = Awaited<ReturnType<typeof selectEvaluations>>[number];

function toSummary(r: Row): EvaluationSummary {
  return {
    id: r.id,
    version: r.version,
    status: r.status,
    doctorId: r.doctorId,
    doctorName: r.doctorName,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    signedAt: r.signedAt?.toISOString() ?? null,
    amendsId: r.amendsId,
    amendedById: r.amendedById,
    psfsFrequency: r.psfsFrequency,
    psfsSeverity: r.psfsSeverity,
    masCount: r.masCount,
    coversReportAt: r.coversReportAt?.toISOString() ?? null,
  };
}

const groupRank = (g: string) => {
  const i = (MUSCLE_GROUPS as readonly string[]).indexOf(g);
  return i < 0 ? MUSCLE_GROUPS.length : i;
};
/** Rows in the list's order, free entries after, left before right (the table has no position column). */
function sortMas(rows: MasRow[]): MasRow[] {
  return [...rows].sort(
    (a, b) =>
      groupRank(a.muscleGroup) - groupRank(b.muscleGroup) ||
      a.muscleGroup.localeCompare(b.muscleGroup) ||
      a.side.localeCompare(b.side),
  );
}

async function loadDetail(
  tx: Db,
  actor: Actor,
  patientId: string,
  id: string,
): Promise<EvaluationDetail | null> {
  if (!uuidSchema.safeParse(id).success) return null;
  const [r] = await selectEvaluations(tx).where(
    and(eq(evaluations.id, id), eq(evaluations.patientId, patientId)),
  );
  if (!r) return null;
  const mas = await tx
    .select({ muscleGroup: masScores.muscleGroup, side: masScores.side, score: masScores.score })
    .from(masScores)
    .where(eq(masScores.evaluationId, id));
  return {
    ...toSummary(r),
    examNotes: r.examNotes,
    workUpOrdered: r.workUpOrdered as WorkUpTest[],
    workUpNotes: r.workUpNotes,
    mas: sortMas(mas as MasRow[]),
    coversReport:
      r.coversReportId && r.coversReportAt && r.coversReportLevel
        ? { id: r.coversReportId, createdAt: r.coversReportAt.toISOString(), level: r.coversReportLevel }
        : null,
    amendsVersion: r.amendsVersion,
    amendedByVersion: r.amendedByVersion,
    editable: r.status === "draft" && r.doctorId === actor.id,
    amendable: r.status === "signed" && r.amendedById === null,
  };
}

/** Every evaluation of the patient, newest first: signed versions with their chain, and drafts (marked). */
export async function listEvaluations(actor: Actor, patientId: string): Promise<EvaluationSummary[]> {
  return withPatientAccess(actor, patientId, "evaluation.read", async (tx) => {
    const rows = await selectEvaluations(tx)
      .where(eq(evaluations.patientId, patientId))
      .orderBy(desc(evaluations.createdAt), desc(evaluations.version))
      .limit(200);
    await recordAudit(tx, {
      action: "evaluation.read",
      actor,
      patientId,
      entityType: "patient",
      entityId: patientId,
    });
    return rows.map(toSummary);
  });
}

/** One evaluation with its Ashworth rows. A missing, malformed or other patient's id is not_found. */
export async function getEvaluation(
  actor: Actor,
  patientId: string,
  evaluationId: string,
): Promise<EvaluationDetail> {
  return withPatientAccess(actor, patientId, "evaluation.read", async (tx) => {
    const detail = await loadDetail(tx, actor, patientId, evaluationId);
    if (!detail) throw new DalError("not_found", "evaluation");
    await recordAudit(tx, {
      action: "evaluation.read",
      actor,
      patientId,
      entityType: "evaluation",
      entityId: evaluationId,
    });
    return detail;
  });
}

async function newestActiveReport(tx: Db, patientId: string): Promise<CoveredReport | null> {
  const [r] = await tx
    .select({ id: spasmReports.id, createdAt: spasmReports.createdAt, level: spasmReports.triageLevel })
    .from(spasmReports)
    .where(and(eq(spasmReports.patientId, patientId), eq(spasmReports.status, "active")))
    .orderBy(desc(spasmReports.createdAt), desc(spasmReports.id))
    .limit(1);
  return r ? { id: r.id, createdAt: r.createdAt.toISOString(), level: r.level } : null;
}

async function ownDraftId(tx: Db, actor: Actor, patientId: string): Promise<string | null> {
  const [d] = await tx
    .select({ id: evaluations.id })
    .from(evaluations)
    .where(
      and(
        eq(evaluations.patientId, patientId),
        eq(evaluations.doctorId, actor.id),
        eq(evaluations.status, "draft"),
      ),
    )
    .limit(1);
  return d?.id ?? null;
}

/**
 * What the editor opens with: the given draft (or this doctor's draft for the patient when no id is given), the
 * newest active report that signing will cover, and how many reports no signed evaluation covers yet.
 */
export async function getEvaluationEditor(
  actor: Actor,
  patientId: string,
  evaluationId: string | null,
): Promise<EvaluationEditor> {
  return withPatientAccess(actor, patientId, "evaluation.read", async (tx) => {
    const id = evaluationId ?? (await ownDraftId(tx, actor, patientId));
    const draft = id ? await loadDetail(tx, actor, patientId, id) : null;
    if (evaluationId && !draft) throw new DalError("not_found", "evaluation");
    const [summary] = await tx
      .select({ unreviewed: triageCases.unreviewedCount })
      .from(triageCases)
      .where(eq(triageCases.patientId, patientId));
    await recordAudit(tx, {
      action: "evaluation.read",
      actor,
      patientId,
      entityType: draft ? "evaluation" : "patient",
      entityId: draft?.id ?? patientId,
    });
    return {
      draft,
      newestReport: await newestActiveReport(tx, patientId),
      unreviewedCount: summary?.unreviewed ?? 0,
    };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Writes

/** Serialises one patient's evaluation writes (the same row lock refreshTriageCase takes). */
async function lockPatient(tx: Db, patientId: string): Promise<void> {
  await tx.execute(sql`select 1 from patient_profiles where user_id = ${patientId} for update`);
}

/** Why a conditional write on a draft matched nothing: gone, signed, or someone else's draft. */
async function refusal(tx: Db, patientId: string, id: string): Promise<DalError> {
  const [row] = await tx
    .select({ status: evaluations.status })
    .from(evaluations)
    .where(and(eq(evaluations.id, id), eq(evaluations.patientId, patientId)));
  if (!row) return new DalError("not_found", "evaluation");
  if (row.status === "signed") return new DalError("conflict", "evaluation_signed");
  return new DalError("forbidden", "evaluation");
}

function isUniqueViolation(err: unknown): boolean {
  for (let e: unknown = err; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === "23505") return true;
  }
  return false;
}

/** Creates this doctor's draft or updates it (only while it is a draft of theirs), with its Ashworth rows. */
async function writeDraft(tx: Db, actor: Actor, input: EvaluationDraftInput): Promise<string> {
  const values = {
    psfsFrequency: input.psfsFrequency,
    psfsSeverity: input.psfsFrequency ? input.psfsSeverity : null,
    examNotes: input.examNotes || null,
    workUpOrdered: input.workUpOrdered,
    workUpNotes: input.workUpNotes || null,
    updatedAt: new Date(),
  };
  let id: string;
  if (input.evaluationId) {
    const [row] = await tx
      .update(evaluations)
      .set(values)
      .where(
        and(
          eq(evaluations.id, input.evaluationId),
          eq(evaluations.patientId, input.patientId),
          eq(evaluations.doctorId, actor.id),
          eq(evaluations.status, "draft"),
        ),
      )
      .returning({ id: evaluations.id });
    if (!row) throw await refusal(tx, input.patientId, input.evaluationId);
    id = row.id;
    await tx.delete(masScores).where(eq(masScores.evaluationId, id));
  } else {
    await lockPatient(tx, input.patientId);
    // One draft per doctor per patient: a second tab must not fork a silent twin.
    if (await ownDraftId(tx, actor, input.patientId))
      throw new DalError("conflict", "evaluation_draft_exists");
    const [row] = await tx
      .insert(evaluations)
      .values({ ...values, patientId: input.patientId, doctorId: actor.id, status: "draft" })
      .returning({ id: evaluations.id });
    id = row.id;
  }
  if (input.mas.length > 0) {
    await tx.insert(masScores).values(
      input.mas.map((m) => ({
        evaluationId: id,
        muscleGroup: muscleGroupOf(m),
        side: m.side,
        score: m.score,
      })),
    );
  }
  return id;
}

/** Saves the draft (creates it when `evaluationId` is null). A signed evaluation is refused (conflict). */
export async function saveEvaluationDraft(
  actor: Actor,
  input: EvaluationDraftInput,
): Promise<{ id: string }> {
  assertCan(actor, "evaluation:write");
  return withPatientAccess(actor, input.patientId, "evaluation.write", async (tx) => {
    const id = await writeDraft(tx, actor, input);
    await recordAudit(tx, {
      action: "evaluation.write",
      actor,
      patientId: input.patientId,
      entityType: "evaluation",
      entityId: id,
    });
    return { id };
  });
}

/**
 * Saves and signs in one transaction: the evaluation covers the newest report the doctor saw (it must be an active
 * report of this patient), the reports up to it are stamped as reviewed where no one had, and the queue summary is
 * recomputed. A report that arrived meanwhile is not refused: it stays unreviewed and keeps the case on the queue.
 */
export async function signEvaluation(
  actor: Actor,
  input: SignEvaluationInput,
): Promise<Repeatable<SignEvaluationResult>> {
  assertCan(actor, "evaluation:write");
  const { patientId } = input;
  return withPatientAccess(actor, patientId, "evaluation.sign", async (tx) => {
    await lockPatient(tx, patientId);
    // Exactly once: the same form sent again (a retry after a timeout, a double click) gets the first answer.
    const claim = { action: "evaluation.sign" as const, patientId, key: input.idempotencyKey };
    return runOnce(tx, actor, claim, async () => {
      const result = await signDraft(tx, actor, input);
      return { entityId: result.id, result };
    });
  });
}

/** The signing itself, in the caller's transaction, behind the patient lock. */
async function signDraft(tx: Db, actor: Actor, input: SignEvaluationInput): Promise<SignEvaluationResult> {
  const { patientId } = input;
  if (input.coversReportId) {
    const [r] = await tx
      .select({ id: spasmReports.id })
      .from(spasmReports)
      .where(
        and(
          eq(spasmReports.id, input.coversReportId),
          eq(spasmReports.patientId, patientId),
          eq(spasmReports.status, "active"),
        ),
      );
    if (!r) throw new DalError("invalid", "coversReportId");
  }
  // Compared in SQL: created_at has microseconds, a JS Date only milliseconds.
  const coveredAt = input.coversReportId
    ? sql`(select ${spasmReports.createdAt} from ${spasmReports} where ${spasmReports.id} = ${input.coversReportId})`
    : null;
  const id = await writeDraft(tx, actor, input);
  const now = new Date();
  const [signed] = await tx
    .update(evaluations)
    .set({ status: "signed", signedAt: now, updatedAt: now, coversReportId: input.coversReportId })
    .where(and(eq(evaluations.id, id), eq(evaluations.doctorId, actor.id), eq(evaluations.status, "draft")))
    .returning({ id: evaluations.id });
  if (!signed) throw await refusal(tx, patientId, id);
  if (coveredAt) {
    await tx
      .update(spasmReports)
      .set({ reviewedById: actor.id, reviewedAt: now })
      .where(
        and(
          eq(spasmReports.patientId, patientId),
          isNull(spasmReports.reviewedById),
          sql`${spasmReports.createdAt} <= ${coveredAt}`,
        ),
      );
  }
  await refreshTriageCase(tx, patientId);
  const [newer] = await tx
    .select({ n: count() })
    .from(spasmReports)
    .where(
      and(
        eq(spasmReports.patientId, patientId),
        eq(spasmReports.status, "active"),
        coveredAt ? sql`${spasmReports.createdAt} > ${coveredAt}` : undefined,
      ),
    );
  await recordAudit(tx, {
    action: "evaluation.sign",
    actor,
    patientId,
    entityType: "evaluation",
    entityId: id,
  });
  return { id, newerReports: newer?.n ?? 0 };
}

/**
 * Starts an amendment of a signed evaluation: a new draft (version + 1) pointing to it, with its content copied.
 * The signed one stays as it is. A second amendment of the same evaluation is a conflict (unique amends_id).
 */
export async function amendEvaluation(actor: Actor, input: AmendEvaluationInput): Promise<{ id: string }> {
  assertCan(actor, "evaluation:write");
  const { patientId, evaluationId } = input;
  return withPatientAccess(actor, patientId, "evaluation.amend", async (tx) => {
    await lockPatient(tx, patientId);
    const [source] = await tx
      .select()
      .from(evaluations)
      .where(and(eq(evaluations.id, evaluationId), eq(evaluations.patientId, patientId)));
    if (!source) throw new DalError("not_found", "evaluation");
    if (source.status !== "signed") throw new DalError("conflict", "evaluation_not_signed");
    const [already] = await tx
      .select({ id: evaluations.id })
      .from(evaluations)
      .where(eq(evaluations.amendsId, evaluationId));
    if (already) throw new DalError("conflict", "evaluation_already_amended");
    if (await ownDraftId(tx, actor, patientId)) throw new DalError("conflict", "evaluation_draft_exists");
    let id: string;
    try {
      const [row] = await tx
        .insert(evaluations)
        .values({
          patientId,
          doctorId: actor.id,
          coversReportId: source.coversReportId,
          psfsFrequency: source.psfsFrequency,
          psfsSeverity: source.psfsSeverity,
          examNotes: source.examNotes,
          workUpOrdered: source.workUpOrdered,
          workUpNotes: source.workUpNotes,
          status: "draft",
          version: source.version + 1,
          amendsId: source.id,
        })
        .returning({ id: evaluations.id });
      id = row.id;
    } catch (err) {
      if (isUniqueViolation(err)) throw new DalError("conflict", "evaluation_already_amended");
      throw err;
    }
    const rows = await tx
      .select({ muscleGroup: masScores.muscleGroup, side: masScores.side, score: masScores.score })
      .from(masScores)
      .where(eq(masScores.evaluationId, source.id));
    if (rows.length > 0) {
      await tx
        .insert(masScores)
        .values(
          rows.map((m) => ({ evaluationId: id, muscleGroup: m.muscleGroup, side: m.side, score: m.score })),
        );
    }
    await recordAudit(tx, {
      action: "evaluation.amend",
      actor,
      patientId,
      entityType: "evaluation",
      entityId: id,
    });
    return { id };
  });
}
