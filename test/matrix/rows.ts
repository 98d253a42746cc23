// One row per server action and route handler: who may call it, and a valid call aimed at the world's patient
// (built fresh for every cell, so an allowed call really succeeds and a refused one could really have written).
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { encryptSecret } from "@/lib/auth/mfa-crypto";
import { newTotpSecret, totpCode } from "@/lib/auth/totp";
import { clinicSettings, injections, referrals, userMfa } from "@/lib/db/schema";
import { saveEvaluationDraft, signEvaluation } from "@/lib/dal/evaluations";
import { publishPlan, savePlanDraft } from "@/lib/dal/plans";
import { createReport } from "@/lib/dal/reports";
import type { Actor } from "@/lib/permissions";
import { emptyEvaluation, type EvaluationDraftInput } from "@/lib/validations/evaluation";
import type { PlanDraftInput, PlanItemInput } from "@/lib/validations/plan";
import { clinicToday } from "@/lib/validations/profile";
import { reportSchema } from "@/lib/validations/report";
import { TEST_PASSWORD } from "@/test/fixtures";
import type { Principal, World } from "./harness";

type Owner = "patient" | "assignedDoctor" | "admin";
export type Row = {
  key: string;
  /** Principals that succeed; every other principal must be refused with nothing written. */
  allow: readonly Principal[];
  /** Whose ended session plays the signed-out cookie. */
  owner: Owner;
  /** The arguments of a valid call, after setting up whatever it acts on (as the assigned doctor or the patient). */
  args: (w: World) => Promise<unknown[]>;
  /** Actions that answer nothing (sign-out, locale): "allowed" means it wrote, "refused" that it wrote nothing. */
  judgeByWrites?: boolean;
  /** Not callable outside Next's HTTP layer; e2e/security/matrix.spec.ts covers it. */
  httpOnly?: string;
};

const DOCTORS = ["assignedDoctor", "otherDoctor", "breakGlassDoctor"] as const;
/** The clinician access policy: the patient's own doctor, or a doctor with a live break-glass grant. */
const CARE_TEAM = ["assignedDoctor", "breakGlassDoctor"] as const;
const PATIENTS = ["patient", "otherPatient"] as const;
const SIGNED_IN = [...PATIENTS, ...DOCTORS, "admin"] as const;
/** Sign-in and registration answer the same whoever asks (Auth.js's signIn is stubbed: it only redirects here). */
const ANYONE = ["anonymous", ...SIGNED_IN, "signedOutCookie", "mfaPendingDoctor"] as const;
const TODAY = clinicToday();

