import { and, asc, eq, inArray } from 'drizzle-orm';
import type { LessonKind } from '@fulcrum/shared';
import type { Db } from '../../db/client.ts';
import {
  competencies, competencyKnowledgePoints, courseSections, courses, knowledgePointPrerequisites, knowledgePoints, learnerProfiles,
  lessonKnowledgePoints, lessons, roleProfileRequirements, roleProfiles,
} from '../../db/schema/index.ts';
import { chunks, INSERT_CHUNK } from '../../lib/list.ts';
import { searchVector } from '../../modules/learning/catalogue/search-text.ts';
import { Random } from '../random.ts';
import type { OrganisationRow } from '../world.ts';
import type { LearningDemoInput } from './learning-demo.ts';

/*
 * The district's catalogue for its main trades, as the HRSS bureau publishes it: knowledge points with their
 * prerequisites (and one true-or-false check question each, which the learning records answer), competencies with the
 * level each point belongs to, a role profile template per trade, and a course of sections and lessons.
 */

export interface DemoPoint {
  code: string;
  name: string;
  description: string;
  prerequisites: string[];
  /** A true-or-false question on the point, and its right answer. */
  question: string;
  answer: boolean;
}
export interface DemoLesson {
  kind: LessonKind;
  title: string;
  seconds: number;
  points: string[];
}
export interface DemoTrade {
  trade: string;
  name: string;
  /** Industry divisions (GB/T 4754) whose staff take it; empty: everyone. */
  divisions: readonly string[];
  points: DemoPoint[];
  competencies: { code: string; name: string; maxLevel: number; levels: Record<string, number> }[];
  template: { name: string; description: string; requirements: [string, number, number][] };
  course: { title: string; description: string; sections: { title: string; lessons: DemoLesson[] }[] };
}

const p = (code: string, name: string, description: string, prerequisites: string[], question: string, answer: boolean): DemoPoint => ({ code, name, description, prerequisites, question, answer });
const l = (kind: LessonKind, title: string, seconds: number, ...points: string[]): DemoLesson => ({ kind, title, seconds, points });
const equipment = ['33', '34', '35', '36', '37', '38', '39', '44', '46', '47', '48'];

