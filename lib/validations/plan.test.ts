import { describe, expect, it } from "vitest";
import {
  INJECTION_SITES_MAX,
  INJECTION_UNITS_MAX,
  PLAN_ITEMS_MAX,
  injectionUpdateSchema,
  planDraftSchema,
  planItemSchema,
  publishPlanSchema,
  referralUpdateSchema,
  schemaErrors,
} from "./plan";
import { clinicToday } from "./profile";

const CAUSE = "7b1f3f5e-8a51-4f39-9f0a-4b5f1d1c2a10";
const PATIENT = "0c0d6f1e-6b7a-4e1e-8d7b-2a1c3b4d5e6f";

const valid = {
  stretching_massage: { kind: "stretching_massage", id: null, instructions: "Stretch calves 3×30 s" },
  hydration_electrolytes: { kind: "hydration_electrolytes", id: null, instructions: "1.5 L water a day" },
  rest_stress: { kind: "rest_stress", id: null, instructions: "Breathing exercises" },
  treat_underlying_cause: {
    kind: "treat_underlying_cause",
    id: null,
    instructions: "Correct magnesium",
    suspectedCauseId: CAUSE,
  },
  medication: {
    kind: "medication",
    id: null,
    instructions: "",
    medicationName: "Magnesium",
    dose: "300 mg",
    route: "oral",
    schedule: "Every evening",
    startOn: "2026-03-01",
    stopOn: "2026-04-01",
  },
  injection: {
    kind: "injection",
    id: null,
    instructions: "",
    product: "onabotulinumtoxinA",
    totalUnits: 100,
    dilution: "100 U / 2 mL",
    sites: [
      { muscle: "Gastrocnemius", side: "left", units: 60 },
      { muscle: "Soleus", side: "left", units: 40 },
    ],
    unitsNote: "",
    guidance: "emg",
    lot: "",
    scheduledOn: "2026-04-10",
    nextReviewOn: "2026-07-10",
  },
  neurology_referral: {
    kind: "neurology_referral",
    id: null,
    instructions: "",
    urgency: "soon",
    reason: "Repeated twitching not eased by stretching",
    suspectedCauseId: null,
  },
  follow_up: { kind: "follow_up", id: null, instructions: "", followUpOn: "2026-05-04" },
} as const;

// Field path → first message code: what the plan forms show, keyed as the action client reports them.
const errorsOf = (item: unknown) => schemaErrors(planItemSchema, item);

