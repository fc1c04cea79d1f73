import { z } from 'zod';
import { personNameField, residentIdField } from '../common/fields.ts';
import { isoDate, listQuery, pageOf, queryBoolean } from '../common/pagination.ts';
import { transitionRequest } from '../common/workflow.ts';
import { occupationField, skillLevelField } from '../training-centres/occupations.ts';
import { apprenticeshipLevelField } from './policies.ts';

/*
 * Apprenticeship classes (新型学徒制培训班): registration (备案) by an enterprise — or a class grouped across small
 * firms by the FIC or a chamber together with the HRSS — then the roster, the sessions with attendance, and each
 * apprentice's assessment. draft → filed → registered → completed, with returned / rejected / withdrawn.
 */

export const classStatuses = ['draft', 'filed', 'returned', 'registered', 'completed', 'rejected', 'withdrawn'] as const;
export type ClassStatus = (typeof classStatuses)[number];
/** A class in one of these is no longer open: its apprentices may join another class. */
export const closedClassStatuses = ['completed', 'rejected', 'withdrawn'] as const satisfies readonly ClassStatus[];
/** The roster may be changed (add, remove, import) only while the class is being prepared. */
export const rosterEditableStatuses = ['draft', 'returned'] as const satisfies readonly ClassStatus[];

export const classTransitions = ['file', 'withdraw', 'return', 'register', 'reject', 'complete'] as const;
export type ClassTransition = (typeof classTransitions)[number];

export const classStatusLabels: Record<ClassStatus, { 'zh-CN': string; 'en-US': string }> = {
  draft: { 'zh-CN': '草稿', 'en-US': 'Draft' },
  filed: { 'zh-CN': '已申请备案', 'en-US': 'Filed for registration' },
  returned: { 'zh-CN': '退回修改', 'en-US': 'Returned' },
  registered: { 'zh-CN': '已备案（培训中）', 'en-US': 'Registered (in training)' },
  completed: { 'zh-CN': '已结业', 'en-US': 'Completed' },
  rejected: { 'zh-CN': '不予备案', 'en-US': 'Rejected' },
  withdrawn: { 'zh-CN': '已撤回', 'en-US': 'Withdrawn' },
};

export const classKinds = ['enterprise', 'grouped'] as const;
export type ClassKind = (typeof classKinds)[number];
export const classKindLabels: Record<ClassKind, { 'zh-CN': string; 'en-US': string }> = {
  enterprise: { 'zh-CN': '企业自主培养', 'en-US': 'Enterprise class' },
  grouped: { 'zh-CN': '小微企业联合培养（工商联/商会组班）', 'en-US': 'Grouped class of small firms (FIC / chamber)' },
};

export const institutionKinds = ['training_centre', 'institution'] as const;
export type InstitutionKind = (typeof institutionKinds)[number];

export const tutorField = z.strictObject({
  name: personNameField,
  title: z.string().trim().min(1).max(50).describe('职务/职称, e.g. 高级技师、车间主任'),
  phone: z.string().trim().max(20).optional(),
});
export type Tutor = z.infer<typeof tutorField>;

const classFields = {
  name: z.string().trim().min(1).max(100),
  institutionKind: z.enum(institutionKinds).describe('a certified training centre of Fulcrum, or another training institution or college'),
  trainingCentreId: z.uuid().nullable().default(null).describe('required when institutionKind is training_centre'),
  institutionName: z.string().trim().max(100).nullable().default(null).describe('required when institutionKind is institution'),
  occupation: occupationField,
  targetLevel: apprenticeshipLevelField,
  startsOn: isoDate,
  durationYears: z.number().int().min(1).max(5).describe('1–2 years; 3 with a stated reason (the policy version decides)'),
  durationReason: z.string().trim().max(2000).nullable().default(null),
  enterpriseTutor: tutorField.describe('企业导师'),
  institutionTutor: tutorField.describe('院校（机构）导师'),
  trainingPlan: z.string().trim().min(1).max(8000),
  attachmentIds: z.array(z.uuid()).max(20).default([]),
};

/** A new class in draft; the organiser is the signed-in user's organisation (an enterprise, the FIC or a chamber). */
export const createApprenticeshipClassRequest = z.strictObject({
  ...classFields,
  kind: z.enum(classKinds).default('enterprise').describe('grouped: organised by the FIC or a chamber for several small firms'),
});
export type CreateApprenticeshipClassRequest = z.input<typeof createApprenticeshipClassRequest>;