export const demoTrades: DemoTrade[] = [
  {
    trade: 'hydraulics', name: '液压系统维护', divisions: ['33', '34', '35', '36', '47', '48'],
    points: [
      p('HYD-01', '液压传动原理', '帕斯卡原理、压力与流量的关系、液压系统的组成', [], '液压系统的工作压力取决于负载', true),
      p('HYD-02', '液压元件识别', '液压泵、各类阀、油缸与马达的结构和图形符号', ['HYD-01'], '溢流阀在系统中常用于限定最高压力', true),
      p('HYD-03', '液压油污染控制', '油液清洁度等级、取样检测、滤芯更换周期', ['HYD-01'], '更换液压油时应同时清洗油箱并更换滤芯', true),
      p('HYD-04', '密封件检查与更换', '外泄漏的判断、密封件选型与安装要点', ['HYD-02'], '油缸外泄漏首先应检查活塞杆密封件', true),
      p('HYD-05', '系统压力调定', '溢流阀、减压阀的调定步骤与压力表读数', ['HYD-02'], '溢流阀的调定压力应高于泵的额定压力', false),
      p('HYD-06', '液压泵故障诊断', '噪声、发热、流量不足等故障的原因分析', ['HYD-03', 'HYD-05'], '液压泵吸空会产生明显噪声和振动', true),
      p('HYD-07', '液压系统安全操作', '泄压、蓄能器放能与高压油喷射伤害防护', ['HYD-01'], '拆卸液压管路前无需释放系统压力', false),
    ],
    competencies: [
      { code: 'HYD-C1', name: '液压设备维护', maxLevel: 4, levels: { 'HYD-01': 1, 'HYD-02': 1, 'HYD-03': 2, 'HYD-04': 2, 'HYD-05': 3, 'HYD-06': 4 } },
      { code: 'HYD-C2', name: '液压安全作业', maxLevel: 3, levels: { 'HYD-07': 1, 'HYD-03': 2 } },
    ],
    template: { name: '液压维修工', description: '设备维修部门液压设备的日常维护与故障处理', requirements: [['HYD-C1', 3, 70], ['HYD-C2', 2, 30]] },
    course: {
      title: '液压系统维护', description: '液压泵、阀和油缸的日常维护、压力调定与常见故障排除，含现场实训',
      sections: [
        { title: '第一章 液压基础', lessons: [l('rich_text', '液压传动原理概述', 900, 'HYD-01'), l('micro_course', '认识液压元件', 480, 'HYD-02')] },
        { title: '第二章 日常维护', lessons: [l('micro_course', '液压油的更换与过滤', 540, 'HYD-03'), l('micro_course', '密封件检查与更换', 600, 'HYD-04', 'HYD-02'), l('document', '液压站点检表', 600, 'HYD-03', 'HYD-04')] },
        { title: '第三章 调试与排故', lessons: [l('micro_course', '系统压力调定', 420, 'HYD-05'), l('video', '液压泵常见故障分析', 1500, 'HYD-06'), l('micro_course', '泄压与高压油防护', 360, 'HYD-07'), l('practical', '液压泵拆装实操', 3600, 'HYD-04', 'HYD-06'), l('offline', '现场实训：液压站巡检', 7200, 'HYD-07')] },
      ],
    },
  },
  {
    trade: 'electrical_safety', name: '电气安全', divisions: [...equipment, '13', '14', '26', '29', '30', '50', '59'],
    points: [
      p('ELE-01', '电工基础知识', '电压、电流、电阻与安全电压等级', [], '我国规定的安全电压额定值包括36伏', true),
      p('ELE-02', '触电防护与急救', '触电的类型、脱离电源方法与心肺复苏', ['ELE-01'], '发现有人触电应先切断电源再施救', true),
      p('ELE-03', '停电挂牌上锁', '能量隔离、挂牌上锁与验电的步骤', ['ELE-01'], '检修设备前，断电后须挂牌上锁并验电', true),
      p('ELE-04', '接地与漏电保护', '保护接地、保护接零与漏电保护器', ['ELE-01'], '漏电保护器动作后可以立即强行合闸', false),
      p('ELE-05', '电弧防护', '电弧危害、防护等级与个体防护用品', ['ELE-03'], '带电作业须穿戴与电压等级相符的防护用品', true),
      p('ELE-06', '低压配电柜操作', '倒闸操作顺序与操作票制度', ['ELE-03', 'ELE-04'], '停电操作应先断开隔离开关再断开断路器', false),
      p('ELE-07', '电气火灾扑救', '电气火灾的特点与灭火器的选用', ['ELE-02'], '带电的电气火灾可以直接用水扑救', false),
    ],
    competencies: [
      { code: 'ELE-C1', name: '电气安全作业', maxLevel: 4, levels: { 'ELE-01': 1, 'ELE-02': 1, 'ELE-03': 2, 'ELE-07': 2, 'ELE-05': 3 } },
      { code: 'ELE-C2', name: '电气设备运行维护', maxLevel: 3, levels: { 'ELE-04': 1, 'ELE-06': 2 } },
    ],
    template: { name: '设备电工', description: '车间配电与用电设备的安全运行和维护', requirements: [['ELE-C1', 3, 60], ['ELE-C2', 2, 40]] },
    course: {
      title: '电气安全', description: '触电防护、停电挂牌上锁、接地与漏电保护、电气火灾扑救',
      sections: [
        { title: '第一章 用电安全常识', lessons: [l('micro_course', '安全电压与电流的危害', 360, 'ELE-01'), l('micro_course', '触电急救四步法', 540, 'ELE-02')] },
        { title: '第二章 安全作业', lessons: [l('micro_course', '停电挂牌上锁', 480, 'ELE-03'), l('micro_course', '漏电保护器的检查', 420, 'ELE-04'), l('document', '电弧防护用品选用指南', 900, 'ELE-05'), l('video', '低压配电柜倒闸操作', 1200, 'ELE-06', 'ELE-03')] },
        { title: '第三章 应急处置', lessons: [l('micro_course', '电气火灾的扑救', 450, 'ELE-07', 'ELE-02'), l('exam', '电气安全结业测验', 1800, 'ELE-03', 'ELE-04')] },
      ],
    },
  },
  {
    trade: 'cnc', name: '数控机床操作', divisions: ['33', '34', '35', '36', '38', '39'],
    points: [
      p('CNC-01', '机械制图识读', '零件图的视图、尺寸公差与技术要求', [], '零件图上的尺寸公差是允许尺寸的变动量', true),
      p('CNC-02', 'G代码基础', '常用G代码、M代码与程序结构', ['CNC-01'], 'G00 指令用于快速定位，不能用于切削', true),
      p('CNC-03', '工件装夹与找正', '卡盘、夹具的使用与工件找正方法', ['CNC-01'], '工件找正后无需再次锁紧卡盘', false),
      p('CNC-04', '刀具补偿', '刀具长度补偿与半径补偿的设定', ['CNC-02'], '换刀后无需重新测量刀具长度补偿', false),
      p('CNC-05', '对刀操作', '试切对刀与对刀仪的使用', ['CNC-03', 'CNC-04'], '对刀的目的是确定工件坐标系与机床坐标系的关系', true),
      p('CNC-06', '首件检验', '首件三检制度与量具使用', ['CNC-05'], '每班首件须经检验合格后方可批量加工', true),
      p('CNC-07', '数控机床日常保养', '润滑、清洁、导轨与主轴的点检', [], '数控机床的导轨润滑油可以长期不检查', false),
    ],
    competencies: [
      { code: 'CNC-C1', name: '数控编程', maxLevel: 5, levels: { 'CNC-01': 1, 'CNC-02': 2, 'CNC-04': 3 } },
      { code: 'CNC-C2', name: '数控机床操作', maxLevel: 5, levels: { 'CNC-03': 1, 'CNC-07': 1, 'CNC-05': 2, 'CNC-06': 3 } },
    ],
    template: { name: '数控车工', description: '数控车床的编程、对刀、加工与首件检验', requirements: [['CNC-C1', 3, 50], ['CNC-C2', 3, 50]] },
    course: {
      title: '数控机床操作', description: '从读图、G代码编程到对刀、首件检验和机床保养',
      sections: [
        { title: '第一章 编程基础', lessons: [l('document', '机械制图识读要点', 1200, 'CNC-01'), l('micro_course', 'G00 与 G01 的区别', 420, 'CNC-02'), l('micro_course', '刀具补偿的设定', 540, 'CNC-04')] },
        { title: '第二章 机床操作', lessons: [l('micro_course', '三爪卡盘装夹与找正', 480, 'CNC-03'), l('video', '试切对刀全过程', 1500, 'CNC-05'), l('micro_course', '首件三检', 390, 'CNC-06'), l('practical', '轴类零件加工实操', 5400, 'CNC-05', 'CNC-06')] },
        { title: '第三章 保养', lessons: [l('micro_course', '班前班后保养', 360, 'CNC-07')] },
      ],
    },
  },
  {
    trade: 'dairy_quality', name: '乳品质量控制', divisions: ['13', '14'],
    points: [
      p('DAI-01', '乳品卫生基础', '微生物污染途径与个人卫生要求', [], '进入乳品生产车间前须更衣、洗手消毒', true),
      p('DAI-02', '生乳检验', '感官、理化指标与抗生素残留检测', ['DAI-01'], '生乳收购时须检测抗生素残留', true),
      p('DAI-03', '巴氏杀菌控制', '杀菌温度、时间与记录仪的核查', ['DAI-01'], '巴氏杀菌温度偏低时可延长灌装时间弥补', false),
      p('DAI-04', 'HACCP关键控制点', '危害分析、关键限值与纠偏措施', ['DAI-02', 'DAI-03'], '关键控制点偏离时须立即采取纠偏措施并记录', true),
      p('DAI-05', '清洗消毒（CIP）', '碱洗、酸洗的浓度、温度与时间', ['DAI-01'], 'CIP清洗结束后无需检查淋洗水的酸碱度', false),
      p('DAI-06', '成品留样与追溯', '留样数量、保存期与批次追溯', ['DAI-04'], '每批成品都应按规定留样并记录批号', true),
    ],
    competencies: [
      { code: 'DAI-C1', name: '乳品质量检验', maxLevel: 4, levels: { 'DAI-01': 1, 'DAI-02': 2, 'DAI-06': 3 } },
      { code: 'DAI-C2', name: '乳品生产过程控制', maxLevel: 4, levels: { 'DAI-05': 1, 'DAI-03': 2, 'DAI-04': 3 } },
    ],
    template: { name: '乳品质检员', description: '生乳验收、过程监控与成品检验', requirements: [['DAI-C1', 3, 60], ['DAI-C2', 2, 40]] },
    course: {
      title: '乳品质量控制', description: '从生乳验收到杀菌、清洗消毒与HACCP体系',
      sections: [
        { title: '第一章 原料验收', lessons: [l('micro_course', '车间卫生与更衣', 300, 'DAI-01'), l('micro_course', '生乳抗生素残留快检', 540, 'DAI-02')] },
        { title: '第二章 过程控制', lessons: [l('micro_course', '巴氏杀菌记录的核查', 480, 'DAI-03'), l('micro_course', 'CIP清洗参数', 420, 'DAI-05'), l('document', 'HACCP计划表', 1200, 'DAI-04')] },
        { title: '第三章 成品放行', lessons: [l('micro_course', '留样与批次追溯', 360, 'DAI-06', 'DAI-04'), l('offline', '实验室检验实训', 5400, 'DAI-02', 'DAI-06')] },
      ],
    },
  },
  {
    trade: 'labour_law', name: '劳动法基础', divisions: [],
    points: [
      p('LAW-01', '劳动合同订立', '书面合同、必备条款与签订时限', [], '用工之日起一个月内应订立书面劳动合同', true),
      p('LAW-02', '试用期规定', '试用期期限、工资与解除', ['LAW-01'], '同一用人单位与同一劳动者只能约定一次试用期', true),
      p('LAW-03', '工时与加班', '标准工时、加班时长上限与加班工资', ['LAW-01'], '法定休假日安排加班可以只安排补休不支付加班费', false),
      p('LAW-04', '社会保险', '五项社会保险与登记缴费', ['LAW-01'], '用人单位应自用工之日起三十日内为职工办理社保登记', true),
      p('LAW-05', '劳动合同解除', '协商解除、过失性辞退与经济补偿', ['LAW-02'], '劳动者提前三十日书面通知可以解除劳动合同', true),
      p('LAW-06', '劳动争议调解', '调解、仲裁与诉讼的程序和时限', ['LAW-05'], '劳动争议调解组织应自受理之日起十五日内结束调解', true),
    ],
    competencies: [{ code: 'LAW-C1', name: '劳动法规应用', maxLevel: 3, levels: { 'LAW-01': 1, 'LAW-03': 1, 'LAW-04': 1, 'LAW-02': 2, 'LAW-05': 2, 'LAW-06': 3 } }],
    template: { name: '人事专员', description: '劳动合同、考勤工时与社保业务', requirements: [['LAW-C1', 3, 100]] },
    course: {
      title: '劳动法基础', description: '劳动合同、试用期、工时与加班、社会保险和劳动争议调解',
      sections: [
        { title: '第一章 劳动合同', lessons: [l('micro_course', '劳动合同怎么签', 480, 'LAW-01'), l('micro_course', '试用期的那些事', 420, 'LAW-02', 'LAW-01'), l('micro_course', '解除劳动合同与经济补偿', 600, 'LAW-05')] },
        { title: '第二章 工时与保险', lessons: [l('micro_course', '加班时长与加班费', 450, 'LAW-03'), l('micro_course', '五险一金入门', 390, 'LAW-04')] },
        { title: '第三章 争议处理', lessons: [l('rich_text', '劳动争议的调解与仲裁', 900, 'LAW-06'), l('exam', '劳动法基础测验', 1200, 'LAW-01', 'LAW-03', 'LAW-04')] },
      ],
    },
  },
];

