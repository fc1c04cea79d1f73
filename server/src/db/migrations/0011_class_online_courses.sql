CREATE TABLE "apprenticeship_class_courses" (
	"class_id" uuid NOT NULL,
	"course_id" uuid NOT NULL,
	"added_by" uuid,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "apprenticeship_class_courses_class_id_course_id_pk" PRIMARY KEY("class_id","course_id")
);
--> statement-breakpoint
ALTER TABLE "apprenticeship_class_courses" ADD CONSTRAINT "apprenticeship_class_courses_class_id_apprenticeship_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."apprenticeship_classes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "apprenticeship_class_courses" ADD CONSTRAINT "apprenticeship_class_courses_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "apprenticeship_class_courses" ADD CONSTRAINT "apprenticeship_class_courses_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "apprenticeship_class_courses_course" ON "apprenticeship_class_courses" USING btree ("course_id");