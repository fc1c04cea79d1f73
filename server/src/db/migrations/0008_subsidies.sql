CREATE TABLE "apprentices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"class_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"employer_organisation_id" uuid NOT NULL,
	"employment_id" uuid NOT NULL,
	"joined_on" date NOT NULL,
	"status" text NOT NULL,
	"left_on" date,
	"left_reason" text,
	"assessed_on" date,
	"assessment_passed" boolean,
	"level_reached" integer,
	"certificate_no" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "apprenticeship_classes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"region_id" text NOT NULL,
	"kind" text NOT NULL,
	"registration_no" text,
	"name" text NOT NULL,
	"institution_kind" text NOT NULL,
	"training_centre_id" uuid,
	"institution_name" text,
	"occupation" text NOT NULL,
	"target_level" integer NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"duration_years" integer NOT NULL,
	"duration_reason" text,
	"enterprise_tutor" jsonb NOT NULL,
	"institution_tutor" jsonb NOT NULL,
	"training_plan" text NOT NULL,
	"attachment_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text NOT NULL,
	"due_on" date,
	"filed_at" timestamp with time zone,
	"registered_on" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "claim_findings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"claim_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"code" text NOT NULL,
	"apprentice_id" uuid,
	"person_id" uuid,
	"detail" jsonb NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"resolution_note" text,
	"resolved_by" uuid,
	"resolved_by_name" text,
	"resolved_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "class_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"class_id" uuid NOT NULL,
	"date" date NOT NULL,
	"kind" text NOT NULL,
	"start_time" text NOT NULL,
	"end_time" text NOT NULL,
	"minutes" integer NOT NULL,
	"location" text NOT NULL,
	"topic" text NOT NULL,
	"video_recorded" boolean DEFAULT false NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session_attendance" (
	"session_id" uuid NOT NULL,
	"apprentice_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"present" boolean NOT NULL,
	CONSTRAINT "session_attendance_session_id_apprentice_id_pk" PRIMARY KEY("session_id","apprentice_id")
);
--> statement-breakpoint
CREATE TABLE "subsidy_claims" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference_no" text NOT NULL,
	"class_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"region_id" text NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"round" integer DEFAULT 1 NOT NULL,
	"policy_id" uuid NOT NULL,
	"computation" jsonb NOT NULL,
	"amount_fen" bigint NOT NULL,
	"notice_id" uuid,
	"disbursed_on" date,
	"bank_reference" text,
	"due_on" date,
	"submitted_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subsidy_ledger_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"organisation_id" uuid NOT NULL,
	"region_id" text NOT NULL,
	"class_id" uuid NOT NULL,
	"claim_id" uuid,
	"kind" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"booked_on" date NOT NULL,
	"bank_reference" text,
	"note" text,
	"corrects_entry_id" uuid,
	"recorded_by" uuid,
	"recorded_by_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subsidy_policies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" text NOT NULL,
	"year" integer NOT NULL,
	"version" integer NOT NULL,
	"effective_from" date NOT NULL,
	"rates_fen" jsonb NOT NULL,
	"rate_without_certificate_fen" bigint NOT NULL,
	"advance_ratio_bp" integer NOT NULL,
	"advance_basis" text NOT NULL,
	"min_centralised_hours" integer NOT NULL,
	"online_share_cap_bp" integer NOT NULL,
	"video_share_min_bp" integer NOT NULL,
	"min_years" integer NOT NULL,
	"max_years" integer NOT NULL,
	"max_years_with_reason" integer NOT NULL,
	"notice_working_days" integer NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "apprentices" ADD CONSTRAINT "apprentices_class_id_apprenticeship_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."apprenticeship_classes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "apprentices" ADD CONSTRAINT "apprentices_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "apprentices" ADD CONSTRAINT "apprentices_employer_organisation_id_organisations_id_fk" FOREIGN KEY ("employer_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "apprentices" ADD CONSTRAINT "apprentices_employment_id_employments_id_fk" FOREIGN KEY ("employment_id") REFERENCES "public"."employments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "apprenticeship_classes" ADD CONSTRAINT "apprenticeship_classes_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "apprenticeship_classes" ADD CONSTRAINT "apprenticeship_classes_training_centre_id_training_centres_id_fk" FOREIGN KEY ("training_centre_id") REFERENCES "public"."training_centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "apprenticeship_classes" ADD CONSTRAINT "apprenticeship_classes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_findings" ADD CONSTRAINT "claim_findings_claim_id_subsidy_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."subsidy_claims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_findings" ADD CONSTRAINT "claim_findings_apprentice_id_apprentices_id_fk" FOREIGN KEY ("apprentice_id") REFERENCES "public"."apprentices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_findings" ADD CONSTRAINT "claim_findings_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_findings" ADD CONSTRAINT "claim_findings_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_sessions" ADD CONSTRAINT "class_sessions_class_id_apprenticeship_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."apprenticeship_classes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_sessions" ADD CONSTRAINT "class_sessions_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_attendance" ADD CONSTRAINT "session_attendance_session_id_class_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."class_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_attendance" ADD CONSTRAINT "session_attendance_apprentice_id_apprentices_id_fk" FOREIGN KEY ("apprentice_id") REFERENCES "public"."apprentices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_attendance" ADD CONSTRAINT "session_attendance_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_claims" ADD CONSTRAINT "subsidy_claims_class_id_apprenticeship_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."apprenticeship_classes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_claims" ADD CONSTRAINT "subsidy_claims_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_claims" ADD CONSTRAINT "subsidy_claims_policy_id_subsidy_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."subsidy_policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_claims" ADD CONSTRAINT "subsidy_claims_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_ledger_entries" ADD CONSTRAINT "subsidy_ledger_entries_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_ledger_entries" ADD CONSTRAINT "subsidy_ledger_entries_class_id_apprenticeship_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."apprenticeship_classes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_ledger_entries" ADD CONSTRAINT "subsidy_ledger_entries_claim_id_subsidy_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."subsidy_claims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_ledger_entries" ADD CONSTRAINT "subsidy_ledger_entries_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_policies" ADD CONSTRAINT "subsidy_policies_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "apprentices_class_person" ON "apprentices" USING btree ("class_id","person_id");--> statement-breakpoint
