import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import {
  auditEvents,
  breakGlassGrants,
  injections,
  notifications,
  referrals,
  suspectedCauses,
  treatmentPlans,
} from "@/lib/db/schema";
import type { Actor } from "@/lib/permissions";
import { planItemToInput as toInput, type PlanDraftInput, type PlanItemInput } from "@/lib/validations/plan";
import { clinicToday } from "@/lib/validations/profile";
import { describeDb } from "@/test/db";
import { createUser } from "@/test/fixtures";
import { getOwnCare } from "./care";
import {
  discardPlanDraft,
  getPlanVersion,
  getPlanWorkspace,
  publishPlan,
  revisePlan,
  savePlanDraft,
  updateInjection,
  updateReferralStatus,
} from "./plans";

const injectionItem = (over: Partial<Extract<PlanItemInput, { kind: "injection" }>> = {}): PlanItemInput => ({
  kind: "injection",
  id: null,
  instructions: "No massage of the area for 24 h",
  product: "onabotulinumtoxinA",
  totalUnits: 100,
  dilution: "100 U / 2 mL",
  sites: [
    { muscle: "Gastrocnemius", side: "left", units: 60 },
    { muscle: "Soleus", side: "left", units: 40 },
  ],
  unitsNote: "",
  guidance: "ultrasound",
  lot: "",
  scheduledOn: "2026-04-10",
  nextReviewOn: "2026-07-10",
  ...over,
});
const referralItem = (suspectedCauseId: string | null, over: Partial<PlanItemInput> = {}): PlanItemInput =>
  ({
    kind: "neurology_referral",
    id: null,
    instructions: "",
    urgency: "soon",
    reason: "Twitching that stretching does not ease",
    suspectedCauseId,
    ...over,
  }) as PlanItemInput;
const TODAY = clinicToday();
const stretch: PlanItemInput = {
  kind: "stretching_massage",
  id: null,
  instructions: "Stretch calves 3×30 s",
};

