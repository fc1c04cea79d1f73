import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  createEnrolmentRuleRequest,
  createProjectRequest,
  createSessionRequest,
  createStageRequest,
  enrolmentParams,
  enrolmentResult,
  enrolmentStatusLabels,
  enrolPeopleRequest,
  gradeParams,
  gradePracticalRequest,
  listEnrolmentsQuery,
  listProjectsQuery,
  listSubmissionsQuery,
  offlineSession,
  practicalSubmission,
  practicalSubmissionList,
  projectDetail,
  projectEnrolmentPage,
  projectOptions as projectOptionsContract,
  projectPersonOptionList,
  projectStatusLabels,
  reminderRunResult,
  reorderStagesRequest,
  ruleParams,
  stageParams,
  stageStatusLabels,
  trainingProjectPage,
  updateProjectRequest,
  updateStageRequest,
  uuidParam,
  type Locale,
  type ProjectEnrolment,
  type TrainingProject,
} from '@fulcrum/shared';
import { authorize } from '../../../lib/authorize.ts';
import { ctxOf, sendList, typed, type ModuleDeps } from '../../../lib/http.ts';
import type { Column } from '../../../lib/xlsx.ts';
import { addEnrolmentRule, deleteEnrolmentRule, enrolmentCandidates, enrolPeople, runEnrolmentRules, withdrawEnrolment } from './enrolment.ts';
import { projectPolicy } from './policy.ts';
import { gradePractical, listSubmissions } from './practical.ts';
import { listEnrolments } from './progress.ts';
import { activateProject, closeProject, createProject, getProject, listProjects, updateProject } from './projects.ts';
import { findProject, stagesOf } from './queries.ts';
import { runRemindersNow } from './reminders.ts';
import { addStage, createSession, deleteStage, projectOptions, reorderStages, updateStage } from './stages.ts';

const tags = ['training projects'];

function projectColumns(locale: Locale): Column<TrainingProject>[] {
  return [
    { zh: '项目名称', en: 'Project', width: 36, value: (p) => p.title },
    { zh: '状态', en: 'Status', value: (p) => projectStatusLabels[p.status][locale] },
    { zh: '开始日期', en: 'Starts on', value: (p) => p.startsOn },
    { zh: '结束日期', en: 'Ends on', value: (p) => p.endsOn },
    { zh: '阶段数', en: 'Stages', value: (p) => p.stageCount },
    { zh: '学员数', en: 'Learners', value: (p) => p.enrolledCount },
    { zh: '已完成', en: 'Completed', value: (p) => p.completedCount },
  ];
}

/** The progress export: one row per learner, a column per stage in order. */
function enrolmentColumns(locale: Locale, stages: { id: string; title: string; position: number }[]): Column<ProjectEnrolment>[] {
  return [
    { zh: '姓名', en: 'Name', value: (e) => e.name },
    { zh: '报名时间', en: 'Enrolled at', width: 22, value: (e) => e.enrolledAt },
    { zh: '方式', en: 'Source', value: (e) => (e.source === 'rule' ? (locale === 'zh-CN' ? '规则' : 'Rule') : locale === 'zh-CN' ? '手动' : 'Manual') },
    { zh: '状态', en: 'Status', value: (e) => enrolmentStatusLabels[e.status][locale] },
    { zh: '已完成阶段', en: 'Stages completed', value: (e) => e.completedStages },
    { zh: '阶段总数', en: 'Stages', value: (e) => e.totalStages },
    { zh: '逾期阶段', en: 'Overdue', value: (e) => e.overdueStages },
    { zh: '完成时间', en: 'Completed at', width: 22, value: (e) => e.completedAt },
    ...stages.map((stage) => ({
      zh: `${stage.position}. ${stage.title}`,
      en: `${stage.position}. ${stage.title}`,
      width: 24,
      value: (e: ProjectEnrolment) => {
        const s = e.stages.find((x) => x.stageId === stage.id);
        if (!s) return null;
        return `${stageStatusLabels[s.status][locale]}${s.score === null ? '' : ` (${s.score})`}${s.dueOn ? ` · ${s.dueOn}` : ''}`;
      },
    })),
  ];
}

