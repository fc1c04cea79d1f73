DROP INDEX "notice_objections_reference";--> statement-breakpoint
CREATE UNIQUE INDEX "notice_objections_reference" ON "notice_objections" USING btree ("reference_code");