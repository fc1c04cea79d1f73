import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  assignLearnersRequest, assignLearnersResponse, catalogueSearchQuery, catalogueSearchResponse, competency, competencyList, copyRoleProfileRequest,
  courseDetail, courseListQuery, coursePage, courseRequest, courseStatusRequest, createCompetencyRequest, createKnowledgePointRequest, knowledgePointGraph,
  knowledgePointListQuery, knowledgePointPage, learnerListQuery, learnerPage, lesson, lessonRequest, prerequisiteRequest, roleProfile, roleProfileList,
  roleProfileListQuery, roleProfileRequest, section, sectionRequest, updateCompetencyRequest, updateCourseRequest, updateKnowledgePointRequest,
  updateLessonRequest, uuidParam,
} from '@fulcrum/shared';
import { actorOf, ctxOf, typed, type ModuleDeps } from '../../../lib/http.ts';
import { createCompetency, getCompetency, listCompetencies, updateCompetency } from './competencies.ts';
import { createCourse, getCourse, listCourses, setCourseStatus, updateCourse } from './courses.ts';
import { assignLearners, listLearners } from './learners.ts';
import { addPrerequisite, createKnowledgePoint, deleteKnowledgePoint, knowledgePointGraph as readGraph, listKnowledgePoints, removePrerequisite, updateKnowledgePoint } from './knowledge-points.ts';
import { addSection, createLesson, deleteLesson, deleteSection, getLesson, updateLesson, updateSection } from './lessons.ts';
import { mediaRoutes } from './media-routes.ts';
import { copyRoleProfile, createRoleProfile, getRoleProfile, listRoleProfiles, updateRoleProfile } from './role-profiles.ts';
import { searchCatalogue } from './search.ts';

const tags = ['learning-catalogue'];
const edgeParams = z.strictObject({ id: z.uuid(), prerequisiteId: z.uuid() });
const lessonWithCourse = lesson.extend({ courseTitle: z.string() });

/** Knowledge points and their prerequisite graph, competencies, role profiles and learner profiles. */
function modelRoutes(deps: ModuleDeps) {
  return async (instance: FastifyInstance) => {
    const app = typed(instance);
    const { db } = deps.database;
    app.get('/learning/knowledge-points', { schema: { tags, summary: 'Knowledge points the caller may use', querystring: knowledgePointListQuery, response: { 200: knowledgePointPage } } }, async (r) => listKnowledgePoints(db, actorOf(r), r.query));
    app.post('/learning/knowledge-points', { schema: { tags, summary: 'Create a knowledge point', body: createKnowledgePointRequest, response: { 201: knowledgePointGraph } } }, async (r, reply) => reply.status(201).send(await createKnowledgePoint(ctxOf(r, deps), r.body)));
    app.get('/learning/knowledge-points/:id', { schema: { tags, summary: 'A knowledge point with its prerequisites and dependents', params: uuidParam, response: { 200: knowledgePointGraph } } }, async (r) => readGraph(db, actorOf(r), r.params.id));
    app.patch('/learning/knowledge-points/:id', { schema: { tags, summary: 'Change a knowledge point', params: uuidParam, body: updateKnowledgePointRequest, response: { 200: knowledgePointGraph } } }, async (r) => updateKnowledgePoint(ctxOf(r, deps), r.params.id, r.body));
    app.delete('/learning/knowledge-points/:id', { schema: { tags, summary: 'Delete a knowledge point no lesson or competency uses', params: uuidParam } }, async (r, reply) => {
      await deleteKnowledgePoint(ctxOf(r, deps), r.params.id);
      return reply.status(204).send();
    });
    app.post('/learning/knowledge-points/:id/prerequisites', { schema: { tags, summary: 'Add a prerequisite (refused with PREREQUISITE_CYCLE if it closes a loop)', params: uuidParam, body: prerequisiteRequest, response: { 200: knowledgePointGraph } } }, async (r) => addPrerequisite(ctxOf(r, deps), r.params.id, r.body.prerequisiteId));
    app.delete('/learning/knowledge-points/:id/prerequisites/:prerequisiteId', { schema: { tags, summary: 'Remove a prerequisite', params: edgeParams, response: { 200: knowledgePointGraph } } }, async (r) => removePrerequisite(ctxOf(r, deps), r.params.id, r.params.prerequisiteId));

    app.get('/learning/competencies', { schema: { tags, summary: 'Competencies the caller may use', response: { 200: competencyList } } }, async (r) => ({ items: await listCompetencies(db, actorOf(r)) }));
    app.post('/learning/competencies', { schema: { tags, summary: 'Create a competency with levels and the knowledge points each needs', body: createCompetencyRequest, response: { 201: competency } } }, async (r, reply) => reply.status(201).send(await createCompetency(ctxOf(r, deps), r.body)));
    app.get('/learning/competencies/:id', { schema: { tags, summary: 'A competency', params: uuidParam, response: { 200: competency } } }, async (r) => getCompetency(db, actorOf(r), r.params.id));
    app.patch('/learning/competencies/:id', { schema: { tags, summary: 'Change a competency', params: uuidParam, body: updateCompetencyRequest, response: { 200: competency } } }, async (r) => updateCompetency(ctxOf(r, deps), r.params.id, r.body));

    app.get('/learning/role-profiles', { schema: { tags, summary: 'Role competency profiles: the organisation’s and the district templates', querystring: roleProfileListQuery, response: { 200: roleProfileList } } }, async (r) =>
      ({ items: await listRoleProfiles(db, actorOf(r), r.query.templates === undefined ? undefined : r.query.templates === 'true') }));
    app.post('/learning/role-profiles', { schema: { tags, summary: 'Create a role profile (weights add up to 100); HRSS officers create district templates', body: roleProfileRequest, response: { 201: roleProfile } } }, async (r, reply) => reply.status(201).send(await createRoleProfile(ctxOf(r, deps), r.body)));
    app.get('/learning/role-profiles/:id', { schema: { tags, summary: 'A role profile', params: uuidParam, response: { 200: roleProfile } } }, async (r) => getRoleProfile(db, actorOf(r), r.params.id));
    app.put('/learning/role-profiles/:id', { schema: { tags, summary: 'Replace a role profile’s name and requirements', params: uuidParam, body: roleProfileRequest, response: { 200: roleProfile } } }, async (r) => updateRoleProfile(ctxOf(r, deps), r.params.id, r.body));
    app.post('/learning/role-profiles/:id/copy', { schema: { tags, summary: 'Copy a district template into the caller’s organisation', params: uuidParam, body: copyRoleProfileRequest, response: { 201: roleProfile } } }, async (r, reply) => reply.status(201).send(await copyRoleProfile(ctxOf(r, deps), r.params.id, r.body)));

    app.get('/learning/learners', { schema: { tags, summary: 'The enterprise’s employees with department and role profile', querystring: learnerListQuery, response: { 200: learnerPage } } }, async (r) => listLearners(db, actorOf(r), r.query));
    app.post('/learning/learners/assign', { schema: { tags, summary: 'Set the department and/or role profile of many employees', body: assignLearnersRequest, response: { 200: assignLearnersResponse } } }, async (r) => assignLearners(ctxOf(r, deps), r.body));
  };
}

