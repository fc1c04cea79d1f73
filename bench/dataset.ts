import { createHash } from 'node:crypto';
import type { PGlite } from '@electric-sql/pglite';
import type { Database } from '../server/src/db/client.ts';
import {
  competencies,
  competencyKnowledgePoints,
  courseSections,
  courses,
  knowledgePointPrerequisites,
  knowledgePoints,
  lessonKnowledgePoints,
  lessons,
  organisations,
  roleProfileRequirements,
  roleProfiles,
} from '../server/src/db/schema/index.ts';
import { demoTrades } from '../server/src/demo/steps/learning-catalogue.ts';
import { chunks, INSERT_CHUNK } from '../server/src/lib/list.ts';
import { hashPassword } from '../server/src/modules/auth/passwords.ts';
import { createPushesFor } from '../server/src/modules/coach/pushes.ts';
import { searchVector } from '../server/src/modules/learning/catalogue/search-text.ts';
import { shanghaiDateOf } from '../server/src/lib/working-days.ts';
import { loadCorpus, pgliteSql, prepareDatabase, type Sql, type Tenant } from './database.ts';
import { fillLearning } from './learning-fills.ts';
import { progressBar } from './report.ts';
import { buildWorkload, type Workload } from './workload.ts';

/*
 * The benchmark's district, loaded before the server starts (PGlite cannot be shared with a running server) and
 * with set-based SQL wherever the rows are many: ids are md5 of a name and a serial, names come from fixed word
 * lists by serial, so two loads at one scale write the same rows (only instants follow the clock).
 */

export type Scale = 'quick' | 'small' | 'district';

export interface ScaleSizes {
  enterprises: number;
  people: number;
  /** Learners of the enterprise the statement corpus and the report are about (part of `people`). */
  reportLearners: number;
  statements: number;
  /** Employees given an account, a session, mastery rows and today's pushes (the home and login scenarios rotate them). */
  sampled: number;
  courses: number;
  claims: number;
  notices: number;
}

export const scales: Record<Scale, ScaleSizes> = {
  quick: { enterprises: 5, people: 600, reportLearners: 200, statements: 5_000, sampled: 40, courses: 24, claims: 30, notices: 10 },
  small: { enterprises: 50, people: 5_000, reportLearners: 1_000, statements: 200_000, sampled: 400, courses: 120, claims: 300, notices: 40 },
  district: { enterprises: 2_000, people: 100_000, reportLearners: 5_000, statements: 2_000_000, sampled: 2_000, courses: 400, claims: 3_000, notices: 200 },
};

/** Learners of the report's enterprise given an account (the exam storm's learners). */
export const STORM_ACCOUNTS = 500;

/** The one password of every benchmark account; its argon2 hash is computed once and shared. */
export const BENCH_PASSWORD = 'Fulcrum-bench-2026';

/** A signed-in account: the cookie token is known because the loader wrote its session. */
export interface Account {
  username: string;
  cookie: string;
  organisationId: string;
  personId: string | null;
}

export interface Dataset {
  scale: Scale;
  sizes: ScaleSizes;
  publicUrl: string;
  workload: Workload;
  tenant: Tenant;
  hrssId: string;
  employees: Account[];
  /** The training manager of the report's enterprise (it reads the enterprise report). */
  manager: Account;
  officer: Account;
  searchQueries: string[];
  /** Rows per table after loading, for the log. */
  counts: Record<string, number>;
  /** What the exam storm's preparation answered, when that scenario is present. */
  examStorm?: unknown;
}

