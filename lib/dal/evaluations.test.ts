import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { auditEvents, evaluations, masScores, spasmReports, triageCases } from "@/lib/db/schema";
import type { Actor } from "@/lib/permissions";
import { describeDb } from "@/test/db";
import { createUser } from "@/test/fixtures";
import { grantBreakGlass, insertReport } from "@/test/report-fixture";
import {
  emptyEvaluation,
  type EvaluationDraftInput,
  type SignEvaluationInput,
} from "@/lib/validations/evaluation";
import {
  amendEvaluation,
  getEvaluation,
  getEvaluationEditor,
  listEvaluations,
  saveEvaluationDraft,
  signEvaluation,
} from "./evaluations";

const draftOf = (patientId: string, over: Partial<EvaluationDraftInput> = {}): EvaluationDraftInput => ({
  ...(emptyEvaluation(patientId) as EvaluationDraftInput),
  psfsFrequency: 2,
  psfsSeverity: 1,
  mas: [
    { group: "elbow_flexors", otherGroup: "", side: "left", score: "1+" },
    { group: "other", otherGroup: "Tibialis posterior", side: "right", score: "1" },
  ],
  examNotes: "Brisk reflexes",
  workUpOrdered: ["sodium", "other"],
  workUpNotes: "Vitamin D",
  ...over,
});
const signOf = (
  patientId: string,
  coversReportId: string | null,
  over: Partial<SignEvaluationInput> = {},
): SignEvaluationInput => ({ ...draftOf(patientId), coversReportId, ...over });

