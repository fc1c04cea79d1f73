import { z } from 'zod';
import { isoDate, listQuery, pageOf } from '../common/pagination.ts';

/*
 * OMO blended training projects (培训项目): ordered stages mixing online learning (a course or a micro-course lesson),
 * offline sessions (venue, time, capacity with a waitlist, an instructor, QR check-in) and practical tasks graded by
 * instructors. Learners are enrolled by rule or by hand; each stage is due a number of days after enrolment.
 */

type Label = { 'zh-CN': string; 'en-US': string };

export const projectStatuses = ['draft', 'active', 'closed'] as const;
export type ProjectStatus = (typeof projectStatuses)[number];
export const projectStatusLabels: Record<ProjectStatus, Label> = {
  draft: { 'zh-CN': '草稿', 'en-US': 'Draft' },
  active: { 'zh-CN': '进行中', 'en-US': 'Active' },
  closed: { 'zh-CN': '已结束', 'en-US': 'Closed' },
};

export const stageKinds = ['online', 'offline', 'practical'] as const;
export type StageKind = (typeof stageKinds)[number];
export const stageKindLabels: Record<StageKind, Label> = {
  online: { 'zh-CN': '线上学习', 'en-US': 'Online' },
  offline: { 'zh-CN': '线下面授', 'en-US': 'Offline session' },
  practical: { 'zh-CN': '实操任务', 'en-US': 'Practical task' },
};

/** not_started → in_progress → completed; a practical task is submitted, then completed or failed by its grade. */
export const stageStatuses = ['not_started', 'in_progress', 'submitted', 'completed', 'failed'] as const;
export type StageStatus = (typeof stageStatuses)[number];
export const stageStatusLabels: Record<StageStatus, Label> = {
  not_started: { 'zh-CN': '未开始', 'en-US': 'Not started' },
  in_progress: { 'zh-CN': '进行中', 'en-US': 'In progress' },
  submitted: { 'zh-CN': '待评分', 'en-US': 'Awaiting grade' },
  completed: { 'zh-CN': '已完成', 'en-US': 'Completed' },
  failed: { 'zh-CN': '未通过', 'en-US': 'Not passed' },
};

export const enrolmentRuleKinds = ['organisation', 'department', 'role_profile', 'new_hires'] as const;
export type EnrolmentRuleKind = (typeof enrolmentRuleKinds)[number];
export const enrolmentRuleKindLabels: Record<EnrolmentRuleKind, Label> = {
  organisation: { 'zh-CN': '全体在职员工', 'en-US': 'All current employees' },
  department: { 'zh-CN': '指定部门', 'en-US': 'Department' },
  role_profile: { 'zh-CN': '指定岗位能力模型', 'en-US': 'Role profile' },
  new_hires: { 'zh-CN': '新入职员工（N 天内）', 'en-US': 'New hires (within N days)' },
};

export const enrolmentStatuses = ['active', 'completed', 'withdrawn'] as const;
export type EnrolmentStatus = (typeof enrolmentStatuses)[number];
export const enrolmentStatusLabels: Record<EnrolmentStatus, Label> = {
  active: { 'zh-CN': '学习中', 'en-US': 'Learning' },
  completed: { 'zh-CN': '已完成', 'en-US': 'Completed' },
  withdrawn: { 'zh-CN': '已退出', 'en-US': 'Withdrawn' },
};

export const registrationStatuses = ['registered', 'waitlisted', 'cancelled'] as const;
export type RegistrationStatus = (typeof registrationStatuses)[number];
export const registrationStatusLabels: Record<RegistrationStatus, Label> = {
  registered: { 'zh-CN': '已报名', 'en-US': 'Registered' },
  waitlisted: { 'zh-CN': '候补中', 'en-US': 'Waitlisted' },
  cancelled: { 'zh-CN': '已取消', 'en-US': 'Cancelled' },
};

/** full: checked in by start + 15 min; partial: later; absent: no check-in by the end. */
export const attendanceStates = ['full', 'partial', 'absent'] as const;
export type AttendanceState = (typeof attendanceStates)[number];
export const attendanceStateLabels: Record<AttendanceState, Label> = {
  full: { 'zh-CN': '全勤', 'en-US': 'Full' },
  partial: { 'zh-CN': '迟到（部分出勤）', 'en-US': 'Partial (late)' },
  absent: { 'zh-CN': '缺勤', 'en-US': 'Absent' },
};