/** Which trades' courses an enterprise of an industry division takes. */
export const tradesFor = (division: string | null | undefined) => demoTrades.filter((t) => !t.divisions.length || (division && t.divisions.includes(division)));

/** The showcase enterprise's own courses (on the district's knowledge points) beside the district's. */
export const showcaseCourses: { title: string; description: string; trade: string; published: boolean; lessons: DemoLesson[] }[] = [
  {
    title: '新员工入厂安全培训', description: '本厂新员工第一周必修：用电安全、劳动合同与车间规章', trade: 'electrical_safety', published: true,
    lessons: [l('micro_course', '车间用电五不准', 420, 'ELE-03', 'ELE-04'), l('micro_course', '你的劳动合同', 360, 'LAW-01'), l('offline', '车间安全巡查', 3600, 'ELE-05')],
  },
  {
    title: '液压站巡检作业指导', description: '本厂液压站的巡检路线、点检项目与记录要求', trade: 'hydraulics', published: false,
    lessons: [l('document', '液压站巡检路线图', 600, 'HYD-03'), l('micro_course', '油温油位的判读', 300, 'HYD-03', 'HYD-07')],
  },
];

// ---------------------------------------------------------------------------------------------------------------
// Writing it

const DAY = 86_400_000;
/** The department of the showcase's staff who need each trade. */
const departmentOf: Record<string, string> = { hydraulics: '设备维修部', electrical_safety: '动力车间', cnc: '机加工车间', dairy_quality: '质检部', labour_law: '综合办公室' };

