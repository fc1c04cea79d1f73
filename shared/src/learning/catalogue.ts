import { z } from 'zod';
import { listQuery, pageOf } from '../common/pagination.ts';

/*
 * The learning catalogue: knowledge points (知识点) with their prerequisite graph, competencies with levels, role
 * competency profiles (岗位能力模型) and district templates, learner profiles, courses → sections → lessons, media and
 * the Chinese search over all of it.
 */

export const catalogueVisibilities = ['organisation', 'district'] as const;
export type CatalogueVisibility = (typeof catalogueVisibilities)[number];
export const courseStatuses = ['draft', 'published', 'archived'] as const;
export type CourseStatus = (typeof courseStatuses)[number];
export const lessonKinds = ['video', 'document', 'rich_text', 'micro_course', 'offline', 'practical', 'exam'] as const;
export type LessonKind = (typeof lessonKinds)[number];
/** A micro-course (微课) lasts at most ten minutes and covers one to three knowledge points. */
export const MICRO_COURSE_MAX_SECONDS = 600;
export const MICRO_COURSE_MAX_POINTS = 3;
/** The largest media upload (a lesson's video). */
export const MEDIA_UPLOAD_LIMIT = 200 * 1024 * 1024;
/** The trades the district's catalogue is organised by. */
export const catalogueTrades = ['hydraulics', 'electrical_safety', 'cnc', 'dairy_quality', 'labour_law'] as const;

const name = z.string().trim().min(1).max(200);
const text = z.string().trim().max(4000);
const tradeField = z.string().trim().min(1).max(60).nullable();
const visibilityField = z.enum(catalogueVisibilities);
/** Optional fields of a create request, with their defaults (update requests take the same fields without defaults). */
const description = text.default('');
const trade = tradeField.default(null);
const visibility = visibilityField.default('organisation');
const ref = z.object({ id: z.string(), name: z.string() });

// Knowledge points ------------------------------------------------------------------------------------------------

export const knowledgePoint = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  code: z.string(),
  name: z.string(),
  description: z.string(),
  trade: z.string().nullable(),
  visibility: z.enum(catalogueVisibilities),
  prerequisiteCount: z.number().int(),
  dependentCount: z.number().int(),
  updatedAt: z.string(),
});
export type KnowledgePoint = z.infer<typeof knowledgePoint>;

export const knowledgePointGraph = knowledgePoint.extend({
  prerequisites: z.array(ref),
  dependents: z.array(ref),
  /** Every knowledge point to learn before this one, nearest first. */
  allPrerequisites: z.array(ref.extend({ depth: z.number().int() })),
});
export type KnowledgePointGraph = z.infer<typeof knowledgePointGraph>;

const pointCode = z.string().trim().min(1).max(60).regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, dot, dash, underscore');
export const createKnowledgePointRequest = z.strictObject({ code: pointCode, name, description, trade, visibility });
export type CreateKnowledgePointRequest = z.input<typeof createKnowledgePointRequest>;
export const updateKnowledgePointRequest = z.strictObject({ code: pointCode, name, description: text, trade: tradeField, visibility: visibilityField }).partial();
export const prerequisiteRequest = z.strictObject({ prerequisiteId: z.uuid() });
export const knowledgePointListQuery = listQuery(['code', 'name', 'updatedAt']).extend({
  q: z.string().trim().max(100).optional(),
  trade: z.string().trim().max(60).optional(),
});
export const knowledgePointPage = pageOf(knowledgePoint);

// Competencies ----------------------------------------------------------------------------------------------------

const levelPoint = z.object({ knowledgePointId: z.uuid(), level: z.number().int().min(1).max(10) });
export const competency = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  code: z.string(),
  name: z.string(),
  description: z.string(),
  maxLevel: z.number().int(),
  visibility: z.enum(catalogueVisibilities),
  knowledgePoints: z.array(levelPoint.extend({ name: z.string() })),
});
export type Competency = z.infer<typeof competency>;
const competencyFields = { code: z.string().trim().min(1).max(60), name, maxLevel: z.number().int().min(1).max(10), knowledgePoints: z.array(levelPoint).max(100) };
export const createCompetencyRequest = z.strictObject({
  ...competencyFields,
  description,
  maxLevel: competencyFields.maxLevel.default(5),
  visibility,
  knowledgePoints: competencyFields.knowledgePoints.default([]),
});
export type CreateCompetencyRequest = z.input<typeof createCompetencyRequest>;
export const updateCompetencyRequest = z.strictObject({ ...competencyFields, description: text, visibility: visibilityField }).partial();
export const competencyList = z.object({ items: z.array(competency) });

// Role profiles ---------------------------------------------------------------------------------------------------

const requirement = z.object({ competencyId: z.uuid(), requiredLevel: z.number().int().min(1).max(10), weight: z.number().int().min(1).max(100) });
export const roleProfile = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  name: z.string(),
  description: z.string(),
  isTemplate: z.boolean(),
  copiedFromId: z.uuid().nullable(),
  requirements: z.array(requirement.extend({ competencyName: z.string(), maxLevel: z.number().int() })),
  learnerCount: z.number().int(),
  updatedAt: z.string(),
});
export type RoleProfile = z.infer<typeof roleProfile>;
export const roleProfileRequest = z.strictObject({
  name,
  description,
  requirements: z.array(requirement).min(1).max(30),
});
export type RoleProfileRequest = z.input<typeof roleProfileRequest>;
export const copyRoleProfileRequest = z.strictObject({ name: name.optional() });
export const roleProfileListQuery = z.strictObject({ templates: z.enum(['true', 'false']).optional() });
export const roleProfileList = z.object({ items: z.array(roleProfile) });

