import "server-only";
import { and, desc, eq, inArray, isNull, or } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { evaluations, patientProfiles, spasmReports, users } from "@/lib/db/schema";
import { compareQueue, LEVEL_RANK, type TriageLevel, type TriageReason } from "@/lib/domain/triage";
import type { Actor } from "@/lib/permissions";
import { recordAudit } from "./audit";
import { assertCan } from "./guard";

export type QueueCase = {
  patientId: string;
  patientName: string;
  assignedToMe: boolean;
  level: TriageLevel;
  reasons: TriageReason[];
  unreviewedCount: number;
  oldestUnreviewedAt: Date;
  newestReportAt: Date;
};

/**
 * The doctor's triage queue: their patients and unassigned ones with reports newer than the last evaluation.
 * A case ranks by its most serious unreviewed report.
 */
export async function listTriageQueue(actor: Actor): Promise<QueueCase[]> {
  assertCan(actor, "case:read");
  const db = await getDb();
  const patients = await db
    .select({ id: users.id, name: users.name, doctorId: patientProfiles.assignedDoctorId })
    .from(patientProfiles)
    .innerJoin(users, eq(users.id, patientProfiles.userId))
    .where(
      and(
        eq(users.status, "active"),
        or(eq(patientProfiles.assignedDoctorId, actor.id), isNull(patientProfiles.assignedDoctorId)),
      ),
    );
  if (patients.length === 0) return [];
  const ids = patients.map((p) => p.id);
  const [reports, evals] = await Promise.all([
    db
      .select({
        id: spasmReports.id,
        patientId: spasmReports.patientId,
        level: spasmReports.triageLevel,
        reasons: spasmReports.triageReasons,
        createdAt: spasmReports.createdAt,
      })
      .from(spasmReports)
      .where(and(inArray(spasmReports.patientId, ids), eq(spasmReports.status, "active")))
      .orderBy(desc(spasmReports.createdAt)),
    db
      .select({ patientId: evaluations.patientId, coversReportId: evaluations.coversReportId })
      .from(evaluations)
      .where(inArray(evaluations.patientId, ids)),
  ]);
  const covered = new Set(evals.map((e) => e.coversReportId).filter(Boolean));
  const cases: QueueCase[] = [];
  for (const p of patients) {
    const mine = reports.filter((r) => r.patientId === p.id); // newest first
    const lastCoveredIndex = mine.findIndex((r) => covered.has(r.id));
    const unreviewed = lastCoveredIndex === -1 ? mine : mine.slice(0, lastCoveredIndex);
    if (unreviewed.length === 0) continue;
    const worst = [...unreviewed].sort(
      (a, b) => LEVEL_RANK[b.level] - LEVEL_RANK[a.level] || b.reasons.length - a.reasons.length,
    )[0];
    cases.push({
      patientId: p.id,
      patientName: p.name,
      assignedToMe: p.doctorId === actor.id,
      level: worst.level,
      reasons: worst.reasons as TriageReason[],
      unreviewedCount: unreviewed.length,
      oldestUnreviewedAt: unreviewed[unreviewed.length - 1].createdAt,
      newestReportAt: unreviewed[0].createdAt,
    });
  }
  cases.sort((a, b) =>
    compareQueue(
      { level: a.level, reasonCount: a.reasons.length, since: a.oldestUnreviewedAt },
      { level: b.level, reasonCount: b.reasons.length, since: b.oldestUnreviewedAt },
    ),
  );
  await recordAudit(db, { action: "queue.read", actor, entityType: "queue" });
  return cases;
}