/** Edits a draft or returned class: any subset of the fields. */
export const updateApprenticeshipClassRequest = z
  .strictObject({
    name: classFields.name,
    institutionKind: classFields.institutionKind,
    trainingCentreId: z.uuid().nullable(),
    institutionName: z.string().trim().max(100).nullable(),
    occupation: classFields.occupation,
    targetLevel: classFields.targetLevel,
    startsOn: classFields.startsOn,
    durationYears: classFields.durationYears,
    durationReason: z.string().trim().max(2000).nullable(),
    enterpriseTutor: classFields.enterpriseTutor,
    institutionTutor: classFields.institutionTutor,
    trainingPlan: classFields.trainingPlan,
    attachmentIds: z.array(z.uuid()).max(20),
  })
  .partial();
export type UpdateApprenticeshipClassRequest = z.infer<typeof updateApprenticeshipClassRequest>;

export const apprenticeshipClass = z.object({
  id: z.uuid(),
  registrationNo: z.string().nullable().describe('备案编号, given on registration: XT<division>-<year>-<seq>'),
  organisationId: z.uuid(),
  organisationName: z.string(),
  regionId: z.string(),
  kind: z.enum(classKinds),
  name: z.string(),
  institutionKind: z.enum(institutionKinds),
  trainingCentreId: z.uuid().nullable(),
  trainingCentreName: z.string().nullable(),
  institutionName: z.string().nullable(),
  occupation: z.string(),
  targetLevel: z.number().int(),
  startsOn: isoDate,
  endsOn: isoDate.describe('the last day: startsOn + durationYears − 1 day'),
  durationYears: z.number().int(),
  durationReason: z.string().nullable(),
  enterpriseTutor: tutorField,
  institutionTutor: tutorField,
  trainingPlan: z.string(),
  attachmentIds: z.array(z.uuid()),
  status: z.enum(classStatuses),
  dueOn: isoDate.nullable(),
  overdue: z.boolean(),
  counts: z.object({
    roster: z.number().int().describe('apprentices on the roster, including those who left'),
    active: z.number().int(),
    completed: z.number().int().describe('assessed (with or without the target certificate)'),
    certified: z.number().int().describe('reached the target level with a certificate'),
    left: z.number().int(),
  }),
  filedAt: z.iso.datetime({ offset: true }).nullable(),
  registeredOn: isoDate.nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  availableTransitions: z.array(z.enum(classTransitions)),
});
export type ApprenticeshipClass = z.infer<typeof apprenticeshipClass>;

export const classSortKeys = ['startsOn', 'updatedAt', 'dueOn', 'name'] as const;
export const listApprenticeshipClassesQuery = listQuery(classSortKeys).extend({
  status: z.enum(classStatuses).optional(),
  kind: z.enum(classKinds).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional().describe('year of startsOn'),
  occupation: z.string().max(20).optional(),
  q: z.string().trim().max(100).optional().describe('part of the class or organisation name'),
  overdue: queryBoolean.optional(),
});
export type ListApprenticeshipClassesQuery = z.infer<typeof listApprenticeshipClassesQuery>;
export const apprenticeshipClassPage = pageOf(apprenticeshipClass);
export type ApprenticeshipClassPage = z.infer<typeof apprenticeshipClassPage>;

export const apprenticeshipClassCounts = z.object({
  total: z.number().int(),
  overdue: z.number().int(),
  byStatus: z.record(z.enum(classStatuses), z.number().int()),
});
export type ApprenticeshipClassCounts = z.infer<typeof apprenticeshipClassCounts>;

export const classTransitionRequest = transitionRequest;

// --- roster ------------------------------------------------------------------------------------------------------

export const apprenticeStatuses = ['active', 'completed', 'left'] as const;
export type ApprenticeStatus = (typeof apprenticeStatuses)[number];
export const apprenticeStatusLabels: Record<ApprenticeStatus, { 'zh-CN': string; 'en-US': string }> = {
  active: { 'zh-CN': '在训', 'en-US': 'In training' },
  completed: { 'zh-CN': '已考核', 'en-US': 'Assessed' },
  left: { 'zh-CN': '已退出', 'en-US': 'Left' },
};

/**
 * Adds an employee to the roster by resident ID; the name must match the registry. For a grouped class, the employer
 * is named; otherwise it is the class's enterprise. The person must hold a labour contract of at least one year
 * (人社部发〔2021〕39号) and be on no other open class's roster.
 */
