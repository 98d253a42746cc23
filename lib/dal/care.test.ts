import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import type { Db } from "@/lib/db";
import {
  auditEvents,
  injections,
  injectionSites,
  planItems,
  referrals,
  suspectedCauses,
  treatmentPlans,
} from "@/lib/db/schema";
import { seedDemoPlan } from "@/lib/db/seed-plans";
import { describeDb } from "@/test/db";
import { createUser } from "@/test/fixtures";
import { getOwnCare } from "./care";
import { getPlanWorkspace, publishPlan, revisePlan } from "./plans";
import { planItemToInput } from "@/lib/validations/plan";

type PlanStatus = "draft" | "published" | "superseded";

async function insertPlan(
  db: Db,
  o: { patientId: string; authorId: string; version: number; status: PlanStatus; summary?: string },
) {
  const [plan] = await db
    .insert(treatmentPlans)
    .values({
      ...o,
      summary: o.summary ?? `Plan v${o.version}`,
      internalNotes: "SECRET-INTERNAL-NOTE",
      publishedAt: o.status === "draft" ? null : new Date(Date.UTC(2026, 0, o.version)),
    })
    .returning();
  return plan;
}

describeDb("care DAL", ({ db }) => {
  it("returns the latest published plan with its items in order, never drafts, superseded plans or internal notes", async () => {
    const doctor = await createUser(db(), { role: "doctor", name: "Dr Claire Martin" });
    const patient = await createUser(db(), { role: "patient", doctorId: doctor.id });
    await insertPlan(db(), { patientId: patient.id, authorId: doctor.id, version: 1, status: "superseded" });
    const published = await insertPlan(db(), {
      patientId: patient.id,
      authorId: doctor.id,
      version: 2,
      status: "published",
      summary: "Stretch every evening and drink more water.",
    });
    await insertPlan(db(), { patientId: patient.id, authorId: doctor.id, version: 3, status: "draft" });
    await db()
      .insert(planItems)
      .values([
        {
          planId: published.id,
          kind: "follow_up",
          position: 2,
          instructions: "Review visit",
          followUpOn: "2026-05-04",
        },
        {
          planId: published.id,
          kind: "stretching_massage",
          position: 0,
          instructions: "Stretch calves 3×30 s",
        },
        {
          planId: published.id,
          kind: "medication",
          position: 1,
          medicationName: "Magnesium",
          dose: "300 mg",
          schedule: "Evening",
        },
      ]);

    const care = await getOwnCare(patient);
    expect(care.plan).toMatchObject({
      id: published.id,
      version: 2,
      summary: "Stretch every evening and drink more water.",
      authorName: "Dr Claire Martin",
    });
    expect(care.plan?.publishedAt).toBeInstanceOf(Date);
    expect(care.plan?.items.map((i) => i.kind)).toEqual(["stretching_massage", "medication", "follow_up"]);
    expect(care.plan?.items[1]).toMatchObject({
      medicationName: "Magnesium",
      dose: "300 mg",
      schedule: "Evening",
    });
    expect(care.followUps).toEqual([
      expect.objectContaining({ kind: "follow_up", followUpOn: "2026-05-04" }),
    ]);
    expect(JSON.stringify(care)).not.toContain("SECRET-INTERNAL-NOTE");
    expect(JSON.stringify(care)).not.toMatch(/internalNotes/);
  });

  it("shows no plan while the only plans are drafts or superseded", async () => {
    const doctor = await createUser(db(), { role: "doctor" });
    const patient = await createUser(db(), { role: "patient", doctorId: doctor.id });
    await insertPlan(db(), { patientId: patient.id, authorId: doctor.id, version: 1, status: "superseded" });
    await insertPlan(db(), { patientId: patient.id, authorId: doctor.id, version: 2, status: "draft" });
    const care = await getOwnCare(patient);
    expect(care.plan).toBeNull();
    expect(care.followUps).toEqual([]);
  });

  it("splits injections into the next one due, later ones and given ones, with their sites", async () => {
    const doctor = await createUser(db(), { role: "doctor" });
    const patient = await createUser(db(), { role: "patient", doctorId: doctor.id });
    const base = { patientId: patient.id, doctorId: doctor.id, product: "Botulinum toxin A" };
    const [given, next, later] = await db()
      .insert(injections)
      .values([
        {
          ...base,
          scheduledOn: "2026-01-10",
          status: "given",
          givenAt: new Date("2026-01-10T09:00:00Z"),
          nextReviewOn: "2026-04-04",
        },
        { ...base, scheduledOn: "2026-04-04", status: "planned" },
        { ...base, scheduledOn: "2026-07-01", status: "planned" },
        { ...base, scheduledOn: "2026-02-01", status: "cancelled" },
      ])
      .returning();
    await db()
      .insert(injectionSites)
      .values([
        { injectionId: given.id, muscle: "Gastrocnemius", side: "left", units: 50 },
        { injectionId: given.id, muscle: "Soleus", side: "left", units: 25 },
        { injectionId: next.id, muscle: "Gastrocnemius", side: "right", units: 40 },
      ]);
    const { injections: split } = await getOwnCare(patient);
    expect(split.next).toMatchObject({
      id: next.id,
      sites: [{ muscle: "Gastrocnemius", side: "right", units: 40 }],
    });
    expect(split.later.map((i) => i.id)).toEqual([later.id]);
    expect(split.given).toHaveLength(1);
    expect(split.given[0]).toMatchObject({ id: given.id, nextReviewOn: "2026-04-04" });
    expect(split.given[0].sites.map((s) => s.units)).toEqual([50, 25]);
  });

  it("lists referrals newest first, hiding injections and referrals that belong to a draft plan", async () => {
    const doctor = await createUser(db(), { role: "doctor" });
    const patient = await createUser(db(), { role: "patient", doctorId: doctor.id });
    const draft = await insertPlan(db(), {
      patientId: patient.id,
      authorId: doctor.id,
      version: 1,
      status: "draft",
    });
    const [draftItem] = await db()
      .insert(planItems)
      .values({ planId: draft.id, kind: "neurology_referral" })
      .returning();
    const base = { patientId: patient.id, doctorId: doctor.id };
    await db()
      .insert(referrals)
      .values([
        {
          ...base,
          urgency: "soon",
          reason: "Twitching in the hand",
          status: "scheduled",
          scheduledFor: new Date("2026-04-20T08:30:00Z"),
          createdAt: new Date("2026-03-01T10:00:00Z"),
        },
        {
          ...base,
          urgency: "routine",
          reason: "Older referral",
          status: "seen",
          createdAt: new Date("2025-11-01T10:00:00Z"),
        },
        { ...base, planItemId: draftItem.id, urgency: "urgent", reason: "DRAFT-ONLY" },
      ]);
    await db()
      .insert(injections)
      .values({ ...base, planItemId: draftItem.id, product: "DRAFT-ONLY", scheduledOn: "2026-05-01" });
    const care = await getOwnCare(patient);
    expect(care.referrals.map((r) => [r.reason, r.status])).toEqual([
      ["Twitching in the hand", "scheduled"],
      ["Older referral", "seen"],
    ]);
    expect(JSON.stringify(care)).not.toContain("DRAFT-ONLY");
  });

  it("patient B never sees patient A's care", async () => {
    const doctor = await createUser(db(), { role: "doctor" });
    const a = await createUser(db(), { role: "patient", doctorId: doctor.id });
    const b = await createUser(db(), { role: "patient", doctorId: doctor.id });
    await insertPlan(db(), { patientId: a.id, authorId: doctor.id, version: 1, status: "published" });
    await db()
      .insert(referrals)
      .values({ patientId: a.id, doctorId: doctor.id, urgency: "routine", reason: "A only" });
    await db()
      .insert(injections)
      .values({ patientId: a.id, doctorId: doctor.id, product: "A only", scheduledOn: "2026-05-01" });
    const care = await getOwnCare(b);
    expect(care).toEqual({
      plan: null,
      injections: { next: null, later: [], given: [] },
      referrals: [],
      followUps: [],
    });
  });

  it("audits the read as care.read on the patient", async () => {
    const patient = await createUser(db(), { role: "patient" });
    await getOwnCare(patient);
    const events = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.patientId, patient.id), eq(auditEvents.action, "care.read")));
    expect(events).toHaveLength(1);
    expect(events[0].actorId).toBe(patient.id);
  });

  it("refuses doctors and admins (forbidden)", async () => {
    for (const role of ["doctor", "admin"] as const) {
      const staff = await createUser(db(), { role });
      await expect(getOwnCare(staff)).rejects.toThrow("forbidden");
    }
  });
  it("shows the published fields: route and period, the treated cause, units and guidance, referral dates and cause", async () => {
    const doctor = await createUser(db(), { role: "doctor" });
    const patient = await createUser(db(), { role: "patient", doctorId: doctor.id });
    const [cause] = await db()
      .insert(suspectedCauses)
      .values({ patientId: patient.id, cause: "other", label: "Thyroid", status: "confirmed" })
      .returning();
    const plan = await insertPlan(db(), {
      patientId: patient.id,
      authorId: doctor.id,
      version: 1,
      status: "published",
    });
    const [med, , inj, ref] = await db()
      .insert(planItems)
      .values([
        {
          planId: plan.id,
          kind: "medication",
          position: 0,
          medicationName: "Magnesium",
          dose: "300 mg",
          route: "oral",
          schedule: "Evening",
          startOn: "2026-03-01",
          stopOn: "2026-04-01",
        },
        {
          planId: plan.id,
          kind: "treat_underlying_cause",
          position: 1,
          instructions: "Thyroid work-up",
          suspectedCauseId: cause.id,
        },
        { planId: plan.id, kind: "injection", position: 2, schedule: "UNITS-NOTE-INTERNAL" },
        { planId: plan.id, kind: "neurology_referral", position: 3, suspectedCauseId: cause.id },
      ])
      .returning();
    const [shot] = await db()
      .insert(injections)
      .values({
        patientId: patient.id,
        planItemId: inj.id,
        doctorId: doctor.id,
        product: "Toxin",
        totalUnits: 120,
        guidance: "emg",
        scheduledOn: "2099-01-10",
      })
      .returning();
    await db()
      .insert(injectionSites)
      .values({ injectionId: shot.id, muscle: "Soleus", side: "right", units: 120 });
    const sent = new Date("2026-02-03T12:00:00Z");
    await db()
      .insert(referrals)
      .values({
        patientId: patient.id,
        planItemId: ref.id,
        doctorId: doctor.id,
        urgency: "soon",
        reason: "Twitching",
        suspectedCauseId: cause.id,
        status: "sent",
        requestedAt: new Date("2026-02-01T12:00:00Z"),
        sentAt: sent,
      });

    const care = await getOwnCare(patient);
    expect(care.plan?.items.find((i) => i.id === med.id)).toMatchObject({
      route: "oral",
      startOn: "2026-03-01",
      stopOn: "2026-04-01",
    });
    expect(care.plan?.items[1].cause).toEqual({ cause: "other", label: "Thyroid" });
    expect(care.plan?.items[2].schedule).toBeNull();
    expect(care.injections.next).toMatchObject({
      totalUnits: 120,
      guidance: "emg",
      sites: [{ muscle: "Soleus", side: "right", units: 120 }],
    });
    expect(care.referrals[0]).toMatchObject({
      status: "sent",
      sentAt: sent,
      cause: { cause: "other", label: "Thyroid" },
    });
    expect(JSON.stringify(care)).not.toContain("UNITS-NOTE-INTERNAL");
  });

  it("the demo plan seed reads back as published, and a revision carries its open records without duplicates", async () => {
    const doctor = await createUser(db(), { role: "doctor" });
    const patient = await createUser(db(), { role: "patient", doctorId: doctor.id });
    const { planId } = await seedDemoPlan(db(), { patientId: patient.id, doctorId: doctor.id });
    const care = await getOwnCare(patient);
    expect(care.plan).toMatchObject({ id: planId, version: 2 });
    expect(care.injections.next?.sites).toHaveLength(2);
    expect(care.injections.given).toHaveLength(1);
    expect(care.referrals.map((r) => r.status)).toEqual(["sent"]);
    expect(care.followUps).toHaveLength(1);
    expect((await getPlanWorkspace(doctor, patient.id)).lastInjectionOn).not.toBeNull();

    await revisePlan(doctor, patient.id);
    const draft = (await getPlanWorkspace(doctor, patient.id)).draft!;
    const result = await publishPlan(doctor, {
      patientId: patient.id,
      planId: draft.id,
      summary: draft.summary,
      internalNotes: draft.internalNotes ?? "",
      items: draft.items.map(planItemToInput),
    });
    expect(result.carried).toEqual({ repointed: 2, cancelled: 0, declined: 0, created: 0 });
    const after = await getOwnCare(patient);
    expect(after.plan?.version).toBe(3);
    expect(after.referrals.map((r) => r.status)).toEqual(["sent"]);
    expect([after.injections.next, ...after.injections.later].filter(Boolean)).toHaveLength(1);
    expect(after.injections.given).toHaveLength(1);
  });
});