describe("plan item schema", () => {
  it.each(Object.entries(valid))("accepts a complete %s item", (_kind, item) => {
    expect(errorsOf(item)).toEqual({});
  });

  it("rejects an unknown kind", () => {
    expect(errorsOf({ ...valid.rest_stress, kind: "acupuncture" })).toEqual({ kind: "invalid" });
  });

  it.each(["stretching_massage", "hydration_electrolytes", "rest_stress", "treat_underlying_cause"] as const)(
    "%s needs instructions (blank after trim is empty)",
    (kind) => {
      expect(errorsOf({ ...valid[kind], instructions: "   " })).toEqual({ instructions: "required" });
      expect(errorsOf({ ...valid[kind], instructions: "x".repeat(4000) })).toEqual({});
      expect(errorsOf({ ...valid[kind], instructions: "x".repeat(4001) })).toEqual({
        instructions: "too_long",
      });
    },
  );

  it("treat the underlying cause must link a cause", () => {
    expect(errorsOf({ ...valid.treat_underlying_cause, suspectedCauseId: null })).toEqual({
      suspectedCauseId: "cause_required",
    });
    expect(errorsOf({ ...valid.treat_underlying_cause, suspectedCauseId: "nope" })).toEqual({
      suspectedCauseId: "cause_required",
    });
  });

  it("medication: name, dose, route and schedule are required; route is from the list", () => {
    expect(
      errorsOf({ ...valid.medication, medicationName: "", dose: " ", schedule: "", route: undefined }),
    ).toEqual({ medicationName: "required", dose: "required", schedule: "required", route: "required" });
    expect(errorsOf({ ...valid.medication, route: "nasal" })).toEqual({ route: "required" });
  });

  it("medication: stop on the start day passes, the day before fails; a stop needs a start", () => {
    expect(errorsOf({ ...valid.medication, stopOn: "2026-03-01" })).toEqual({});
    expect(errorsOf({ ...valid.medication, stopOn: "2026-02-28" })).toEqual({ stopOn: "stop_before_start" });
    expect(errorsOf({ ...valid.medication, startOn: "", stopOn: "" })).toEqual({});
    expect(errorsOf({ ...valid.medication, startOn: "", stopOn: "2026-04-01" })).toEqual({
      startOn: "start_required",
    });
    expect(errorsOf({ ...valid.medication, startOn: "2026-02-30" })).toEqual({ startOn: "date_invalid" });
  });

  it("injection: units are whole numbers from 1 to the maximum", () => {
    const one = (units: number) => ({
      ...valid.injection,
      totalUnits: units,
      sites: [{ muscle: "Soleus", side: "right", units }],
    });
    expect(errorsOf(one(1))).toEqual({});
    expect(errorsOf(one(INJECTION_UNITS_MAX))).toEqual({});
    expect(errorsOf(one(0))).toMatchObject({ totalUnits: "units_min", "sites.0.units": "units_min" });
    expect(errorsOf(one(INJECTION_UNITS_MAX + 1))).toMatchObject({ totalUnits: "units_max" });
    expect(errorsOf(one(2.5))).toMatchObject({ totalUnits: "units_whole" });
    expect(errorsOf({ ...valid.injection, totalUnits: Number.NaN })).toMatchObject({
      totalUnits: "required",
    });
  });

  it("injection: the muscles' units must add up to the total, or the doctor says why", () => {
    const off = { ...valid.injection, totalUnits: 110 };
    expect(errorsOf(off)).toEqual({ unitsNote: "units_mismatch" });
    expect(errorsOf({ ...off, unitsNote: "10 U kept for a touch-up" })).toEqual({});
    expect(errorsOf({ ...valid.injection, totalUnits: 100 })).toEqual({});
  });

  it("injection: at least one muscle, no muscle and side twice, within the row limit", () => {
    expect(errorsOf({ ...valid.injection, sites: [] })).toMatchObject({ sites: "sites_required" });
    const dup = {
      ...valid.injection,
      sites: [
        { muscle: "Soleus", side: "left", units: 50 },
        { muscle: " soleus ", side: "left", units: 50 },
      ],
    };
    expect(errorsOf(dup)).toEqual({ "sites.1.muscle": "site_duplicate" });
    expect(errorsOf({ ...dup, sites: [dup.sites[0], { ...dup.sites[1], side: "right" }] })).toEqual({});
    const many = Array.from({ length: INJECTION_SITES_MAX + 1 }, (_, i) => ({
      muscle: `m${i}`,
      side: "left",
      units: 1,
    }));
    expect(errorsOf({ ...valid.injection, sites: many, totalUnits: many.length })).toEqual({
      sites: "too_many",
    });
    expect(errorsOf({ ...valid.injection, sites: [{ muscle: "", side: "up", units: 100 }] })).toEqual({
      "sites.0.muscle": "required",
      "sites.0.side": "required",
    });
  });

  it("injection: product, guidance and a date are required; the review is not before the injection", () => {
    expect(errorsOf({ ...valid.injection, product: "", guidance: "xray", scheduledOn: "" })).toEqual({
      product: "required",
      guidance: "required",
      scheduledOn: "date_invalid",
    });
    expect(errorsOf({ ...valid.injection, nextReviewOn: "2026-04-10" })).toEqual({});
    expect(errorsOf({ ...valid.injection, nextReviewOn: "2026-04-09" })).toEqual({
      nextReviewOn: "review_before_injection",
    });
    expect(errorsOf({ ...valid.injection, nextReviewOn: "" })).toEqual({});
    for (const guidance of ["emg", "ultrasound", "none"])
      expect(errorsOf({ ...valid.injection, guidance })).toEqual({});
  });

  it("referral: urgency from the list and a reason; the linked cause is optional", () => {
    expect(errorsOf({ ...valid.neurology_referral, urgency: "asap", reason: "" })).toEqual({
      urgency: "required",
      reason: "required",
    });
    expect(errorsOf({ ...valid.neurology_referral, suspectedCauseId: CAUSE })).toEqual({});
    for (const urgency of ["routine", "soon", "urgent"])
      expect(errorsOf({ ...valid.neurology_referral, urgency })).toEqual({});
  });

  it("follow-up needs a real date", () => {
    expect(errorsOf({ ...valid.follow_up, followUpOn: "" })).toEqual({ followUpOn: "date_invalid" });
    expect(errorsOf({ ...valid.follow_up, followUpOn: "2026-13-01" })).toEqual({
      followUpOn: "date_invalid",
    });
  });

  it("a kind's fields never leak into another: unknown keys are dropped", () => {
    const r = planItemSchema.parse({ ...valid.stretching_massage, medicationName: "X", totalUnits: 5 });
    expect(r).toEqual(valid.stretching_massage);
  });
});

