import { sql } from "drizzle-orm";
import {
  bigserial,
  smallint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { AUDIT_OUTCOMES, LOCALES, ROLES, USER_STATUSES } from "../domain/accounts";
import { BODY_SITES, REPORT_STATUSES, SEXES, SIDES } from "../domain/report-fields";
import { IMPACT_LEVELS, PATTERN_OPTIONS, RELIEF_OPTIONS, TRIAGE_LEVELS } from "../domain/triage";
import { MAS_VALUES } from "../domain/scales";
import { CAUSE_STATUSES, RECORDED_CAUSES } from "../domain/cause-records";
import { NOTIFICATION_KINDS } from "../domain/notifications";
import { EVALUATION_STATUSES, LIMB_SIDES } from "../domain/evaluation";
import { IDEMPOTENT_ACTIONS } from "../domain/idempotency";
import {
  INJECTION_GUIDANCE,
  INJECTION_STATUSES,
  MEDICATION_ROUTES,
  PLAN_ITEM_KINDS,
  PLAN_STATUSES,
  REFERRAL_STATUSES,
  REFERRAL_URGENCIES,
} from "../domain/plans";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
const createdAt = () => ts("created_at").notNull().defaultNow();

// ---------- enums ----------
export const roleEnum = pgEnum("role", ROLES);
export const userStatusEnum = pgEnum("user_status", USER_STATUSES);
export const localeEnum = pgEnum("locale", LOCALES);
export const sexEnum = pgEnum("sex", SEXES);
export const reliefEnum = pgEnum("relief", RELIEF_OPTIONS);
export const patternEnum = pgEnum("pattern", PATTERN_OPTIONS);
export const impactEnum = pgEnum("impact", IMPACT_LEVELS);
export const triageLevelEnum = pgEnum("triage_level", TRIAGE_LEVELS);
export const reportStatusEnum = pgEnum("report_status", REPORT_STATUSES);
export const bodySiteEnum = pgEnum("body_site", BODY_SITES);
export const sideEnum = pgEnum("side", SIDES);
export const limbSideEnum = pgEnum("limb_side", LIMB_SIDES);
export const evaluationStatusEnum = pgEnum("evaluation_status", EVALUATION_STATUSES);
export const masScoreEnum = pgEnum("mas_score", MAS_VALUES);
export const causeEnum = pgEnum("cause", RECORDED_CAUSES);
export const causeStatusEnum = pgEnum("cause_status", CAUSE_STATUSES);
export const planStatusEnum = pgEnum("plan_status", PLAN_STATUSES);
export const planItemKindEnum = pgEnum("plan_item_kind", PLAN_ITEM_KINDS);
export const urgencyEnum = pgEnum("urgency", REFERRAL_URGENCIES);
export const referralStatusEnum = pgEnum("referral_status", REFERRAL_STATUSES);
export const injectionStatusEnum = pgEnum("injection_status", INJECTION_STATUSES);
export const injectionGuidanceEnum = pgEnum("injection_guidance", INJECTION_GUIDANCE);
export const medicationRouteEnum = pgEnum("medication_route", MEDICATION_ROUTES);
export const notificationKindEnum = pgEnum("notification_kind", NOTIFICATION_KINDS);
export const auditOutcomeEnum = pgEnum("audit_outcome", AUDIT_OUTCOMES);
export const idempotentActionEnum = pgEnum("idempotent_action", IDEMPOTENT_ACTIONS);

// ---------- accounts ----------
export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: roleEnum("role").notNull(),
    status: userStatusEnum("status").notNull().default("active"),
    locale: localeEnum("locale").notNull().default("fr"),
    failedLoginCount: integer("failed_login_count").notNull().default(0),
    lockedUntil: ts("locked_until"),
    sessionVersion: integer("session_version").notNull().default(1),
    /** Set when an admin creates the account or resets its password: a new password is chosen at next sign-in. */
    mustChangePassword: boolean("must_change_password").notNull().default(false),
    lastLoginAt: ts("last_login_at"),
    createdAt: createdAt(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("users_email_unique").on(sql`lower(${t.email})`), index("users_role_idx").on(t.role)],
);
export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

export const clinicSettings = pgTable("clinic_settings", {
  id: integer("id").primaryKey().default(1),
  selfRegistration: boolean("self_registration").notNull().default(true),
  clinicName: text("clinic_name").notNull().default("SpasmCare"),
  /** Doctors and admins must pass a TOTP second step (enrolling at first sign-in). On unless a clinic turns it off. */
  requireStaffMfa: boolean("require_staff_mfa").notNull().default(true),
  updatedAt: ts("updated_at").notNull().defaultNow(),
  updatedBy: uuid("updated_by").references(() => users.id),
});
export type ClinicSettings = typeof clinicSettings.$inferSelect;

