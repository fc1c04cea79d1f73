import type { Database, Db } from '../server/src/db/client.ts';
import { attainmentAt, dailyActivity, organisationActivity, projectFigures } from '../server/src/modules/learning/reports/figures.ts';
import { refreshAllRollups } from '../server/src/modules/learning/reports/rollups.ts';
import { addCalendarDays, shanghaiDateOf } from '../server/src/lib/working-days.ts';
import type { Sql } from './database.ts';
import { progressBar } from './report.ts';

/*
 * The enterprise report's data and its baseline, shared by `npm run bench:report` and the report scenario of
 * `npm run bench`: the learning tables filled in bulk for one enterprise whose learners the statement corpus is
 * about, the report's dates, the report's queries sent directly, and signing in over HTTP.
 */

// A type (not an interface), so it passes as URLSearchParams' record.
export type ReportDates = { from: string; to: string; asOf: string; compareTo: string };

/** The report's period: the 90 days up to today, attainment today against 90 days ago. */
export function reportDates(until: Date): ReportDates {
  const today = shanghaiDateOf(until);
  return { from: addCalendarDays(today, -89), to: today, asOf: today, compareTo: addCalendarDays(today, -90) };
}

/*
 * The learning tables the report reads, filled in bulk and consistently with the rules:
 * - catalogue: 8 competencies of 3 levels, two knowledge points per level; 5 role profiles each requiring 3 of them
 *   at level 2 or 3; every learner has a profile and one of 10 departments;
 * - levels: each learner reaches a level 0..3 in each competency (a hash), one history row per level reached, level k
 *   within the k-th third of the year; knowledge_point_scores agree (points up to the level mastered: 5 of 5 correct;
 *   the next level's points begun: 1 of 3);
 * - learning_study_time from the corpus's own durations (experienced/terminated, Asia/Shanghai days) and
 *   learning_completions from its completed/passed statements, as the projector and the reports' listener do;
 * - exam attempts (1–2 a learner over the year, three in four passed), certificates for passes, one project with every
 *   learner enrolled and three in five completed; then the daily rollups with the server's own refresh.
 */
