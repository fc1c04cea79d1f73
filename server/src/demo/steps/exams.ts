import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { employments, examAnswers, examAttempts, examPapers, exams, knowledgePoints, questionKnowledgePoints, questions, users } from '../../db/schema/index.ts';
import { answeredAction, examAction, type AttemptRow } from '../../modules/learning/exams/finalise.ts';
import { isCorrect } from '../../modules/learning/exams/grading.ts';
import { recordLearning, type LearningAction } from '../../modules/learning/record.ts';
import { Random } from '../random.ts';
import type { LearningDemoInput } from './learning-demo.ts';

/*
 * Question banks for the catalogue's trades (eight or more per trade, every kind), on the trades' knowledge points;
 * in the showcase enterprise a fixed-paper exam ent-employee can take and pass (电气安全上岗考试: objective questions
 * only, in a fixed order), a hydraulics exam with short answers that other employees took (some graded by the
 * instructor, some waiting), and a random-paper CNC exam. Past attempts carry graded answers and their statements.
 */

type Kind = 'single' | 'multiple' | 'true_false' | 'fill_in' | 'short_answer';
interface DemoQuestion {
  kind: Kind;
  stem: string;
  options?: string[];
  answer: string | string[] | boolean;
  explanation: string;
  difficulty: number;
}

const q = (kind: Kind, stem: string, answer: DemoQuestion['answer'], difficulty: number, explanation: string, options?: string[]): DemoQuestion => ({ kind, stem, answer, difficulty, explanation, options });