export const patientProfiles = pgTable(
  "patient_profiles",
  {
    userId: uuid("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    dateOfBirth: date("date_of_birth", { mode: "string" }),
    sex: sexEnum("sex"),
    conditions: text("conditions")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    conditionsOther: text("conditions_other"),
    medicines: text("medicines")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    medicinesOther: text("medicines_other"),
    /** E.164 (e.g. +33612345678), so the clinic can call back an urgent patient. */
    phone: text("phone"),
    emergencyContactName: text("emergency_contact_name"),
    emergencyContactRelation: text("emergency_contact_relation"),
    emergencyContactPhone: text("emergency_contact_phone"),
    assignedDoctorId: uuid("assigned_doctor_id").references(() => users.id, { onDelete: "set null" }),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [index("patient_profiles_doctor_idx").on(t.assignedDoctorId)],
);
export type PatientProfile = typeof patientProfiles.$inferSelect;

// ---------- reports ----------
export const spasmReports = pgTable(
  "spasm_reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    startedAt: ts("started_at").notNull(),
    ongoing: boolean("ongoing").notNull(),
    durationMinutes: integer("duration_minutes"),
    painScore: integer("pain_score").notNull(),
    relief: reliefEnum("relief").notNull(),
    pattern: patternEnum("pattern").notNull(),
    handImpact: impactEnum("hand_impact").notNull(),
    walkingImpact: impactEnum("walking_impact").notNull(),
    triggers: text("triggers")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Background conditions as known when the report was triaged (profile + report). */
    conditions: text("conditions")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    notes: text("notes"),
    /** Triage v2 red flags the patient ticked (empty for version 1 reports, which never asked). */
    redFlags: text("red_flags")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    recentCount: integer("recent_count").notNull(),
    triageLevel: triageLevelEnum("triage_level").notNull(),
    triageReasons: text("triage_reasons").array().notNull(),
    rulesVersion: integer("rules_version").notNull(),
    status: reportStatusEnum("status").notNull().default("active"),
    withdrawnAt: ts("withdrawn_at"),
    withdrawnReason: text("withdrawn_reason"),
    correctsReportId: uuid("corrects_report_id").references((): AnyPgColumn => spasmReports.id),
    /** The first doctor who opened the report or signed an evaluation covering it ("reviewed by Dr X on …"). */
    reviewedById: uuid("reviewed_by_id").references(() => users.id),
    reviewedAt: ts("reviewed_at"),
    /** Chosen by the report form when it opens: a retried submission finds the first report instead of a second. */
    idempotencyKey: uuid("idempotency_key"),
    createdAt: createdAt(),
  },
  (t) => [
    index("spasm_reports_patient_started_idx").on(t.patientId, t.startedAt),
    uniqueIndex("spasm_reports_patient_idempotency_idx").on(t.patientId, t.idempotencyKey),
    index("spasm_reports_level_idx").on(t.triageLevel),
    index("spasm_reports_created_idx").on(t.createdAt),
    index("spasm_reports_corrects_idx").on(t.correctsReportId),
    index("spasm_reports_patient_created_idx").on(t.patientId, t.createdAt),
    index("spasm_reports_reviewed_by_idx").on(t.reviewedById),
  ],
);
export type SpasmReport = typeof spasmReports.$inferSelect;
export type NewSpasmReport = typeof spasmReports.$inferInsert;

export const reportSites = pgTable(
  "report_sites",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    reportId: uuid("report_id")
      .notNull()
      .references(() => spasmReports.id, { onDelete: "cascade" }),
    site: bodySiteEnum("site").notNull(),
    side: sideEnum("side").notNull(),
  },
  (t) => [
    // A patient's reports filtered by site: index-only probes per report instead of every row of that site. It also
    // serves the foreign key and every lookup by report (a report_id-only index was redundant with it; one on site
    // alone was never used): each report insert maintains two indexes here, not four.
    index("report_sites_report_site_idx").on(t.reportId, t.site),
  ],
);
export type ReportSite = typeof reportSites.$inferSelect;