/** Managing projects: stages, sessions, rules and enrolments, progress and its export, grading, reminders. */
export const manageRoutes = (deps: ModuleDeps, publicUrl: string) => async (instance: FastifyInstance) => {
  const app = typed(instance);
  const ctx = (request: Parameters<typeof ctxOf>[0]) => ctxOf(request, deps);

  app.get('/learning/projects', { schema: { tags, summary: 'My organisation’s projects; format=xlsx exports them', querystring: listProjectsQuery, response: { 200: trainingProjectPage } } }, async (request, reply) => {
    const c = ctx(request);
    const page = await listProjects(c, request.query);
    return sendList(reply, request.query.format, page, { name: 'projects', filename: '培训项目', columns: projectColumns(c.actor.locale), locale: c.actor.locale });
  });
  app.post('/learning/projects', { schema: { tags, summary: 'A new project in draft', body: createProjectRequest, response: { 201: projectDetail } } }, async (request, reply) =>
    reply.status(201).send(await createProject(ctx(request), request.body)),
  );
  app.get('/learning/projects/options', { schema: { tags, summary: 'Instructors, courses, micro-courses, departments and role profiles to pick from', response: { 200: projectOptionsContract } } }, (request) =>
    projectOptions(ctx(request)),
  );
  app.get(
    '/learning/projects/candidates',
    { schema: { tags, summary: 'Current employees to enrol by hand (by name)', querystring: z.strictObject({ q: z.string().trim().max(50).optional() }), response: { 200: projectPersonOptionList } } },
    (request) => enrolmentCandidates(ctx(request), request.query.q),
  );
  app.post('/learning/projects/reminders/run', { schema: { tags, summary: 'Write due-soon and overdue reminders now (never twice)', response: { 200: reminderRunResult } } }, (request) =>
    runRemindersNow(ctx(request)),
  );
  app.get('/learning/projects/:id', { schema: { tags, summary: 'A project with stages, sessions and rules', params: uuidParam, response: { 200: projectDetail } } }, (request) =>
    getProject(ctx(request), request.params.id),
  );
  app.patch('/learning/projects/:id', { schema: { tags, summary: 'Edit title, description, dates', params: uuidParam, body: updateProjectRequest, response: { 200: projectDetail } } }, (request) =>
    updateProject(ctx(request), request.params.id, request.body),
  );
  app.post('/learning/projects/:id/activate', { schema: { tags, summary: 'draft → active; applies the enrolment rules', params: uuidParam, response: { 200: projectDetail } } }, (request) =>
    activateProject(ctx(request), request.params.id, publicUrl),
  );
  app.post('/learning/projects/:id/close', { schema: { tags, summary: 'active → closed', params: uuidParam, response: { 200: projectDetail } } }, (request) =>
    closeProject(ctx(request), request.params.id),
  );

  // --- stages and sessions
  app.post('/learning/projects/:id/stages', { schema: { tags, summary: 'Append a stage (draft projects)', params: uuidParam, body: createStageRequest, response: { 201: projectDetail } } }, async (request, reply) =>
    reply.status(201).send(await addStage(ctx(request), request.params.id, request.body)),
  );
  app.patch('/learning/projects/:id/stages/:stageId', { schema: { tags, summary: 'Edit a stage (draft projects)', params: stageParams, body: updateStageRequest, response: { 200: projectDetail } } }, (request) =>
    updateStage(ctx(request), request.params.id, request.params.stageId, request.body),
  );
  app.delete('/learning/projects/:id/stages/:stageId', { schema: { tags, summary: 'Remove a stage (draft projects)', params: stageParams, response: { 200: projectDetail } } }, (request) =>
    deleteStage(ctx(request), request.params.id, request.params.stageId),
  );
  app.put('/learning/projects/:id/stage-order', { schema: { tags, summary: 'Order the stages (draft projects)', params: uuidParam, body: reorderStagesRequest, response: { 200: projectDetail } } }, (request) =>
    reorderStages(ctx(request), request.params.id, request.body.stageIds),
  );
  app.post('/learning/projects/:id/sessions', { schema: { tags, summary: 'Schedule an offline session of an offline stage', params: uuidParam, body: createSessionRequest, response: { 201: offlineSession } } }, async (request, reply) =>
    reply.status(201).send(await createSession(ctx(request), request.params.id, request.body)),
  );

  // --- enrolment
  app.post('/learning/projects/:id/rules', { schema: { tags, summary: 'Add an enrolment rule (applied at once when active)', params: uuidParam, body: createEnrolmentRuleRequest, response: { 201: projectDetail } } }, async (request, reply) =>
    reply.status(201).send(await addEnrolmentRule(ctx(request), request.params.id, request.body, publicUrl)),
  );
  app.delete('/learning/projects/:id/rules/:ruleId', { schema: { tags, summary: 'Remove a rule (its learners stay)', params: ruleParams, response: { 200: projectDetail } } }, (request) =>
    deleteEnrolmentRule(ctx(request), request.params.id, request.params.ruleId),
  );
  app.post('/learning/projects/:id/rules/apply', { schema: { tags, summary: 'Apply the rules again: enrols newcomers only', params: uuidParam, response: { 200: enrolmentResult } } }, (request) =>
    runEnrolmentRules(ctx(request), request.params.id, publicUrl),
  );
  app.get(
    '/learning/projects/:id/enrolments',
    { schema: { tags, summary: 'Learners with their progress per stage; format=xlsx exports it', params: uuidParam, querystring: listEnrolmentsQuery, response: { 200: projectEnrolmentPage } } },
    async (request, reply) => {
      const c = ctx(request);
      authorize(c.actor, projectPolicy, 'manage');
      const project = await findProject(c.db, c.actor, request.params.id);
      const page = await listEnrolments(c, project.id, request.query);
      const columns = enrolmentColumns(c.actor.locale, await stagesOf(c.db, [project.id]));
      return sendList(reply, request.query.format, page, { name: 'progress', filename: `${project.title}-学习进度`, columns, locale: c.actor.locale });
    },
  );
  app.post('/learning/projects/:id/enrolments', { schema: { tags, summary: 'Enrol current employees by hand', params: uuidParam, body: enrolPeopleRequest, response: { 200: enrolmentResult } } }, (request) =>
    enrolPeople(ctx(request), request.params.id, request.body.personIds, publicUrl),
  );
  app.post('/learning/projects/:id/enrolments/:personId/withdraw', { schema: { tags, summary: 'Withdraw a learner (their seats go to the waitlist)', params: enrolmentParams } }, async (request, reply) => {
    await withdrawEnrolment(ctx(request), request.params.id, request.params.personId);
    return reply.status(204).send();
  });

  // --- practical tasks
  app.get(
    '/learning/projects/:id/submissions',
    { schema: { tags, summary: 'Hand-ins of practical tasks (pending=true: awaiting a grade)', params: uuidParam, querystring: listSubmissionsQuery, response: { 200: practicalSubmissionList } } },
    async (request) => ({ items: await listSubmissions(ctx(request), request.params.id, request.query.pending === 'true') }),
  );
  app.post(
    '/learning/projects/:id/stages/:stageId/grades/:personId',
    { schema: { tags, summary: 'Grade a hand-in out of 100 against the pass score', params: gradeParams, body: gradePracticalRequest, response: { 200: practicalSubmission } } },
    (request) => gradePractical(ctx(request), request.params.id, request.params.stageId, request.params.personId, request.body),
  );
};