const banks: Record<string, DemoQuestion[]> = {
  electrical_safety: [
    q('single', '我国规定的安全电压额定值上限是多少？', 'B', 1, 'GB/T 3805 规定安全电压额定值的上限为 42V，常用 36V、24V、12V。', ['36V', '42V', '110V', '220V']),
    q('single', '发现有人触电，首先应当怎么做？', 'C', 2, '先使触电者脱离电源（断开开关或用绝缘物挑开电线），再施救，避免施救者触电。', ['立即拉触电者的手', '拨打 120 后等待', '迅速切断电源', '用湿毛巾包住电线']),
    q('single', '电气设备着火时，不能使用哪种灭火器？', 'A', 2, '泡沫灭火器的灭火剂导电，带电灭火应使用二氧化碳或干粉灭火器。', ['泡沫灭火器', '二氧化碳灭火器', '干粉灭火器', '七氟丙烷灭火器']),
    q('multiple', '停电检修时，保证安全的技术措施包括哪些？', ['A', 'B', 'D'], 3, '停电、验电、装设接地线、悬挂标示牌和装设遮栏是保证安全的技术措施。', ['停电', '验电', '口头通知', '装设接地线']),
    q('true_false', '验电前应先在有电设备上确认验电器良好。', true, 1, '验电器须先在有电设备上试验，确认良好后再验电。'),
    q('true_false', '可以用铜丝代替熔断器的熔丝。', false, 1, '铜丝熔点高，起不到短路保护作用，严禁以铜丝代替熔丝。'),
    q('fill_in', '在一经合闸即可送电到工作地点的开关操作把手上，应悬挂“禁止合闸，____”标示牌。', ['有人工作'], 2, '标示牌为“禁止合闸，有人工作！”。'),
    q('short_answer', '简述低压配电柜检修前的停电操作顺序。', '先断开负荷侧开关，再断开电源侧隔离开关；验电确认无电后装设接地线，悬挂“禁止合闸，有人工作”标示牌并做好记录。', 4, '先断负荷、后断电源，验电、接地、挂牌是关键步骤。'),
  ],
  hydraulics: [
    q('single', '液压系统中，将液压能转换为机械能的元件是？', 'C', 1, '液压缸和液压马达是执行元件，把液压能转换为机械能。', ['液压泵', '溢流阀', '液压缸', '油箱']),
    q('single', '溢流阀在定量泵系统中的主要作用是？', 'A', 2, '溢流阀使系统压力保持恒定并防止过载。', ['稳压和过载保护', '改变流向', '调节流量', '过滤杂质']),
    q('single', '液压油温度过高的常见原因是？', 'D', 3, '系统长时间高压溢流、冷却器堵塞或油量不足都会使油温升高。', ['油液过滤精度过高', '油箱容积过大', '执行元件速度过慢', '系统长时间溢流']),
    q('multiple', '液压系统产生噪声和振动的原因可能有哪些？', ['A', 'B', 'C'], 3, '吸空、混入空气和泵磨损都会引起噪声与振动。', ['泵吸油不足（吸空）', '油液中混入空气', '液压泵磨损', '油箱漆面脱落']),
    q('true_false', '更换液压油时，新旧油可以随意混用。', false, 1, '不同牌号的液压油混用会导致性能下降，应按规定清洗后更换。'),
    q('true_false', '拆卸液压管路前必须先卸除系统压力。', true, 1, '带压拆卸会造成高压油喷射伤人。'),
    q('fill_in', '液压系统中用于控制油液流动方向的阀称为____阀。', ['方向', '方向控制', '换向'], 2, '方向控制阀（换向阀、单向阀）控制油液流向。'),
    q('short_answer', '液压缸出现爬行现象，应如何排查？', '检查系统是否混入空气并排气；检查导轨润滑和密封件是否过紧；检查液压缸内泄漏和节流阀是否堵塞。', 4, '爬行多由空气、摩擦力变化和流量不稳引起。'),
    q('short_answer', '简述液压泵不出油的可能原因。', '油箱油位过低或吸油管堵塞；泵转向不对；吸油侧漏气；泵内零件严重磨损或卡死。', 5, '从吸油条件、转向、密封和磨损四方面排查。'),
  ],
  cnc: [
    q('single', '数控车床上 G00 指令的含义是？', 'A', 1, 'G00 为快速定位，G01 为直线插补。', ['快速定位', '直线插补', '顺时针圆弧插补', '暂停']),
    q('single', '数控机床开机后通常首先要做的操作是？', 'B', 2, '开机后先回参考点（回零），建立机床坐标系。', ['直接自动运行程序', '回参考点', '修改刀补', '关闭防护门联锁']),
    q('single', '刀具半径补偿左补偿的指令是？', 'C', 3, 'G41 为刀具半径左补偿，G42 为右补偿，G40 取消。', ['G40', 'G42', 'G41', 'G43']),
    q('multiple', '加工前对刀的目的包括哪些？', ['A', 'C'], 3, '对刀确定工件坐标系原点与刀具位置关系，并得到刀补值。', ['建立工件坐标系', '提高主轴转速', '获得刀具补偿值', '减少冷却液用量']),
    q('true_false', '程序试运行时应使用单段方式并降低进给倍率。', true, 1, '首件试切宜单段运行、降低倍率，确认无误再连续加工。'),
    q('true_false', '机床运行中可以打开防护门测量工件。', false, 1, '运行中严禁打开防护门，测量须在停机后进行。'),
    q('fill_in', '数控程序中 M03 表示主轴____转。', ['正'], 2, 'M03 主轴正转，M04 反转，M05 停止。'),
    q('short_answer', '加工中出现尺寸超差，应从哪些方面分析？', '检查刀具磨损与刀补值；核对程序坐标和对刀；检查工件装夹是否松动；检查机床反向间隙与热变形。', 4, '刀具、程序、装夹、机床四方面。'),
  ],
  dairy_quality: [
    q('single', '生乳收购时常用的快速检测项目是？', 'A', 1, '酒精试验可快速判断生乳的热稳定性和新鲜度。', ['酒精试验', '微生物培养', '重金属测定', '脂肪酸谱分析']),
    q('single', '巴氏杀菌乳的贮存温度一般要求为？', 'B', 2, '巴氏杀菌乳需在 2～6 ℃冷藏。', ['常温', '2～6 ℃', '10～15 ℃', '−18 ℃以下']),
    q('single', '检测生乳中蛋白质含量的国标方法是？', 'C', 3, 'GB 5009.5 以凯氏定氮法测定蛋白质。', ['索氏抽提法', '盖勃法', '凯氏定氮法', '滴定酸度法']),
    q('multiple', '乳品车间人员进入洁净区前应做到哪些？', ['A', 'B', 'D'], 2, '更衣、洗手消毒、佩戴口罩帽子是基本要求。', ['更换洁净工作服', '洗手并消毒', '佩戴首饰', '佩戴口罩和工作帽']),
    q('true_false', '发现原料乳酸度超标时可加碱中和后继续使用。', false, 1, '掺碱属于违法行为，酸度超标的原料乳应拒收。'),
    q('true_false', '留样应标明产品名称、批号和留样日期。', true, 1, '留样信息完整才能追溯。'),
    q('fill_in', '生乳中掺入的三聚氰胺属于违法添加的____物质。', ['非食用'], 3, '三聚氰胺是非食用物质，严禁添加。'),
    q('short_answer', '简述 HACCP 的七个原理。', '危害分析；确定关键控制点；建立关键限值；建立监控程序；建立纠偏措施；建立验证程序；建立记录和文件。', 5, 'HACCP 七原理贯穿危害分析到记录保持。'),
  ],
  labour_law: [
    q('single', '用人单位自用工之日起超过多长时间不与劳动者订立书面劳动合同，应支付二倍工资？', 'A', 2, '《劳动合同法》第八十二条：超过一个月不满一年未订立书面合同的，应向劳动者每月支付二倍工资。', ['一个月', '三个月', '六个月', '一年']),
    q('single', '劳动合同期限三个月以上不满一年的，试用期不得超过？', 'B', 2, '《劳动合同法》第十九条。', ['半个月', '一个月', '二个月', '六个月']),
    q('single', '劳动争议申请仲裁的时效期间一般为？', 'C', 3, '《劳动争议调解仲裁法》第二十七条规定为一年。', ['六个月', '三个月', '一年', '二年']),
    q('multiple', '下列哪些属于劳动合同的必备条款？', ['A', 'B', 'C'], 2, '工作内容、劳动报酬、社会保险等均为必备条款；试用期为约定条款。', ['工作内容和工作地点', '劳动报酬', '社会保险', '试用期']),
    q('true_false', '同一用人单位与同一劳动者只能约定一次试用期。', true, 1, '《劳动合同法》第十九条。'),
    q('true_false', '用人单位可以扣押劳动者的居民身份证作为担保。', false, 1, '《劳动合同法》第九条禁止扣押证件。'),
    q('fill_in', '劳动争议调解组织应当自收到调解申请之日起____日内结束调解。', ['15', '十五'], 3, '《劳动争议调解仲裁法》第十四条：十五日内未达成协议的，当事人可申请仲裁。'),
    q('short_answer', '简述经济补偿的计算方法。', '按劳动者在本单位工作的年限，每满一年支付一个月工资；六个月以上不满一年的按一年计算；不满六个月的支付半个月工资。', 4, '《劳动合同法》第四十七条。'),
  ],
};