// ---------- evaluations ----------
export const evaluations = pgTable(
  "evaluations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    doctorId: uuid("doctor_id")
      .notNull()
      .references(() => users.id),
    coversReportId: uuid("covers_report_id").references(() => spasmReports.id),
    psfsFrequency: integer("psfs_frequency"),
    psfsSeverity: integer("psfs_severity"),
    examNotes: text("exam_notes"),
    workUpOrdered: text("work_up_ordered")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    workUpNotes: text("work_up_notes"),
    status: evaluationStatusEnum("status").notNull().default("draft"),
    signedAt: ts("signed_at"),
    version: integer("version").notNull().default(1),
    /** The signed evaluation this one amends; the amended one stays readable and is never edited. */
    amendsId: uuid("amends_id").references((): AnyPgColumn => evaluations.id),
    createdAt: createdAt(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    index("evaluations_patient_idx").on(t.patientId),
    index("evaluations_doctor_idx").on(t.doctorId),
    index("evaluations_covers_idx").on(t.coversReportId),
    // One amendment per evaluation: amendments form a chain, never a fork.
    uniqueIndex("evaluations_amends_unique").on(t.amendsId),
  ],
);
export type Evaluation = typeof evaluations.$inferSelect;

/**
 * Exactly once for the doctor's final acts (sign, publish): the key a form instance chose, scoped to the acting
 * user, with the answer of the first request. Claimed at the start of the act's transaction, so a concurrent
 * twin waits on the primary key and then reads the answer; a failed act rolls its claim back.
 */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    actorId: uuid("actor_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    key: uuid("key").notNull(),
    action: idempotentActionEnum("action").notNull(),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The evaluation signed or the plan version published; null only inside the claiming transaction. */
    entityId: uuid("entity_id"),
    result: jsonb("result"),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.actorId, t.key] }), index("idempotency_keys_patient_idx").on(t.patientId)],
);
export type IdempotencyKey = typeof idempotencyKeys.$inferSelect;

export const masScores = pgTable(
  "mas_scores",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    evaluationId: uuid("evaluation_id")
      .notNull()
      .references(() => evaluations.id, { onDelete: "cascade" }),
    muscleGroup: text("muscle_group").notNull(),
    side: limbSideEnum("side").notNull(),
    score: masScoreEnum("score").notNull(),
  },
  (t) => [index("mas_scores_evaluation_idx").on(t.evaluationId)],
);
export type MasScore = typeof masScores.$inferSelect;

export const suspectedCauses = pgTable(
  "suspected_causes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    evaluationId: uuid("evaluation_id").references(() => evaluations.id, { onDelete: "set null" }),
    cause: causeEnum("cause").notNull(),
    /** Free label when cause is 'other' (a cause the software did not suggest). */
    label: text("label"),
    status: causeStatusEnum("status").notNull(),
    note: text("note"),
    createdBy: uuid("created_by").references(() => users.id),
    updatedBy: uuid("updated_by").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    index("suspected_causes_patient_idx").on(t.patientId),
    index("suspected_causes_evaluation_idx").on(t.evaluationId),
    index("suspected_causes_updated_by_idx").on(t.updatedBy),
    index("suspected_causes_created_by_idx").on(t.createdBy),
  ],
);
export type SuspectedCause = typeof suspectedCauses.$inferSelect;

/** Every status change of a suspected cause, with who and when: nothing is silently overwritten. */
export const suspectedCauseChanges = pgTable(
  "suspected_cause_changes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    causeId: uuid("cause_id")
      .notNull()
      .references(() => suspectedCauses.id, { onDelete: "cascade" }),
    status: causeStatusEnum("status").notNull(),
    note: text("note"),
    actorId: uuid("actor_id")
      .notNull()
      .references(() => users.id),
    at: ts("at").notNull().defaultNow(),
  },
  (t) => [
    index("suspected_cause_changes_cause_idx").on(t.causeId, t.at),
    index("suspected_cause_changes_actor_idx").on(t.actorId),
  ],
);

// ---------- treatment plans ----------
export const treatmentPlans = pgTable(
  "treatment_plans",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id),
    version: integer("version").notNull(),
    status: planStatusEnum("status").notNull().default("draft"),
    /** Plain-language summary the patient reads. */
    summary: text("summary").notNull().default(""),
    /** Doctor-only notes, never shown to the patient. */
    internalNotes: text("internal_notes"),
    publishedAt: ts("published_at"),
    supersedesId: uuid("supersedes_id").references((): AnyPgColumn => treatmentPlans.id),
    createdAt: createdAt(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("treatment_plans_patient_version_unique").on(t.patientId, t.version),
    uniqueIndex("treatment_plans_one_published")
      .on(t.patientId)
      .where(sql`status = 'published'`),
    uniqueIndex("treatment_plans_one_draft")
      .on(t.patientId)
      .where(sql`status = 'draft'`),
    index("treatment_plans_patient_status_idx").on(t.patientId, t.status),
    index("treatment_plans_author_idx").on(t.authorId),
    index("treatment_plans_supersedes_idx").on(t.supersedesId),
  ],
);
export type TreatmentPlan = typeof treatmentPlans.$inferSelect;