describeDb("plans DAL", ({ db }) => {
  async function setup() {
    const doctor = await createUser(db(), { role: "doctor", name: "Dr A" });
    const other = await createUser(db(), { role: "doctor", name: "Dr B" });
    const patient = await createUser(db(), { role: "patient", doctorId: doctor.id });
    const [cause] = await db()
      .insert(suspectedCauses)
      .values({ patientId: patient.id, cause: "neurological_disorder", status: "under_investigation" })
      .returning();
    return { doctor, other, patient, cause };
  }
  const draftInput = (patientId: string, items: PlanItemInput[], over: Partial<PlanDraftInput> = {}) => ({
    patientId,
    planId: null,
    summary: "Stretch every evening; an injection in April; a neurologist will see you.",
    internalNotes: "SECRET-INTERNAL-NOTE",
    items,
    ...over,
  });
  const audits = (patientId: string, action: string) =>
    db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.patientId, patientId), eq(auditEvents.action, action as "plan.read")));

  it("saves a draft with every kind's fields, hidden from the patient until published", async () => {
    const { doctor, patient, cause } = await setup();
    const saved = await savePlanDraft(
      doctor,
      draftInput(patient.id, [
        stretch,
        { kind: "treat_underlying_cause", id: null, instructions: "Nerve study", suspectedCauseId: cause.id },
        {
          kind: "medication",
          id: null,
          instructions: "",
          medicationName: "Magnesium",
          dose: "300 mg",
          route: "oral",
          schedule: "Evening",
          startOn: "2026-03-01",
          stopOn: "",
        },
        injectionItem({ totalUnits: 110, unitsNote: "10 U kept for a touch-up" }),
        referralItem(cause.id),
        { kind: "follow_up", id: null, instructions: "Review", followUpOn: "2026-05-04" },
      ]),
    );
    expect(saved.version).toBe(1);
    const ws = await getPlanWorkspace(doctor, patient.id);
    expect(ws.published).toBeNull();
    expect(ws.patientLocale).toBe("en");
    expect(ws.causes).toEqual([
      { id: cause.id, cause: "neurological_disorder", label: null, status: "under_investigation" },
    ]);
    const items = ws.draft!.items;
    expect(items.map((i) => i.kind)).toEqual([
      "stretching_massage",
      "treat_underlying_cause",
      "medication",
      "injection",
      "neurology_referral",
      "follow_up",
    ]);
    expect(items[1].suspectedCauseId).toBe(cause.id);
    expect(items[2]).toMatchObject({ route: "oral", startOn: "2026-03-01", stopOn: null });
    expect(items[3].injection).toMatchObject({
      totalUnits: 110,
      guidance: "ultrasound",
      unitsNote: "10 U kept for a touch-up",
      status: "planned",
      sites: [
        { muscle: "Gastrocnemius", side: "left", units: 60 },
        { muscle: "Soleus", side: "left", units: 40 },
      ],
    });
    expect(items[3].schedule).toBeNull();
    expect(items[4].referral).toMatchObject({
      urgency: "soon",
      suspectedCauseId: cause.id,
      status: "requested",
    });
    const care = await getOwnCare(patient);
    expect(care.plan).toBeNull();
    expect(care.injections.next).toBeNull();
    expect(care.referrals).toEqual([]);
    expect(await audits(patient.id, "plan.write")).toHaveLength(1);
  });

  it("updates draft rows in place, deletes removed ones with their records, and refuses foreign ids", async () => {
    const { doctor, patient, cause } = await setup();
    const { planId } = await savePlanDraft(
      doctor,
      draftInput(patient.id, [stretch, injectionItem(), referralItem(null)]),
    );
    const ws = await getPlanWorkspace(doctor, patient.id);
    const [s, inj] = ws.draft!.items;
    await savePlanDraft(
      doctor,
      draftInput(
        patient.id,
        [injectionItem({ id: inj.id, product: "abobotulinumtoxinA" }), { ...stretch, id: s.id }],
        {
          planId,
        },
      ),
    );
    const after = (await getPlanWorkspace(doctor, patient.id)).draft!;
    expect(after.items.map((i) => i.id)).toEqual([inj.id, s.id]);
    expect(after.items[0].injection).toMatchObject({ id: inj.injection!.id, product: "abobotulinumtoxinA" });
    expect(await db().select().from(referrals).where(eq(referrals.patientId, patient.id))).toEqual([]);
    expect(await db().select().from(injections).where(eq(injections.patientId, patient.id))).toHaveLength(1);

    // An item id of another plan, a cause of another patient, a kind change: refused, nothing written.
    const { patient: p2, cause: foreignCause } = await setup();
    await expect(
      savePlanDraft(doctor, draftInput(patient.id, [{ ...stretch, id: foreignCause.id }], { planId })),
    ).rejects.toMatchObject({ code: "invalid", entity: "items.0" });
    await expect(
      savePlanDraft(
        doctor,
        draftInput(
          patient.id,
          [
            {
              kind: "treat_underlying_cause",
              id: null,
              instructions: "x",
              suspectedCauseId: foreignCause.id,
            },
          ],
          {
            planId,
          },
        ),
      ),
    ).rejects.toMatchObject({ code: "invalid", entity: "items.0.suspectedCauseId" });
    await expect(
      savePlanDraft(
        doctor,
        draftInput(patient.id, [{ ...stretch, kind: "rest_stress", id: s.id }], { planId }),
      ),
    ).rejects.toMatchObject({ code: "invalid", entity: "items.0" });
    expect((await getPlanWorkspace(doctor, patient.id)).draft!.items).toHaveLength(2);
    // A plan id of another patient is not found; a second draft is a conflict.
    const other = await createUser(db(), { role: "doctor" });
    void other;
    await expect(savePlanDraft(doctor, draftInput(p2.id, [], { planId }))).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(savePlanDraft(doctor, draftInput(patient.id, [stretch]))).rejects.toMatchObject({
      code: "conflict",
      entity: "plan_draft_exists",
    });
    void cause;
  });

  it("publishes in one step: published plan, notification, audit; the patient sees it, never the notes", async () => {
    const { doctor, patient, cause } = await setup();
    const { planId } = await savePlanDraft(
      doctor,
      draftInput(patient.id, [stretch, injectionItem(), referralItem(cause.id)]),
    );
    const ws = await getPlanWorkspace(doctor, patient.id);
    const result = await publishPlan(doctor, {
      ...draftInput(patient.id, []),
      planId,
      items: ws.draft!.items.map(toInput),
    });
    expect(result).toMatchObject({
      planId,
      version: 1,
      carried: { repointed: 0, cancelled: 0, declined: 0, created: 2 },
    });
    const [plan] = await db().select().from(treatmentPlans).where(eq(treatmentPlans.id, planId));
    expect(plan.status).toBe("published");
    expect(plan.publishedAt).toBeInstanceOf(Date);
    const notes = await db().select().from(notifications).where(eq(notifications.userId, patient.id));
    expect(notes).toEqual([expect.objectContaining({ kind: "plan_published", entityId: planId })]);
    expect(await audits(patient.id, "plan.publish")).toHaveLength(1);

    const care = await getOwnCare(patient);
    expect(care.plan?.id).toBe(planId);
    expect(care.injections.next).toMatchObject({
      product: "onabotulinumtoxinA",
      guidance: "ultrasound",
      totalUnits: 100,
    });
    expect(care.referrals).toEqual([
      expect.objectContaining({
        status: "requested",
        urgency: "soon",
        cause: { cause: "neurological_disorder", label: null },
      }),
    ]);
    expect(care.referrals[0].requestedAt).toBeInstanceOf(Date);
    expect(JSON.stringify(care)).not.toContain("SECRET-INTERNAL-NOTE");

    // A published plan is never edited in place, nor published twice.
    await expect(
      savePlanDraft(doctor, { ...draftInput(patient.id, [stretch]), planId }),
    ).rejects.toMatchObject({
      code: "conflict",
      entity: "plan_not_draft",
    });
    await expect(publishPlan(doctor, { ...draftInput(patient.id, [stretch]), planId })).rejects.toMatchObject(
      {
        code: "conflict",
      },
    );
  });

  it("revising copies items and open records; at publish unchanged records are re-pointed, removed ones closed", async () => {
    const { doctor, patient, cause } = await setup();
    const v1 = await publishPlan(
      doctor,
      draftInput(patient.id, [
        injectionItem(),
        injectionItem({ scheduledOn: "2026-08-01", nextReviewOn: "" }),
        referralItem(cause.id),
        referralItem(null, { reason: "Second opinion" }),
      ]),
    );
    const live = async () => ({
      inj: await db().select().from(injections).where(eq(injections.patientId, patient.id)),
      ref: await db().select().from(referrals).where(eq(referrals.patientId, patient.id)),
    });
    const before = await live();
    const firstRef = before.ref.find((r) => r.suspectedCauseId === cause.id)!;
    await updateReferralStatus(doctor, {
      patientId: patient.id,
      referralId: firstRef.id,
      status: "sent",
      on: TODAY,
    });

    const { planId, version } = await revisePlan(doctor, patient.id);
    expect(version).toBe(2);
    await expect(revisePlan(doctor, patient.id)).rejects.toMatchObject({ code: "conflict" });
    const draft = (await getPlanWorkspace(doctor, patient.id)).draft!;
    expect(draft.supersedesId).toBe(v1.planId);
    expect(draft.items.map((i) => i.kind)).toEqual([
      "injection",
      "injection",
      "neurology_referral",
      "neurology_referral",
    ]);
    expect(draft.items[2].referral?.status).toBe("sent");
    // The patient still sees version 1 and exactly one of each record while the revision is a draft.
    const careDuring = await getOwnCare(patient);
    expect(careDuring.plan?.version).toBe(1);
    expect(careDuring.referrals).toHaveLength(2);
    expect([careDuring.injections.next, ...careDuring.injections.later]).toHaveLength(2);

    // Keep the first injection and the sent referral; drop the second injection; change the second referral.
    const items = draft.items.map(toInput);
    const result = await publishPlan(doctor, {
      ...draftInput(patient.id, []),
      planId,
      items: [items[0], items[2], { ...items[3], urgency: "urgent" } as PlanItemInput],
    });
    expect(result.carried).toEqual({ repointed: 2, cancelled: 1, declined: 1, created: 1 });
    const after = await live();
    const kept = after.inj.find((i) => i.id === before.inj.find((b) => b.scheduledOn === "2026-04-10")!.id)!;
    expect(kept.status).toBe("planned");
    expect(kept.planItemId).toBe((await getPlanVersion(doctor, patient.id, planId)).items[0].id);
    expect(after.inj.find((i) => i.scheduledOn === "2026-08-01")?.status).toBe("cancelled");
    expect(after.inj).toHaveLength(2);
    const sent = after.ref.find((r) => r.id === firstRef.id)!;
    expect(sent.status).toBe("sent");
    expect(
      after.ref
        .filter((r) => r.reason === "Second opinion")
        .map((r) => [r.status, r.urgency])
        .sort(),
    ).toEqual([
      ["declined", "soon"],
      ["requested", "urgent"],
    ]);
    const statuses = await db()
      .select({ v: treatmentPlans.version, s: treatmentPlans.status })
      .from(treatmentPlans)
      .where(eq(treatmentPlans.patientId, patient.id));
    expect(statuses.sort((a, b) => a.v - b.v)).toEqual([
      { v: 1, s: "superseded" },
      { v: 2, s: "published" },
    ]);
    const ws = await getPlanWorkspace(doctor, patient.id);
    expect(ws.versions.map((v) => [v.version, v.status])).toEqual([
      [2, "published"],
      [1, "superseded"],
    ]);
    // The superseded version stays readable, with the records that stayed on it.
    const old = await getPlanVersion(doctor, patient.id, v1.planId);
    expect(old.status).toBe("superseded");
    expect(old.items[1].injection?.status).toBe("cancelled");
    const care = await getOwnCare(patient);
    expect(care.plan?.version).toBe(2);
    expect(care.referrals.map((r) => r.status).sort()).toEqual(["declined", "requested", "sent"]);
  });

  it("records a planned injection as given once, and moves referrals only along their path", async () => {
    const { doctor, patient, cause } = await setup();
    await publishPlan(doctor, draftInput(patient.id, [injectionItem(), referralItem(cause.id)]));
    const [inj] = await db().select().from(injections).where(eq(injections.patientId, patient.id));
    const [ref] = await db().select().from(referrals).where(eq(referrals.patientId, patient.id));
    const given = {
      status: "given" as const,
      patientId: patient.id,
      injectionId: inj.id,
      givenOn: "2026-01-15",
      lot: "C42",
      nextReviewOn: "2026-04-15",
    };
    await updateInjection(doctor, given);
    await expect(updateInjection(doctor, given)).rejects.toMatchObject({
      code: "conflict",
      entity: "injection_status",
    });
    const ws = await getPlanWorkspace(doctor, patient.id);
    expect(ws.lastInjectionOn).toBe("2026-01-15");
    expect(ws.published!.items[0].injection).toMatchObject({
      status: "given",
      lot: "C42",
      nextReviewOn: "2026-04-15",
    });
    expect((await getOwnCare(patient)).injections.given).toHaveLength(1);

    const move = (status: "sent" | "scheduled" | "seen" | "declined" | "requested", on: string) =>
      updateReferralStatus(doctor, { patientId: patient.id, referralId: ref.id, status, on });
    await expect(move("seen", "2026-01-20")).rejects.toMatchObject({
      code: "conflict",
      entity: "referral_status",
    });
    await expect(move("sent", "2026-01-01")).rejects.toMatchObject({ code: "invalid", entity: "on" });
    await move("sent", TODAY);
    await move("scheduled", "2099-03-01");
    await expect(move("sent", TODAY)).rejects.toMatchObject({ code: "conflict" });
    await move("seen", TODAY);
    await expect(move("declined", TODAY)).rejects.toMatchObject({ code: "conflict" });
    const [done] = await db().select().from(referrals).where(eq(referrals.id, ref.id));
    expect(done.status).toBe("seen");
    expect(done.sentAt?.toISOString().slice(0, 10)).toBe(TODAY);
    expect(done.scheduledFor?.toISOString().slice(0, 10)).toBe("2099-03-01");
    expect(await audits(patient.id, "referral.update")).toHaveLength(3);
    expect(await audits(patient.id, "injection.update")).toHaveLength(1);
    const care = await getOwnCare(patient);
    expect(care.referrals[0]).toMatchObject({ status: "seen" });
    expect(care.referrals[0].seenAt).toBeInstanceOf(Date);
    // Draft records and records of another patient are not reachable through these actions.
    const { patient: p2 } = await setup();
    await expect(
      updateReferralStatus(doctor, {
        patientId: p2.id,
        referralId: ref.id,
        status: "sent",
        on: "2026-01-16",
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await revisePlan(doctor, patient.id);
    const draftRef = (await getPlanWorkspace(doctor, patient.id)).draft!.items;
    expect(draftRef.filter((i) => i.kind === "neurology_referral")).toEqual([]); // seen: history, not carried
  });

  it("refuses doctor B, patients and admins; allows the unassigned pool and break-glass; foreign ids not_found", async () => {
    const { doctor, other, patient } = await setup();
    const { planId } = await publishPlan(doctor, draftInput(patient.id, [stretch]));
    const attempts = (actor: Actor) => [
      () => getPlanWorkspace(actor, patient.id),
      () => getPlanVersion(actor, patient.id, planId),
      () => savePlanDraft(actor, draftInput(patient.id, [stretch])),
      () => publishPlan(actor, draftInput(patient.id, [stretch])),
      () => revisePlan(actor, patient.id),
      () => discardPlanDraft(actor, { patientId: patient.id, planId }),
      () =>
        updateReferralStatus(actor, {
          patientId: patient.id,
          referralId: planId,
          status: "sent",
          on: "2026-01-02",
        }),
      () => updateInjection(actor, { status: "cancelled", patientId: patient.id, injectionId: planId }),
    ];
    // Thunks, run one at a time: each call is awaited before the next starts.
    for (const call of attempts(other)) await expect(call()).rejects.toMatchObject({ code: "forbidden" });
    const admin = await createUser(db(), { role: "admin" });
    for (const actor of [patient, admin])
      for (const call of attempts(actor)) await expect(call()).rejects.toMatchObject({ code: "forbidden" });
    const denied = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.actorId, other.id), eq(auditEvents.outcome, "denied")));
    expect(denied.length).toBeGreaterThanOrEqual(8);
    expect((await getPlanVersion(doctor, patient.id, planId)).version).toBe(1);

    // Break-glass lets doctor B read and revise; an unassigned patient is open to any doctor.
    await db()
      .insert(breakGlassGrants)
      .values({
        doctorId: other.id,
        patientId: patient.id,
        reason: "On call tonight",
        expiresAt: new Date(Date.now() + 3_600_000),
      });
    expect((await getPlanWorkspace(other, patient.id)).published?.id).toBe(planId);
    const pool = await createUser(db(), { role: "patient" });
    expect((await savePlanDraft(other, draftInput(pool.id, [stretch]))).version).toBe(1);

    // Another patient's plan id, a missing one, a malformed one: not found.
    const { doctor: d3, patient: p3 } = await setup();
    const foreign = await publishPlan(d3, draftInput(p3.id, [stretch]));
    await expect(getPlanVersion(doctor, patient.id, foreign.planId)).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(getPlanVersion(doctor, patient.id, "not-a-uuid")).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(
      savePlanDraft(doctor, { ...draftInput(patient.id, [stretch]), planId: foreign.planId }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(getPlanWorkspace(doctor, foreign.planId)).rejects.toMatchObject({ code: "not_found" });
    await expect(
      updateInjection(doctor, { status: "cancelled", patientId: patient.id, injectionId: foreign.planId }),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  it("discarding a draft removes it and its draft records; the published plan is untouched", async () => {
    const { doctor, patient } = await setup();
    const v1 = await publishPlan(doctor, draftInput(patient.id, [injectionItem()]));
    const { planId } = await revisePlan(doctor, patient.id);
    await discardPlanDraft(doctor, { patientId: patient.id, planId });
    await expect(
      discardPlanDraft(doctor, { patientId: patient.id, planId: v1.planId }),
    ).rejects.toMatchObject({
      code: "conflict",
    });
    const ws = await getPlanWorkspace(doctor, patient.id);
    expect(ws.draft).toBeNull();
    expect(ws.published?.items[0].injection?.status).toBe("planned");
    expect(await db().select().from(injections).where(eq(injections.patientId, patient.id))).toHaveLength(1);
  });
});