/** Courses, sections and lessons, and the search over the catalogue. */
function courseRoutes(deps: ModuleDeps) {
  return async (instance: FastifyInstance) => {
    const app = typed(instance);
    const { db } = deps.database;
    app.get('/learning/courses', { schema: { tags, summary: 'Courses the caller may open', querystring: courseListQuery, response: { 200: coursePage } } }, async (r) => listCourses(db, actorOf(r), r.query));
    app.post('/learning/courses', { schema: { tags, summary: 'Create a course (a draft)', body: courseRequest, response: { 201: courseDetail } } }, async (r, reply) => reply.status(201).send(await createCourse(ctxOf(r, deps), r.body)));
    app.get('/learning/courses/:id', { schema: { tags, summary: 'A course with its sections and lessons', params: uuidParam, response: { 200: courseDetail } } }, async (r) => getCourse(db, actorOf(r), r.params.id));
    app.patch('/learning/courses/:id', { schema: { tags, summary: 'Change a course', params: uuidParam, body: updateCourseRequest, response: { 200: courseDetail } } }, async (r) => updateCourse(ctxOf(r, deps), r.params.id, r.body));
    app.post('/learning/courses/:id/status', { schema: { tags, summary: 'Publish, archive or republish a course', params: uuidParam, body: courseStatusRequest, response: { 200: courseDetail } } }, async (r) => setCourseStatus(ctxOf(r, deps), r.params.id, r.body.status));
    app.post('/learning/courses/:id/sections', { schema: { tags, summary: 'Add a section', params: uuidParam, body: sectionRequest, response: { 201: section } } }, async (r, reply) => reply.status(201).send(await addSection(ctxOf(r, deps), r.params.id, r.body)));
    app.patch('/learning/sections/:id', { schema: { tags, summary: 'Rename or move a section', params: uuidParam, body: sectionRequest } }, async (r, reply) => {
      await updateSection(ctxOf(r, deps), r.params.id, r.body);
      return reply.status(204).send();
    });
    app.delete('/learning/sections/:id', { schema: { tags, summary: 'Remove a section (its lessons stay in the course)', params: uuidParam } }, async (r, reply) => {
      await deleteSection(ctxOf(r, deps), r.params.id);
      return reply.status(204).send();
    });
    app.post('/learning/courses/:id/lessons', { schema: { tags, summary: 'Add a lesson (micro-courses: ≤ 600 s, 1–3 knowledge points)', params: uuidParam, body: lessonRequest, response: { 201: lessonWithCourse } } }, async (r, reply) => reply.status(201).send(await createLesson(ctxOf(r, deps), r.params.id, r.body)));
    app.get('/learning/lessons/:id', { schema: { tags, summary: 'A lesson of a course the caller may open', params: uuidParam, response: { 200: lessonWithCourse } } }, async (r) => getLesson(db, actorOf(r), r.params.id));
    app.patch('/learning/lessons/:id', { schema: { tags, summary: 'Change a lesson', params: uuidParam, body: updateLessonRequest, response: { 200: lessonWithCourse } } }, async (r) => updateLesson(ctxOf(r, deps), r.params.id, r.body));
    app.delete('/learning/lessons/:id', { schema: { tags, summary: 'Delete a lesson without learning records', params: uuidParam } }, async (r, reply) => {
      await deleteLesson(ctxOf(r, deps), r.params.id);
      return reply.status(204).send();
    });
    app.get('/learning/search', { schema: { tags, summary: 'Search courses, lessons and knowledge points (Chinese word segmentation), best first', querystring: catalogueSearchQuery, response: { 200: catalogueSearchResponse } } }, async (r) => searchCatalogue(db, actorOf(r), r.query));
  };
}

/** The catalogue under /learning: the competency model, courses and lessons, media, search. */
export function catalogueRoutes(deps: ModuleDeps, publicUrl: string) {
  void publicUrl;
  return async (app: FastifyInstance) => {
    await app.register(modelRoutes(deps));
    await app.register(courseRoutes(deps));
    await app.register(mediaRoutes(deps));
  };
}