const fills = [
  `insert into knowledge_points (organisation_id, code, name)
     select $1, 'KP-' || c || '-' || l || '-' || k, '知识点 ' || c || '-' || l || '-' || k from generate_series(1, 8) c, generate_series(1, 3) l, generate_series(1, 2) k`,
  `insert into competencies (organisation_id, code, name, max_level) select $1, 'C-' || c, '能力 ' || c, 3 from generate_series(1, 8) c`,
  `insert into competency_knowledge_points (competency_id, knowledge_point_id, level)
     select co.id, kp.id, split_part(kp.code, '-', 3)::int from knowledge_points kp
     join competencies co on co.organisation_id = kp.organisation_id and co.code = 'C-' || split_part(kp.code, '-', 2) where kp.organisation_id = $1`,
  `insert into role_profiles (organisation_id, name) select $1, '岗位 ' || r from generate_series(1, 5) r`,
  `insert into role_profile_requirements (role_profile_id, competency_id, required_level, weight)
     select rp.id, co.id, 2 + ((split_part(rp.name, ' ', 2)::int + split_part(co.code, '-', 2)::int) % 2), 33
     from role_profiles rp join competencies co on co.organisation_id = rp.organisation_id
     where rp.organisation_id = $1 and (split_part(co.code, '-', 2)::int - split_part(rp.name, ' ', 2)::int + 8) % 8 in (0, 1, 2)`,
  `insert into learner_profiles (organisation_id, person_id, department, role_profile_id)
     select $1, e.person_id, '部门 ' || (abs(hashtext(e.person_id::text)) % 10 + 1), rp.id
     from employments e join role_profiles rp on rp.organisation_id = $1 and rp.name = '岗位 ' || (abs(hashtext(e.person_id::text || 'r')) % 5 + 1)
     where e.organisation_id = $1`,
  `create temporary table bench_levels as
     select lp.person_id, co.id as competency_id, abs(hashtext(lp.person_id::text || co.code)) % 4 as level
     from learner_profiles lp join competencies co on co.organisation_id = lp.organisation_id where lp.organisation_id = $1`,
  `insert into competency_level_history (organisation_id, person_id, competency_id, level, source, effective_at)
     select $1, b.person_id, b.competency_id, k, 'knowledge',
       $2::timestamptz - interval '365 days' + ((k - 1) * 120 + abs(hashtext(b.person_id::text || b.competency_id::text || k)) % 120) * interval '1 day'
     from bench_levels b join generate_series(1, 3) k on k <= b.level`,
  `insert into knowledge_point_scores (organisation_id, person_id, knowledge_point_id, attempts, correct, last_at)
     select $1, b.person_id, ckp.knowledge_point_id::text, case when ckp.level <= b.level then 5 else 3 end, case when ckp.level <= b.level then 5 else 1 end, $2
     from bench_levels b join competency_knowledge_points ckp on ckp.competency_id = b.competency_id and ckp.level <= b.level + 1`,
  `insert into learning_study_time (organisation_id, person_id, activity_id, day, seconds)
     select organisation_id, person_id, activity_id, (timestamp at time zone 'Asia/Shanghai')::date,
       sum(coalesce(m[1]::numeric, 0) * 3600 + coalesce(m[2]::numeric, 0) * 60 + coalesce(m[3]::numeric, 0))::int
     from (select organisation_id, person_id, activity_id, timestamp, regexp_match(statement->'result'->>'duration', '^PT(?:(\\d+)H)?(?:(\\d+)M)?(?:([\\d.]+)S)?$') as m
           from xapi_statements where organisation_id = $1 and person_id is not null and activity_id is not null
             and verb_id in ('http://adlnet.gov/expapi/verbs/experienced', 'http://adlnet.gov/expapi/verbs/terminated')) s
     where m is not null group by 1, 2, 3, 4 having sum(coalesce(m[1]::numeric, 0) * 3600 + coalesce(m[2]::numeric, 0) * 60 + coalesce(m[3]::numeric, 0)) >= 1`,
  `insert into learning_completions (organisation_id, person_id, activity_id, completed_at, day)
     select organisation_id, person_id, activity_id, min(timestamp), (min(timestamp) at time zone 'Asia/Shanghai')::date
     from xapi_statements where organisation_id = $1 and person_id is not null and activity_id is not null
       and verb_id in ('http://adlnet.gov/expapi/verbs/completed', 'http://adlnet.gov/expapi/verbs/passed')
     group by 1, 2, 3`,
  `insert into exam_papers (organisation_id, title, mode, total_points) values ($1, '液压系统维护结业试卷', 'fixed', 100)`,
  `insert into exams (organisation_id, paper_id, title, time_limit_minutes, max_attempts, pass_score, status)
     select $1, id, '液压系统维护结业考试', 60, 2, 60, 'published' from exam_papers where organisation_id = $1`,
  `insert into exam_attempts (exam_id, person_id, organisation_id, attempt_no, started_at, deadline_at, submitted_at, status, paper, score, passed, graded_at)
     select x.id, lp.person_id, $1, a, t - interval '1 hour', t, t, 'graded', '[]'::jsonb, s, s >= 60, t
     from learner_profiles lp cross join exams x cross join generate_series(1, 2) a
     cross join lateral (select $2::timestamptz - (abs(hashtext(lp.person_id::text || a)) % 365) * interval '1 day' as t,
                                (abs(hashtext(lp.person_id::text || a || 's')) % 100) as s) v
     where lp.organisation_id = $1 and x.organisation_id = $1 and (a = 1 or abs(hashtext(lp.person_id::text)) % 2 = 0)`,
  `insert into certificate_rules (organisation_id, title, trigger_kind, trigger_id, validity_months)
     select $1, '液压系统维护合格证', 'exam', id, 36 from exams where organisation_id = $1`,
  `insert into learning_certificates (organisation_id, rule_id, person_id, title, number, cycle, issued_at, verification_code, source_kind, source_id, completed_at)
     select $1, r.id, a.person_id, r.title, 'BENCH-' || row_number() over (), 1, min(a.submitted_at), md5(a.person_id::text), 'exam', a.exam_id, min(a.submitted_at)
     from exam_attempts a join certificate_rules r on r.trigger_id = a.exam_id where a.organisation_id = $1 and a.passed group by r.id, r.title, a.person_id, a.exam_id`,
  `insert into training_projects (organisation_id, title) values ($1, '液压维修技能提升项目')`,
  `insert into project_enrolments (project_id, person_id, organisation_id, enrolled_at, source, status, completed_at)
     select p.id, lp.person_id, $1, $2::timestamptz - interval '200 days', 'rule',
       case when abs(hashtext(lp.person_id::text || 'p')) % 5 < 3 then 'completed' else 'active' end,
       case when abs(hashtext(lp.person_id::text || 'p')) % 5 < 3 then $2::timestamptz - (abs(hashtext(lp.person_id::text)) % 150) * interval '1 day' end
     from learner_profiles lp cross join training_projects p where lp.organisation_id = $1 and p.organisation_id = $1`,
];

/** Fills the learning tables of one enterprise (its employments and statements already written), then its rollups. */
export async function fillLearning(sql: Sql, database: Database, organisationId: string, until: Date) {
  const bar = progressBar('Filling the learning tables');
  try {
    for (const [i, text] of fills.entries()) {
      bar.update(i, fills.length + 1, text.trim().split(/\s+/).slice(0, 3).join(' '));
      await sql.query(text, text.includes('$2') ? [organisationId, until.toISOString()] : [organisationId]);
    }
    bar.update(fills.length, fills.length + 1, 'daily rollups');
    await refreshAllRollups(database.db, organisationId);
    await sql.query('analyze');
    bar.update(fills.length + 1, fills.length + 1, 'done');
  } finally {
    bar.stop();
  }
}

/** Signs in over HTTP and answers the session cookie (`fulcrum_session=…`). */
export async function signIn(url: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-requested-with': 'fulcrum' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200) throw new Error(`login answered ${response.status}: ${await response.text()}`);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('fulcrum_session='));
  if (!cookie) throw new Error('login set no session cookie');
  return cookie.split(';')[0]!;
}

/** The report's queries as the endpoint sends them (side by side), directly: attainment at both dates, rollups, projects, days. */
export async function directReport(db: Db, organisationId: string, dates: ReportDates) {
  const ids = [organisationId];
  const [asOf, compareTo, activity, projects, daily] = await Promise.all([
    attainmentAt(db, ids, dates.asOf),
    attainmentAt(db, ids, dates.compareTo),
    organisationActivity(db, ids, dates.from, dates.to),
    projectFigures(db, ids, dates.to),
    dailyActivity(db, ids, dates.from, dates.to),
  ]);
  return { attained: asOf.filter((p) => p.gaps === 0).length, before: compareTo.filter((p) => p.gaps === 0).length, learners: asOf.length, activity, projects, days: daily.length };
}
