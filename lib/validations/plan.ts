import { z } from "zod";
import "@/lib/zod-config";
import { LIMB_SIDES } from "@/lib/domain/evaluation";
import { clinicToday } from "./profile-fields";
import type { PathErrors } from "./plan-form-state";
import {
  INJECTION_SITES_MAX,
  INJECTION_UNITS_MAX,
  PLAN_ITEMS_MAX,
  PLAN_TEXT_MAX,
  sitesTotal,
} from "./plan-form";
import {
  INJECTION_GUIDANCE,
  MEDICATION_ROUTES,
  REFERRAL_STATUSES,
  REFERRAL_URGENCIES,
} from "@/lib/domain/plans";

export * from "./plan-form";

// The plan editor's schema, shared by the forms (loaded on their first submit) and the actions. One object per
// item, discriminated on `kind`; each kind carries only its own fields. Messages are codes (errors.<code> or
// plan.errors.<code>).

const SHORT_MAX = 200;

/**
 * What `schema` finds wrong with `values`, as message codes by the full dotted path of the field (the first issue
 * per field): the same keys the actions answer in `fieldErrors`, so the forms show both the same way.
 */
export function schemaErrors(schema: z.ZodType, values: unknown): PathErrors {
  const parsed = schema.safeParse(values);
  const out: PathErrors = {};
  if (parsed.success) return out;
  for (const issue of parsed.error.issues) out[issue.path.map(String).join(".") || "_form"] ??= issue.message;
  return out;
}

const text = (max: number) => z.string({ error: "invalid" }).trim().max(max, { error: "too_long" });
const required = (max: number) => text(max).min(1, { error: "required" });

