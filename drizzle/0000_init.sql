CREATE TYPE "public"."audit_outcome" AS ENUM('success', 'denied', 'failure');--> statement-breakpoint
CREATE TYPE "public"."body_site" AS ENUM('face', 'eyelid', 'jaw', 'neck', 'shoulder', 'upper_arm', 'forearm', 'hand', 'chest', 'abdomen', 'upper_back', 'lower_back', 'hip', 'thigh', 'knee', 'calf', 'foot');--> statement-breakpoint
CREATE TYPE "public"."cause" AS ENUM('electrolyte_imbalance', 'fatigue_overuse', 'stress', 'muscle_injury', 'medication_side_effect', 'neurological_disorder', 'serious_cause', 'other');--> statement-breakpoint
CREATE TYPE "public"."cause_status" AS ENUM('suggested', 'under_investigation', 'confirmed', 'ruled_out');--> statement-breakpoint
CREATE TYPE "public"."evaluation_status" AS ENUM('draft', 'signed');--> statement-breakpoint
CREATE TYPE "public"."impact" AS ENUM('none', 'mild', 'moderate', 'severe');--> statement-breakpoint
CREATE TYPE "public"."injection_status" AS ENUM('planned', 'given', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."limb_side" AS ENUM('left', 'right');--> statement-breakpoint
CREATE TYPE "public"."locale" AS ENUM('fr', 'en');--> statement-breakpoint
CREATE TYPE "public"."mas_score" AS ENUM('0', '1', '1+', '2', '3', '4');--> statement-breakpoint
CREATE TYPE "public"."notification_kind" AS ENUM('urgent_report', 'plan_published', 'referral_updated', 'injection_scheduled', 'break_glass');--> statement-breakpoint
CREATE TYPE "public"."pattern" AS ENUM('single_cramp', 'repeated_twitching', 'unsure');--> statement-breakpoint
CREATE TYPE "public"."plan_item_kind" AS ENUM('stretching_massage', 'hydration_electrolytes', 'rest_stress', 'treat_underlying_cause', 'medication', 'injection', 'neurology_referral', 'follow_up');--> statement-breakpoint
CREATE TYPE "public"."plan_status" AS ENUM('draft', 'published', 'superseded');--> statement-breakpoint
CREATE TYPE "public"."referral_status" AS ENUM('requested', 'sent', 'scheduled', 'seen', 'declined');--> statement-breakpoint
CREATE TYPE "public"."relief" AS ENUM('stretching_helped', 'massage_helped', 'nothing_helped', 'not_tried');--> statement-breakpoint
CREATE TYPE "public"."report_status" AS ENUM('active', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('patient', 'doctor', 'admin');--> statement-breakpoint
CREATE TYPE "public"."sex" AS ENUM('female', 'male', 'other', 'undisclosed');--> statement-breakpoint
CREATE TYPE "public"."side" AS ENUM('left', 'right', 'both', 'midline');--> statement-breakpoint
CREATE TYPE "public"."triage_level" AS ENUM('urgent', 'soon', 'routine');--> statement-breakpoint
CREATE TYPE "public"."urgency" AS ENUM('routine', 'soon', 'urgent');--> statement-breakpoint
CREATE TYPE "public"."user_status" AS ENUM('active', 'disabled');--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_role" "role",
	"action" text NOT NULL,
	"outcome" "audit_outcome" DEFAULT 'success' NOT NULL,
	"patient_id" uuid,
	"entity_type" text,
	"entity_id" text,
	"request_id" text
);
--> statement-breakpoint
CREATE TABLE "break_glass_grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"doctor_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "clinic_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"self_registration" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"doctor_id" uuid NOT NULL,
	"covers_report_id" uuid,
	"psfs_frequency" integer,
	"psfs_severity" integer,
	"exam_notes" text,
	"work_up_ordered" text[] DEFAULT '{}'::text[] NOT NULL,
	"work_up_notes" text,
	"status" "evaluation_status" DEFAULT 'draft' NOT NULL,
	"signed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"amends_id" uuid,
	"amended_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "injection_sites" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"injection_id" uuid NOT NULL,
	"muscle" text NOT NULL,
	"side" "limb_side" NOT NULL,
	"units" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "injections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"plan_item_id" uuid,
	"doctor_id" uuid NOT NULL,
	"product" text NOT NULL,
	"scheduled_on" date NOT NULL,
	"status" "injection_status" DEFAULT 'planned' NOT NULL,
	"given_at" timestamp with time zone,
	"next_review_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mas_scores" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"evaluation_id" uuid NOT NULL,
	"muscle_group" text NOT NULL,
	"side" "limb_side" NOT NULL,
	"score" "mas_score" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" "notification_kind" NOT NULL,
	"patient_id" uuid,
	"entity_id" uuid,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "patient_profiles" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"date_of_birth" date,
	"sex" "sex",
	"conditions" text[] DEFAULT '{}'::text[] NOT NULL,
	"conditions_other" text,
	"medicines" text[] DEFAULT '{}'::text[] NOT NULL,
	"medicines_other" text,
	"assigned_doctor_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"kind" "plan_item_kind" NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"instructions" text DEFAULT '' NOT NULL,
	"medication_name" text,
	"dose" text,
	"schedule" text,
	"follow_up_on" date
);
--> statement-breakpoint
CREATE TABLE "referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"plan_item_id" uuid,
	"doctor_id" uuid NOT NULL,
	"urgency" "urgency" NOT NULL,
	"reason" text NOT NULL,
	"status" "referral_status" DEFAULT 'requested' NOT NULL,
	"scheduled_for" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_sites" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"site" "body_site" NOT NULL,
	"side" "side" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "spasm_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ongoing" boolean NOT NULL,
	"duration_minutes" integer,
	"pain_score" integer NOT NULL,
	"relief" "relief" NOT NULL,
	"pattern" "pattern" NOT NULL,
	"hand_impact" "impact" NOT NULL,
	"walking_impact" "impact" NOT NULL,
	"triggers" text[] DEFAULT '{}'::text[] NOT NULL,
	"conditions" text[] DEFAULT '{}'::text[] NOT NULL,
	"notes" text,
	"recent_count" integer NOT NULL,
	"triage_level" "triage_level" NOT NULL,
	"triage_reasons" text[] NOT NULL,
	"rules_version" integer NOT NULL,
	"status" "report_status" DEFAULT 'active' NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_reason" text,
	"corrects_report_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "suspected_causes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"evaluation_id" uuid,
	"cause" "cause" NOT NULL,
	"status" "cause_status" DEFAULT 'suggested' NOT NULL,
	"note" text,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "treatment_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"status" "plan_status" DEFAULT 'draft' NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"internal_notes" text,
	"published_at" timestamp with time zone,
	"supersedes_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" "role" NOT NULL,
	"status" "user_status" DEFAULT 'active' NOT NULL,
	"locale" "locale" DEFAULT 'fr' NOT NULL,
	"failed_login_count" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"session_version" integer DEFAULT 1 NOT NULL,
	"last_login_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_patient_id_users_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "break_glass_grants" ADD CONSTRAINT "break_glass_grants_doctor_id_users_id_fk" FOREIGN KEY ("doctor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "break_glass_grants" ADD CONSTRAINT "break_glass_grants_patient_id_users_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinic_settings" ADD CONSTRAINT "clinic_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_patient_id_users_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_doctor_id_users_id_fk" FOREIGN KEY ("doctor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_covers_report_id_spasm_reports_id_fk" FOREIGN KEY ("covers_report_id") REFERENCES "public"."spasm_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_amends_id_evaluations_id_fk" FOREIGN KEY ("amends_id") REFERENCES "public"."evaluations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_amended_by_id_evaluations_id_fk" FOREIGN KEY ("amended_by_id") REFERENCES "public"."evaluations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "injection_sites" ADD CONSTRAINT "injection_sites_injection_id_injections_id_fk" FOREIGN KEY ("injection_id") REFERENCES "public"."injections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "injections" ADD CONSTRAINT "injections_patient_id_users_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "injections" ADD CONSTRAINT "injections_plan_item_id_plan_items_id_fk" FOREIGN KEY ("plan_item_id") REFERENCES "public"."plan_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "injections" ADD CONSTRAINT "injections_doctor_id_users_id_fk" FOREIGN KEY ("doctor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mas_scores" ADD CONSTRAINT "mas_scores_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_patient_id_users_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_profiles" ADD CONSTRAINT "patient_profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_profiles" ADD CONSTRAINT "patient_profiles_assigned_doctor_id_users_id_fk" FOREIGN KEY ("assigned_doctor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_plan_id_treatment_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."treatment_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_patient_id_users_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_plan_item_id_plan_items_id_fk" FOREIGN KEY ("plan_item_id") REFERENCES "public"."plan_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_doctor_id_users_id_fk" FOREIGN KEY ("doctor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_sites" ADD CONSTRAINT "report_sites_report_id_spasm_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."spasm_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spasm_reports" ADD CONSTRAINT "spasm_reports_patient_id_users_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spasm_reports" ADD CONSTRAINT "spasm_reports_corrects_report_id_spasm_reports_id_fk" FOREIGN KEY ("corrects_report_id") REFERENCES "public"."spasm_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suspected_causes" ADD CONSTRAINT "suspected_causes_patient_id_users_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suspected_causes" ADD CONSTRAINT "suspected_causes_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suspected_causes" ADD CONSTRAINT "suspected_causes_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_plans" ADD CONSTRAINT "treatment_plans_patient_id_users_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_plans" ADD CONSTRAINT "treatment_plans_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_plans" ADD CONSTRAINT "treatment_plans_supersedes_id_treatment_plans_id_fk" FOREIGN KEY ("supersedes_id") REFERENCES "public"."treatment_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_events_at_idx" ON "audit_events" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_events_actor_idx" ON "audit_events" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "audit_events_patient_idx" ON "audit_events" USING btree ("patient_id","at");--> statement-breakpoint
CREATE INDEX "audit_events_action_idx" ON "audit_events" USING btree ("action");--> statement-breakpoint
CREATE INDEX "break_glass_doctor_patient_idx" ON "break_glass_grants" USING btree ("doctor_id","patient_id");--> statement-breakpoint
CREATE INDEX "break_glass_patient_idx" ON "break_glass_grants" USING btree ("patient_id");--> statement-breakpoint
CREATE INDEX "evaluations_patient_idx" ON "evaluations" USING btree ("patient_id");--> statement-breakpoint
CREATE INDEX "evaluations_doctor_idx" ON "evaluations" USING btree ("doctor_id");--> statement-breakpoint
CREATE INDEX "evaluations_covers_idx" ON "evaluations" USING btree ("covers_report_id");--> statement-breakpoint
CREATE INDEX "evaluations_amends_idx" ON "evaluations" USING btree ("amends_id");--> statement-breakpoint
CREATE INDEX "evaluations_amended_by_idx" ON "evaluations" USING btree ("amended_by_id");--> statement-breakpoint
CREATE INDEX "injection_sites_injection_idx" ON "injection_sites" USING btree ("injection_id");--> statement-breakpoint
CREATE INDEX "injections_patient_idx" ON "injections" USING btree ("patient_id");--> statement-breakpoint
CREATE INDEX "injections_plan_item_idx" ON "injections" USING btree ("plan_item_id");--> statement-breakpoint
CREATE INDEX "injections_doctor_idx" ON "injections" USING btree ("doctor_id");--> statement-breakpoint
CREATE INDEX "mas_scores_evaluation_idx" ON "mas_scores" USING btree ("evaluation_id");--> statement-breakpoint
CREATE INDEX "notifications_user_unread_idx" ON "notifications" USING btree ("user_id","read_at");--> statement-breakpoint
CREATE INDEX "notifications_patient_idx" ON "notifications" USING btree ("patient_id");--> statement-breakpoint
CREATE INDEX "patient_profiles_doctor_idx" ON "patient_profiles" USING btree ("assigned_doctor_id");--> statement-breakpoint
CREATE INDEX "plan_items_plan_idx" ON "plan_items" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "referrals_patient_idx" ON "referrals" USING btree ("patient_id");--> statement-breakpoint
CREATE INDEX "referrals_plan_item_idx" ON "referrals" USING btree ("plan_item_id");--> statement-breakpoint
CREATE INDEX "referrals_doctor_idx" ON "referrals" USING btree ("doctor_id");--> statement-breakpoint
CREATE INDEX "report_sites_report_idx" ON "report_sites" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "report_sites_site_idx" ON "report_sites" USING btree ("site");--> statement-breakpoint
CREATE INDEX "spasm_reports_patient_started_idx" ON "spasm_reports" USING btree ("patient_id","started_at");--> statement-breakpoint
CREATE INDEX "spasm_reports_level_idx" ON "spasm_reports" USING btree ("triage_level");--> statement-breakpoint
CREATE INDEX "spasm_reports_status_idx" ON "spasm_reports" USING btree ("status");--> statement-breakpoint
CREATE INDEX "spasm_reports_created_idx" ON "spasm_reports" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "spasm_reports_corrects_idx" ON "spasm_reports" USING btree ("corrects_report_id");--> statement-breakpoint
CREATE INDEX "suspected_causes_patient_idx" ON "suspected_causes" USING btree ("patient_id");--> statement-breakpoint
CREATE INDEX "suspected_causes_evaluation_idx" ON "suspected_causes" USING btree ("evaluation_id");--> statement-breakpoint
CREATE INDEX "suspected_causes_updated_by_idx" ON "suspected_causes" USING btree ("updated_by");--> statement-breakpoint
CREATE UNIQUE INDEX "treatment_plans_patient_version_unique" ON "treatment_plans" USING btree ("patient_id","version");--> statement-breakpoint
CREATE INDEX "treatment_plans_patient_status_idx" ON "treatment_plans" USING btree ("patient_id","status");--> statement-breakpoint
CREATE INDEX "treatment_plans_author_idx" ON "treatment_plans" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "treatment_plans_supersedes_idx" ON "treatment_plans" USING btree ("supersedes_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_unique" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "users_role_idx" ON "users" USING btree ("role");