const letters = 'ABCDEFGH';

/** Knowledge points the showcase may use, by trade; a trade the catalogue left without any gets its own. */
async function pointsByTrade(db: Db, organisationId: string, now: Date): Promise<Map<string, string[]>> {
  const rows = await db
    .select({ id: knowledgePoints.id, trade: knowledgePoints.trade })
    .from(knowledgePoints)
    .where(and(inArray(knowledgePoints.trade, Object.keys(banks)), or(eq(knowledgePoints.organisationId, organisationId), eq(knowledgePoints.visibility, 'district'))))
    .orderBy(knowledgePoints.code);
  const byTrade = new Map<string, string[]>();
  for (const r of rows) byTrade.set(r.trade!, [...(byTrade.get(r.trade!) ?? []), r.id]);
  for (const trade of Object.keys(banks).filter((t) => !byTrade.has(t))) {
    const [kp] = await db.insert(knowledgePoints).values({ organisationId, code: `EXAM-${trade}`, name: `${trade} 综合`, trade, createdAt: now, updatedAt: now }).returning({ id: knowledgePoints.id });
    byTrade.set(trade, [kp!.id]);
  }
  return byTrade;
}

interface BankRow {
  id: string;
  trade: string;
  spec: DemoQuestion;
  options: Array<{ key: string; text: string }>;
  kpIds: string[];
}

async function insertBank(db: Db, organisationId: string, byTrade: Map<string, string[]>, now: Date): Promise<BankRow[]> {
  const rows: BankRow[] = Object.entries(banks).flatMap(([trade, list]) => {
    const points = byTrade.get(trade)!;
    return list.map((spec, i) => ({ id: '', trade, spec, options: (spec.options ?? []).map((text, k) => ({ key: letters[k]!, text })), kpIds: [points[i % points.length]!] }));
  });
  const inserted = await db
    .insert(questions)
    .values(rows.map((r) => ({ organisationId, kind: r.spec.kind, stem: r.spec.stem, options: r.options, answer: r.spec.answer, explanation: r.spec.explanation, difficulty: r.spec.difficulty, createdAt: now, updatedAt: now })))
    .returning({ id: questions.id });
  rows.forEach((r, i) => (r.id = inserted[i]!.id));
  await db.insert(questionKnowledgePoints).values(rows.flatMap((r) => r.kpIds.map((knowledgePointId) => ({ questionId: r.id, knowledgePointId }))));
  return rows;
}

