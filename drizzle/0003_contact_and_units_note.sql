ALTER TABLE "injections" ADD COLUMN "units_note" text;--> statement-breakpoint
ALTER TABLE "patient_profiles" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "patient_profiles" ADD COLUMN "emergency_contact_name" text;--> statement-breakpoint
ALTER TABLE "patient_profiles" ADD COLUMN "emergency_contact_relation" text;--> statement-breakpoint
ALTER TABLE "patient_profiles" ADD COLUMN "emergency_contact_phone" text;