function form(values: Record<string, string | string[]>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(values)) for (const one of [v].flat()) fd.append(k, one);
  return fd;
}
const get = (path: string) => async () => [new NextRequest(`http://localhost${path}`)];
const postJson = (path: string, body: unknown) => async () => [
  new NextRequest(`http://localhost${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  }),
];

const evaluation = (patientId: string): EvaluationDraftInput => ({
  ...(emptyEvaluation(patientId) as EvaluationDraftInput),
  psfsFrequency: 2,
  psfsSeverity: 1,
  mas: [{ group: "elbow_flexors", otherGroup: "", side: "left", score: "1+" }],
  examNotes: "Brisk reflexes",
});
const stretch: PlanItemInput = {
  kind: "stretching_massage",
  id: null,
  instructions: "Stretch calves 3×30 s",
};
const injection: PlanItemInput = {
  kind: "injection",
  id: null,
  instructions: "",
  product: "onabotulinumtoxinA",
  totalUnits: 100,
  dilution: "100 U / 2 mL",
  sites: [{ muscle: "Gastrocnemius", side: "left", units: 100 }],
  unitsNote: "",
  guidance: "ultrasound",
  lot: "",
  scheduledOn: TODAY,
  nextReviewOn: "",
};
const referral: PlanItemInput = {
  kind: "neurology_referral",
  id: null,
  instructions: "",
  urgency: "soon",
  reason: "Twitching that stretching does not ease",
  suspectedCauseId: null,
};
const plan = (patientId: string, items: PlanItemInput[], planId: string | null = null): PlanDraftInput => ({
  patientId,
  planId,
  summary: "Stretch daily; review in 6 weeks",
  internalNotes: "",
  items,
});
async function published(w: World, items: PlanItemInput[]) {
  const { planId } = await savePlanDraft(w.assignedDoctor, plan(w.patient.id, items));
  return publishPlan(w.assignedDoctor, plan(w.patient.id, items, planId));
}
const validReport = {
  startedAt: new Date(Date.now() - 30 * 60_000).toISOString(),
  ongoing: "false",
  durationMinutes: "5",
  painScore: "3",
  redFlags: "none",
  relief: "stretching_helped",
  pattern: "single_cramp",
  handImpact: "none",
  walkingImpact: "mild",
  sites: JSON.stringify([{ site: "calf", side: "left" }]),
  triggers: "exercise_fatigue",
  notes: "",
};
async function reportOf(patient: Actor): Promise<string> {
  const raw = {
    ...validReport,
    ongoing: false,
    durationMinutes: 5,
    painScore: 3,
    redFlags: ["none"],
    sites: [{ site: "calf", side: "left" }],
    triggers: ["exercise_fatigue"],
    conditions: [],
  };
  return (await createReport(patient, reportSchema.parse(raw))).id;
}
const password = "matrix horse battery staple";

/** The clinic setting "require MFA for staff" (no settings row means required). */
async function requireStaffMfa(w: World, required: boolean): Promise<void> {
  await w.db
    .insert(clinicSettings)
    .values({ id: 1, requireStaffMfa: required })
    .onConflictDoUpdate({ target: clinicSettings.id, set: { requireStaffMfa: required } });
}
/**
 * Gives the named users one authenticator secret, enrolment started (`enabled: false`, as after the QR code) or
 * finished; returns the current code. One secret for all, so the same valid call works for whichever principal acts.
 */
async function authenticators(
  w: World,
  who: readonly (Owner | "otherDoctor")[] | "everyone",
  enabled: boolean,
): Promise<string> {
  const secret = newTotpSecret();
  const all = [w.patient, w.otherPatient, w.assignedDoctor, w.otherDoctor, w.breakGlassDoctor, w.admin];
  const users = who === "everyone" ? all : who.map((k) => w[k]);
  await w.db.insert(userMfa).values(
    users.map((u) => ({
      userId: u.id,
      secret: encryptSecret(secret),
      enabledAt: enabled ? new Date() : null,
    })),
  );
  return totpCode(secret);
}

const DOCTOR = "app/(doctor)/doctor";
const PATIENT_CASE = `${DOCTOR}/patients/[id]`;
const ADMIN = "app/(admin)/admin";

export const ROWS: Row[] = [
  // ---- doctor workspace
  {
    key: `${DOCTOR}/actions.ts#claimPatientAction`,
    allow: DOCTORS,
    owner: "assignedDoctor",
    args: async (w) => [{ patientId: w.unassigned.id }],
  },
  {
    key: `${PATIENT_CASE}/actions.ts#breakGlassAction`,
    // The patient's own doctor needs no glass broken (conflict); a doctor with a live grant gets it back.
    allow: ["otherDoctor", "breakGlassDoctor"],
    owner: "assignedDoctor",
    args: async (w) => [{ patientId: w.patient.id, reason: "Covering the on-call rota tonight" }],
  },
  {
    key: `${PATIENT_CASE}/evaluation/actions.ts#saveEvaluationDraftAction`,
    allow: CARE_TEAM,
    owner: "assignedDoctor",
    args: async (w) => [evaluation(w.patient.id)],
  },
  {
    key: `${PATIENT_CASE}/evaluation/actions.ts#signEvaluationAction`,
    allow: CARE_TEAM,
    owner: "assignedDoctor",
    // With the form's idempotency key: a refused caller must not claim it either (nothing written).
    args: async (w) => [{ ...evaluation(w.patient.id), coversReportId: null, idempotencyKey: randomUUID() }],
  },
  {
    key: `${PATIENT_CASE}/evaluation/actions.ts#amendEvaluationAction`,
    allow: CARE_TEAM,
    owner: "assignedDoctor",
    args: async (w) => {
      const { id } = await saveEvaluationDraft(w.assignedDoctor, evaluation(w.patient.id));
      await signEvaluation(w.assignedDoctor, {
        ...evaluation(w.patient.id),
        evaluationId: id,
        coversReportId: null,
      });
      return [{ patientId: w.patient.id, evaluationId: id }];
    },
  },
  {
    key: `${PATIENT_CASE}/causes/actions.ts#setCauseStatusAction`,
    allow: CARE_TEAM,
    owner: "assignedDoctor",
    args: async (w) => [
      {
        patientId: w.patient.id,
        causeId: null,
        cause: "electrolyte_imbalance",
        label: "",
        status: "under_investigation",
        note: "",
      },
    ],
  },
  {
    key: `${PATIENT_CASE}/plan/actions.ts#savePlanDraftAction`,
    allow: CARE_TEAM,
    owner: "assignedDoctor",
    args: async (w) => [plan(w.patient.id, [stretch])],
  },
  {
    key: `${PATIENT_CASE}/plan/actions.ts#publishPlanAction`,
    allow: CARE_TEAM,
    owner: "assignedDoctor",
    args: async (w) => {
      const { planId } = await savePlanDraft(w.assignedDoctor, plan(w.patient.id, [stretch]));
      return [{ ...plan(w.patient.id, [stretch], planId), idempotencyKey: randomUUID() }];
    },
  },
  {
    key: `${PATIENT_CASE}/plan/actions.ts#revisePlanAction`,
    allow: CARE_TEAM,
    owner: "assignedDoctor",
    args: async (w) => {
      await published(w, [stretch]);
      return [{ patientId: w.patient.id }];
    },
  },
  {
    key: `${PATIENT_CASE}/plan/actions.ts#discardPlanDraftAction`,
    allow: CARE_TEAM,
    owner: "assignedDoctor",
    args: async (w) => {
      const { planId } = await savePlanDraft(w.assignedDoctor, plan(w.patient.id, [stretch]));
      return [{ patientId: w.patient.id, planId }];
    },
  },
  {
    key: `${PATIENT_CASE}/plan/actions.ts#updateReferralAction`,
    allow: CARE_TEAM,
    owner: "assignedDoctor",
    args: async (w) => {
      await published(w, [referral]);
      const [r] = await w.db.select().from(referrals).where(eq(referrals.patientId, w.patient.id));
      return [{ patientId: w.patient.id, referralId: r.id, status: "sent", on: TODAY }];
    },
  },
  {
    key: `${PATIENT_CASE}/plan/actions.ts#updateInjectionAction`,
    allow: CARE_TEAM,
    owner: "assignedDoctor",
    args: async (w) => {
      await published(w, [injection]);
      const [i] = await w.db.select().from(injections).where(eq(injections.patientId, w.patient.id));
      return [{ status: "cancelled", patientId: w.patient.id, injectionId: i.id }];
    },
  },
  // ---- admin console
  {
    key: `${ADMIN}/users/actions.ts#createAccountAction`,
    allow: ["admin"],
    owner: "admin",
    args: async () => [
      { role: "doctor", name: "Dr New", email: `new-${randomUUID()}@test.example`, locale: "en" },
    ],
  },
  {
    key: `${ADMIN}/users/actions.ts#updateAccountAction`,
    allow: ["admin"],
    owner: "admin",
    args: async (w) => [
      {
        userId: w.otherDoctor.id,
        name: "Dr Renamed",
        email: `renamed-${randomUUID()}@test.example`,
        locale: "fr",
      },
    ],
  },
  {
    key: `${ADMIN}/users/actions.ts#setAccountStatusAction`,
    allow: ["admin"],
    owner: "admin",
    args: async (w) => [{ userId: w.unassigned.id, status: "disabled" }],
  },
  {
    key: `${ADMIN}/users/actions.ts#changeAccountRoleAction`,
    allow: ["admin"],
    owner: "admin",
    args: async (w) => [{ userId: w.unassigned.id, role: "doctor" }],
  },
  {
    key: `${ADMIN}/users/actions.ts#resetPasswordAction`,
    allow: ["admin"],
    owner: "admin",
    args: async (w) => [{ userId: w.unassigned.id, temporaryPassword: "" }],
  },
  {
    key: `${ADMIN}/users/actions.ts#assignPatientsAction`,
    allow: ["admin"],
    owner: "admin",
    args: async (w) => [{ patientIds: [w.unassigned.id], doctorId: w.assignedDoctor.id }],
  },
  {
    key: `${ADMIN}/settings/actions.ts#updateClinicSettingsAction`,
    allow: ["admin"],
    owner: "admin",
    args: async () => [{ clinicName: `Clinic ${randomUUID().slice(0, 8)}`, selfRegistration: true }],
  },
  {
    key: `${ADMIN}/settings/mfa-actions.ts#setStaffMfaRequiredAction`,
    // Turning it on: an admin who has MFA on themselves (the DAL refuses an admin who has not enrolled).
    allow: ["admin"],
    owner: "admin",
    args: async (w) => {
      await requireStaffMfa(w, false);
      await authenticators(w, ["admin"], true);
      return [{ required: true }];
    },
  },
  {
    key: `${ADMIN}/users/[id]/mfa-actions.ts#resetUserMfaAction`,
    // A doctor who lost their phone: the admin removes the authenticator (and ends that doctor's sessions).
    allow: ["admin"],
    owner: "admin",
    args: async (w) => {
      await authenticators(w, ["otherDoctor"], true);
      return [{ userId: w.otherDoctor.id }];
    },
  },
  {
    key: `${ADMIN}/users/actions.ts#endAccountSessionsAction`,
    // Sign out everywhere for someone else's account (a lost phone): admin only.
    allow: ["admin"],
    owner: "admin",
    args: async (w) => [{ userId: w.otherDoctor.id }],
  },
  // ---- patient side (own data only: the target is the caller's own record)
  {
    key: "app/(patient)/patient/profile/actions.ts#updateProfileAction",
    allow: PATIENTS,
    owner: "patient",
    args: async () => [
      { ok: false, fieldErrors: {} },
      form({
        dateOfBirth: "1970-05-04",
        sex: "female",
        conditions: ["diabetes"],
        medicinesOther: "Magnesium",
      }),
    ],
  },
  {
    key: "app/(patient)/patient/reports/actions.ts#withdrawReportAction",
    allow: ["patient"],
    owner: "patient",
    args: async (w) => [
      { ok: false, fieldErrors: {} },
      form({ reportId: await reportOf(w.patient), reason: "Sent twice" }),
    ],
  },
  {
    key: "app/(patient)/patient/reports/new/actions.ts#createReportAction",
    allow: PATIENTS,
    owner: "patient",
    args: async () => [{ ok: false, fieldErrors: {} }, form(validReport)],
  },
  // ---- sign-in and session (public by design: the answer must not depend on who asks)
  {
    key: "app/(auth)/actions.ts#signInAction",
    allow: ANYONE,
    owner: "patient",
    args: async (w) => [{ ok: false, fieldErrors: {} }, form({ email: w.patient.email, password })],
  },
  {
    key: "app/(auth)/actions.ts#registerAction",
    allow: ANYONE,
    owner: "patient",
    args: async () => [
      { ok: false, fieldErrors: {} },
      form({
        name: "New Patient",
        email: `reg-${randomUUID()}@test.example`,
        password,
        confirmPassword: password,
        locale: "en",
      }),
    ],
  },
  {
    key: "app/(auth)/actions.ts#signOutAction",
    // A sign-in still owing its second step can be abandoned (its session ends); an ended one writes nothing.
    allow: [...SIGNED_IN, "mfaPendingDoctor"],
    owner: "patient",
    judgeByWrites: true,
    args: async () => [],
  },
  {
    key: "app/(auth)/actions.ts#signOutEverywhereAction",
    allow: SIGNED_IN,
    owner: "patient",
    judgeByWrites: true,
    args: async () => [],
  },
  {
    key: "app/(auth)/actions.ts#keepAliveAction",
    allow: SIGNED_IN,
    owner: "patient",
    args: async () => [],
  },
  {
    key: "app/(auth)/actions.ts#setLocaleAction",
    // Everyone may set the locale cookie; only a live session also writes the user's locale.
    allow: SIGNED_IN,
    owner: "patient",
    judgeByWrites: true,
    args: async () => ["fr"],
  },
  {
    key: "app/(auth)/change-password/actions.ts#changeTemporaryPasswordAction",
    // Only a session flagged for a temporary password (none of the eight principals); the DAL test covers it.
    allow: [],
    owner: "patient",
    args: async () => [{ ok: false, fieldErrors: {} }, form({ password, confirmPassword: password })],
  },
  // ---- second sign-in step (lib/dal/mfa.ts; every user below holds the same authenticator secret)
  {
    key: "app/(auth)/mfa/actions.ts#verifyMfaAction",
    // Only a sign-in that owes the code: a live session has passed it already, an ended one is gone.
    allow: ["mfaPendingDoctor"],
    owner: "assignedDoctor",
    args: async (w) => [null, form({ code: await authenticators(w, "everyone", true) })],
  },
  {
    key: "app/(auth)/mfa/actions.ts#confirmEnrolmentAction",
    // A staff sign-in the clinic sends to enrolment, or any signed-in user opting in from /account/security.
    allow: [...SIGNED_IN, "mfaPendingDoctor"],
    owner: "assignedDoctor",
    args: async (w) => [null, form({ code: await authenticators(w, "everyone", false) })],
  },
  {
    key: "app/(auth)/mfa/actions.ts#disableMfaAction",
    // One's own MFA, with a current code: patients; staff are refused while the clinic requires MFA (set here; the
    // setting off is covered by lib/dal/mfa.test.ts).
    allow: PATIENTS,
    owner: "patient",
    args: async (w) => {
      await requireStaffMfa(w, true);
      return [null, form({ code: await authenticators(w, "everyone", true) })];
    },
  },
  // ---- own account (any signed-in role; lib/dal/account-self.ts)
  {
    key: "app/(account)/account/actions.ts#changeOwnPasswordAction",
    allow: SIGNED_IN,
    owner: "patient",
    args: async () => [
      null,
      form({
        currentPassword: TEST_PASSWORD, // every principal's password (test/fixtures.ts)
        newPassword: "violet kettle on the stairs",
        confirmPassword: "violet kettle on the stairs",
      }),
    ],
  },
  {
    key: "app/(account)/account/actions.ts#changeOwnEmailAction",
    allow: SIGNED_IN,
    owner: "patient",
    args: async () => [null, form({ email: `moved-${randomUUID()}@test.example`, password: TEST_PASSWORD })],
  },
  // ---- route handlers
  {
    key: "app/api/doctor/queue/route.ts#GET",
    allow: DOCTORS,
    owner: "assignedDoctor",
    args: get("/api/doctor/queue"),
  },
  {
    key: "app/api/admin/audit/export/route.ts#GET",
    allow: ["admin"],
    owner: "admin",
    args: get("/api/admin/audit/export"),
  },
  {
    key: "app/api/notifications/route.ts#GET",
    allow: SIGNED_IN,
    owner: "patient",
    args: get("/api/notifications"),
  },
  {
    key: "app/api/notifications/read/route.ts#POST",
    allow: SIGNED_IN,
    owner: "patient",
    args: postJson("/api/notifications/read", { all: true }),
  },
  {
    key: "app/api/patient/reports/export/route.ts#GET",
    allow: PATIENTS,
    owner: "patient",
    args: get("/api/patient/reports/export"),
  },
  {
    key: "app/api/health/route.ts#GET",
    // Liveness and readiness for a load balancer: public by design, no data beyond a status.
    allow: ANYONE,
    owner: "patient",
    args: get("/api/health"),
  },
  {
    key: "app/api/ready/route.ts#GET",
    allow: ANYONE,
    owner: "patient",
    args: get("/api/ready"),
  },
  {
    key: "app/api/auth/[...nextauth]/route.ts#GET",
    allow: [],
    owner: "patient",
    args: async () => [],
    httpOnly: "Auth.js's own endpoints (session, csrf, providers)",
  },
  {
    key: "app/api/auth/[...nextauth]/route.ts#POST",
    allow: [],
    owner: "patient",
    args: async () => [],
    httpOnly: "Auth.js's own endpoints (credentials callback, sign-out)",
  },
  {
    key: "app/(bench)/bench/bare-action/actions.ts#benchBareInsertAction",
    // `npm run bench` only: inert (writes nothing for anyone) unless the server runs with SPASMCARE_BENCH_ACTIONS=1.
    allow: [],
    owner: "patient",
    judgeByWrites: true,
    args: async () => [],
  },
];