class CatalogueWriter {
  readonly pointIds = new Map<string, string>();
  readonly competencyIds = new Map<string, string>();
  /** Template id by trade. */
  readonly templates = new Map<string, string>();
  readonly counts = { knowledgePoints: 0, competencies: 0, roleProfiles: 0, courses: 0, lessons: 0, learnerProfiles: 0 };

  constructor(
    readonly db: Db,
    readonly random: Random,
    readonly now: Date,
  ) {}

  private ago = (days: number) => new Date(this.now.getTime() - days * DAY);

  async points(organisationId: string, trade: DemoTrade) {
    const at = this.ago(200);
    const rows = trade.points.map((point) => {
      const id = this.random.uuid();
      this.pointIds.set(point.code, id);
      return { id, organisationId, code: point.code, name: point.name, description: point.description, trade: trade.trade, visibility: 'district', searchVector: searchVector(point.name, point.description), createdAt: at, updatedAt: at };
    });
    await this.db.insert(knowledgePoints).values(rows);
    const edges = trade.points.flatMap((point) => point.prerequisites.map((code) => ({ knowledgePointId: this.pointIds.get(point.code)!, prerequisiteId: this.pointIds.get(code)! })));
    if (edges.length) await this.db.insert(knowledgePointPrerequisites).values(edges);
    this.counts.knowledgePoints += rows.length;
  }

