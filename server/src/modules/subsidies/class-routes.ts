import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  addApprenticeRequest,
  apprentice,
  apprenticeList,
  apprenticeshipClass,
  apprenticeshipClassCounts,
  apprenticeshipClassPage,
  classCourseParams,
  classKindLabels,
  classOnlineCourse,
  classOnlineCourseList,
  classProgress as classProgressContract,
  classSession,
  classSessionPage,
  classStatusLabels,
  classTransitionRequest,
  createApprenticeshipClassRequest,
  createSubsidyPolicyRequest,
  leaveClassRequest,
  linkOnlineCourseRequest,
  listApprenticeshipClassesQuery,
  listClassSessionsQuery,
  listSubsidyPoliciesQuery,
  occupationByCode,
  recordApprenticeAssessmentRequest,
  recordClassSessionRequest,
  reviseSubsidyPolicyRequest,
  rosterImportResult,
  skillLevelLabels,
  subsidyPolicy as subsidyPolicyContract,
  subsidyPolicyList,
  updateApprenticeshipClassRequest,
  uuidParam,
  workflowEvent,
  sessionKindLabels,
  type ApprenticeshipClass,
  type ClassSession,
  type Locale,
  type SkillLevel,
} from '@fulcrum/shared';
import { authorize } from '../../lib/authorize.ts';
import { AppError } from '../../lib/errors.ts';
import { actorOf, ctxOf, sendList, typed, type ModuleDeps } from '../../lib/http.ts';
import type { Column } from '../../lib/xlsx.ts';
import { countClasses, listClasses } from './class-queries.ts';
import { classHistory, createClass, getClass, transitionClass, updateClass } from './classes.ts';
import { linkOnlineCourse, listOnlineCourses, unlinkOnlineCourse } from './online-courses.ts';
import { createPolicy, getPolicy, listPolicies, revisePolicy } from './policies.ts';
import { subsidyPolicy } from './policy.ts';
import { classProgress, listSessions, recordSession } from './progress.ts';
import { importRoster, rosterImportTemplate } from './roster-import.ts';
import { addApprentice, leaveClass, listApprentices, recordAssessment, removeApprentice } from './roster.ts';

const policyTags = ['subsidy policies'];
const classTags = ['apprenticeship classes'];
const rosterTags = ['apprenticeship rosters'];
const progressTags = ['apprenticeship sessions and progress'];
const onlineCourseTags = ['apprenticeship online courses'];
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** A transition's body is optional: an empty POST (no body, or JSON null) takes it without comment. */
const optionalTransition = classTransitionRequest.nullish();

function classColumns(locale: Locale): Column<ApprenticeshipClass>[] {
  return [
    { zh: '备案编号', en: 'Registration No.', width: 22, value: (c) => c.registrationNo },
    { zh: '培训班名称', en: 'Class', width: 36, value: (c) => c.name },
    { zh: '组织单位', en: 'Organiser', width: 36, value: (c) => c.organisationName },
    { zh: '类型', en: 'Kind', width: 24, value: (c) => classKindLabels[c.kind][locale] },
    { zh: '状态', en: 'Status', value: (c) => classStatusLabels[c.status][locale] },
    { zh: '职业', en: 'Occupation', width: 20, value: (c) => (locale === 'zh-CN' ? occupationByCode.get(c.occupation)?.nameZh : occupationByCode.get(c.occupation)?.nameEn) ?? c.occupation },
    { zh: '目标等级', en: 'Target level', value: (c) => skillLevelLabels[c.targetLevel as SkillLevel]?.[locale] ?? String(c.targetLevel) },
    { zh: '培训机构', en: 'Institution', width: 30, value: (c) => c.trainingCentreName ?? c.institutionName },
    { zh: '开班日期', en: 'Starts on', value: (c) => c.startsOn },
    { zh: '结业日期', en: 'Ends on', value: (c) => c.endsOn },
    { zh: '学徒人数', en: 'Apprentices', value: (c) => c.counts.roster },
    { zh: '在训', en: 'In training', value: (c) => c.counts.active },
    { zh: '取证', en: 'Certified', value: (c) => c.counts.certified },
    { zh: '办理时限', en: 'Due on', value: (c) => c.dueOn },
  ];
}

