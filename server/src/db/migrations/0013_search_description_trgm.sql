CREATE INDEX "courses_description_trgm" ON "courses" USING gin ("description" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "knowledge_points_description_trgm" ON "knowledge_points" USING gin ("description" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "lessons_description_trgm" ON "lessons" USING gin ("description" gin_trgm_ops);