/** Why a check-in was refused (`error.details.reason`), for the learner's page. */
export const checkInRefusals = ['TOKEN_INVALID', 'TOKEN_EXPIRED', 'NOT_OPEN_YET', 'ALREADY_ENDED', 'SESSION_CANCELLED', 'NOT_ENROLLED', 'NOT_REGISTERED', 'WAITLISTED'] as const;
export type CheckInRefusal = (typeof checkInRefusals)[number];

const title = z.string().trim().min(1).max(100);
const description = z.string().trim().max(4000);
const instant = z.iso.datetime({ offset: true });

// --- projects -------------------------------------------------------------------------------------

export const createProjectRequest = z.strictObject({
  title,
  description: description.default(''),
  startsOn: isoDate.nullable().default(null),
  endsOn: isoDate.nullable().default(null),
});
export type CreateProjectRequest = z.input<typeof createProjectRequest>;

export const updateProjectRequest = z
  .strictObject({ title, description, startsOn: isoDate.nullable(), endsOn: isoDate.nullable() })
  .partial();
export type UpdateProjectRequest = z.input<typeof updateProjectRequest>;

export const listProjectsQuery = listQuery(['title', 'createdAt', 'status'] as const).extend({
  status: z.enum(projectStatuses).optional(),
  q: z.string().trim().max(100).optional(),
});
export type ListProjectsQuery = z.infer<typeof listProjectsQuery>;

export const trainingProject = z.object({
  id: z.uuid(),
  title: z.string(),
  description: z.string(),
  status: z.enum(projectStatuses),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  stageCount: z.number().int(),
  enrolledCount: z.number().int(),
  completedCount: z.number().int(),
  createdAt: z.string(),
});
export type TrainingProject = z.infer<typeof trainingProject>;
export const trainingProjectPage = pageOf(trainingProject);

// --- stages and sessions --------------------------------------------------------------------------

const stageFields = {
  kind: z.enum(stageKinds),
  title,
  description: description.default(''),
  courseId: z.uuid().nullable().default(null).describe('online stages: a course, or'),
  lessonId: z.uuid().nullable().default(null).describe('online stages: a micro-course lesson'),
  dueDays: z.number().int().min(0).max(3650).nullable().default(null).describe('due this many days after enrolment'),
  passScore: z.number().int().min(0).max(100).nullable().default(null).describe('practical tasks: the score out of 100 that passes'),
};
export const createStageRequest = z.strictObject(stageFields);
export type CreateStageRequest = z.input<typeof createStageRequest>;
export const updateStageRequest = z
  .strictObject({
    title,
    description,
    courseId: z.uuid().nullable(),
    lessonId: z.uuid().nullable(),
    dueDays: z.number().int().min(0).max(3650).nullable(),
    passScore: z.number().int().min(0).max(100).nullable(),
  })
  .partial();
export type UpdateStageRequest = z.input<typeof updateStageRequest>;
export const reorderStagesRequest = z.strictObject({ stageIds: z.array(z.uuid()).min(1).max(100) });
export const stageParams = z.strictObject({ id: z.uuid(), stageId: z.uuid() });

export const createSessionRequest = z.strictObject({
  stageId: z.uuid(),
  title,
  venue: z.string().trim().min(1).max(200),
  startsAt: instant,
  endsAt: instant,
  capacity: z.number().int().min(1).max(10_000),
  instructorUserId: z.uuid(),
});
export type CreateSessionRequest = z.input<typeof createSessionRequest>;

export const offlineSession = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  projectTitle: z.string(),
  stageId: z.uuid(),
  title: z.string(),
  venue: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  capacity: z.number().int(),
  instructorUserId: z.uuid().nullable(),
  instructorName: z.string().nullable(),
  status: z.enum(['scheduled', 'cancelled']),
  registeredCount: z.number().int(),
  waitlistedCount: z.number().int(),
});
export type OfflineSession = z.infer<typeof offlineSession>;
export const offlineSessionList = z.object({ items: z.array(offlineSession) });

export const projectStage = z.object({
  id: z.uuid(),
  position: z.number().int(),
  kind: z.enum(stageKinds),
  title: z.string(),
  description: z.string(),
  courseId: z.uuid().nullable(),
  courseTitle: z.string().nullable(),
  lessonId: z.uuid().nullable(),
  lessonTitle: z.string().nullable(),
  dueDays: z.number().int().nullable(),
  passScore: z.number().int().nullable(),
  sessions: z.array(offlineSession),
});
export type ProjectStage = z.infer<typeof projectStage>;

// --- enrolment ------------------------------------------------------------------------------------

