CREATE TABLE "coach_answers" (
	"seq" bigint NOT NULL,
	"knowledge_point_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"correct" integer NOT NULL,
	"answered_at" timestamp with time zone NOT NULL,
	CONSTRAINT "coach_answers_seq_knowledge_point_id_pk" PRIMARY KEY("seq","knowledge_point_id")
);
--> statement-breakpoint
CREATE TABLE "coach_item_params" (
	"question_id" uuid PRIMARY KEY NOT NULL,
	"discrimination" real NOT NULL,
	"difficulty" real NOT NULL,
	"answers" integer NOT NULL,
	"fitted_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coach_knowledge_point_params" (
	"knowledge_point_id" uuid PRIMARY KEY NOT NULL,
	"prior" real NOT NULL,
	"learn" real NOT NULL,
	"guess" real NOT NULL,
	"slip" real NOT NULL,
	"source" text NOT NULL,
	"learners" integer DEFAULT 0 NOT NULL,
	"answers" integer DEFAULT 0 NOT NULL,
	"log_likelihood" real,
	"fitted_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coach_mastery" (
	"person_id" uuid NOT NULL,
	"knowledge_point_id" uuid NOT NULL,
	"mastery" real NOT NULL,
	"answers" integer DEFAULT 0 NOT NULL,
	"correct" integer DEFAULT 0 NOT NULL,
	"last_seq" bigint DEFAULT 0 NOT NULL,
	"last_answered_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coach_mastery_person_id_knowledge_point_id_pk" PRIMARY KEY("person_id","knowledge_point_id")
);
--> statement-breakpoint
CREATE TABLE "coach_pushes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"lesson_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"day" date NOT NULL,
	"score" real NOT NULL,
	"reason" jsonb NOT NULL,
	"numbers" jsonb NOT NULL,
	"status" text DEFAULT 'pushed' NOT NULL,
	"snoozed_until" timestamp with time zone,
	"responded_at" timestamp with time zone,
	"notification_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coach_review_cards" (
	"person_id" uuid NOT NULL,
	"knowledge_point_id" uuid NOT NULL,
	"card" jsonb NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coach_review_cards_person_id_knowledge_point_id_pk" PRIMARY KEY("person_id","knowledge_point_id")
);
--> statement-breakpoint
ALTER TABLE "coach_answers" ADD CONSTRAINT "coach_answers_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coach_answers" ADD CONSTRAINT "coach_answers_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coach_item_params" ADD CONSTRAINT "coach_item_params_question_id_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."questions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coach_knowledge_point_params" ADD CONSTRAINT "coach_knowledge_point_params_knowledge_point_id_knowledge_points_id_fk" FOREIGN KEY ("knowledge_point_id") REFERENCES "public"."knowledge_points"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coach_mastery" ADD CONSTRAINT "coach_mastery_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coach_pushes" ADD CONSTRAINT "coach_pushes_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coach_pushes" ADD CONSTRAINT "coach_pushes_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coach_pushes" ADD CONSTRAINT "coach_pushes_lesson_id_lessons_id_fk" FOREIGN KEY ("lesson_id") REFERENCES "public"."lessons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coach_pushes" ADD CONSTRAINT "coach_pushes_notification_id_notifications_id_fk" FOREIGN KEY ("notification_id") REFERENCES "public"."notifications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coach_review_cards" ADD CONSTRAINT "coach_review_cards_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "coach_answers_person" ON "coach_answers" USING btree ("person_id","knowledge_point_id","seq");--> statement-breakpoint
CREATE INDEX "coach_answers_point" ON "coach_answers" USING btree ("knowledge_point_id");--> statement-breakpoint
CREATE UNIQUE INDEX "coach_pushes_once" ON "coach_pushes" USING btree ("person_id","lesson_id","day");--> statement-breakpoint
CREATE INDEX "coach_pushes_person" ON "coach_pushes" USING btree ("person_id","day");--> statement-breakpoint
CREATE INDEX "coach_pushes_organisation" ON "coach_pushes" USING btree ("organisation_id","day");--> statement-breakpoint
CREATE INDEX "coach_review_cards_due" ON "coach_review_cards" USING btree ("person_id","due_at");