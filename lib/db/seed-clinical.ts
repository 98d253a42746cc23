import { and, desc, eq, isNull, lte } from "drizzle-orm";
import type { Db } from "./index";
import { evaluations, masScores, spasmReports, suspectedCauseChanges, suspectedCauses } from "./schema";
import { seedDemoPlan } from "./seed-plans";

type Ids = { patients: Map<string, string>; martin: string; dubois: string; now: Date };

const DAY = 86_400_000;

/** The patient's reports, newest first (by the time they reached the clinic). */
async function reportsOf(db: Db, patientId: string) {
  return db
    .select({ id: spasmReports.id, createdAt: spasmReports.createdAt })
    .from(spasmReports)
    .where(eq(spasmReports.patientId, patientId))
    .orderBy(desc(spasmReports.createdAt));
}

/** A signed evaluation as signEvaluation writes it, with the review stamp on the reports it covers. */
async function signedEvaluation(
  db: Db,
  v: {
    patientId: string;
    doctorId: string;
    covers: { id: string; createdAt: Date };
    signedAt: Date;
    psfs: [number, number | null];
    examNotes: string;
    workUp?: string[];
    mas?: { muscleGroup: string; side: "left" | "right"; score: "0" | "1" | "1+" | "2" | "3" | "4" }[];
    version?: number;
    amendsId?: string | null;
  },
) {
  const [e] = await db
    .insert(evaluations)
    .values({
      patientId: v.patientId,
      doctorId: v.doctorId,
      coversReportId: v.covers.id,
      psfsFrequency: v.psfs[0],
      psfsSeverity: v.psfs[1],
      examNotes: v.examNotes,
      workUpOrdered: v.workUp ?? [],
      status: "signed",
      signedAt: v.signedAt,
      version: v.version ?? 1,
      amendsId: v.amendsId ?? null,
      createdAt: new Date(v.signedAt.getTime() - 3_600_000),
      updatedAt: v.signedAt,
    })
    .returning({ id: evaluations.id });
  if (v.mas?.length) await db.insert(masScores).values(v.mas.map((m) => ({ ...m, evaluationId: e.id })));
  await db
    .update(spasmReports)
    .set({ reviewedById: v.doctorId, reviewedAt: v.signedAt })
    .where(
      and(
        eq(spasmReports.patientId, v.patientId),
        lte(spasmReports.createdAt, v.covers.createdAt),
        isNull(spasmReports.reviewedAt),
      ),
    );
  return e.id;
}

/** A suspected cause with its history of decisions (who, when, status, note). */
async function cause(
  db: Db,
  c: {
    patientId: string;
    evaluationId: string;
    cause: "fatigue_overuse" | "electrolyte_imbalance" | "neurological_disorder" | "serious_cause";
    steps: {
      status: "under_investigation" | "confirmed" | "ruled_out";
      note: string;
      by: string;
      at: Date;
    }[];
  },
) {
  const last = c.steps.at(-1)!;
  const [row] = await db
    .insert(suspectedCauses)
    .values({
      patientId: c.patientId,
      evaluationId: c.evaluationId,
      cause: c.cause,
      status: last.status,
      note: last.note,
      createdBy: c.steps[0].by,
      updatedBy: last.by,
      createdAt: c.steps[0].at,
      updatedAt: last.at,
    })
    .returning({ id: suspectedCauses.id });
  await db
    .insert(suspectedCauseChanges)
    .values(
      c.steps.map((s) => ({ causeId: row.id, status: s.status, note: s.note, actorId: s.by, at: s.at })),
    );
  return row.id;
}

/**
 * The clinician side of the demo clinic: Camille's evaluation signed then amended (a newer report put her back on
 * the queue), Noah's evaluation with Ashworth scores, his confirmed and investigated causes and a published plan
 * (version 2, with an injection and a neurology referral). Written as the DAL writes them.
 */
export async function seedDemoClinical(db: Db, { patients, martin, dubois, now }: Ids): Promise<void> {
  const ago = (days: number) => new Date(now.getTime() - days * DAY);

  const camille = patients.get("camille.bernard@demo.spasmcare.test")!;
  const [, covered] = await reportsOf(db, camille);
  if (covered) {
    const signedAt = new Date(covered.createdAt.getTime() + 2 * DAY);
    const v1 = await signedEvaluation(db, {
      patientId: camille,
      doctorId: martin,
      covers: covered,
      signedAt,
      psfs: [2, 1],
      examNotes: "Crampes du mollet à l’effort, examen neurologique normal.",
      workUp: ["magnesium", "potassium"],
    });
    await signedEvaluation(db, {
      patientId: camille,
      doctorId: martin,
      covers: covered,
      signedAt: new Date(signedAt.getTime() + 3_600_000),
      psfs: [2, 1],
      examNotes: "Crampes du mollet à l’effort, examen neurologique normal. Avenant : magnésémie normale.",
      workUp: ["magnesium", "potassium"],
      version: 2,
      amendsId: v1,
    });
    await cause(db, {
      patientId: camille,
      evaluationId: v1,
      cause: "fatigue_overuse",
      steps: [
        { status: "under_investigation", note: "Reprise de la course à pied.", by: martin, at: signedAt },
        { status: "confirmed", note: "Cède à l’étirement, bilan normal.", by: martin, at: ago(1) },
      ],
    });
  }

  const noah = patients.get("noah.michel@demo.spasmcare.test")!;
  const [newest] = await reportsOf(db, noah);
  if (newest) {
    const signedAt = new Date(Math.min(newest.createdAt.getTime() + DAY, now.getTime()));
    const evaluationId = await signedEvaluation(db, {
      patientId: noah,
      doctorId: dubois,
      covers: newest,
      signedAt,
      psfs: [3, 2],
      examNotes: "Spasticité des membres inférieurs après lésion médullaire D10, clonus achilléen gauche.",
      workUp: ["renal_function", "ck"],
      mas: [
        { muscleGroup: "knee_flexors", side: "left", score: "2" },
        { muscleGroup: "knee_flexors", side: "right", score: "1+" },
        { muscleGroup: "ankle_plantar_flexors", side: "left", score: "1+" },
      ],
    });
    await cause(db, {
      patientId: noah,
      evaluationId,
      cause: "serious_cause",
      steps: [{ status: "confirmed", note: "Lésion médullaire connue (2019).", by: dubois, at: signedAt }],
    });
    const neuro = await cause(db, {
      patientId: noah,
      evaluationId,
      cause: "neurological_disorder",
      steps: [
        { status: "under_investigation", note: "Avis neurologique demandé.", by: dubois, at: signedAt },
      ],
    });
    await seedDemoPlan(db, { patientId: noah, doctorId: dubois, causeId: neuro, now });
  }
}