CREATE INDEX "apprentices_person" ON "apprentices" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "apprentices_employer" ON "apprentices" USING btree ("employer_organisation_id");--> statement-breakpoint
CREATE INDEX "apprenticeship_classes_region_status" ON "apprenticeship_classes" USING btree ("region_id","status");--> statement-breakpoint
CREATE INDEX "apprenticeship_classes_organisation" ON "apprenticeship_classes" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "apprenticeship_classes_registration_no" ON "apprenticeship_classes" USING btree ("registration_no") WHERE "apprenticeship_classes"."registration_no" is not null;--> statement-breakpoint
CREATE INDEX "claim_findings_claim" ON "claim_findings" USING btree ("claim_id","round");--> statement-breakpoint
CREATE INDEX "class_sessions_class_date" ON "class_sessions" USING btree ("class_id","date");--> statement-breakpoint
CREATE INDEX "session_attendance_apprentice" ON "session_attendance" USING btree ("apprentice_id");--> statement-breakpoint
CREATE INDEX "session_attendance_person" ON "session_attendance" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "subsidy_claims_reference_no" ON "subsidy_claims" USING btree ("reference_no");--> statement-breakpoint
CREATE UNIQUE INDEX "subsidy_claims_one_live" ON "subsidy_claims" USING btree ("class_id","kind") WHERE "subsidy_claims"."status" not in ('withdrawn', 'rejected');--> statement-breakpoint
CREATE INDEX "subsidy_claims_region_status" ON "subsidy_claims" USING btree ("region_id","status");--> statement-breakpoint
CREATE INDEX "subsidy_claims_organisation" ON "subsidy_claims" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "subsidy_claims_notice" ON "subsidy_claims" USING btree ("notice_id");--> statement-breakpoint
CREATE UNIQUE INDEX "subsidy_ledger_seq" ON "subsidy_ledger_entries" USING btree ("seq");--> statement-breakpoint
CREATE INDEX "subsidy_ledger_organisation" ON "subsidy_ledger_entries" USING btree ("organisation_id","booked_on");--> statement-breakpoint
CREATE INDEX "subsidy_ledger_class" ON "subsidy_ledger_entries" USING btree ("class_id");--> statement-breakpoint
CREATE INDEX "subsidy_ledger_region" ON "subsidy_ledger_entries" USING btree ("region_id","booked_on");--> statement-breakpoint
CREATE UNIQUE INDEX "subsidy_policies_version" ON "subsidy_policies" USING btree ("region_id","year","version");--> statement-breakpoint
-- The disbursement ledger is append-only like the audit trail: a mistake is corrected by a compensating entry.
CREATE FUNCTION subsidy_ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'subsidy_ledger_entries is append-only; record a correction instead' USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER subsidy_ledger_no_update_delete BEFORE UPDATE OR DELETE ON subsidy_ledger_entries
  FOR EACH ROW EXECUTE FUNCTION subsidy_ledger_refuse_change();
--> statement-breakpoint
CREATE TRIGGER subsidy_ledger_no_truncate BEFORE TRUNCATE ON subsidy_ledger_entries
  FOR EACH STATEMENT EXECUTE FUNCTION subsidy_ledger_refuse_change();