  async competencies(organisationId: string, trade: DemoTrade) {
    for (const competency of trade.competencies) {
      const id = this.random.uuid();
      this.competencyIds.set(competency.code, id);
      await this.db.insert(competencies).values({ id, organisationId, code: competency.code, name: competency.name, maxLevel: competency.maxLevel, visibility: 'district', createdAt: this.ago(200), updatedAt: this.ago(200) });
      await this.db.insert(competencyKnowledgePoints).values(Object.entries(competency.levels).map(([code, level]) => ({ competencyId: id, knowledgePointId: this.pointIds.get(code)!, level })));
      this.counts.competencies++;
    }
  }

  async profile(organisationId: string, trade: DemoTrade, copiedFromId: string | null): Promise<string> {
    const id = this.random.uuid();
    const at = copiedFromId ? this.ago(this.random.int(130, 170)) : this.ago(190);
    await this.db.insert(roleProfiles).values({ id, organisationId, name: trade.template.name, description: trade.template.description, isTemplate: !copiedFromId, copiedFromId, createdAt: at, updatedAt: at });
    await this.db.insert(roleProfileRequirements).values(trade.template.requirements.map(([code, requiredLevel, weight]) => ({ roleProfileId: id, competencyId: this.competencyIds.get(code)!, requiredLevel, weight })));
    this.counts.roleProfiles++;
    return id;
  }