// Learner profiles ------------------------------------------------------------------------------------------------

export const learner = z.object({
  personId: z.uuid(),
  name: z.string(),
  department: z.string().nullable(),
  roleProfileId: z.uuid().nullable(),
  roleProfileName: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export type Learner = z.infer<typeof learner>;
export const learnerListQuery = listQuery(['name', 'department']).extend({
  q: z.string().trim().max(60).optional(),
  department: z.string().trim().max(60).optional(),
  roleProfileId: z.union([z.uuid(), z.literal('none')]).optional(),
});
export const learnerPage = pageOf(learner);
export const assignLearnersRequest = z.strictObject({
  personIds: z.array(z.uuid()).min(1).max(500),
  /** Left out: unchanged; null: cleared. */
  department: z.string().trim().min(1).max(60).nullable().optional(),
  roleProfileId: z.uuid().nullable().optional(),
});
export type AssignLearnersRequest = z.input<typeof assignLearnersRequest>;
export const assignLearnersResponse = z.object({ updated: z.number().int() });

// Courses, sections, lessons --------------------------------------------------------------------------------------

export const lesson = z.object({
  id: z.uuid(),
  courseId: z.uuid(),
  sectionId: z.uuid().nullable(),
  position: z.number().int(),
  kind: z.enum(lessonKinds),
  title: z.string(),
  description: z.string(),
  body: z.string().nullable(),
  mediaId: z.uuid().nullable(),
  mediaContentType: z.string().nullable(),
  examId: z.uuid().nullable(),
  durationSeconds: z.number().int(),
  knowledgePoints: z.array(ref),
});
export type Lesson = z.infer<typeof lesson>;
const lessonFields = {
  sectionId: z.uuid().nullable(),
  kind: z.enum(lessonKinds),
  title: name,
  description: text,
  body: z.string().max(100_000).nullable(),
  mediaId: z.uuid().nullable(),
  examId: z.uuid().nullable(),
  durationSeconds: z.number().int().min(0).max(86_400),
  knowledgePointIds: z.array(z.uuid()).max(30),
  position: z.number().int().min(0),
};
export const lessonRequest = z.strictObject({
  ...lessonFields,
  sectionId: lessonFields.sectionId.default(null),
  description,
  body: lessonFields.body.default(null),
  mediaId: lessonFields.mediaId.default(null),
  examId: lessonFields.examId.default(null),
  durationSeconds: lessonFields.durationSeconds.default(0),
  knowledgePointIds: lessonFields.knowledgePointIds.default([]),
  position: lessonFields.position.optional(),
});
export type LessonRequest = z.input<typeof lessonRequest>;
export const updateLessonRequest = z.strictObject(lessonFields).partial();

export const section = z.object({ id: z.uuid(), position: z.number().int(), title: z.string(), lessons: z.array(lesson) });
export type Section = z.infer<typeof section>;
export const sectionRequest = z.strictObject({ title: name, position: z.number().int().min(0).optional() });

export const courseSummary = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  title: z.string(),
  description: z.string(),
  trade: z.string().nullable(),
  status: z.enum(courseStatuses),
  visibility: z.enum(catalogueVisibilities),
  lessonCount: z.number().int(),
  microCourseCount: z.number().int(),
  totalSeconds: z.number().int(),
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
  /** May the caller edit it. */
  canEdit: z.boolean(),
});
export type CourseSummary = z.infer<typeof courseSummary>;
export const courseDetail = courseSummary.extend({
  sections: z.array(section),
  /** Lessons not in any section. */
  lessons: z.array(lesson),
});
export type CourseDetail = z.infer<typeof courseDetail>;
export const courseRequest = z.strictObject({ title: name, description, trade, visibility });
export type CourseRequest = z.input<typeof courseRequest>;
export const updateCourseRequest = z.strictObject({ title: name, description: text, trade: tradeField, visibility: visibilityField }).partial();
export const courseStatusRequest = z.strictObject({ status: z.enum(courseStatuses) });
export const courseListQuery = listQuery(['title', 'updatedAt', 'publishedAt']).extend({
  q: z.string().trim().max(100).optional(),
  status: z.enum(courseStatuses).optional(),
  trade: z.string().trim().max(60).optional(),
});
export const coursePage = pageOf(courseSummary);

// Media -----------------------------------------------------------------------------------------------------------

export const learningMediaTypes = ['video/mp4', 'video/webm', 'application/pdf', 'image/png', 'image/jpeg', 'image/webp'] as const;
export const learningMedia = z.object({
  id: z.uuid(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  fileName: z.string(),
  durationSeconds: z.number().int().nullable(),
  createdAt: z.string(),
});
export type LearningMedia = z.infer<typeof learningMedia>;

// Search ----------------------------------------------------------------------------------------------------------

export const catalogueSearchKinds = ['course', 'lesson', 'knowledge_point'] as const;
export const catalogueSearchQuery = z.strictObject({
  q: z.string().trim().min(1).max(100),
  kind: z.enum(catalogueSearchKinds).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export const catalogueSearchHit = z.object({
  kind: z.enum(catalogueSearchKinds),
  id: z.uuid(),
  title: z.string(),
  snippet: z.string(),
  /** The course a lesson belongs to. */
  courseId: z.uuid().nullable(),
  lessonKind: z.enum(lessonKinds).nullable(),
  rank: z.number(),
});
export type CatalogueSearchHit = z.infer<typeof catalogueSearchHit>;
export const catalogueSearchResponse = z.object({ terms: z.array(z.string()), items: z.array(catalogueSearchHit) });
