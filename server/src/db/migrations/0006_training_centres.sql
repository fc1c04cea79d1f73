CREATE TABLE "workflow_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"process" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"transition" text NOT NULL,
	"from_state" text NOT NULL,
	"to_state" text NOT NULL,
	"actor_user_id" uuid,
	"actor_name" text,
	"actor_role" text,
	"organisation_id" uuid,
	"comment" text,
	"attachment_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"data" jsonb,
	"due_on" date,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"region_id" text NOT NULL,
	"sha256" text NOT NULL,
	"size" integer NOT NULL,
	"mime" text NOT NULL,
	"filename" text NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notice_objections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"notice_id" uuid NOT NULL,
	"entry_ref" text,
	"reference_code" text NOT NULL,
	"objector_name" text NOT NULL,
	"objector_resident_id" text NOT NULL,
	"objector_phone" text NOT NULL,
	"content" text NOT NULL,
	"filed_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"outcome" text,
	"handling_note" text,
	"handled_by" uuid,
	"handled_at" timestamp with time zone,
	CONSTRAINT "notice_objections_status" CHECK ("notice_objections"."status" in ('open', 'handled')),
	CONSTRAINT "notice_objections_outcome" CHECK ("notice_objections"."outcome" is null or "notice_objections"."outcome" in ('upheld', 'dismissed'))
);
--> statement-breakpoint
CREATE TABLE "public_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"columns" jsonb NOT NULL,
	"entries" jsonb NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"working_days" integer NOT NULL,
	"status" text DEFAULT 'published' NOT NULL,
	"published_by" uuid,
	"published_at" timestamp with time zone NOT NULL,
	CONSTRAINT "public_notices_status" CHECK ("public_notices"."status" in ('published', 'withdrawn')),
	CONSTRAINT "public_notices_period" CHECK ("public_notices"."ends_on" > "public_notices"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "centre_annual_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"centre_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"region_id" text NOT NULL,
	"year" integer NOT NULL,
	"status" text NOT NULL,
	"figures" jsonb NOT NULL,
	"narrative" text NOT NULL,
	"attachment_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"decision" text,
	"decision_note" text,
	"filed_by" uuid,
	"filed_at" timestamp with time zone NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "centre_trainings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"centre_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"occupation" text NOT NULL,
	"level" integer NOT NULL,
	"title" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"trainee_count" integer NOT NULL,
	"match_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "selection_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"year" integer NOT NULL,
	"quota" integer NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"validity_years" integer NOT NULL,
	"status" text NOT NULL,
	"notice_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "skill_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"centre_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"occupation" text NOT NULL,
	"level" integer NOT NULL,
	"assessed_on" date NOT NULL,
	"score" integer NOT NULL,
	"passed" boolean NOT NULL,
	"certificate_no" text,
	"match_id" uuid,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_centre_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"region_id" text NOT NULL,
	"status" text NOT NULL,
	"scope" jsonb NOT NULL,
	"facilities" text NOT NULL,
	"instructors" jsonb NOT NULL,
	"annual_plan" text NOT NULL,
	"annual_capacity" integer NOT NULL,
	"past_training" jsonb NOT NULL,
	"attachment_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"onsite_check" jsonb,
	"batch_id" uuid,
	"due_on" date,
	"submitted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_centre_scopes" (
	"centre_id" uuid NOT NULL,
	"occupation" text NOT NULL,
	"level" integer NOT NULL,
	CONSTRAINT "training_centre_scopes_centre_id_occupation_level_pk" PRIMARY KEY("centre_id","occupation","level")
);
--> statement-breakpoint
CREATE TABLE "training_centres" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"region_id" text NOT NULL,
	"application_id" uuid,
	"batch_id" uuid,
	"certificate_no" text NOT NULL,
	"status" text NOT NULL,
	"status_reason" text,
	"certified_on" date NOT NULL,
	"valid_until" date NOT NULL,
	"annual_capacity" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_matches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"need_id" uuid NOT NULL,
	"centre_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"centre_organisation_id" uuid NOT NULL,
	"region_id" text NOT NULL,
	"status" text NOT NULL,
	"score" jsonb NOT NULL,
	"message" text,
	"response_note" text,
	"requested_at" timestamp with time zone NOT NULL,
	"responded_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "training_needs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"region_id" text NOT NULL,
	"occupation" text NOT NULL,
	"level" integer NOT NULL,
	"headcount" integer NOT NULL,
	"preferred_start" date NOT NULL,
	"preferred_end" date NOT NULL,
	"industrial_park_id" uuid,
	"location" text,
	"note" text,
	"status" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_objections" ADD CONSTRAINT "notice_objections_notice_id_public_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."public_notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_objections" ADD CONSTRAINT "notice_objections_handled_by_users_id_fk" FOREIGN KEY ("handled_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_notices" ADD CONSTRAINT "public_notices_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_notices" ADD CONSTRAINT "public_notices_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "centre_annual_reviews" ADD CONSTRAINT "centre_annual_reviews_centre_id_training_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."training_centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "centre_annual_reviews" ADD CONSTRAINT "centre_annual_reviews_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "centre_annual_reviews" ADD CONSTRAINT "centre_annual_reviews_filed_by_users_id_fk" FOREIGN KEY ("filed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "centre_annual_reviews" ADD CONSTRAINT "centre_annual_reviews_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "centre_trainings" ADD CONSTRAINT "centre_trainings_centre_id_training_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."training_centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "centre_trainings" ADD CONSTRAINT "centre_trainings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "centre_trainings" ADD CONSTRAINT "centre_trainings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_batches" ADD CONSTRAINT "selection_batches_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_batches" ADD CONSTRAINT "selection_batches_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_assessments" ADD CONSTRAINT "skill_assessments_centre_id_training_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."training_centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_assessments" ADD CONSTRAINT "skill_assessments_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_assessments" ADD CONSTRAINT "skill_assessments_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_assessments" ADD CONSTRAINT "skill_assessments_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_centre_applications" ADD CONSTRAINT "training_centre_applications_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_centre_scopes" ADD CONSTRAINT "training_centre_scopes_centre_id_training_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."training_centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_centres" ADD CONSTRAINT "training_centres_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_centres" ADD CONSTRAINT "training_centres_application_id_training_centre_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."training_centre_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_centres" ADD CONSTRAINT "training_centres_batch_id_selection_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."selection_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_matches" ADD CONSTRAINT "training_matches_need_id_training_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."training_needs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_matches" ADD CONSTRAINT "training_matches_centre_id_training_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."training_centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_matches" ADD CONSTRAINT "training_matches_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_matches" ADD CONSTRAINT "training_matches_centre_organisation_id_organisations_id_fk" FOREIGN KEY ("centre_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_matches" ADD CONSTRAINT "training_matches_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_needs" ADD CONSTRAINT "training_needs_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_needs" ADD CONSTRAINT "training_needs_industrial_park_id_industrial_parks_id_fk" FOREIGN KEY ("industrial_park_id") REFERENCES "public"."industrial_parks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_needs" ADD CONSTRAINT "training_needs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "workflow_events_entity" ON "workflow_events" USING btree ("process","entity_id","id");--> statement-breakpoint
CREATE INDEX "attachments_organisation" ON "attachments" USING btree ("organisation_id","created_at");--> statement-breakpoint
CREATE INDEX "attachments_sha256" ON "attachments" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "notice_objections_notice" ON "notice_objections" USING btree ("notice_id","filed_at");--> statement-breakpoint
CREATE INDEX "notice_objections_reference" ON "notice_objections" USING btree ("reference_code");--> statement-breakpoint
CREATE INDEX "public_notices_subject" ON "public_notices" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "public_notices_region_starts" ON "public_notices" USING btree ("region_id","starts_on");--> statement-breakpoint
CREATE UNIQUE INDEX "centre_annual_reviews_year" ON "centre_annual_reviews" USING btree ("centre_id","year");--> statement-breakpoint
CREATE INDEX "centre_annual_reviews_region" ON "centre_annual_reviews" USING btree ("region_id","status");--> statement-breakpoint
CREATE INDEX "centre_trainings_centre" ON "centre_trainings" USING btree ("centre_id","starts_on");--> statement-breakpoint
CREATE INDEX "selection_batches_region" ON "selection_batches" USING btree ("region_id","year");--> statement-breakpoint
CREATE INDEX "skill_assessments_centre" ON "skill_assessments" USING btree ("centre_id","assessed_on");--> statement-breakpoint
CREATE INDEX "skill_assessments_person" ON "skill_assessments" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "skill_assessments_match" ON "skill_assessments" USING btree ("match_id");--> statement-breakpoint
CREATE UNIQUE INDEX "skill_assessments_certificate" ON "skill_assessments" USING btree ("certificate_no") WHERE "skill_assessments"."certificate_no" is not null;--> statement-breakpoint
CREATE INDEX "tc_applications_region_status" ON "training_centre_applications" USING btree ("region_id","status");--> statement-breakpoint
CREATE INDEX "tc_applications_organisation" ON "training_centre_applications" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "tc_applications_batch" ON "training_centre_applications" USING btree ("batch_id");--> statement-breakpoint
CREATE INDEX "training_centre_scopes_occupation" ON "training_centre_scopes" USING btree ("occupation","level");--> statement-breakpoint
CREATE UNIQUE INDEX "training_centres_certificate" ON "training_centres" USING btree ("certificate_no");--> statement-breakpoint
CREATE UNIQUE INDEX "training_centres_organisation" ON "training_centres" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "training_centres_region_status" ON "training_centres" USING btree ("region_id","status");--> statement-breakpoint
CREATE INDEX "training_matches_need" ON "training_matches" USING btree ("need_id");--> statement-breakpoint
CREATE INDEX "training_matches_centre" ON "training_matches" USING btree ("centre_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "training_matches_open" ON "training_matches" USING btree ("need_id","centre_id") WHERE "training_matches"."status" in ('requested', 'accepted');--> statement-breakpoint
CREATE INDEX "training_needs_region_status" ON "training_needs" USING btree ("region_id","status");--> statement-breakpoint
CREATE INDEX "training_needs_organisation" ON "training_needs" USING btree ("organisation_id");