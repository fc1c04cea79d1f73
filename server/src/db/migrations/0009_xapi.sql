CREATE TABLE "knowledge_point_scores" (
	"organisation_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"knowledge_point_id" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"correct" integer DEFAULT 0 NOT NULL,
	"last_at" timestamp with time zone NOT NULL,
	CONSTRAINT "knowledge_point_scores_person_id_knowledge_point_id_pk" PRIMARY KEY("person_id","knowledge_point_id")
);
--> statement-breakpoint
CREATE TABLE "learning_progress" (
	"organisation_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"activity_id" text NOT NULL,
	"activity_name" text,
	"status" text NOT NULL,
	"completed" boolean DEFAULT false NOT NULL,
	"success" boolean,
	"progress" integer,
	"score_scaled" real,
	"study_seconds" integer DEFAULT 0 NOT NULL,
	"statements" integer DEFAULT 0 NOT NULL,
	"first_at" timestamp with time zone NOT NULL,
	"last_at" timestamp with time zone NOT NULL,
	CONSTRAINT "learning_progress_person_id_activity_id_pk" PRIMARY KEY("person_id","activity_id")
);
--> statement-breakpoint
CREATE TABLE "learning_study_time" (
	"organisation_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"activity_id" text NOT NULL,
	"day" date NOT NULL,
	"seconds" integer NOT NULL,
	CONSTRAINT "learning_study_time_person_id_activity_id_day_pk" PRIMARY KEY("person_id","activity_id","day")
);
--> statement-breakpoint
CREATE TABLE "lrs_clients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"key" text NOT NULL,
	"secret_hash" text NOT NULL,
	"scopes" text[] NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "xapi_activities" (
	"organisation_id" uuid NOT NULL,
	"activity_id" text NOT NULL,
	"definition" jsonb,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "xapi_activities_organisation_id_activity_id_pk" PRIMARY KEY("organisation_id","activity_id")
);
--> statement-breakpoint
CREATE TABLE "xapi_attachments" (
	"sha2" text PRIMARY KEY NOT NULL,
	"content_type" text NOT NULL,
	"length" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "xapi_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"activity_id" text DEFAULT '' NOT NULL,
	"agent_key" text DEFAULT '' NOT NULL,
	"registration" text DEFAULT '' NOT NULL,
	"document_id" text NOT NULL,
	"content_type" text NOT NULL,
	"content" "bytea" NOT NULL,
	"etag" text NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "xapi_projection_cursors" (
	"name" text PRIMARY KEY NOT NULL,
	"last_seq" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "xapi_statements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"seq" bigserial NOT NULL,
	"organisation_id" uuid NOT NULL,
	"stored" timestamp (3) with time zone NOT NULL,
	"timestamp" timestamp (3) with time zone NOT NULL,
	"actor_key" text NOT NULL,
	"object_agent_key" text,
	"verb_id" text NOT NULL,
	"activity_id" text,
	"registration" uuid,
	"voided" boolean DEFAULT false NOT NULL,
	"voids_id" uuid,
	"related_agents" text[] NOT NULL,
	"related_activities" text[] NOT NULL,
	"person_id" uuid,
	"client_id" uuid,
	"statement" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "knowledge_point_scores" ADD CONSTRAINT "knowledge_point_scores_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_point_scores" ADD CONSTRAINT "knowledge_point_scores_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_progress" ADD CONSTRAINT "learning_progress_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_progress" ADD CONSTRAINT "learning_progress_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_study_time" ADD CONSTRAINT "learning_study_time_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_study_time" ADD CONSTRAINT "learning_study_time_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lrs_clients" ADD CONSTRAINT "lrs_clients_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lrs_clients" ADD CONSTRAINT "lrs_clients_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "xapi_activities" ADD CONSTRAINT "xapi_activities_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "xapi_documents" ADD CONSTRAINT "xapi_documents_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "xapi_statements" ADD CONSTRAINT "xapi_statements_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "xapi_statements" ADD CONSTRAINT "xapi_statements_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "xapi_statements" ADD CONSTRAINT "xapi_statements_client_id_lrs_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."lrs_clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "knowledge_point_scores_organisation" ON "knowledge_point_scores" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "learning_progress_organisation" ON "learning_progress" USING btree ("organisation_id","last_at");--> statement-breakpoint
CREATE INDEX "learning_study_time_organisation" ON "learning_study_time" USING btree ("organisation_id","day");--> statement-breakpoint
CREATE UNIQUE INDEX "lrs_clients_key" ON "lrs_clients" USING btree ("key");--> statement-breakpoint
CREATE INDEX "lrs_clients_organisation" ON "lrs_clients" USING btree ("organisation_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "xapi_documents_key" ON "xapi_documents" USING btree ("organisation_id","kind","activity_id","agent_key","registration","document_id");--> statement-breakpoint
CREATE INDEX "xapi_documents_updated" ON "xapi_documents" USING btree ("organisation_id","kind","activity_id","agent_key","updated_at");--> statement-breakpoint
CREATE UNIQUE INDEX "xapi_statements_seq" ON "xapi_statements" USING btree ("seq");--> statement-breakpoint
CREATE INDEX "xapi_statements_stored" ON "xapi_statements" USING btree ("organisation_id","stored","seq");--> statement-breakpoint
CREATE INDEX "xapi_statements_actor" ON "xapi_statements" USING btree ("organisation_id","actor_key","stored","seq");--> statement-breakpoint
CREATE INDEX "xapi_statements_object_agent" ON "xapi_statements" USING btree ("organisation_id","object_agent_key","stored") WHERE "xapi_statements"."object_agent_key" is not null;--> statement-breakpoint
CREATE INDEX "xapi_statements_verb" ON "xapi_statements" USING btree ("organisation_id","verb_id","stored");--> statement-breakpoint
CREATE INDEX "xapi_statements_activity" ON "xapi_statements" USING btree ("organisation_id","activity_id","stored") WHERE "xapi_statements"."activity_id" is not null;--> statement-breakpoint
CREATE INDEX "xapi_statements_registration" ON "xapi_statements" USING btree ("registration") WHERE "xapi_statements"."registration" is not null;--> statement-breakpoint
CREATE INDEX "xapi_statements_person" ON "xapi_statements" USING btree ("person_id","stored") WHERE "xapi_statements"."person_id" is not null;--> statement-breakpoint
CREATE INDEX "xapi_statements_client" ON "xapi_statements" USING btree ("client_id") WHERE "xapi_statements"."client_id" is not null;--> statement-breakpoint
CREATE INDEX "xapi_statements_related_agents" ON "xapi_statements" USING gin ("related_agents");--> statement-breakpoint
CREATE INDEX "xapi_statements_related_activities" ON "xapi_statements" USING gin ("related_activities");--> statement-breakpoint
CREATE FUNCTION xapi_statements_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- A stored statement never changes; the one thing a later voiding statement may do is mark it voided.
  IF TG_OP = 'UPDATE' AND NEW.voided AND NOT OLD.voided
     AND (to_jsonb(NEW) - 'voided') = (to_jsonb(OLD) - 'voided') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'xapi statements are immutable; void a statement with a voiding statement instead' USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER xapi_statements_immutable BEFORE UPDATE OR DELETE ON xapi_statements
  FOR EACH ROW EXECUTE FUNCTION xapi_statements_refuse_change();