export const addApprenticeRequest = z.strictObject({
  name: personNameField,
  residentId: residentIdField,
  employerOrganisationId: z.uuid().optional().describe('grouped classes: the small firm that employs the apprentice'),
});
export type AddApprenticeRequest = z.infer<typeof addApprenticeRequest>;

/** Columns of the roster workbook (import and template); headers match in Chinese or English. */
export const rosterImportColumns = [
  { key: 'name', zh: '姓名', en: 'Name', note: '与员工名册一致' },
  { key: 'residentId', zh: '身份证号', en: 'Resident ID', note: '18位居民身份证号码，须为本企业在职员工' },
  { key: 'employerUscc', zh: '用人单位统一社会信用代码', en: 'Employer USCC', note: '仅联合培养班填写；企业自主培养班留空' },
] as const;

export const apprenticeHours = z.object({
  centralisedMinutes: z.number().int(),
  onlineMinutes: z.number().int().describe('online sessions attended plus platformMinutes'),
  platformMinutes: z.number().int().describe('credited study time on the learning platform courses linked to the class, within its dates'),
  onTheJobMinutes: z.number().int(),
  videoMinutes: z.number().int().describe('minutes of attended sessions that were video-recorded'),
  totalMinutes: z.number().int(),
  sessionsAttended: z.number().int(),
  sessionsMissed: z.number().int(),
});
export type ApprenticeHours = z.infer<typeof apprenticeHours>;

export const apprenticeAssessment = z.object({
  assessedOn: isoDate,
  passed: z.boolean(),
  levelReached: z.number().int().nullable(),
  certificateNo: z.string().nullable(),
});
export type ApprenticeAssessment = z.infer<typeof apprenticeAssessment>;

export const apprentice = z.object({
  id: z.uuid(),
  classId: z.uuid(),
  personId: z.uuid(),
  personName: z.string(),
  residentIdMasked: z.string(),
  employerOrganisationId: z.uuid(),
  employerName: z.string(),
  position: z.string().nullable(),
  contractStart: isoDate.nullable(),
  contractEnd: isoDate.nullable().describe('null: an open-ended contract'),
  employed: z.boolean().describe('still employed by the employer today'),
  joinedOn: isoDate,
  status: z.enum(apprenticeStatuses),
  leftOn: isoDate.nullable(),
  leftReason: z.string().nullable(),
  hours: apprenticeHours,
  assessment: apprenticeAssessment.nullable(),
  certified: z.boolean().describe('reached the target level (or higher) with a certificate number'),
});
export type Apprentice = z.infer<typeof apprentice>;
export const apprenticeList = z.object({ items: z.array(apprentice) });
export type ApprenticeList = z.infer<typeof apprenticeList>;

export const rosterImportResult = z.object({ added: z.number().int() });
export type RosterImportResult = z.infer<typeof rosterImportResult>;

export const leaveClassRequest = z.strictObject({ leftOn: isoDate, reason: z.string().trim().min(1).max(500) });
export type LeaveClassRequest = z.infer<typeof leaveClassRequest>;

/** An apprentice's skill-level assessment: a pass carries the level reached and the certificate number. */
export const recordApprenticeAssessmentRequest = z
  .strictObject({
    assessedOn: isoDate,
    passed: z.boolean(),
    levelReached: skillLevelField.nullable().default(null),
    certificateNo: z.string().trim().min(1).max(50).nullable().default(null),
  })
  .superRefine((a, ctx) => {
    if (a.passed && a.levelReached === null) ctx.addIssue({ code: 'custom', path: ['levelReached'], message: 'a pass names the level reached', params: { code: 'REQUIRED' } });
    if (a.passed && a.certificateNo === null) ctx.addIssue({ code: 'custom', path: ['certificateNo'], message: 'a pass names the certificate number', params: { code: 'REQUIRED' } });
  });
export type RecordApprenticeAssessmentRequest = z.input<typeof recordApprenticeAssessmentRequest>;

// --- sessions and progress ---------------------------------------------------------------------------------------