export const planItems = pgTable(
  "plan_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => treatmentPlans.id, { onDelete: "cascade" }),
    kind: planItemKindEnum("kind").notNull(),
    position: integer("position").notNull().default(0),
    instructions: text("instructions").notNull().default(""),
    medicationName: text("medication_name"),
    dose: text("dose"),
    route: medicationRouteEnum("route"),
    schedule: text("schedule"),
    startOn: date("start_on", { mode: "string" }),
    stopOn: date("stop_on", { mode: "string" }),
    followUpOn: date("follow_up_on", { mode: "string" }),
    /** For 'treat underlying cause' (and referrals): the suspected cause the item addresses. */
    suspectedCauseId: uuid("suspected_cause_id").references(() => suspectedCauses.id, {
      onDelete: "set null",
    }),
  },
  (t) => [index("plan_items_plan_idx").on(t.planId), index("plan_items_cause_idx").on(t.suspectedCauseId)],
);
export type PlanItem = typeof planItems.$inferSelect;

export const injections = pgTable(
  "injections",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    planItemId: uuid("plan_item_id").references(() => planItems.id, { onDelete: "set null" }),
    doctorId: uuid("doctor_id")
      .notNull()
      .references(() => users.id),
    product: text("product").notNull(),
    totalUnits: integer("total_units"),
    dilution: text("dilution"),
    guidance: injectionGuidanceEnum("guidance"),
    lot: text("lot"),
    /** Why the units per muscle do not add up to the total (doctor-only). */
    unitsNote: text("units_note"),
    scheduledOn: date("scheduled_on", { mode: "string" }).notNull(),
    status: injectionStatusEnum("status").notNull().default("planned"),
    givenAt: ts("given_at"),
    nextReviewOn: date("next_review_on", { mode: "string" }),
    createdAt: createdAt(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    index("injections_patient_idx").on(t.patientId),
    index("injections_plan_item_idx").on(t.planItemId),
    index("injections_doctor_idx").on(t.doctorId),
  ],
);
export type Injection = typeof injections.$inferSelect;

export const injectionSites = pgTable(
  "injection_sites",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    injectionId: uuid("injection_id")
      .notNull()
      .references(() => injections.id, { onDelete: "cascade" }),
    muscle: text("muscle").notNull(),
    side: limbSideEnum("side").notNull(),
    units: integer("units").notNull(),
  },
  (t) => [index("injection_sites_injection_idx").on(t.injectionId)],
);

export const referrals = pgTable(
  "referrals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    planItemId: uuid("plan_item_id").references(() => planItems.id, { onDelete: "set null" }),
    doctorId: uuid("doctor_id")
      .notNull()
      .references(() => users.id),
    urgency: urgencyEnum("urgency").notNull(),
    reason: text("reason").notNull(),
    suspectedCauseId: uuid("suspected_cause_id").references(() => suspectedCauses.id, {
      onDelete: "set null",
    }),
    status: referralStatusEnum("status").notNull().default("requested"),
    requestedAt: ts("requested_at"),
    sentAt: ts("sent_at"),
    scheduledFor: ts("scheduled_for"),
    seenAt: ts("seen_at"),
    declinedAt: ts("declined_at"),
    createdAt: createdAt(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    index("referrals_patient_idx").on(t.patientId),
    index("referrals_plan_item_idx").on(t.planItemId),
    index("referrals_doctor_idx").on(t.doctorId),
    index("referrals_cause_idx").on(t.suspectedCauseId),
  ],
);
export type Referral = typeof referrals.$inferSelect;

// ---------- access, notifications, audit ----------
export const breakGlassGrants = pgTable(
  "break_glass_grants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    doctorId: uuid("doctor_id")
      .notNull()
      .references(() => users.id),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    reason: text("reason").notNull(),
    expiresAt: ts("expires_at").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("break_glass_doctor_patient_idx").on(t.doctorId, t.patientId, t.expiresAt),
    index("break_glass_created_idx").on(t.createdAt),
    index("break_glass_patient_idx").on(t.patientId),
  ],
);