export const createEnrolmentRuleRequest = z
  .strictObject({ kind: z.enum(enrolmentRuleKinds), value: z.string().trim().min(1).max(200).nullable().default(null) })
  .describe('value: the department name, the role profile id, or the number of days since hire; none for organisation');
export type CreateEnrolmentRuleRequest = z.input<typeof createEnrolmentRuleRequest>;
export const ruleParams = z.strictObject({ id: z.uuid(), ruleId: z.uuid() });

export const enrolmentRule = z.object({
  id: z.uuid(),
  kind: z.enum(enrolmentRuleKinds),
  value: z.string().nullable(),
  valueLabel: z.string().nullable().describe('the role profile name for role_profile rules'),
  createdAt: z.string(),
});
export type EnrolmentRule = z.infer<typeof enrolmentRule>;

export const projectDetail = trainingProject.extend({
  stages: z.array(projectStage),
  rules: z.array(enrolmentRule),
});
export type ProjectDetail = z.infer<typeof projectDetail>;

export const enrolPeopleRequest = z.strictObject({ personIds: z.array(z.uuid()).min(1).max(500) });
export const enrolmentParams = z.strictObject({ id: z.uuid(), personId: z.uuid() });
export const enrolmentResult = z.object({ enrolled: z.number().int(), personIds: z.array(z.uuid()) });
export type EnrolmentResult = z.infer<typeof enrolmentResult>;

export const stageStanding = z.object({
  stageId: z.uuid(),
  status: z.enum(stageStatuses),
  dueOn: z.string().nullable(),
  completedAt: z.string().nullable(),
  score: z.number().int().nullable(),
});
export type StageStanding = z.infer<typeof stageStanding>;

export const projectEnrolment = z.object({
  personId: z.uuid(),
  name: z.string(),
  enrolledAt: z.string(),
  source: z.enum(['rule', 'manual']),
  status: z.enum(enrolmentStatuses),
  completedAt: z.string().nullable(),
  completedStages: z.number().int(),
  totalStages: z.number().int(),
  overdueStages: z.number().int(),
  stages: z.array(stageStanding),
});
export type ProjectEnrolment = z.infer<typeof projectEnrolment>;
export const listEnrolmentsQuery = listQuery(['name', 'enrolledAt'] as const).extend({ status: z.enum(enrolmentStatuses).optional() });
export const projectEnrolmentPage = pageOf(projectEnrolment);

export const projectPersonOption = z.object({ personId: z.uuid(), name: z.string(), position: z.string(), department: z.string().nullable() });
export const projectPersonOptionList = z.object({ items: z.array(projectPersonOption) });
export const projectInstructorOption = z.object({ userId: z.uuid(), name: z.string() });
export const projectContentOption = z.object({ id: z.uuid(), kind: z.enum(['course', 'lesson']), title: z.string(), courseTitle: z.string().nullable() });
export const projectOptions = z.object({
  instructors: z.array(projectInstructorOption),
  courses: z.array(projectContentOption),
  lessons: z.array(projectContentOption),
  departments: z.array(z.string()),
  roleProfiles: z.array(z.object({ id: z.uuid(), name: z.string() })),
});
export type ProjectOptions = z.infer<typeof projectOptions>;

// --- practical tasks ------------------------------------------------------------------------------

export const submitPracticalRequest = z.strictObject({
  text: z.string().trim().min(1).max(8000),
  attachmentId: z.uuid().nullable().default(null),
});
export type SubmitPracticalRequest = z.input<typeof submitPracticalRequest>;
export const gradePracticalRequest = z.strictObject({
  score: z.number().int().min(0).max(100),
  feedback: z.string().trim().max(2000).default(''),
});
export type GradePracticalRequest = z.input<typeof gradePracticalRequest>;
export const gradeParams = z.strictObject({ id: z.uuid(), stageId: z.uuid(), personId: z.uuid() });

export const practicalSubmission = z.object({
  stageId: z.uuid(),
  stageTitle: z.string(),
  passScore: z.number().int().nullable(),
  personId: z.uuid(),
  name: z.string(),
  text: z.string(),
  attachmentId: z.uuid().nullable(),
  submittedAt: z.string().nullable(),
  status: z.enum(stageStatuses),
  score: z.number().int().nullable(),
  feedback: z.string().nullable(),
  gradedAt: z.string().nullable(),
  gradedByName: z.string().nullable(),
});
export type PracticalSubmission = z.infer<typeof practicalSubmission>;
export const practicalSubmissionList = z.object({ items: z.array(practicalSubmission) });
export const listSubmissionsQuery = z.strictObject({ pending: z.enum(['true', 'false']).optional() });

