CREATE TYPE "public"."injection_guidance" AS ENUM('emg', 'ultrasound', 'none');--> statement-breakpoint
CREATE TYPE "public"."medication_route" AS ENUM('oral', 'topical', 'intramuscular', 'intravenous', 'subcutaneous', 'other');--> statement-breakpoint
CREATE TABLE "suspected_cause_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cause_id" uuid NOT NULL,
	"status" "cause_status" NOT NULL,
	"note" text,
	"actor_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "triage_cases" (
	"patient_id" uuid PRIMARY KEY NOT NULL,
	"assigned_doctor_id" uuid,
	"level_rank" smallint NOT NULL,
	"level" "triage_level" NOT NULL,
	"reasons" text[] NOT NULL,
	"reason_count" integer NOT NULL,
	"unreviewed_count" integer NOT NULL,
	"oldest_unreviewed_at" timestamp with time zone NOT NULL,
	"newest_unreviewed_at" timestamp with time zone NOT NULL,
	"sites" text[] NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "evaluations" DROP CONSTRAINT "evaluations_amended_by_id_evaluations_id_fk";
--> statement-breakpoint
ALTER TABLE "suspected_causes" ALTER COLUMN "status" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "suspected_cause_changes" ALTER COLUMN "status" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "suspected_causes" ALTER COLUMN "status" SET DATA TYPE text;--> statement-breakpoint
DROP TYPE "public"."cause_status";--> statement-breakpoint
CREATE TYPE "public"."cause_status" AS ENUM('confirmed', 'ruled_out', 'under_investigation');--> statement-breakpoint
ALTER TABLE "suspected_cause_changes" ALTER COLUMN "status" SET DATA TYPE "public"."cause_status" USING "status"::"public"."cause_status";--> statement-breakpoint
ALTER TABLE "suspected_causes" ALTER COLUMN "status" SET DATA TYPE "public"."cause_status" USING "status"::"public"."cause_status";--> statement-breakpoint
DROP INDEX "audit_events_actor_idx";--> statement-breakpoint
DROP INDEX "evaluations_amends_idx";--> statement-breakpoint
DROP INDEX "evaluations_amended_by_idx";--> statement-breakpoint
DROP INDEX "audit_events_action_idx";--> statement-breakpoint
DROP INDEX "break_glass_doctor_patient_idx";--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "ip" text;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "user_agent" text;--> statement-breakpoint
ALTER TABLE "clinic_settings" ADD COLUMN "clinic_name" text DEFAULT 'SpasmCare' NOT NULL;--> statement-breakpoint
ALTER TABLE "injections" ADD COLUMN "total_units" integer;--> statement-breakpoint
ALTER TABLE "injections" ADD COLUMN "dilution" text;--> statement-breakpoint
ALTER TABLE "injections" ADD COLUMN "guidance" "injection_guidance";--> statement-breakpoint
ALTER TABLE "injections" ADD COLUMN "lot" text;--> statement-breakpoint
ALTER TABLE "plan_items" ADD COLUMN "route" "medication_route";--> statement-breakpoint
ALTER TABLE "plan_items" ADD COLUMN "start_on" date;--> statement-breakpoint
ALTER TABLE "plan_items" ADD COLUMN "stop_on" date;--> statement-breakpoint
ALTER TABLE "plan_items" ADD COLUMN "suspected_cause_id" uuid;--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "suspected_cause_id" uuid;--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "requested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "sent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "seen_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "declined_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "spasm_reports" ADD COLUMN "red_flags" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "spasm_reports" ADD COLUMN "reviewed_by_id" uuid;--> statement-breakpoint
ALTER TABLE "spasm_reports" ADD COLUMN "reviewed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "suspected_causes" ADD COLUMN "label" text;--> statement-breakpoint
ALTER TABLE "suspected_causes" ADD COLUMN "created_by" uuid;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "must_change_password" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "suspected_cause_changes" ADD CONSTRAINT "suspected_cause_changes_cause_id_suspected_causes_id_fk" FOREIGN KEY ("cause_id") REFERENCES "public"."suspected_causes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suspected_cause_changes" ADD CONSTRAINT "suspected_cause_changes_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "triage_cases" ADD CONSTRAINT "triage_cases_patient_id_users_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "triage_cases" ADD CONSTRAINT "triage_cases_assigned_doctor_id_users_id_fk" FOREIGN KEY ("assigned_doctor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "suspected_cause_changes_cause_idx" ON "suspected_cause_changes" USING btree ("cause_id","at");--> statement-breakpoint
CREATE INDEX "suspected_cause_changes_actor_idx" ON "suspected_cause_changes" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "triage_cases_queue_idx" ON "triage_cases" USING btree ("assigned_doctor_id","level_rank" DESC NULLS LAST,"reason_count" DESC NULLS LAST,"oldest_unreviewed_at","patient_id");--> statement-breakpoint
CREATE INDEX "triage_cases_unassigned_idx" ON "triage_cases" USING btree ("level_rank" DESC NULLS LAST,"reason_count" DESC NULLS LAST,"oldest_unreviewed_at","patient_id") WHERE assigned_doctor_id is null;--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_suspected_cause_id_suspected_causes_id_fk" FOREIGN KEY ("suspected_cause_id") REFERENCES "public"."suspected_causes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_suspected_cause_id_suspected_causes_id_fk" FOREIGN KEY ("suspected_cause_id") REFERENCES "public"."suspected_causes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spasm_reports" ADD CONSTRAINT "spasm_reports_reviewed_by_id_users_id_fk" FOREIGN KEY ("reviewed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suspected_causes" ADD CONSTRAINT "suspected_causes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_events_actor_at_idx" ON "audit_events" USING btree ("actor_id","at");--> statement-breakpoint
CREATE INDEX "break_glass_created_idx" ON "break_glass_grants" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluations_amends_unique" ON "evaluations" USING btree ("amends_id");--> statement-breakpoint
CREATE INDEX "plan_items_cause_idx" ON "plan_items" USING btree ("suspected_cause_id");--> statement-breakpoint
CREATE INDEX "referrals_cause_idx" ON "referrals" USING btree ("suspected_cause_id");--> statement-breakpoint
CREATE INDEX "spasm_reports_patient_created_idx" ON "spasm_reports" USING btree ("patient_id","created_at");--> statement-breakpoint
CREATE INDEX "spasm_reports_reviewed_by_idx" ON "spasm_reports" USING btree ("reviewed_by_id");--> statement-breakpoint
CREATE INDEX "suspected_causes_created_by_idx" ON "suspected_causes" USING btree ("created_by");--> statement-breakpoint
CREATE UNIQUE INDEX "treatment_plans_one_published" ON "treatment_plans" USING btree ("patient_id") WHERE status = 'published';--> statement-breakpoint
CREATE UNIQUE INDEX "treatment_plans_one_draft" ON "treatment_plans" USING btree ("patient_id") WHERE status = 'draft';--> statement-breakpoint
CREATE INDEX "audit_events_action_idx" ON "audit_events" USING btree ("action","at");--> statement-breakpoint
CREATE INDEX "break_glass_doctor_patient_idx" ON "break_glass_grants" USING btree ("doctor_id","patient_id","expires_at");--> statement-breakpoint
ALTER TABLE "evaluations" DROP COLUMN "amended_by_id";--> statement-breakpoint
CREATE FUNCTION "audit_events_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP USING ERRCODE = '42501';
END
$$;--> statement-breakpoint
CREATE TRIGGER "audit_events_no_update_delete" BEFORE UPDATE OR DELETE ON "audit_events" FOR EACH ROW EXECUTE FUNCTION "audit_events_append_only"();--> statement-breakpoint
CREATE TRIGGER "audit_events_no_truncate" BEFORE TRUNCATE ON "audit_events" FOR EACH STATEMENT EXECUTE FUNCTION "audit_events_append_only"();