function isRealDate(iso: string): boolean {
  const [y, m, d] = iso.split("-").map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** A calendar date yyyy-mm-dd (what <input type="date"> posts). */
export const isoDate = z
  .string({ error: "required" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "date_invalid" })
  .refine(isRealDate, { error: "date_invalid" });
/** The same, or "" for no date. */
export const optionalDate = z.union([z.literal(""), isoDate], { error: "date_invalid" });

const units = z
  .number({ error: "required" })
  .int({ error: "units_whole" })
  .min(1, { error: "units_min" })
  .max(INJECTION_UNITS_MAX, { error: "units_max" });

const base = {
  /** The draft item being edited; null for a new row. */
  id: z.uuid({ error: "invalid" }).nullable(),
  instructions: text(PLAN_TEXT_MAX),
};
const withInstructions = { ...base, instructions: required(PLAN_TEXT_MAX) };

export const injectionSiteSchema = z.object({
  muscle: required(80),
  side: z.enum(LIMB_SIDES, { error: "required" }),
  units,
});
export type InjectionSiteInput = z.infer<typeof injectionSiteSchema>;

const stretchingItem = z.object({ kind: z.literal("stretching_massage"), ...withInstructions });
const hydrationItem = z.object({ kind: z.literal("hydration_electrolytes"), ...withInstructions });
const restItem = z.object({ kind: z.literal("rest_stress"), ...withInstructions });
const causeItem = z.object({
  kind: z.literal("treat_underlying_cause"),
  ...withInstructions,
  suspectedCauseId: z.uuid({ error: "cause_required" }),
});
const medicationItem = z
  .object({
    kind: z.literal("medication"),
    ...base,
    medicationName: required(SHORT_MAX),
    dose: required(SHORT_MAX),
    route: z.enum(MEDICATION_ROUTES, { error: "required" }),
    schedule: required(SHORT_MAX),
    startOn: optionalDate,
    stopOn: optionalDate,
  })
  .superRefine((v, ctx) => {
    if (v.stopOn && !v.startOn)
      ctx.addIssue({ code: "custom", path: ["startOn"], message: "start_required" });
    if (v.startOn && v.stopOn && v.stopOn < v.startOn)
      ctx.addIssue({ code: "custom", path: ["stopOn"], message: "stop_before_start" });
  });
const injectionItem = z
  .object({
    kind: z.literal("injection"),
    ...base,
    product: required(SHORT_MAX),
    totalUnits: units,
    dilution: text(SHORT_MAX),
    sites: z
      .array(injectionSiteSchema)
      .min(1, { error: "sites_required" })
      .max(INJECTION_SITES_MAX, { error: "too_many" }),
    /** Why the muscles' units do not add up to the total (e.g. units kept for a touch-up). */
    unitsNote: text(500),
    guidance: z.enum(INJECTION_GUIDANCE, { error: "required" }),
    lot: text(80),
    scheduledOn: isoDate,
    nextReviewOn: optionalDate,
  })
  .superRefine((v, ctx) => {
    const seen = new Set<string>();
    v.sites.forEach((s, i) => {
      const key = `${s.muscle.trim().toLowerCase()}|${s.side}`;
      if (seen.has(key))
        ctx.addIssue({ code: "custom", path: ["sites", i, "muscle"], message: "site_duplicate" });
      seen.add(key);
    });
    if (sitesTotal(v.sites) !== v.totalUnits && v.unitsNote.length === 0)
      ctx.addIssue({ code: "custom", path: ["unitsNote"], message: "units_mismatch" });
    if (v.nextReviewOn && v.nextReviewOn < v.scheduledOn)
      ctx.addIssue({ code: "custom", path: ["nextReviewOn"], message: "review_before_injection" });
  });
const referralItem = z.object({
  kind: z.literal("neurology_referral"),
  ...base,
  urgency: z.enum(REFERRAL_URGENCIES, { error: "required" }),
  reason: required(PLAN_TEXT_MAX),
  suspectedCauseId: z.uuid({ error: "invalid" }).nullable(),
});
const followUpItem = z.object({ kind: z.literal("follow_up"), ...base, followUpOn: isoDate });

export const planItemSchema = z.discriminatedUnion(
  "kind",
  [
    stretchingItem,
    hydrationItem,
    restItem,
    causeItem,
    medicationItem,
    injectionItem,
    referralItem,
    followUpItem,
  ],
  { error: "invalid" },
);
export type PlanItemInput = z.infer<typeof planItemSchema>;
export type PlanItemFormValues = z.input<typeof planItemSchema>;
export type InjectionItemInput = Extract<PlanItemInput, { kind: "injection" }>;
export type ReferralItemInput = Extract<PlanItemInput, { kind: "neurology_referral" }>;

const planFields = z.object({
  patientId: z.uuid({ error: "invalid" }),
  /** The draft being edited; null when the doctor starts the first plan. */
  planId: z.uuid({ error: "invalid" }).nullable(),
  summary: text(PLAN_TEXT_MAX),
  internalNotes: text(PLAN_TEXT_MAX),
  items: z.array(planItemSchema).max(PLAN_ITEMS_MAX, { error: "too_many" }),
});

/** Saving a draft: items must each be valid, the summary may still be empty. */
export const planDraftSchema = planFields;
export type PlanDraftInput = z.infer<typeof planDraftSchema>;
export type PlanFormValues = z.input<typeof planDraftSchema>;

/**
 * Publishing: the same, plus what the patient needs to read (a summary and at least one item) and the form
 * instance's idempotency key (a UUID the browser picks; the same key sent again gets the first publication).
 */
export const publishPlanSchema = planFields
  .extend({ idempotencyKey: z.uuid({ error: "invalid" }).optional() })
  .superRefine((v, ctx) => {
    if (v.summary.length === 0)
      ctx.addIssue({ code: "custom", path: ["summary"], message: "summary_required" });
    if (v.items.length === 0) ctx.addIssue({ code: "custom", path: ["items"], message: "items_required" });
  });
export type PublishPlanInput = z.infer<typeof publishPlanSchema>;

export const revisePlanSchema = z.object({ patientId: z.uuid({ error: "invalid" }) });
export type RevisePlanInput = z.infer<typeof revisePlanSchema>;

export const discardDraftSchema = z.object({
  patientId: z.uuid({ error: "invalid" }),
  planId: z.uuid({ error: "invalid" }),
});
export type DiscardDraftInput = z.infer<typeof discardDraftSchema>;

/** Moving a referral one step; the date is the day it happened (or the appointment for "scheduled"). */
export const referralUpdateSchema = z
  .object({
    patientId: z.uuid({ error: "invalid" }),
    referralId: z.uuid({ error: "invalid" }),
    status: z.enum(REFERRAL_STATUSES, { error: "required" }),
    on: isoDate,
  })
  .superRefine((v, ctx) => {
    // Only an appointment lies ahead; sending, seeing and declining have happened by the time they are recorded.
    if (v.status !== "scheduled" && v.on > clinicToday())
      ctx.addIssue({ code: "custom", path: ["on"], message: "date_future" });
  });
export type ReferralUpdateInput = z.infer<typeof referralUpdateSchema>;

/** Recording a planned injection as given (with the lot and the next review), or cancelling it. */
export const injectionUpdateSchema = z.discriminatedUnion(
  "status",
  [
    z
      .object({
        status: z.literal("given"),
        patientId: z.uuid({ error: "invalid" }),
        injectionId: z.uuid({ error: "invalid" }),
        givenOn: isoDate,
        lot: required(80),
        nextReviewOn: optionalDate,
      })
      .superRefine((v, ctx) => {
        if (v.givenOn > clinicToday())
          ctx.addIssue({ code: "custom", path: ["givenOn"], message: "date_future" });
        if (v.nextReviewOn && v.nextReviewOn < v.givenOn)
          ctx.addIssue({ code: "custom", path: ["nextReviewOn"], message: "review_before_injection" });
      }),
    z.object({
      status: z.literal("cancelled"),
      patientId: z.uuid({ error: "invalid" }),
      injectionId: z.uuid({ error: "invalid" }),
    }),
  ],
  { error: "invalid" },
);
export type InjectionUpdateInput = z.infer<typeof injectionUpdateSchema>;
