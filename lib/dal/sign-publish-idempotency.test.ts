import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import {
  auditEvents,
  evaluations,
  idempotencyKeys,
  notifications,
  patientProfiles,
  treatmentPlans,
} from "@/lib/db/schema";
import { emptyEvaluation, type SignEvaluationInput } from "@/lib/validations/evaluation";
import type { PlanDraftInput, PlanItemInput } from "@/lib/validations/plan";
import { describeDb } from "@/test/db";
import { createUser } from "@/test/fixtures";
import { grantBreakGlass, insertReport } from "@/test/report-fixture";
import { saveEvaluationDraft, signEvaluation } from "./evaluations";
import { publishPlan, savePlanDraft } from "./plans";

// Issue 9, exactly once: the doctor's sign and publish forms carry an idempotency key; a repeat of the key
// (sequential or concurrent) returns the first answer and writes nothing, and a key is scoped to its doctor.

const signOf = (
  patientId: string,
  coversReportId: string | null,
  over: Partial<SignEvaluationInput> = {},
): SignEvaluationInput => ({
  ...(emptyEvaluation(patientId) as SignEvaluationInput),
  psfsFrequency: 2,
  psfsSeverity: 1,
  mas: [{ group: "elbow_flexors", otherGroup: "", side: "left", score: "1+" }],
  examNotes: "Brisk reflexes",
  coversReportId,
  ...over,
});
const stretch: PlanItemInput = {
  kind: "stretching_massage",
  id: null,
  instructions: "Stretch calves 3×30 s",
};
const planOf = (patientId: string, over: Partial<PlanDraftInput> = {}): PlanDraftInput => ({
  patientId,
  planId: null,
  summary: "Stretch every evening.",
  internalNotes: "",
  items: [stretch],
  ...over,
});