export interface LoadOptions {
  scale: Scale;
  publicUrl: string;
  /** The newest instant of the corpus and of the sessions. */
  now: Date;
  /** Runs before anything else is written by the benchmark: the exam storm's own preparation, when present. */
  prepare?: (database: Database, dataset: Dataset) => Promise<unknown>;
  log: (text: string) => void;
}

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩邓冯曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆'];
const GIVEN = [...'建国军华平明强伟勇刚志海林峰东文斌波杰涛永宝庆福成德春生利山新立忠振胜学红兵浩宇轩博俊泽睿辰昊晨鹏凯阳航铭磊鑫秀英玉兰桂芳丽霞梅娟敏燕萍静艳琴云凤洁莉慧颖欣怡涵萱佳悦馨婷琪瑶雪晴'];
const TRADE_WORDS = ['鑫源', '宏达', '恒通', '华锐', '瑞丰', '金泰', '永盛', '德胜', '嘉诚', '富隆', '兴旺', '昌荣', '汇智', '博远', '创佳', '康安', '顺益', '凯腾', '辉祥', '润海'];
const INDUSTRY_WORDS = [['液压设备', '34'], ['机械制造', '34'], ['电气', '38'], ['汽车零部件', '36'], ['精密铸造', '33'], ['食品', '14'], ['化工', '26'], ['物流', '59']] as const;
const POSITIONS = ['操作工', '维修工', '电工', '焊工', '质检员', '班组长', '仓管员', '叉车司机'];
const COURSE_VARIANTS = ['', '入门', '进阶', '实训', '复训', '班组长专题', '新员工必修', '案例精讲', '安全专项', '技能提升'];
const sqlArray = (words: readonly string[]) => `array[${words.map((w) => `'${w}'`).join(', ')}]`;
/** The deterministic uuid the loader gives a name and serial (md5 of `bench-<name>-<serial>` with the version-4 and variant digits set), as `idSql` computes it in SQL. */
export function benchId(name: string, serial: string | number): string {
  const hex = createHash('md5').update(`bench-${name}-${serial}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20)}`;
}

/** A deterministic uuid of a name and a serial expression, in SQL (version-4 and variant digits set, as validators expect). */
const idSql = (name: string, serial: string) => `overlay(overlay(md5('bench-${name}-' || ${serial}) placing '4' from 13) placing '8' from 17)::uuid`;

async function count(sql: Sql, table: string): Promise<number> {
  return Number((await sql.query<{ n: string | number }>(`select count(*) as n from ${table}`))[0]!.n);
}

/** Loads the whole dataset; prints how long each part and the whole took. */
export async function loadDataset(database: Database, sql: Sql, options: LoadOptions): Promise<Dataset> {
  const started = performance.now();
  const sizes = scales[options.scale];
  const { log, now } = options;
  const step = async <T>(label: string, work: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const result = await work();
    log(`  ${label} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    return result;
  };

  const workload = buildWorkload(options.publicUrl, sizes.reportLearners);
  const tenant = await step(`migrations, reference data, the report's enterprise with ${sizes.reportLearners.toLocaleString('en-US')} learners, an LRS client`, () => prepareDatabase(database, workload));
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const [hrss] = await database.db
    .insert(organisations)
    .values({ type: 'government_department', departmentKind: 'hrss', regionId: 'baodi', name: '天津市宝坻区人力资源和社会保障局' })
    .returning();
  const hrssId = hrss!.id;
  const dataset: Dataset = {
    scale: options.scale,
    sizes,
    publicUrl: options.publicUrl,
    workload,
    tenant,
    hrssId,
    employees: [],
    manager: { username: 'bench-manager', cookie: '', organisationId: tenant.organisationId, personId: null },
    officer: { username: 'bench-hrss-officer', cookie: '', organisationId: hrssId, personId: null },
    searchQueries: [],
    counts: {},
  };

  await step(`${(sizes.enterprises - 1).toLocaleString('en-US')} more enterprises, ${(sizes.people - sizes.reportLearners).toLocaleString('en-US')} people with employments`, () =>
    writeDistrict(sql, sizes),
  );
  const templateIds = await step('the district catalogue: knowledge points, competencies, role profile templates, courses and lessons', () => writeCatalogue(database, hrssId, sizes.courses));
  dataset.searchQueries = searchQueriesOf();
  await step('learner profiles on the district templates', () =>
    sql.query(
      `insert into learner_profiles (organisation_id, person_id, department, role_profile_id)
       select e.organisation_id, e.person_id, '车间 ' || (1 + abs(hashtext(e.person_id::text)) % 8), ($1::uuid[])[1 + abs(hashtext(e.person_id::text || 'r')) % cardinality($1::uuid[])]
       from employments e where e.organisation_id <> $2`,
      [templateIds, tenant.organisationId],
    ),
  );
  dataset.employees = await step(`accounts, sessions and coach mastery for ${sizes.sampled.toLocaleString('en-US')} sampled employees`, () => writeEmployees(sql, sizes, passwordHash, now));
  await step('the statement corpus', async () => {
    const bar = progressBar(`Loading ${sizes.statements.toLocaleString('en-US')} statements`);
    try {
      await loadCorpus(sql, workload, tenant, { statements: sizes.statements, until: now, onProgress: bar.update, maintenanceWorkMem: database.kind === 'pglite' ? '128MB' : '512MB' });
    } finally {
      bar.stop();
    }
  });
  await step("the report enterprise's learning tables and rollups", () => fillLearning(sql, database, tenant.organisationId, now));
  await step('training managers with cost rows, an HRSS officer', async () => {
    dataset.manager.cookie = await writeStaff(sql, { tenant, hrssId, passwordHash, now, employees: dataset.employees });
    dataset.officer.cookie = sessionCookie('officer');
  });
  await step(`${sizes.claims.toLocaleString('en-US')} subsidy claims in the HRSS review queue`, () => writeClaims(sql, sizes.claims, now));
  await step(`${sizes.notices.toLocaleString('en-US')} published public notices`, () => writeNotices(sql, hrssId, sizes.notices, now));
  await step(`today's coach pushes of the sampled employees (the server's createPushesFor)`, async () => {
    const bar = progressBar('Coach pushes');
    try {
      for (const [i, employee] of dataset.employees.entries()) {
        await createPushesFor(database.db, now, employee.organisationId, employee.personId!);
        bar.update(i + 1, dataset.employees.length, 'employees');
      }
    } finally {
      bar.stop();
    }
  });
  await step(`accounts for ${Math.min(STORM_ACCOUNTS, workload.learners.length)} learners of the report's enterprise`, () =>
    sql.query(
      `insert into users (id, username, display_name, person_id, password_hash)
       select ${idSql('learner', 'l.n::text')}, 'bench-learner-' || l.n, p.name, p.id, $3
       from unnest($1::uuid[], $2::int[]) as l(person_id, n) join people p on p.id = l.person_id`,
      [workload.learners.slice(0, STORM_ACCOUNTS).map((l) => l.personId), workload.learners.slice(0, STORM_ACCOUNTS).map((l) => l.index), passwordHash],
    ),
  );
  if (options.prepare) dataset.examStorm = await step('the exam storm', () => options.prepare!(database, dataset));
  await step('analyze', () => sql.query('analyze'));
  for (const table of ['organisations', 'people', 'employments', 'learner_profiles', 'users', 'sessions', 'courses', 'lessons', 'coach_mastery', 'coach_pushes', 'xapi_statements', 'training_costs', 'subsidy_claims', 'public_notices']) {
    dataset.counts[table] = await count(sql, table);
  }
  log(`dataset loaded in ${((performance.now() - started) / 1000).toFixed(1)} s: ${Object.entries(dataset.counts).map(([k, v]) => `${k} ${v.toLocaleString('en-US')}`).join(', ')}`);
  return dataset;
}

/** The SQL of a PGlite database held by this process. */
export const embeddedSql = (database: Database): Sql => pgliteSql(database.pglite as PGlite);

/** Enterprises 2..N of the region and their people (one open employment each), in chunks of 25,000 people. */
async function writeDistrict(sql: Sql, sizes: ScaleSizes) {
  const enterprises = sizes.enterprises - 1;
  await sql.query(
    `insert into organisations (id, type, region_id, name, industry_division, size, employee_count)
     select ${idSql('enterprise', 'n')}, 'enterprise', 'baodi',
            '天津' || (${sqlArray(TRADE_WORDS)})[1 + n % ${TRADE_WORDS.length}] || (${sqlArray(INDUSTRY_WORDS.map((w) => w[0]))})[1 + (n / ${TRADE_WORDS.length}) % ${INDUSTRY_WORDS.length}] || '有限公司（' || n || '）',
            (${sqlArray(INDUSTRY_WORDS.map((w) => w[1]))})[1 + (n / ${TRADE_WORDS.length}) % ${INDUSTRY_WORDS.length}],
            (array['small', 'medium', 'large'])[1 + n % 3], ${Math.ceil((sizes.people - sizes.reportLearners) / Math.max(1, enterprises))}
     from generate_series(1, $1::int) n`,
    [enterprises],
  );
  const people = sizes.people - sizes.reportLearners;
  const bar = progressBar('People');
  try {
    for (let from = 1; from <= people; from += 25_000) {
      const to = Math.min(people, from + 24_999);
      await sql.query(
        `insert into people (id, name, resident_id, phone)
         select ${idSql('person', 'n')},
                (${sqlArray(SURNAMES)})[1 + n % ${SURNAMES.length}] || (${sqlArray(GIVEN)})[1 + (n * 7) % ${GIVEN.length}] || case when n % 5 = 0 then '' else (${sqlArray(GIVEN)})[1 + (n * 13) % ${GIVEN.length}] end,
                '120224' || to_char(date '1965-01-01' + (n % 12000), 'YYYYMMDD') || lpad(((n / 12000) % 1000)::text, 3, '0') || (n % 10)::text,
                '13' || lpad((100000000 + n)::text, 9, '0')
         from generate_series($1::int, $2::int) n`,
        [from, to],
      );
      await sql.query(
        `insert into employments (person_id, organisation_id, position, start_date)
         select ${idSql('person', 'n')}, ${idSql('enterprise', `(1 + (n - 1) % ${enterprises})`)}, (${sqlArray(POSITIONS)})[1 + n % ${POSITIONS.length}],
                date '2020-01-01' + (n % 1500)
         from generate_series($1::int, $2::int) n`,
        [from, to],
      );
      bar.update(to, people, 'people');
    }
  } finally {
    bar.stop();
  }
}

/**
 * The HRSS bureau's district catalogue from the demo's trades: knowledge points with prerequisites, competencies,
 * a role profile template per trade, and `courseCount` published district courses (each trade's course and
 * variants of it: 入门, 进阶, 实训 …) with their sections, lessons and lessons' knowledge points. Answers the templates' ids.
 */
async function writeCatalogue(database: Database, hrssId: string, courseCount: number): Promise<string[]> {
  const { db } = database;
  const pointIds = new Map<string, string>();
  for (const trade of demoTrades) {
    const rows = await db
      .insert(knowledgePoints)
      .values(trade.points.map((p) => ({ organisationId: hrssId, code: p.code, name: p.name, description: p.description, trade: trade.trade, visibility: 'district', searchVector: searchVector(p.name, p.description) })))
      .returning({ id: knowledgePoints.id, code: knowledgePoints.code });
    for (const row of rows) pointIds.set(row.code, row.id);
  }
  const edges = demoTrades.flatMap((t) => t.points.flatMap((p) => p.prerequisites.map((q) => ({ knowledgePointId: pointIds.get(p.code)!, prerequisiteId: pointIds.get(q)! }))));
  if (edges.length) await db.insert(knowledgePointPrerequisites).values(edges);
  const templateIds: string[] = [];
  for (const trade of demoTrades) {
    const competencyIds = new Map<string, string>();
    for (const c of trade.competencies) {
      const [row] = await db.insert(competencies).values({ organisationId: hrssId, code: c.code, name: c.name, maxLevel: c.maxLevel, visibility: 'district' }).returning();
      competencyIds.set(c.code, row!.id);
      await db.insert(competencyKnowledgePoints).values(Object.entries(c.levels).map(([code, level]) => ({ competencyId: row!.id, knowledgePointId: pointIds.get(code)!, level })));
    }
    const [template] = await db.insert(roleProfiles).values({ organisationId: hrssId, name: trade.template.name, description: trade.template.description, isTemplate: true }).returning();
    templateIds.push(template!.id);
    await db.insert(roleProfileRequirements).values(trade.template.requirements.map(([code, requiredLevel, weight]) => ({ roleProfileId: template!.id, competencyId: competencyIds.get(code)!, requiredLevel, weight })));
  }
  const now = new Date();
  const plans = Array.from({ length: courseCount }, (_, i) => {
    const trade = demoTrades[i % demoTrades.length]!;
    const variant = COURSE_VARIANTS[Math.floor(i / demoTrades.length) % COURSE_VARIANTS.length]!;
    const round = Math.floor(i / (demoTrades.length * COURSE_VARIANTS.length));
    const suffix = `${variant ? `（${variant}）` : ''}${round ? ` 第${round + 1}期` : ''}`;
    return { trade, title: `${trade.course.title}${suffix}`, description: `${trade.course.description}${variant ? `；${variant}` : ''}`, suffix };
  });
  for (const batch of chunks(plans, 100)) {
    const inserted = await db
      .insert(courses)
      .values(batch.map((c) => ({ organisationId: hrssId, title: c.title, description: c.description, trade: c.trade.trade, status: 'published', visibility: 'district', searchVector: searchVector(c.title, c.description), publishedAt: now })))
      .returning({ id: courses.id });
    const sections = await db
      .insert(courseSections)
      .values(batch.flatMap((c, i) => c.trade.course.sections.map((s, position) => ({ courseId: inserted[i]!.id, position, title: s.title }))))
      .returning({ id: courseSections.id, courseId: courseSections.courseId, position: courseSections.position });
    const sectionOf = new Map(sections.map((s) => [`${s.courseId}:${s.position}`, s.id]));
    const lessonRows = batch.flatMap((c, i) => {
      let position = 0;
      return c.trade.course.sections.flatMap((s, sectionPosition) =>
        s.lessons.map((l) => {
          const title = `${l.title}${c.suffix}`;
          const names = l.points.map((code) => c.trade.points.find((p) => p.code === code)!.name);
          return {
            row: { organisationId: hrssId, courseId: inserted[i]!.id, sectionId: sectionOf.get(`${inserted[i]!.id}:${sectionPosition}`)!, position: position++, kind: l.kind, title, durationSeconds: l.seconds, searchVector: searchVector(title, '', ...names) },
            points: l.points,
          };
        }),
      );
    });
    for (const part of chunks(lessonRows, INSERT_CHUNK)) {
      const written = await db.insert(lessons).values(part.map((l) => l.row)).returning({ id: lessons.id });
      await db.insert(lessonKnowledgePoints).values(part.flatMap((l, i) => l.points.map((code) => ({ lessonId: written[i]!.id, knowledgePointId: pointIds.get(code)! }))));
    }
  }
  return templateIds;
}

/** Chinese queries of the kinds employees type: a trade, a topic inside a lesson, a short word, a long phrase. */
function searchQueriesOf(): string[] {
  const queries = new Set<string>();
  for (const trade of demoTrades) {
    queries.add(trade.name);
    queries.add(trade.points[1]?.name ?? trade.name);
    queries.add(trade.course.sections[0]!.lessons[0]!.title);
    queries.add(`${trade.name.slice(0, 2)}${COURSE_VARIANTS[3]}`);
  }
  queries.add('安全');
  queries.add('故障诊断');
  queries.add('新员工必修');
  return [...queries];
}

const sessionToken = (name: string) => `bench-session-${name}`;
const sessionCookie = (name: string) => `fulcrum_session=${sessionToken(name)}`;
/** A session row as createSession writes it, for a known token; last seen at the load (touched again by the server). */
const sessionSql = (name: string, user: string, membership: string) =>
  `insert into sessions (token_hash, user_id, membership_id, created_at, last_seen_at, absolute_expires_at)
   select encode(sha256(convert_to('bench-session-' || ${name}, 'UTF8')), 'hex'), ${user}, ${membership}, $1::timestamptz, $1::timestamptz + interval '6 hours', $1::timestamptz + interval '12 hours'`;

/**
 * The sampled employees: people 1..sampled of the district (spread over the enterprises), each with an account, an
 * employee membership, a session whose cookie the benchmark knows and BKT mastery on the district's points. The
 * session is marked seen a few hours ahead, so a long run does not see it expire; the server then never touches it.
 */
async function writeEmployees(sql: Sql, sizes: ScaleSizes, passwordHash: string, now: Date): Promise<Account[]> {
  const sampled = Math.min(sizes.sampled, sizes.people - sizes.reportLearners);
  await sql.query(
    `insert into users (id, username, display_name, person_id, password_hash)
     select ${idSql('user', 'n')}, 'bench-employee-' || n, p.name, p.id, $1 from generate_series(1, $2::int) n join people p on p.id = ${idSql('person', 'n')}`,
    [passwordHash, sampled],
  );
  await sql.query(
    `insert into memberships (id, user_id, organisation_id, role)
     select ${idSql('membership', 'n')}, ${idSql('user', 'n')}, e.organisation_id, 'employee'
     from generate_series(1, $1::int) n join employments e on e.person_id = ${idSql('person', 'n')}`,
    [sampled],
  );
  await sql.query(`${sessionSql("n::text", idSql('user', 'n'), idSql('membership', 'n'))} from generate_series(1, $2::int) n`, [now.toISOString(), sampled]);
  await sql.query(
    `insert into coach_mastery (person_id, knowledge_point_id, mastery, answers, correct, last_answered_at)
     select lp.person_id, ckp.knowledge_point_id, (abs(hashtext(lp.person_id::text || ckp.knowledge_point_id::text)) % 900 + 50) / 1000.0, 4, 2, $2::timestamptz - interval '3 days'
     from generate_series(1, $1::int) n
     join learner_profiles lp on lp.person_id = ${idSql('person', 'n')}
     join role_profile_requirements r on r.role_profile_id = lp.role_profile_id
     join competency_knowledge_points ckp on ckp.competency_id = r.competency_id
     group by lp.person_id, ckp.knowledge_point_id`,
    [sampled, now.toISOString()],
  );
  const rows = await sql.query<{ n: number; person_id: string; organisation_id: string }>(
    `select n, e.person_id, e.organisation_id from generate_series(1, $1::int) n join employments e on e.person_id = ${idSql('person', 'n')} order by n`,
    [sampled],
  );
  return rows.map((r) => ({ username: `bench-employee-${r.n}`, cookie: sessionCookie(String(r.n)), organisationId: r.organisation_id, personId: r.person_id }));
}

/**
 * A training manager of the report's enterprise (its session known) and one of each sampled employee's enterprise,
 * with a year of cost rows each on the enterprise's project (or none), and the HRSS bureau's officer. Answers the
 * report manager's cookie.
 */
async function writeStaff(sql: Sql, input: { tenant: Tenant; hrssId: string; passwordHash: string; now: Date; employees: Account[] }): Promise<string> {
  const organisationIds = [...new Set([input.tenant.organisationId, ...input.employees.map((e) => e.organisationId)])];
  await sql.query(
    `insert into users (id, username, display_name, password_hash)
     select ${idSql('manager', 'o::text')}, case when o = $2::uuid then 'bench-manager' else 'bench-manager-' || o::text end, '培训主管', $3
     from unnest($1::uuid[]) o`,
    [organisationIds, input.tenant.organisationId, input.passwordHash],
  );
  await sql.query(`insert into memberships (id, user_id, organisation_id, role) select ${idSql('manager-membership', 'o::text')}, ${idSql('manager', 'o::text')}, o, 'training_manager' from unnest($1::uuid[]) o`, [organisationIds]);
  await sql.query(`${sessionSql("'manager'", idSql('manager', "$2::text"), idSql('manager-membership', "$2::text"))}`, [input.now.toISOString(), input.tenant.organisationId]);
  await sql.query(
    `insert into training_costs (organisation_id, project_id, spent_on, amount_fen, description, created_by)
     select o, (select id from training_projects p where p.organisation_id = o order by id limit 1), ($2::date - (w * 7)), 50000 + (abs(hashtext(o::text || w)) % 400000), '第' || w || '周培训费用（讲师课酬、教材、场地）', ${idSql('manager', 'o::text')}
     from unnest($1::uuid[]) o cross join generate_series(1, 52) w`,
    [organisationIds, shanghaiDateOf(input.now)],
  );
  await sql.query(`insert into users (id, username, display_name, password_hash) values (${idSql('officer', "'1'")}, 'bench-hrss-officer', '人社局审核员', $1)`, [input.passwordHash]);
  await sql.query(`insert into memberships (id, user_id, organisation_id, role) values (${idSql('officer-membership', "'1'")}, ${idSql('officer', "'1'")}, $1, 'department_officer')`, [input.hrssId]);
  await sql.query(sessionSql("'officer'", idSql('officer', "'1'"), idSql('officer-membership', "'1'")), [input.now.toISOString()]);
  return sessionCookie('manager');
}

/**
 * A subsidy policy of the year, one registered apprenticeship class per claim (enterprises in rotation) and its
 * advance claim submitted to HRSS, with the computation the claim keeps (the figures of a 20-apprentice class).
 */
async function writeClaims(sql: Sql, claims: number, now: Date) {
  const today = shanghaiDateOf(now);
  const year = Number(today.slice(0, 4));
  await sql.query(
    `insert into subsidy_policies (id, region_id, year, version, effective_from, rates_fen, rate_without_certificate_fen, advance_ratio_bp, advance_basis,
       min_centralised_hours, online_share_cap_bp, video_share_min_bp, min_years, max_years, max_years_with_reason, notice_working_days, is_demo, note)
     values (${idSql('policy', "'1'")}, 'baodi', $1, 1, $2, '{"1": 800000, "2": 700000, "3": 600000, "4": 500000}'::jsonb, 300000, 5000, 'one_year', 160, 5000, 2500, 1, 2, 3, 5, true, '基准测试用政策')`,
    [year, `${year}-01-01`],
  );
  await sql.query(
    `insert into apprenticeship_classes (id, organisation_id, region_id, kind, registration_no, name, institution_kind, institution_name, occupation, target_level,
       starts_on, ends_on, duration_years, enterprise_tutor, institution_tutor, training_plan, status, filed_at, registered_on)
     select ${idSql('class', 'n')}, o.id, 'baodi', 'enterprise', 'XTBA-' || $2 || '-' || lpad(n::text, 5, '0'), o.name || (array['液压维修工', '电工', '焊工', '数控车工'])[1 + n % 4] || '学徒班',
            'institution', '天津市宝坻区职业技术学校', (array['液压维修工', '电工', '焊工', '数控车工'])[1 + n % 4], 3, $3::date - 30, $3::date + 335, 1,
            '{"name": "王建国", "title": "高级技师"}'::jsonb, '{"name": "李明", "title": "讲师"}'::jsonb, '理论与实操结合，企业导师带教', 'registered', $4::timestamptz - interval '40 days', $3::date - 35
     from generate_series(1, $1::int) n
     join lateral (select id, name from organisations where type = 'enterprise' order by id offset (n % (select count(*) from organisations where type = 'enterprise')) limit 1) o on true`,
    [claims, year, today, now.toISOString()],
  );
  await sql.query(
    `insert into subsidy_claims (id, reference_no, class_id, organisation_id, region_id, kind, status, round, policy_id, computation, amount_fen, due_on, submitted_at)
     select ${idSql('claim', 'n')}, 'BT120224-' || $2 || '-' || lpad(n::text, 5, '0'), k.id, k.organisation_id, 'baodi', 'advance', 'submitted', 1, ${idSql('policy', "'1'")},
            jsonb_build_object('policy', jsonb_build_object('id', ${idSql('policy', "'1'")}, 'version', 1, 'year', $2::int, 'effectiveFrom', $2 || '-01-01', 'isDemo', true),
              'targetLevel', 3, 'years', 1, 'rateFen', 600000, 'rateWithoutCertificateFen', 300000, 'advanceRatioBp', 5000, 'advanceBasis', 'one_year',
              'headcount', jsonb_build_object('roster', 20, 'claimed', 20, 'certified', 0, 'completedWithoutCertificate', 0, 'nonCompleters', 0, 'excluded', 0),
              'excludedApprenticeIds', '[]'::jsonb, 'perPersonAdvanceFen', 300000, 'advancePaidFen', 0,
              'lines', jsonb_build_array(jsonb_build_object('key', 'advance', 'label', jsonb_build_object('zh-CN', '预拨', 'en-US', 'Advance'), 'formula', '20 人 × 6,000.00 元 × 50% × 1 年', 'amountFen', 6000000)),
              'amountFen', 6000000),
            6000000, $3::date + (n % 15) - 5, $4::timestamptz - (n % 20) * interval '1 day'
     from generate_series(1, $1::int) n join apprenticeship_classes k on k.id = ${idSql('class', 'n')}`,
    [claims, String(year), today, now.toISOString()],
  );
}

/** Published notices of the HRSS bureau, each with 20 masked entries, half of them open for objections today. */
async function writeNotices(sql: Sql, hrssId: string, notices: number, now: Date) {
  const today = shanghaiDateOf(now);
  await sql.query(
    `insert into public_notices (id, region_id, organisation_id, subject_type, subject_id, title, body, columns, entries, starts_on, ends_on, working_days, status, published_at)
     select ${idSql('notice', 'n')}, 'baodi', $2, 'subsidy_claim', ${idSql('notice-subject', 'n')},
            '关于' || (array['新型学徒制培训补贴', '职业技能培训补贴', '技能提升补贴'])[1 + n % 3] || '拟发放名单的公示（第' || n || '批）',
            '根据有关规定，现将拟发放名单予以公示。公示期内如有异议，请实名反映。',
            '[{"key": "name", "zh": "姓名", "en": "Name", "mask": "name"}, {"key": "org", "zh": "单位", "en": "Employer"}, {"key": "amount", "zh": "金额（元）", "en": "Amount (yuan)"}]'::jsonb,
            (select jsonb_agg(jsonb_build_object('ref', overlay(overlay(md5(n || '-' || e) placing '4' from 13) placing '8' from 17)::uuid, 'cells', jsonb_build_object('name', '王*' , 'org', '天津鑫源液压设备有限公司', 'amount', to_char(3000 + e * 100, 'FM999,990.00')))) from generate_series(1, 20) e),
            $3::date - (n % 10), $3::date - (n % 10) + 7, 5, 'published', $4::timestamptz - (n % 10) * interval '1 day'
     from generate_series(1, $1::int) n`,
    [notices, hrssId, today, now.toISOString()],
  );
}
