import { formatYuan, type BreakdownRow, type LearnerReportRow, type Locale, type ReportSummary, type RoiReport, type TrainingCost } from '@fulcrum/shared';
import type { Column } from '../../../lib/xlsx.ts';

/* The reports' workbooks: the same figures as the pages, in the reader's language. */

const hours = (seconds: number) => Math.round((seconds / 3600) * 10) / 10;
const percent = (rate: number | null) => (rate === null ? '' : `${(rate * 100).toFixed(1)}%`);

export const breakdownColumns: Column<BreakdownRow>[] = [
  { zh: '分组', en: 'Group', width: 30, value: (r) => r.label },
  { zh: '人数（对比日）', en: 'Learners (compared)', value: (r) => r.attainment.compareTo.learners },
  { zh: '达标（对比日）', en: 'Attained (compared)', value: (r) => r.attainment.compareTo.attained },
  { zh: '达标率（对比日）', en: 'Rate (compared)', value: (r) => percent(r.attainment.compareTo.rate) },
  { zh: '人数', en: 'Learners', value: (r) => r.attainment.asOf.learners },
  { zh: '达标', en: 'Attained', value: (r) => r.attainment.asOf.attained },
  { zh: '达标率', en: 'Attainment rate', value: (r) => percent(r.attainment.asOf.rate) },
  { zh: '变化（百分点）', en: 'Change (points)', value: (r) => r.attainment.changePoints },
  { zh: '学时', en: 'Study hours', value: (r) => hours(r.activity.studySeconds) },
  { zh: '完成', en: 'Completions', value: (r) => r.activity.completions },
  { zh: '考试次数', en: 'Exam attempts', value: (r) => r.activity.examAttempts },
  { zh: '通过率', en: 'Pass rate', value: (r) => percent(r.activity.passRate) },
  { zh: '证书', en: 'Certificates', value: (r) => r.activity.certificates },
];

export const learnerColumns: Column<LearnerReportRow>[] = [
  { zh: '姓名', en: 'Name', width: 14, value: (r) => r.name },
  { zh: '部门', en: 'Department', value: (r) => r.department },
  { zh: '岗位能力模型', en: 'Role profile', width: 24, value: (r) => r.roleProfileName },
  { zh: '是否达标', en: 'Attained', value: (r) => r.attained },
  { zh: '差距', en: 'Gaps', width: 48, value: (r) => r.gaps.map((g) => `${g.competencyName} ${g.level}/${g.requiredLevel}`).join('；') },
  { zh: '学时', en: 'Study hours', value: (r) => hours(r.studySeconds) },
  { zh: '完成', en: 'Completions', value: (r) => r.completions },
  { zh: '考试次数', en: 'Exam attempts', value: (r) => r.examAttempts },
  { zh: '考试通过', en: 'Exam passes', value: (r) => r.examPasses },
  { zh: '证书', en: 'Certificates', value: (r) => r.certificates },
];

export const costColumns: Column<TrainingCost>[] = [
  { zh: '日期', en: 'Spent on', width: 14, value: (r) => r.spentOn },
  { zh: '金额（元）', en: 'Amount (yuan)', value: (r) => formatYuan(r.amountFen) },
  { zh: '说明', en: 'Description', width: 40, value: (r) => r.description },
  { zh: '培训项目', en: 'Project', width: 30, value: (r) => r.projectTitle },
];

/** A two-column sheet of named figures. */
export interface Figure {
  name: string;
  value: string | number | null;
}
export const figureColumns: Column<Figure>[] = [
  { zh: '指标', en: 'Figure', width: 36, value: (r) => r.name },
  { zh: '数值', en: 'Value', width: 24, value: (r) => r.value },
];

const named = (locale: Locale) => (zh: string, en: string, value: string | number | null): Figure => ({ name: locale === 'zh-CN' ? zh : en, value });

export function summaryFigures(s: ReportSummary, locale: Locale): Figure[] {
  const f = named(locale);
  return [
    f('统计期间', 'Period', `${s.dates.from} – ${s.dates.to}`),
    f(`技能达标率（${s.dates.compareTo}）`, `Attainment (${s.dates.compareTo})`, percent(s.attainment.compareTo.rate)),
    f(`技能达标率（${s.dates.asOf}）`, `Attainment (${s.dates.asOf})`, percent(s.attainment.asOf.rate)),
    f('变化（百分点）', 'Change (points)', s.attainment.changePoints),
    f('有岗位能力模型的员工', 'Employees with a role profile', s.attainment.asOf.learners),
    f('学时', 'Study hours', hours(s.activity.studySeconds)),
    f('完成', 'Completions', s.activity.completions),
    f('考试次数', 'Exam attempts', s.activity.examAttempts),
    f('考试通过率', 'Exam pass rate', percent(s.activity.passRate)),
    f('证书', 'Certificates', s.activity.certificates),
    f('项目报名', 'Project enrolments', s.projects.enrolments),
    f('项目完成率', 'Project completion rate', percent(s.projects.rate)),
  ];
}

export function roiFigures(r: RoiReport, locale: Locale): Figure[] {
  const f = named(locale);
  const yuan = (fen: number | null) => (fen === null ? null : formatYuan(fen));
  return [
    f('统计期间', 'Period', `${r.dates.from} – ${r.dates.to}`),
    f('学时', 'Study hours', hours(r.inputs.studySeconds)),
    f('学时成本（元）', 'Cost of study hours (yuan)', yuan(r.inputs.studyCostFen)),
    f('培训费用（元）', 'Training costs (yuan)', yuan(r.inputs.trainingCostsFen)),
    f('收到补贴（元）', 'Subsidy received (yuan)', yuan(r.inputs.subsidyReceivedFen)),
    f('净投入（元）', 'Net cost (yuan)', yuan(r.inputs.netCostFen)),
    f(`技能达标率（${r.dates.compareTo}）`, `Attainment (${r.dates.compareTo})`, percent(r.outputs.attainment.compareTo.rate)),
    f(`技能达标率（${r.dates.asOf}）`, `Attainment (${r.dates.asOf})`, percent(r.outputs.attainment.asOf.rate)),
    f('达标人数增加', 'More employees attaining', r.outputs.attainment.asOf.attained - r.outputs.attainment.compareTo.attained),
    f('证书', 'Certificates', r.outputs.certificates),
    f('考试通过', 'Exam passes', r.outputs.examPasses),
    f('完成', 'Completions', r.outputs.completions),
    f('每增加一名达标员工的净投入（元）', 'Net cost per additional employee attaining (yuan)', yuan(r.costPerAttainedFen)),
  ];
}