describe("plan draft and publish", () => {
  const plan = { patientId: PATIENT, planId: null, summary: "", internalNotes: "", items: [] };
  it("a draft may be empty; publishing needs a summary and an item", () => {
    expect(planDraftSchema.safeParse(plan).success).toBe(true);
    expect(schemaErrors(publishPlanSchema, plan)).toEqual({
      summary: "summary_required",
      items: "items_required",
    });
    expect(
      publishPlanSchema.safeParse({ ...plan, summary: "Drink more", items: [valid.follow_up] }).success,
    ).toBe(true);
  });
  it("item errors carry the row's path; at most the item limit", () => {
    expect(
      schemaErrors(planDraftSchema, {
        ...plan,
        items: [valid.follow_up, { ...valid.rest_stress, instructions: "" }],
      }),
    ).toEqual({ "items.1.instructions": "required" });
    const many = Array.from({ length: PLAN_ITEMS_MAX + 1 }, () => valid.follow_up);
    expect(planDraftSchema.safeParse({ ...plan, items: many }).success).toBe(false);
  });
  it("the editor's values as they stand: an empty number field (NaN) is required, the first issue per field wins", () => {
    const injection = {
      ...valid.injection,
      totalUnits: Number.NaN,
      sites: [{ muscle: "", side: "left", units: Number.NaN }],
    };
    expect(schemaErrors(planDraftSchema, { ...plan, items: [valid.follow_up, injection] })).toEqual({
      "items.1.totalUnits": "required",
      "items.1.sites.0.muscle": "required",
      "items.1.sites.0.units": "required",
    });
    // Publishing adds its own rules only once the items are valid: the fields to fix first come first.
    expect(schemaErrors(publishPlanSchema, { ...plan, items: [injection] })).not.toHaveProperty("summary");
    expect(schemaErrors(planDraftSchema, { ...plan, items: [valid.follow_up] })).toEqual({});
  });
});

describe("updates after publication", () => {
  const today = clinicToday();
  const ids = { patientId: PATIENT, referralId: CAUSE };
  it("referral steps: only an appointment may lie in the future", () => {
    expect(referralUpdateSchema.safeParse({ ...ids, status: "sent", on: today }).success).toBe(true);
    expect(referralUpdateSchema.safeParse({ ...ids, status: "scheduled", on: "2099-01-01" }).success).toBe(
      true,
    );
    expect(schemaErrors(referralUpdateSchema, { ...ids, status: "seen", on: "2099-01-01" })).toEqual({
      on: "date_future",
    });
  });
  it("an injection is given today or earlier, with a lot; the review is not before it", () => {
    const given = { status: "given", patientId: PATIENT, injectionId: CAUSE, givenOn: today, lot: "C1234" };
    expect(injectionUpdateSchema.safeParse({ ...given, nextReviewOn: "" }).success).toBe(true);
    const errs = (v: unknown) => schemaErrors(injectionUpdateSchema, v);
    expect(errs({ ...given, lot: "", nextReviewOn: "" })).toEqual({ lot: "required" });
    expect(errs({ ...given, givenOn: "2099-01-01", nextReviewOn: "" })).toEqual({ givenOn: "date_future" });
    expect(errs({ ...given, givenOn: "2026-01-10", nextReviewOn: "2026-01-09" })).toEqual({
      nextReviewOn: "review_before_injection",
    });
    expect(errs({ status: "cancelled", patientId: PATIENT, injectionId: CAUSE })).toEqual({});
  });
});