function sessionColumns(locale: Locale): Column<ClassSession>[] {
  return [
    { zh: '日期', en: 'Date', value: (s) => s.date },
    { zh: '开始', en: 'Start', value: (s) => s.startTime },
    { zh: '结束', en: 'End', value: (s) => s.endTime },
    { zh: '学时（分钟）', en: 'Minutes', value: (s) => s.minutes },
    { zh: '形式', en: 'Kind', width: 16, value: (s) => sessionKindLabels[s.kind][locale] },
    { zh: '内容', en: 'Topic', width: 30, value: (s) => s.topic },
    { zh: '地点/平台', en: 'Location or platform', width: 30, value: (s) => s.location },
    { zh: '全程录像', en: 'Video-recorded', value: (s) => (s.videoRecorded ? (locale === 'zh-CN' ? '是' : 'Yes') : locale === 'zh-CN' ? '否' : 'No') },
    { zh: '出勤', en: 'Present', value: (s) => s.attendedCount },
    { zh: '缺勤', en: 'Absent', value: (s) => s.absentCount },
    { zh: '记录人', en: 'Recorded by', width: 16, value: (s) => s.recordedByName },
  ];
}

/** The uploaded file's bytes; a malformed multipart body is the caller's error (400), not ours. */
async function readUpload(request: FastifyRequest): Promise<Buffer> {
  if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'send the file as multipart/form-data');
  let file;
  let data: Buffer;
  try {
    file = await request.file();
    data = file ? await file.toBuffer() : Buffer.alloc(0);
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (code.startsWith('FST_')) throw error;
    throw new AppError('VALIDATION_FAILED', 'the upload is not well-formed multipart/form-data', {
      issues: [{ path: 'file', code: 'MALFORMED_UPLOAD', message: (error as Error).message }],
    });
  }
  if (!file) throw new AppError('VALIDATION_FAILED', 'no file was uploaded', { issues: [{ path: 'file', code: 'REQUIRED', message: 'upload an .xlsx file' }] });
  return data;
}