export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: notificationKindEnum("kind").notNull(),
    patientId: uuid("patient_id").references(() => users.id, { onDelete: "cascade" }),
    entityId: uuid("entity_id"),
    readAt: ts("read_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("notifications_user_unread_idx").on(t.userId, t.readAt),
    index("notifications_patient_idx").on(t.patientId),
  ],
);
export type Notification = typeof notifications.$inferSelect;

/** Append-only: who did what to whose data, when. Never content. */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: ts("at").notNull().defaultNow(),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    actorRole: roleEnum("actor_role"),
    action: text("action").notNull(),
    outcome: auditOutcomeEnum("outcome").notNull().default("success"),
    patientId: uuid("patient_id").references(() => users.id, { onDelete: "set null" }),
    entityType: text("entity_type"),
    entityId: text("entity_id"),
    requestId: text("request_id"),
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [
    index("audit_events_at_idx").on(t.at),
    index("audit_events_patient_idx").on(t.patientId, t.at),
    index("audit_events_action_idx").on(t.action, t.at),
    index("audit_events_actor_at_idx").on(t.actorId, t.at),
  ],
);
export type AuditEvent = typeof auditEvents.$inferSelect;

/**
 * The doctor's queue, one row per active patient with unreviewed reports, recomputed for that patient in the
 * transaction of every change that moves the case (lib/dal/triage-cases.ts). The queue reads only this table.
 */
export const triageCases = pgTable(
  "triage_cases",
  {
    patientId: uuid("patient_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    assignedDoctorId: uuid("assigned_doctor_id").references(() => users.id, { onDelete: "set null" }),
    levelRank: smallint("level_rank").notNull(),
    level: triageLevelEnum("level").notNull(),
    reasons: text("reasons").array().notNull(),
    reasonCount: integer("reason_count").notNull(),
    unreviewedCount: integer("unreviewed_count").notNull(),
    oldestUnreviewedAt: ts("oldest_unreviewed_at").notNull(),
    newestUnreviewedAt: ts("newest_unreviewed_at").notNull(),
    /** Distinct body sites of the unreviewed reports, in body order. */
    sites: text("sites").array().notNull(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    index("triage_cases_queue_idx").on(
      t.assignedDoctorId,
      t.levelRank.desc(),
      t.reasonCount.desc(),
      t.oldestUnreviewedAt,
      t.patientId,
    ),
    index("triage_cases_unassigned_idx")
      .on(t.levelRank.desc(), t.reasonCount.desc(), t.oldestUnreviewedAt, t.patientId)
      .where(sql`assigned_doctor_id is null`),
  ],
);
export type TriageCase = typeof triageCases.$inferSelect;

// ---------- security ----------
/** rate-limiter-flexible's RateLimiterDrizzle store: one row per throttled key (sign-in by IP, account, IP + account). */
export const rateLimits = pgTable(
  "rate_limits",
  {
    key: text("key").primaryKey(),
    points: integer("points").notNull().default(0),
    expire: ts("expire"),
  },
  (t) => [index("rate_limits_expire_idx").on(t.expire)],
);
export type RateLimit = typeof rateLimits.$inferSelect;

/**
 * One row per signed-in browser. The JWT carries its id: sign-out ends it on the server, and idle (lastSeenAt)
 * and absolute (createdAt) expiry are checked against it on every request.
 */
export const userSessions = pgTable(
  "user_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    lastSeenAt: ts("last_seen_at").notNull().defaultNow(),
    endedAt: ts("ended_at"),
    /** Set when this sign-in passed the TOTP (or recovery code) step; until then it reaches no role page or action. */
    mfaVerifiedAt: ts("mfa_verified_at"),
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [index("user_sessions_user_idx").on(t.userId)],
);
export type UserSession = typeof userSessions.$inferSelect;

/**
 * A user's TOTP authenticator. `secret` is encrypted (AES-256-GCM, lib/auth/mfa-crypto.ts); `enabledAt` stays null
 * while enrolment waits for the first valid code. `lastUsedStep` is the 30-second step of the last accepted code, so
 * a code is accepted once only.
 */
export const userMfa = pgTable("user_mfa", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  secret: text("secret").notNull(),
  enabledAt: ts("enabled_at"),
  lastUsedStep: integer("last_used_step").notNull().default(0),
  createdAt: createdAt(),
});
export type UserMfa = typeof userMfa.$inferSelect;

/** Ten single-use recovery codes per enrolment, stored as HMAC-SHA-256 with a server-side pepper. */
export const mfaRecoveryCodes = pgTable(
  "mfa_recovery_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: ts("used_at"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("mfa_recovery_codes_user_hash_unique").on(t.userId, t.codeHash)],
);