// --- rosters and check-in -------------------------------------------------------------------------

export const rosterEntry = z.object({
  personId: z.uuid(),
  name: z.string(),
  registrationStatus: z.enum(registrationStatuses),
  registeredAt: z.string(),
  waitlistPosition: z.number().int().nullable(),
  state: z.enum(attendanceStates).nullable().describe('null while the session has not ended and the person has not checked in'),
  checkedInAt: z.string().nullable(),
  method: z.enum(['qr', 'manual']).nullable(),
  note: z.string().nullable(),
});
export type RosterEntry = z.infer<typeof rosterEntry>;
export const sessionRoster = z.object({
  session: offlineSession,
  window: z.object({ opensAt: z.string(), fullUntil: z.string(), closesAt: z.string() }),
  ended: z.boolean(),
  counts: z.object({ registered: z.number().int(), waitlisted: z.number().int(), full: z.number().int(), partial: z.number().int(), absent: z.number().int() }),
  entries: z.array(rosterEntry),
});
export type SessionRoster = z.infer<typeof sessionRoster>;

export const correctAttendanceRequest = z.strictObject({ state: z.enum(attendanceStates), note: z.string().trim().min(1).max(500) });
export type CorrectAttendanceRequest = z.input<typeof correctAttendanceRequest>;
export const attendanceParams = z.strictObject({ id: z.uuid(), personId: z.uuid() });

export const checkInToken = z.object({
  token: z.string(),
  url: z.string().describe('what the QR code encodes: <origin>/m/check-in?t=<token>'),
  issuedAt: z.string(),
  expiresAt: z.string().describe('when the next token replaces this one; scans are accepted a few seconds longer'),
});
export type CheckInToken = z.infer<typeof checkInToken>;

export const checkInRequest = z.strictObject({ token: z.string().trim().min(1).max(300) });
export const checkInResult = z.object({
  sessionId: z.uuid(),
  sessionTitle: z.string(),
  projectId: z.uuid(),
  projectTitle: z.string(),
  venue: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  checkedInAt: z.string(),
  state: z.enum(attendanceStates),
  alreadyCheckedIn: z.boolean(),
});
export type CheckInResult = z.infer<typeof checkInResult>;

// --- learners -------------------------------------------------------------------------------------

export const myRegistration = z.object({ sessionId: z.uuid(), status: z.enum(registrationStatuses), waitlistPosition: z.number().int().nullable() });
export const registrationResult = z.object({ sessionId: z.uuid(), status: z.enum(registrationStatuses), waitlistPosition: z.number().int().nullable() });
export type RegistrationResult = z.infer<typeof registrationResult>;

export const myProject = z.object({
  id: z.uuid(),
  title: z.string(),
  description: z.string(),
  projectStatus: z.enum(projectStatuses),
  status: z.enum(enrolmentStatuses),
  enrolledAt: z.string(),
  completedAt: z.string().nullable(),
  completedStages: z.number().int(),
  totalStages: z.number().int(),
  nextDueOn: z.string().nullable(),
  overdueStages: z.number().int(),
});
export type MyProject = z.infer<typeof myProject>;
export const myProjectList = z.object({ items: z.array(myProject) });

export const myStage = projectStage.extend({
  standing: stageStanding,
  submission: z.object({ text: z.string(), attachmentId: z.uuid().nullable(), submittedAt: z.string().nullable(), feedback: z.string().nullable() }).nullable(),
  registrations: z.array(myRegistration),
  attendance: z.array(z.object({ sessionId: z.uuid(), state: z.enum(attendanceStates), checkedInAt: z.string().nullable() })),
});
export type MyStage = z.infer<typeof myStage>;
export const myProjectDetail = myProject.extend({ stages: z.array(myStage) });
export type MyProjectDetail = z.infer<typeof myProjectDetail>;

// --- notifications --------------------------------------------------------------------------------

export const learnerNotification = z.object({
  id: z.uuid(),
  kind: z.string(),
  title: z.record(z.string(), z.string()),
  body: z.record(z.string(), z.string()),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type LearnerNotification = z.infer<typeof learnerNotification>;
export const learnerNotificationList = z.object({ items: z.array(learnerNotification), unread: z.number().int() });
export type LearnerNotificationList = z.infer<typeof learnerNotificationList>;
export const reminderRunResult = z.object({ dueSoon: z.number().int(), overdue: z.number().int() });
export type ReminderRunResult = z.infer<typeof reminderRunResult>;