/** Points per question of the showcase paper: choices 15, true/false 10, fill-in 20 (total 100). */
const pointsOf = (kind: Kind) => (kind === 'true_false' ? 10 : kind === 'fill_in' ? 20 : 15);

async function createExam(db: Db, organisationId: string, now: Date, paper: Omit<typeof examPapers.$inferInsert, 'organisationId'>, exam: Omit<typeof exams.$inferInsert, 'organisationId' | 'paperId'>) {
  const [p] = await db.insert(examPapers).values({ ...paper, organisationId, createdAt: now, updatedAt: now }).returning();
  const [e] = await db.insert(exams).values({ ...exam, organisationId, paperId: p!.id, createdAt: now, updatedAt: now }).returning();
  return { paper: p!, exam: e! };
}

async function otherEmployees(db: Db, organisationId: string, limit: number): Promise<string[]> {
  const [me] = await db.select({ personId: users.personId }).from(users).where(eq(users.username, 'ent-employee'));
  const rows = await db.select({ personId: employments.personId }).from(employments).where(and(eq(employments.organisationId, organisationId), isNull(employments.endDate))).limit(limit + 5);
  return [...new Set(rows.map((r) => r.personId))].filter((id) => id !== me?.personId).slice(0, limit);
}

/** A right or wrong response to a demo question. */
function responseOf(row: BankRow, right: boolean): unknown {
  const a = row.spec.answer;
  if (row.spec.kind === 'short_answer') return right ? String(a) : '不清楚，只记得要注意安全。';
  if (right) return Array.isArray(a) && row.spec.kind === 'fill_in' ? a[0] : a;
  if (row.spec.kind === 'true_false') return !a;
  if (row.spec.kind === 'fill_in') return '不知道';
  if (row.spec.kind === 'multiple') return [(a as string[])[0]];
  return row.options.find((o) => o.key !== a)!.key;
}

interface PastInput {
  db: Db;
  random: Random;
  organisationId: string;
  exam: typeof exams.$inferSelect;
  items: Array<{ row: BankRow; points: number }>;
  personId: string;
  startedAt: Date;
  ability: number;
  graderId: string | null;
}

/** One past attempt with graded answers (short answers graded when a grader is given); answers its statements. */
async function pastAttempt(input: PastInput): Promise<LearningAction[]> {
  const { db, random, exam, items, personId, startedAt } = input;
  const submittedAt = new Date(startedAt.getTime() + random.int(8, 25) * 60_000);
  const answers = items.map(({ row, points }) => {
    const response = responseOf(row, random.chance(input.ability));
    const auto = isCorrect({ kind: row.spec.kind, answer: row.spec.answer }, response as never);
    const short = row.spec.kind === 'short_answer';
    const awarded = short ? (input.graderId ? (response === row.spec.answer ? points : random.int(0, Math.floor(points / 2))) : null) : auto ? points : 0;
    return { row, points, response, awarded, correct: awarded === null ? null : short ? awarded * 2 >= points : auto };
  });
  const pending = answers.some((a) => a.awarded === null);
  const score = answers.reduce((s, a) => s + (a.awarded ?? 0), 0);
  const [attempt] = await db
    .insert(examAttempts)
    .values({
      examId: exam.id, personId, organisationId: input.organisationId, attemptNo: 1, startedAt, deadlineAt: new Date(startedAt.getTime() + exam.timeLimitMinutes * 60_000), submittedAt,
      status: pending ? 'submitted' : 'graded', paper: items.map(({ row, points }) => ({ questionId: row.id, points, optionOrder: row.options.map((o) => o.key) })),
      score: pending ? null : score, passed: pending ? null : score >= exam.passScore, gradedAt: pending ? null : submittedAt,
    })
    .returning();
  await db.insert(examAnswers).values(answers.map((a) => ({
    attemptId: attempt!.id, questionId: a.row.id, response: a.response, correct: a.correct, points: a.awarded,
    gradedAt: a.awarded === null ? null : submittedAt, gradedBy: a.row.spec.kind === 'short_answer' && a.awarded !== null ? input.graderId : null,
  })));
  const facts = { id: exam.id, title: exam.title, passScore: exam.passScore };
  const graded = answers.filter((a) => a.awarded !== null).map((a) => answeredAction(attempt as AttemptRow, facts, { questionId: a.row.id, stem: a.row.spec.stem, knowledgePointIds: a.row.kpIds }, a.awarded!, a.correct!, submittedAt));
  return pending ? graded : [...graded, examAction(attempt as AttemptRow, facts, score, submittedAt)];
}