/** Policy versions, apprenticeship classes and their registration, rosters, sessions, progress and assessments. */
export const classRoutes = (deps: ModuleDeps) => async (instance: FastifyInstance) => {
  const app = typed(instance);

  // --- policies -----------------------------------------------------------------------------------
  app.get(
    '/subsidy-policies',
    {
      schema: {
        tags: policyTags,
        summary: 'Policy versions of your region (system admins: every region, or ?regionId), newest year and version first',
        querystring: listSubsidyPoliciesQuery,
        response: { 200: subsidyPolicyList },
      },
    },
    async (request) => ({ items: await listPolicies(ctxOf(request, deps), request.query) }),
  );

  app.post(
    '/subsidy-policies',
    {
      schema: {
        tags: policyTags,
        summary: 'Write version 1 of a region’s policy for a cohort year (HRSS; 409 CONFLICT when the year has one)',
        description: 'Rates below the national floor or an advance above the national ceiling are saved with warnings (人社部发〔2021〕39号).',
        body: createSubsidyPolicyRequest,
        response: { 201: subsidyPolicyContract },
      },
    },
    async (request, reply) => reply.status(201).send(await createPolicy(ctxOf(request, deps), request.body)),
  );

  app.get(
    '/subsidy-policies/:id',
    { schema: { tags: policyTags, summary: 'One policy version', params: uuidParam, response: { 200: subsidyPolicyContract } } },
    (request) => getPolicy(ctxOf(request, deps), request.params.id),
  );

  app.post(
    '/subsidy-policies/:id/revisions',
    {
      schema: {
        tags: policyTags,
        summary: 'Write the next version from the latest one, all fields restated, with the reason (HRSS; 409 STALE_STATE from an older version)',
        params: uuidParam,
        body: reviseSubsidyPolicyRequest,
        response: { 201: subsidyPolicyContract },
      },
    },
    async (request, reply) => reply.status(201).send(await revisePolicy(ctxOf(request, deps), request.params.id, request.body)),
  );

  // --- classes ------------------------------------------------------------------------------------
  app.get(
    '/apprenticeship-classes',
    {
      schema: {
        tags: classTags,
        summary: 'Classes within your reach (departments: their region’s, once filed); format=xlsx exports them',
        querystring: listApprenticeshipClassesQuery,
        response: { 200: apprenticeshipClassPage },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request, deps);
      authorize(ctx.actor, subsidyPolicy, 'readClasses');
      const page = await listClasses(ctx, request.query);
      return sendList(reply, request.query.format, page, { name: 'classes', filename: '新型学徒制培训班', columns: classColumns(ctx.actor.locale), locale: ctx.actor.locale });
    },
  );

  app.get(
    '/apprenticeship-classes/counts',
    { schema: { tags: classTags, summary: 'Classes within your reach per status (the queue’s tabs)', response: { 200: apprenticeshipClassCounts } } },
    (request) => {
      const ctx = ctxOf(request, deps);
      authorize(ctx.actor, subsidyPolicy, 'readClasses');
      return countClasses(ctx);
    },
  );

  app.get('/apprenticeship-classes/roster-template', { schema: { tags: rosterTags, summary: 'The .xlsx template for roster imports, with column explanations' } }, async (request, reply) => {
    authorize(actorOf(request), subsidyPolicy, 'editRoster');
    return reply
      .type(XLSX_TYPE)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent('学徒名册导入模板')}.xlsx`)
      .send(await rosterImportTemplate());
  });

  app.post(
    '/apprenticeship-classes',
    {
      schema: {
        tags: classTags,
        summary: 'Save a draft class organised by your enterprise (kind enterprise) or by the FIC or a chamber (kind grouped)',
        body: createApprenticeshipClassRequest,
        response: { 201: apprenticeshipClass },
      },
    },
    async (request, reply) => reply.status(201).send(await createClass(ctxOf(request, deps), request.body)),
  );

  app.get(
    '/apprenticeship-classes/:id',
    { schema: { tags: classTags, summary: 'One class', params: uuidParam, response: { 200: apprenticeshipClass } } },
    (request) => getClass(ctxOf(request, deps), request.params.id),
  );

  app.patch(
    '/apprenticeship-classes/:id',
    {
      schema: {
        tags: classTags,
        summary: 'Edit a draft or returned class (the organiser)',
        params: uuidParam,
        body: updateApprenticeshipClassRequest,
        response: { 200: apprenticeshipClass },
      },
    },
    (request) => updateClass(ctxOf(request, deps), request.params.id, request.body),
  );

  app.get(
    '/apprenticeship-classes/:id/history',
    { schema: { tags: classTags, summary: 'The class’s history, oldest first', params: uuidParam, response: { 200: z.array(workflowEvent) } } },
    (request) => classHistory(ctxOf(request, deps), request.params.id),
  );

  const transitions = [
    ['file', 'File for registration (the organiser; needs a roster and a policy in force)'],
    ['withdraw', 'Withdraw (the organiser)'],
    ['return', 'Return for changes (HRSS; comment required)'],
    ['register', 'Register the class and give its registration number (HRSS)'],
    ['reject', 'Refuse registration (HRSS; comment required)'],
    ['complete', 'Complete the class (the organiser; every apprentice assessed or gone)'],
  ] as const;
  for (const [transition, summary] of transitions) {
    app.post(
      `/apprenticeship-classes/:id/${transition}`,
      { schema: { tags: classTags, summary, params: uuidParam, body: optionalTransition, response: { 200: apprenticeshipClass } } },
      (request) => transitionClass(ctxOf(request, deps), request.params.id, transition, request.body ?? {}),
    );
  }

  // --- roster -------------------------------------------------------------------------------------
  app.get(
    '/apprenticeship-classes/:id/apprentices',
    { schema: { tags: rosterTags, summary: 'The roster with each apprentice’s hours and assessment (ID numbers masked)', params: uuidParam, response: { 200: apprenticeList } } },
    async (request) => ({ items: await listApprentices(ctxOf(request, deps), request.params.id) }),
  );

  app.post(
    '/apprenticeship-classes/:id/apprentices',
    {
      schema: {
        tags: rosterTags,
        summary: 'Put an employee on the roster of a draft or returned class (422 APPRENTICE_NOT_ELIGIBLE with the reason)',
        description: 'The person must be registered under this name, employed by the employer with a labour contract of at least one year (人社部发〔2021〕39号), and on no other open class’s roster.',
        params: uuidParam,
        body: addApprenticeRequest,
        response: { 201: apprentice },
      },
    },
    async (request, reply) => reply.status(201).send(await addApprentice(ctxOf(request, deps), request.params.id, request.body)),
  );

  app.post(
    '/apprenticeship-classes/:id/apprentices/import',
    {
      // Every check answers which resident IDs are registered: bounded per user.
      config: { rateLimit: { max: 30, timeWindow: '1 hour', keyGenerator: (request) => request.actor?.userId ?? request.ip } },
      schema: {
        tags: rosterTags,
        summary: 'Import the roster from an .xlsx file (multipart field "file")',
        description: 'Every row is checked under the rules of the single add; on any error the response lists each bad row, field and reason, and nothing is added.',
        consumes: ['multipart/form-data'],
        params: uuidParam,
        response: { 200: rosterImportResult },
      },
    },
    async (request) => {
      const ctx = ctxOf(request, deps);
      authorize(ctx.actor, subsidyPolicy, 'editRoster');
      return importRoster(ctx, request.params.id, await readUpload(request));
    },
  );

  app.delete(
    '/apprentices/:id',
    { schema: { tags: rosterTags, summary: 'Take an apprentice off the roster of a draft or returned class', params: uuidParam, response: { 204: z.null().describe('removed') } } },
    async (request, reply) => {
      await removeApprentice(ctxOf(request, deps), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/apprentices/:id/leave',
    { schema: { tags: rosterTags, summary: 'Record that an apprentice in training left a registered class', params: uuidParam, body: leaveClassRequest, response: { 200: apprentice } } },
    (request) => leaveClass(ctxOf(request, deps), request.params.id, request.body),
  );

  app.post(
    '/apprentices/:id/assessment',
    {
      schema: {
        tags: rosterTags,
        summary: 'Record or correct an apprentice’s skill-level assessment (the organiser’s staff, instructors included)',
        params: uuidParam,
        body: recordApprenticeAssessmentRequest,
        response: { 200: apprentice },
      },
    },
    (request) => recordAssessment(ctxOf(request, deps), request.params.id, request.body),
  );

  // --- sessions and progress ----------------------------------------------------------------------
  app.post(
    '/apprenticeship-classes/:id/sessions',
    {
      schema: {
        tags: progressTags,
        summary: 'Record a session of a registered class with who attended (the rest of the active roster absent)',
        params: uuidParam,
        body: recordClassSessionRequest,
        response: { 201: classSession },
      },
    },
    async (request, reply) => reply.status(201).send(await recordSession(ctxOf(request, deps), request.params.id, request.body)),
  );

  app.get(
    '/apprenticeship-classes/:id/sessions',
    { schema: { tags: progressTags, summary: 'The class’s sessions, newest first; format=xlsx exports them', params: uuidParam, querystring: listClassSessionsQuery, response: { 200: classSessionPage } } },
    async (request, reply) => {
      const ctx = ctxOf(request, deps);
      const page = await listSessions(ctx, request.params.id, request.query);
      return sendList(reply, request.query.format, page, { name: 'sessions', filename: '学徒班课时记录', columns: sessionColumns(ctx.actor.locale), locale: ctx.actor.locale });
    },
  );

  app.get(
    '/apprenticeship-classes/:id/progress',
    {
      schema: {
        tags: progressTags,
        summary: 'Each apprentice’s hours against the policy in force: centralised minimum, online cap, video share',
        params: uuidParam,
        response: { 200: classProgressContract },
      },
    },
    (request) => classProgress(ctxOf(request, deps), request.params.id),
  );

  // --- online courses (learning platform) ---------------------------------------------------------
  app.get(
    '/apprenticeship-classes/:id/online-courses',
    {
      schema: {
        tags: onlineCourseTags,
        summary: 'The platform courses linked to the class, with the credited study minutes of its apprentices on each',
        params: uuidParam,
        response: { 200: classOnlineCourseList },
      },
    },
    async (request) => ({ items: await listOnlineCourses(ctxOf(request, deps), request.params.id) }),
  );

  app.post(
    '/apprenticeship-classes/:id/online-courses',
    {
      schema: {
        tags: onlineCourseTags,
        summary: 'Link a published platform course as online theory of a draft, returned or registered class (the organiser’s staff; 409 CONFLICT when linked)',
        description: 'The apprentices’ credited study time on the course’s lessons within the class dates counts as online hours, except on days with an open study-time flag.',
        params: uuidParam,
        body: linkOnlineCourseRequest,
        response: { 201: classOnlineCourse },
      },
    },
    async (request, reply) => reply.status(201).send(await linkOnlineCourse(ctxOf(request, deps), request.params.id, request.body)),
  );

  app.delete(
    '/apprenticeship-classes/:id/online-courses/:courseId',
    { schema: { tags: onlineCourseTags, summary: 'Unlink a platform course: its study time no longer counts for the class', params: classCourseParams, response: { 204: z.null().describe('unlinked') } } },
    async (request, reply) => {
      await unlinkOnlineCourse(ctxOf(request, deps), request.params.id, request.params.courseId);
      return reply.status(204).send(null);
    },
  );
};