describeDb("sign and publish idempotency (issue 9: exactly once)", ({ db }) => {
  async function setup() {
    const doctor = await createUser(db(), { role: "doctor" });
    const patient = await createUser(db(), { role: "patient", doctorId: doctor.id });
    return { doctor, patient };
  }
  const signed = (patientId: string) =>
    db()
      .select()
      .from(evaluations)
      .where(and(eq(evaluations.patientId, patientId), eq(evaluations.status, "signed")));
  const allEvaluations = (patientId: string) =>
    db().select().from(evaluations).where(eq(evaluations.patientId, patientId));
  const audits = (patientId: string, action: "evaluation.sign" | "plan.publish") =>
    db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.patientId, patientId), eq(auditEvents.action, action)));
  const plans = (patientId: string) =>
    db().select().from(treatmentPlans).where(eq(treatmentPlans.patientId, patientId));
  const published = (patientId: string) =>
    db()
      .select()
      .from(notifications)
      .where(and(eq(notifications.patientId, patientId), eq(notifications.kind, "plan_published")));

  // ---------------------------------------------------------------------------------------------------------
  // Sign

  it("sign: the same key twice returns the first signature (ok, same evaluation) and writes nothing more", async () => {
    const { doctor, patient } = await setup();
    const report = await insertReport(db(), patient.id);
    const key = randomUUID();
    // A new evaluation signed straight away: the retry posts the same form (no evaluation id yet).
    const first = await signEvaluation(doctor, signOf(patient.id, report, { idempotencyKey: key }));
    expect(first.repeated).toBeUndefined();
    expect(first.newerReports).toBe(0);
    const again = await signEvaluation(
      doctor,
      signOf(patient.id, report, { idempotencyKey: key, examNotes: "edited after the timeout" }),
    );
    expect(again).toEqual({ ...first, repeated: true });
    const rows = await allEvaluations(patient.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: first.id, status: "signed", examNotes: "Brisk reflexes" });
    expect(await audits(patient.id, "evaluation.sign")).toHaveLength(1);
    const [stored] = await db().select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key));
    expect(stored).toMatchObject({
      actorId: doctor.id,
      patientId: patient.id,
      action: "evaluation.sign",
      entityId: first.id,
    });
  });

  it("sign: the same key sent four times at once signs one evaluation, audited once", async () => {
    const { doctor, patient } = await setup();
    const { id } = await saveEvaluationDraft(doctor, signOf(patient.id, null));
    const key = randomUUID();
    const results = await Promise.all(
      Array.from({ length: 4 }, () =>
        signEvaluation(doctor, signOf(patient.id, null, { evaluationId: id, idempotencyKey: key })),
      ),
    );
    expect(new Set(results.map((r) => r.id))).toEqual(new Set([id]));
    expect(results.filter((r) => !r.repeated)).toHaveLength(1);
    expect(await signed(patient.id)).toHaveLength(1);
    expect(await audits(patient.id, "evaluation.sign")).toHaveLength(1);
  });

  it("sign: a new draft signed four times at once with one key makes one evaluation, not four", async () => {
    const { doctor, patient } = await setup();
    const key = randomUUID();
    const results = await Promise.all(
      Array.from({ length: 4 }, () =>
        signEvaluation(doctor, signOf(patient.id, null, { idempotencyKey: key })),
      ),
    );
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(await allEvaluations(patient.id)).toHaveLength(1);
  });

  it("sign: another key, or none, on a signed evaluation keeps today's answer (conflict: signed)", async () => {
    const { doctor, patient } = await setup();
    const { id } = await saveEvaluationDraft(doctor, signOf(patient.id, null));
    await signEvaluation(
      doctor,
      signOf(patient.id, null, { evaluationId: id, idempotencyKey: randomUUID() }),
    );
    for (const idempotencyKey of [randomUUID(), undefined]) {
      await expect(
        signEvaluation(doctor, signOf(patient.id, null, { evaluationId: id, idempotencyKey })),
      ).rejects.toMatchObject({ code: "conflict", entity: "evaluation_signed" });
    }
    expect(await audits(patient.id, "evaluation.sign")).toHaveLength(1);
  });

  it("sign: a failed attempt does not spend the key; the corrected retry signs", async () => {
    const { doctor, patient } = await setup();
    const key = randomUUID();
    await expect(
      signEvaluation(doctor, signOf(patient.id, randomUUID(), { idempotencyKey: key })),
    ).rejects.toMatchObject({ code: "invalid", entity: "coversReportId" });
    expect(await db().select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key))).toHaveLength(0);
    const retried = await signEvaluation(doctor, signOf(patient.id, null, { idempotencyKey: key }));
    expect(retried.repeated).toBeUndefined();
    expect(await signed(patient.id)).toHaveLength(1);
  });

  it("sign: the key is the doctor's own — a colleague sending it does not get the first signature", async () => {
    const { doctor, patient } = await setup();
    const colleague = await createUser(db(), { role: "doctor" });
    await grantBreakGlass(db(), colleague.id, patient.id);
    const key = randomUUID();
    const first = await signEvaluation(doctor, signOf(patient.id, null, { idempotencyKey: key }));
    // The colleague posting the signed evaluation with the same key is answered as without a key: refused.
    await expect(
      signEvaluation(colleague, signOf(patient.id, null, { evaluationId: first.id, idempotencyKey: key })),
    ).rejects.toMatchObject({ code: "conflict", entity: "evaluation_signed" });
    // With a form of their own, the same key signs the colleague's own evaluation, never returns the first one.
    const theirs = await signEvaluation(colleague, signOf(patient.id, null, { idempotencyKey: key }));
    expect(theirs.id).not.toBe(first.id);
    expect(theirs.repeated).toBeUndefined();
    expect(await signed(patient.id)).toHaveLength(2);
  });

  it("sign: a key this doctor used for another patient is a conflict and reveals nothing", async () => {
    const { doctor, patient } = await setup();
    const other = await createUser(db(), { role: "patient", doctorId: doctor.id });
    const key = randomUUID();
    await signEvaluation(doctor, signOf(patient.id, null, { idempotencyKey: key }));
    const attempt = signEvaluation(doctor, signOf(other.id, null, { idempotencyKey: key }));
    await expect(attempt).rejects.toMatchObject({ code: "conflict", entity: "idempotency_key" });
    expect(await allEvaluations(other.id)).toHaveLength(0);
  });

  it("sign: a doctor who lost access to the patient cannot replay the key to read the result", async () => {
    const { doctor, patient } = await setup();
    const successor = await createUser(db(), { role: "doctor" });
    const key = randomUUID();
    const input = signOf(patient.id, null, { idempotencyKey: key });
    await signEvaluation(doctor, input);
    await db()
      .update(patientProfiles)
      .set({ assignedDoctorId: successor.id })
      .where(eq(patientProfiles.userId, patient.id));
    await expect(signEvaluation(doctor, input)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("a key that is not a UUID is refused before anything is written", async () => {
    const { doctor, patient } = await setup();
    await expect(
      signEvaluation(doctor, signOf(patient.id, null, { idempotencyKey: "1' or '1'='1" })),
    ).rejects.toMatchObject({ code: "invalid", entity: "idempotencyKey" });
    await expect(
      publishPlan(doctor, { ...planOf(patient.id), idempotencyKey: "not-a-uuid" }),
    ).rejects.toMatchObject({ code: "invalid", entity: "idempotencyKey" });
    expect(await allEvaluations(patient.id)).toHaveLength(0);
    expect(await plans(patient.id)).toHaveLength(0);
  });

  // ---------------------------------------------------------------------------------------------------------
  // Publish

  it("publish: the same key twice returns the same published version — no new version, notification or audit", async () => {
    const { doctor, patient } = await setup();
    const key = randomUUID();
    // The first plan, published from an unsaved editor: a plain repeat would make version 2.
    const first = await publishPlan(doctor, { ...planOf(patient.id), idempotencyKey: key });
    expect(first).toMatchObject({ version: 1 });
    expect(first.repeated).toBeUndefined();
    const again = await publishPlan(doctor, {
      ...planOf(patient.id, { summary: "edited after the timeout" }),
      idempotencyKey: key,
    });
    expect(again).toEqual({ ...first, repeated: true });
    const rows = await plans(patient.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      id: first.planId,
      status: "published",
      summary: "Stretch every evening.",
    });
    expect(await published(patient.id)).toHaveLength(1);
    expect(await audits(patient.id, "plan.publish")).toHaveLength(1);
  });

  it("publish: the same key sent four times at once publishes one version, notifies once, audits once", async () => {
    const { doctor, patient } = await setup();
    // A published version 1, then a revision: the carried counts must come back identical on every answer.
    await publishPlan(doctor, planOf(patient.id));
    const { planId } = await savePlanDraft(doctor, planOf(patient.id, { summary: "Revised" }));
    const key = randomUUID();
    const results = await Promise.all(
      Array.from({ length: 4 }, () =>
        publishPlan(doctor, { ...planOf(patient.id, { planId, summary: "Revised" }), idempotencyKey: key }),
      ),
    );
    const { repeated: _, ...firstAnswer } = results.find((r) => !r.repeated)!;
    expect(results.filter((r) => !r.repeated)).toHaveLength(1);
    for (const r of results) expect(r).toMatchObject({ ...firstAnswer, planId, version: 2 });
    const rows = await plans(patient.id);
    expect(rows.map((p) => `${p.version}:${p.status}`).sort()).toEqual(["1:superseded", "2:published"]);
    expect(await published(patient.id)).toHaveLength(2);
    expect(await audits(patient.id, "plan.publish")).toHaveLength(2);
  });

  it("publish: a first plan sent four times at once with one key makes one version, not a conflict", async () => {
    const { doctor, patient } = await setup();
    const key = randomUUID();
    const results = await Promise.all(
      Array.from({ length: 4 }, () => publishPlan(doctor, { ...planOf(patient.id), idempotencyKey: key })),
    );
    expect(new Set(results.map((r) => `${r.planId}:${r.version}`))).toEqual(
      new Set([`${results[0].planId}:1`]),
    );
    expect(await plans(patient.id)).toHaveLength(1);
    expect(await published(patient.id)).toHaveLength(1);
  });

  it("publish: a new key is a new publication (today's behaviour)", async () => {
    const { doctor, patient } = await setup();
    const a = await publishPlan(doctor, { ...planOf(patient.id), idempotencyKey: randomUUID() });
    const b = await publishPlan(doctor, { ...planOf(patient.id), idempotencyKey: randomUUID() });
    expect([a.version, b.version]).toEqual([1, 2]);
    expect(await published(patient.id)).toHaveLength(2);
  });

  it("publish: a colleague's same key publishes their own version; another patient's is a conflict", async () => {
    const { doctor, patient } = await setup();
    const colleague = await createUser(db(), { role: "doctor" });
    await grantBreakGlass(db(), colleague.id, patient.id);
    const other = await createUser(db(), { role: "patient", doctorId: doctor.id });
    const key = randomUUID();
    const first = await publishPlan(doctor, { ...planOf(patient.id), idempotencyKey: key });
    const theirs = await publishPlan(colleague, { ...planOf(patient.id), idempotencyKey: key });
    expect(theirs.repeated).toBeUndefined();
    expect(theirs.planId).not.toBe(first.planId);
    expect(theirs.version).toBe(2);
    await expect(publishPlan(doctor, { ...planOf(other.id), idempotencyKey: key })).rejects.toMatchObject({
      code: "conflict",
      entity: "idempotency_key",
    });
    expect(await plans(other.id)).toHaveLength(0);
    expect(await published(other.id)).toHaveLength(0);
  });

  it("a key is bound to its act: a sign key sent to publish is a conflict", async () => {
    const { doctor, patient } = await setup();
    const key = randomUUID();
    await signEvaluation(doctor, signOf(patient.id, null, { idempotencyKey: key }));
    await expect(publishPlan(doctor, { ...planOf(patient.id), idempotencyKey: key })).rejects.toMatchObject({
      code: "conflict",
      entity: "idempotency_key",
    });
    expect(await plans(patient.id)).toHaveLength(0);
  });
});