export const sessionKinds = ['centralised', 'online', 'on_the_job'] as const;
export type SessionKind = (typeof sessionKinds)[number];
export const sessionKindLabels: Record<SessionKind, { 'zh-CN': string; 'en-US': string }> = {
  centralised: { 'zh-CN': '集中授课', 'en-US': 'Centralised teaching' },
  online: { 'zh-CN': '线上理论', 'en-US': 'Online theory' },
  on_the_job: { 'zh-CN': '岗位实训', 'en-US': 'On-the-job training' },
};

export const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'HH:MM (24-hour)' });

/** One teaching session of the class and who attended it (the rest of the active roster is recorded absent). */
export const recordClassSessionRequest = z
  .strictObject({
    date: isoDate,
    kind: z.enum(sessionKinds),
    startTime: clockTime,
    endTime: clockTime,
    location: z.string().trim().min(1).max(200).describe('room and address, or the online platform'),
    topic: z.string().trim().min(1).max(200),
    videoRecorded: z.boolean().default(false),
    attendeeIds: z.array(z.uuid()).max(500).describe('apprentice ids present'),
  })
  .superRefine((s, ctx) => {
    if (s.endTime <= s.startTime) ctx.addIssue({ code: 'custom', path: ['endTime'], message: 'after the start', params: { code: 'OUT_OF_ORDER' } });
  });
export type RecordClassSessionRequest = z.input<typeof recordClassSessionRequest>;

export const classSession = z.object({
  id: z.uuid(),
  classId: z.uuid(),
  date: isoDate,
  kind: z.enum(sessionKinds),
  startTime: z.string(),
  endTime: z.string(),
  minutes: z.number().int(),
  location: z.string(),
  topic: z.string(),
  videoRecorded: z.boolean(),
  attendedCount: z.number().int(),
  absentCount: z.number().int(),
  recordedByName: z.string().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type ClassSession = z.infer<typeof classSession>;
export const listClassSessionsQuery = listQuery(['date']).extend({ kind: z.enum(sessionKinds).optional() });
export type ListClassSessionsQuery = z.infer<typeof listClassSessionsQuery>;
export const classSessionPage = pageOf(classSession);
export type ClassSessionPage = z.infer<typeof classSessionPage>;

/** The class's hours against the policy in force: what the settlement checks will find, visible while training. */
export const classProgress = z.object({
  policy: z
    .object({ id: z.uuid(), version: z.number().int(), minCentralisedHours: z.number().int(), onlineShareCapBp: z.number().int(), videoShareMinBp: z.number().int(), isDemo: z.boolean() })
    .nullable()
    .describe('null when no policy of the class region and year is in force'),
  sessions: z.number().int(),
  totals: apprenticeHours.omit({ sessionsAttended: true, sessionsMissed: true, platformMinutes: true }).describe('the hours of the sessions the class held (platform study time is per apprentice)'),
  apprentices: z.array(
    z.object({
      apprenticeId: z.uuid(),
      personName: z.string(),
      status: z.enum(apprenticeStatuses),
      hours: apprenticeHours,
      onlineShareBp: z.number().int(),
      videoShareBp: z.number().int(),
      attendanceBp: z.number().int().describe('sessions attended over sessions held while on the roster'),
      belowMinimum: z.boolean(),
      onlineAboveCap: z.boolean(),
      videoBelowMinimum: z.boolean(),
    }),
  ),
});
export type ClassProgress = z.infer<typeof classProgress>;

/** Courses that may be linked to a class as its online theory (the learning platform's study time counts). */
export const onlineCourseEditableStatuses = ['draft', 'returned', 'registered'] as const satisfies readonly ClassStatus[];

/** A learning-platform course linked to a class: its apprentices' credited study time on it counts as online hours. */
export const classOnlineCourse = z.object({
  courseId: z.uuid(),
  title: z.string(),
  lessonCount: z.number().int(),
  platformMinutes: z.number().int().describe('credited study time of the class apprentices on the course within the class dates, open flags excluded'),
  addedByName: z.string().nullable(),
  addedAt: z.iso.datetime({ offset: true }),
});
export type ClassOnlineCourse = z.infer<typeof classOnlineCourse>;
export const classOnlineCourseList = z.object({ items: z.array(classOnlineCourse) });
export type ClassOnlineCourseList = z.infer<typeof classOnlineCourseList>;
export const linkOnlineCourseRequest = z.strictObject({ courseId: z.uuid() });
export type LinkOnlineCourseRequest = z.infer<typeof linkOnlineCourseRequest>;
export const classCourseParams = z.strictObject({ id: z.uuid(), courseId: z.uuid() });