  async course(organisationId: string, values: { title: string; description: string; trade: string; visibility: string; published: boolean }, sections: { title: string | null; lessons: DemoLesson[] }[]) {
    const courseId = this.random.uuid();
    const created = this.ago(this.random.int(160, 190));
    await this.db.insert(courses).values({
      id: courseId, organisationId, title: values.title, description: values.description, trade: values.trade, visibility: values.visibility, status: values.published ? 'published' : 'draft',
      publishedAt: values.published ? this.ago(150) : null, searchVector: searchVector(values.title, values.description), createdAt: created, updatedAt: created,
    });
    let position = 0;
    for (const [index, section] of sections.entries()) {
      const sectionId = section.title ? this.random.uuid() : null;
      if (sectionId) await this.db.insert(courseSections).values({ id: sectionId, courseId, position: index, title: section.title! });
      for (const lesson of section.lessons) await this.lesson(organisationId, courseId, sectionId, position++, lesson, created);
    }
    this.counts.courses++;
  }

  private async lesson(organisationId: string, courseId: string, sectionId: string | null, position: number, lesson: DemoLesson, at: Date) {
    const id = this.random.uuid();
    const names = lesson.points.map((code) => demoTrades.flatMap((t) => t.points).find((p) => p.code === code)!.name);
    await this.db.insert(lessons).values({
      id, organisationId, courseId, sectionId, position, kind: lesson.kind, title: lesson.title, description: names.join('、'),
      body: lesson.kind === 'rich_text' ? `<h3>${lesson.title}</h3><p>${names.join('；')}</p>` : null, durationSeconds: lesson.seconds,
      searchVector: searchVector(lesson.title, ...names), createdAt: at, updatedAt: at,
    });
    await this.db.insert(lessonKnowledgePoints).values(lesson.points.map((code) => ({ lessonId: id, knowledgePointId: this.pointIds.get(code)! })));
    this.counts.lessons++;
  }

  /** Copies the templates of the trades an enterprise takes and gives each current employee a department and (mostly) a role profile. */
  async enterprise(org: OrganisationRow, staff: string[], isShowcase: boolean) {
    const trades = tradesFor(org.industryDivision);
    const profiles = new Map<string, string>();
    for (const trade of trades) profiles.set(trade.trade, await this.profile(org.id, trade, this.templates.get(trade.trade)!));
    const weighted = trades.map((t) => [t, t.divisions.length ? 4 : 1] as const);
    const rows = staff.map((personId) => {
      const trade = this.random.weighted(weighted);
      const hasProfile = isShowcase ? this.random.chance(0.9) : this.random.chance(0.7);
      return { organisationId: org.id, personId, department: departmentOf[trade.trade]!, roleProfileId: hasProfile ? profiles.get(trade.trade)! : null, updatedAt: this.ago(this.random.int(100, 140)) };
    });
    for (const batch of chunks(rows, INSERT_CHUNK)) await this.db.insert(learnerProfiles).values(batch);
    this.counts.learnerProfiles += rows.length;
  }
}

/**
 * The district's catalogue (the Baodi HRSS bureau's: district-visible and published), the showcase enterprise's own
 * courses beside it, the templates copied into the showcase and a share of Baodi's other enterprises, and their staff's
 * learner profiles. Lessons carry no media: each has its duration, and the player works without a file.
 */
export async function loadLearningCatalogue(input: LearningDemoInput): Promise<Record<string, number>> {
  const { db, world } = input;
  const random = new Random(input.seed, 'learning-catalogue');
  const writer = new CatalogueWriter(db, random, input.now);
  const hrss = world.organisation('hrss');
  for (const trade of demoTrades) {
    await writer.points(hrss.id, trade);
    await writer.competencies(hrss.id, trade);
    writer.templates.set(trade.trade, await writer.profile(hrss.id, trade, null));
    await writer.course(hrss.id, { ...trade.course, trade: trade.trade, visibility: 'district', published: true }, trade.course.sections);
  }
  const showcase = world.organisation('showcase');
  for (const course of showcaseCourses) await writer.course(showcase.id, { ...course, visibility: 'organisation' }, [{ title: null, lessons: course.lessons }]);
  const staffOf = new Map<string, string[]>();
  for (const job of world.employments) if (!job.endDate) staffOf.set(job.organisationId, [...(staffOf.get(job.organisationId) ?? []), job.personId]);
  for (const org of world.enterprises()) {
    const isShowcase = org.id === showcase.id;
    if (org.regionId !== hrss.regionId || !staffOf.has(org.id) || !(isShowcase || random.chance(0.3))) continue;
    await writer.enterprise(org, staffOf.get(org.id)!, isShowcase);
  }
  return writer.counts;
}