describeDb("evaluations", ({ db }) => {
  async function setup() {
    const doctor = await createUser(db(), { role: "doctor" });
    const patient = await createUser(db(), { role: "patient", doctorId: doctor.id });
    return { doctor, patient };
  }
  const inQueue = async (patientId: string) =>
    (await db().select().from(triageCases).where(eq(triageCases.patientId, patientId))).length === 1;

  it("saves a draft with Ashworth rows ('1+' kept as its own code) and updates it in place", async () => {
    const { doctor, patient } = await setup();
    const { id } = await saveEvaluationDraft(doctor, draftOf(patient.id));
    const stored = await db().select().from(masScores).where(eq(masScores.evaluationId, id));
    expect(stored.map((m) => m.score).sort()).toEqual(["1", "1+"]);
    const detail = await getEvaluation(doctor, patient.id, id);
    expect(detail).toMatchObject({
      status: "draft",
      version: 1,
      editable: true,
      amendable: false,
      psfsSeverity: 1,
    });
    expect(detail.mas).toEqual([
      { muscleGroup: "elbow_flexors", side: "left", score: "1+" },
      { muscleGroup: "Tibialis posterior", side: "right", score: "1" },
    ]);
    await saveEvaluationDraft(
      doctor,
      draftOf(patient.id, { evaluationId: id, psfsFrequency: 0, psfsSeverity: null, mas: [] }),
    );
    const again = await getEvaluation(doctor, patient.id, id);
    expect(again).toMatchObject({ psfsFrequency: 0, psfsSeverity: null, mas: [] });
    // One draft per doctor per patient: a second new draft is a conflict, the editor finds the first.
    await expect(saveEvaluationDraft(doctor, draftOf(patient.id))).rejects.toMatchObject({
      code: "conflict",
      entity: "evaluation_draft_exists",
    });
    expect((await getEvaluationEditor(doctor, patient.id, null)).draft?.id).toBe(id);
  });

  it("signing covers the newest report, stamps the reviews, takes the case off the queue; a newer report puts it back", async () => {
    const { doctor, patient } = await setup();
    await insertReport(db(), patient.id, { triageLevel: "urgent", triageReasons: ["EXTREME_PAIN"] });
    // Stored with the database clock (microseconds), as createReport does: the cover must still match exactly.
    const newest = await insertReport(db(), patient.id, { createdAt: undefined });
    expect(await inQueue(patient.id)).toBe(true);
    const editor = await getEvaluationEditor(doctor, patient.id, null);
    expect(editor).toMatchObject({ draft: null, newestReport: { id: newest }, unreviewedCount: 2 });

    const result = await signEvaluation(doctor, signOf(patient.id, newest));
    expect(result.newerReports).toBe(0);
    expect(await inQueue(patient.id)).toBe(false);
    const reports = await db().select().from(spasmReports).where(eq(spasmReports.patientId, patient.id));
    expect(reports.every((r) => r.reviewedById === doctor.id && r.reviewedAt)).toBe(true);
    const detail = await getEvaluation(doctor, patient.id, result.id);
    expect(detail).toMatchObject({
      status: "signed",
      coversReport: { id: newest },
      editable: false,
      amendable: true,
    });
    expect(detail.signedAt).not.toBeNull();
    const audits = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "evaluation.sign"), eq(auditEvents.entityId, result.id)));
    expect(audits).toHaveLength(1);

    await insertReport(db(), patient.id, { createdAt: undefined });
    expect(await inQueue(patient.id)).toBe(true);
  });

  it("signing with a stale report is accepted and keeps the case on the queue; a report of another patient is refused", async () => {
    const { doctor, patient } = await setup();
    const seen = await insertReport(db(), patient.id);
    const arrived = await insertReport(db(), patient.id);
    const other = await createUser(db(), { role: "patient", doctorId: doctor.id });
    const foreign = await insertReport(db(), other.id);
    await expect(signEvaluation(doctor, signOf(patient.id, foreign))).rejects.toMatchObject({
      code: "invalid",
      entity: "coversReportId",
    });
    expect(await db().select().from(evaluations).where(eq(evaluations.patientId, patient.id))).toHaveLength(
      0,
    );
    const result = await signEvaluation(doctor, signOf(patient.id, seen));
    expect(result.newerReports).toBe(1);
    expect(await inQueue(patient.id)).toBe(true);
    const [late] = await db().select().from(spasmReports).where(eq(spasmReports.id, arrived));
    expect(late.reviewedById).toBeNull();
  });

  it("a signed evaluation refuses every write; amend makes version 2, a second amendment of v1 conflicts, both stay readable", async () => {
    const { doctor, patient } = await setup();
    const report = await insertReport(db(), patient.id);
    const v1 = await signEvaluation(doctor, signOf(patient.id, report));
    const signedConflict = { code: "conflict", entity: "evaluation_signed" };
    await expect(
      saveEvaluationDraft(doctor, draftOf(patient.id, { evaluationId: v1.id })),
    ).rejects.toMatchObject(signedConflict);
    await expect(
      signEvaluation(doctor, signOf(patient.id, report, { evaluationId: v1.id, examNotes: "changed" })),
    ).rejects.toMatchObject(signedConflict);
    const [unchanged] = await db().select().from(evaluations).where(eq(evaluations.id, v1.id));
    expect(unchanged.examNotes).toBe("Brisk reflexes");

    const v2 = await amendEvaluation(doctor, { patientId: patient.id, evaluationId: v1.id });
    const draft = await getEvaluation(doctor, patient.id, v2.id);
    expect(draft).toMatchObject({
      status: "draft",
      version: 2,
      amendsId: v1.id,
      amendsVersion: 1,
      examNotes: "Brisk reflexes",
    });
    expect(draft.mas).toHaveLength(2);
    await expect(
      amendEvaluation(doctor, { patientId: patient.id, evaluationId: v1.id }),
    ).rejects.toMatchObject({
      code: "conflict",
      entity: "evaluation_already_amended",
    });
    await expect(
      amendEvaluation(doctor, { patientId: patient.id, evaluationId: v2.id }),
    ).rejects.toMatchObject({
      code: "conflict",
      entity: "evaluation_not_signed",
    });
    await signEvaluation(
      doctor,
      signOf(patient.id, report, { evaluationId: v2.id, examNotes: "Amended: clonus" }),
    );

    const list = await listEvaluations(doctor, patient.id);
    expect(list.map((e) => [e.version, e.status])).toEqual([
      [2, "signed"],
      [1, "signed"],
    ]);
    expect(list[1]).toMatchObject({ amendedById: v2.id });
    expect((await getEvaluation(doctor, patient.id, v1.id)).examNotes).toBe("Brisk reflexes");
    expect(await getEvaluation(doctor, patient.id, v1.id)).toMatchObject({
      amendable: false,
      amendedByVersion: 2,
    });
    expect((await getEvaluation(doctor, patient.id, v2.id)).examNotes).toBe("Amended: clonus");
  });

  it("two amendments of the same evaluation at once: one wins, the other is a conflict", async () => {
    const { doctor, patient } = await setup();
    const colleague = await createUser(db(), { role: "doctor" });
    await grantBreakGlass(db(), colleague.id, patient.id);
    const v1 = await signEvaluation(doctor, signOf(patient.id, await insertReport(db(), patient.id)));
    const results = await Promise.allSettled([
      amendEvaluation(doctor, { patientId: patient.id, evaluationId: v1.id }),
      amendEvaluation(colleague, { patientId: patient.id, evaluationId: v1.id }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: "conflict" });
  });

  it("two signatures of the same draft at once: one signs, the other is told it is signed", async () => {
    const { doctor, patient } = await setup();
    const report = await insertReport(db(), patient.id);
    const { id } = await saveEvaluationDraft(doctor, draftOf(patient.id));
    const results = await Promise.allSettled([
      signEvaluation(doctor, signOf(patient.id, report, { evaluationId: id })),
      signEvaluation(doctor, signOf(patient.id, report, { evaluationId: id })),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({
      code: "conflict",
      entity: "evaluation_signed",
    });
  });

  it("another doctor's draft can be read but not changed or signed", async () => {
    const { doctor, patient } = await setup();
    const colleague = await createUser(db(), { role: "doctor" });
    await grantBreakGlass(db(), colleague.id, patient.id);
    const { id } = await saveEvaluationDraft(doctor, draftOf(patient.id));
    expect(await getEvaluation(colleague, patient.id, id)).toMatchObject({ editable: false });
    await expect(
      saveEvaluationDraft(colleague, draftOf(patient.id, { evaluationId: id })),
    ).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(
      signEvaluation(colleague, signOf(patient.id, null, { evaluationId: id })),
    ).rejects.toMatchObject({
      code: "forbidden",
    });
  });

  it("access: another doctor's patient is forbidden, the unassigned pool and break-glass are allowed, patients and admins are refused, foreign ids are not found", async () => {
    const { doctor, patient } = await setup();
    const { id } = await saveEvaluationDraft(doctor, draftOf(patient.id));
    const doctorB = await createUser(db(), { role: "doctor" });
    const calls = (actor: Actor, evaluationId = id) => [
      () => listEvaluations(actor, patient.id),
      () => getEvaluation(actor, patient.id, evaluationId),
      () => getEvaluationEditor(actor, patient.id, null),
      () => saveEvaluationDraft(actor, draftOf(patient.id)),
      () => signEvaluation(actor, signOf(patient.id, null)),
      () => amendEvaluation(actor, { patientId: patient.id, evaluationId }),
    ];
    for (const call of calls(doctorB)) await expect(call()).rejects.toMatchObject({ code: "forbidden" });
    const denied = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.actorId, doctorB.id), eq(auditEvents.outcome, "denied")));
    expect(denied.length).toBeGreaterThanOrEqual(6);
    for (const role of ["patient", "admin"] as const) {
      const actor = await createUser(db(), { role });
      for (const call of calls(actor)) await expect(call()).rejects.toMatchObject({ code: "forbidden" });
    }
    await expect(calls(patient)[0]()).rejects.toMatchObject({ code: "forbidden" });

    // Unassigned pool: any doctor may evaluate.
    const pooled = await createUser(db(), { role: "patient", doctorId: null });
    const r = await insertReport(db(), pooled.id);
    await expect(signEvaluation(doctorB, signOf(pooled.id, r))).resolves.toMatchObject({ newerReports: 0 });
    // Break-glass.
    await grantBreakGlass(db(), doctorB.id, patient.id);
    await expect(listEvaluations(doctorB, patient.id)).resolves.toHaveLength(1);

    // An evaluation id of another patient, a missing one and a malformed one are all not_found.
    const [foreign] = await db().select().from(evaluations).where(eq(evaluations.patientId, pooled.id));
    for (const bad of [foreign.id, crypto.randomUUID(), "not-a-uuid"]) {
      await expect(getEvaluation(doctor, patient.id, bad)).rejects.toMatchObject({ code: "not_found" });
    }
    await expect(
      amendEvaluation(doctor, { patientId: patient.id, evaluationId: foreign.id }),
    ).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(
      saveEvaluationDraft(doctorB, draftOf(patient.id, { evaluationId: foreign.id })),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(listEvaluations(doctor, crypto.randomUUID())).rejects.toMatchObject({ code: "not_found" });
  });
});