export async function loadExams(input: LearningDemoInput): Promise<Record<string, number>> {
  const { db, now } = input;
  const random = new Random(input.seed, 'exams');
  const organisationId = input.world.organisation('showcase').id;
  const bank = await insertBank(db, organisationId, await pointsByTrade(db, organisationId, now), now);
  const ofTrade = (trade: string) => bank.filter((r) => r.trade === trade);
  const day = 86_400_000;
  const opensAt = new Date(now.getTime() - 30 * day);
  const closesAt = new Date(now.getTime() + 60 * day);

  const electrical = ofTrade('electrical_safety').filter((r) => r.spec.kind !== 'short_answer');
  const safety = await createExam(db, organisationId, now, { title: '电气安全上岗考试卷', mode: 'fixed', items: electrical.map((r) => ({ questionId: r.id, points: pointsOf(r.spec.kind) })), totalPoints: electrical.reduce((s, r) => s + pointsOf(r.spec.kind), 0) }, {
    title: '电气安全上岗考试', timeLimitMinutes: 30, maxAttempts: 3, passScore: 60, shuffleQuestions: false, shuffleOptions: false, opensAt, closesAt, status: 'published',
  });
  const hydraulic = ofTrade('hydraulics');
  const hydraulics = await createExam(db, organisationId, now, { title: '液压系统维护岗位考核卷', mode: 'fixed', items: hydraulic.map((r) => ({ questionId: r.id, points: r.spec.kind === 'short_answer' ? 20 : 10 })), totalPoints: hydraulic.reduce((s, r) => s + (r.spec.kind === 'short_answer' ? 20 : 10), 0) }, {
    title: '液压系统维护岗位考核', timeLimitMinutes: 45, maxAttempts: 2, passScore: 66, shuffleQuestions: true, shuffleOptions: true, opensAt, closesAt, status: 'published',
  });
  const cnc = ofTrade('cnc').filter((r) => r.spec.kind !== 'short_answer');
  const groups = new Map<string, number>();
  for (const r of cnc) groups.set(`${r.kpIds[0]}|${r.spec.difficulty}`, (groups.get(`${r.kpIds[0]}|${r.spec.difficulty}`) ?? 0) + 1);
  const drawRules = [...groups.entries()].map(([key, n]) => ({ knowledgePointId: key.split('|')[0]!, difficulty: Number(key.split('|')[1]), count: Math.min(n, 1), points: 20 }));
  await createExam(db, organisationId, now, { title: '数控机床操作随机抽考卷', mode: 'random', drawRules, totalPoints: drawRules.reduce((s, r) => s + r.count * r.points, 0) }, {
    title: '数控机床操作月度抽考', timeLimitMinutes: 20, maxAttempts: 1, passScore: Math.ceil(drawRules.length * 20 * 0.6), opensAt, closesAt, status: 'published',
  });

  const [grader] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'ent-instructor'));
  const people = await otherEmployees(db, organisationId, 14);
  const actions: LearningAction[] = [];
  for (const [i, personId] of people.entries()) {
    const ability = 0.35 + random.float() * 0.6;
    const startedAt = new Date(now.getTime() - random.int(2, 25) * day + random.int(8, 16) * 3_600_000);
    const safetyItems = electrical.map((row) => ({ row, points: pointsOf(row.spec.kind) }));
    actions.push(...(await pastAttempt({ db, random, organisationId, exam: safety.exam, items: safetyItems, personId, startedAt, ability, graderId: null })));
    if (i >= 10) continue;
    const hydraulicItems = hydraulic.map((row) => ({ row, points: row.spec.kind === 'short_answer' ? 20 : 10 }));
    actions.push(...(await pastAttempt({ db, random, organisationId, exam: hydraulics.exam, items: hydraulicItems, personId, startedAt: new Date(startedAt.getTime() + day), ability, graderId: i < 7 ? (grader?.id ?? null) : null })));
  }
  await recordLearning({ db, clock: { now: () => now }, publicUrl: input.publicUrl, scheduleProjection: false }, organisationId, actions);
  return { examQuestions: bank.length, exams: 3, examAttempts: people.length + Math.min(people.length, 10) };
}