// ---------------------------------------------------------------------------------------------------------------
// Reading it (for the other demo loaders)

export interface DemoMicroCourse {
  lessonId: string;
  title: string;
  trade: string;
  durationSeconds: number;
  points: { id: string; name: string; question: string; answer: boolean }[];
}

/** The district's published micro-courses with their knowledge points and each point's check question. */
export async function districtMicroCourses(db: Db): Promise<DemoMicroCourse[]> {
  const rows = await db
    .select({ lessonId: lessons.id, title: lessons.title, trade: courses.trade, durationSeconds: lessons.durationSeconds, pointId: knowledgePoints.id, code: knowledgePoints.code, name: knowledgePoints.name })
    .from(lessons)
    .innerJoin(courses, eq(courses.id, lessons.courseId))
    .innerJoin(lessonKnowledgePoints, eq(lessonKnowledgePoints.lessonId, lessons.id))
    .innerJoin(knowledgePoints, eq(knowledgePoints.id, lessonKnowledgePoints.knowledgePointId))
    .where(and(eq(lessons.kind, 'micro_course'), eq(courses.visibility, 'district'), eq(courses.status, 'published')))
    .orderBy(asc(courses.trade), asc(lessons.position), asc(knowledgePoints.code));
  const questions = new Map(demoTrades.flatMap((t) => t.points).map((p) => [p.code, p]));
  const byLesson = new Map<string, DemoMicroCourse>();
  for (const r of rows) {
    const course = byLesson.get(r.lessonId) ?? { lessonId: r.lessonId, title: r.title, trade: r.trade ?? '', durationSeconds: r.durationSeconds, points: [] };
    const demo = questions.get(r.code);
    course.points.push({ id: r.pointId, name: r.name, question: demo?.question ?? `${r.name}是本课的要点`, answer: demo?.answer ?? true });
    byLesson.set(r.lessonId, course);
  }
  return [...byLesson.values()];
}

/** What an organisation may use of the catalogue, by trade: published courses, their lessons and the knowledge points. */
export async function catalogueByTrade(db: Db, organisationId: string): Promise<Map<string, { courseIds: string[]; lessonIds: string[]; knowledgePointIds: string[] }>> {
  const courseRows = await db.select({ id: courses.id, trade: courses.trade, organisationId: courses.organisationId, visibility: courses.visibility }).from(courses).where(eq(courses.status, 'published'));
  const mine = courseRows.filter((c) => c.organisationId === organisationId || c.visibility === 'district');
  const lessonRows = mine.length ? await db.select({ id: lessons.id, courseId: lessons.courseId }).from(lessons).where(inArray(lessons.courseId, mine.map((c) => c.id))).orderBy(asc(lessons.position)) : [];
  const pointRows = await db.select({ id: knowledgePoints.id, trade: knowledgePoints.trade, organisationId: knowledgePoints.organisationId, visibility: knowledgePoints.visibility }).from(knowledgePoints).orderBy(asc(knowledgePoints.code));
  const result = new Map<string, { courseIds: string[]; lessonIds: string[]; knowledgePointIds: string[] }>();
  const entry = (trade: string) => result.get(trade) ?? result.set(trade, { courseIds: [], lessonIds: [], knowledgePointIds: [] }).get(trade)!;
  for (const c of mine) {
    if (!c.trade) continue;
    entry(c.trade).courseIds.push(c.id);
    entry(c.trade).lessonIds.push(...lessonRows.filter((l) => l.courseId === c.id).map((l) => l.id));
  }
  for (const p of pointRows) if (p.trade && (p.organisationId === organisationId || p.visibility === 'district')) entry(p.trade).knowledgePointIds.push(p.id);
  return result;
}

