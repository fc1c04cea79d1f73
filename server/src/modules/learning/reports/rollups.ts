import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { chunks, INSERT_CHUNK } from '../../../lib/list.ts';

/*
 * learning_daily_rollups: per organisation and Asia/Shanghai day, the figures reports add up. A day's row is always
 * recomputed from its sources (learning_study_time, learning_completions, exam_attempts, learning_certificates) rather
 * than incremented, so refreshing a day twice — or during a rebuild of the projection — gives the same row.
 */

export interface OrganisationDay {
  organisationId: string;
  day: string;
}

/** Recomputes the rows of these organisation days. */
export async function refreshRollups(db: Db, keys: readonly OrganisationDay[]): Promise<void> {
  const unique = [...new Map(keys.map((k) => [`${k.organisationId}\n${k.day}`, k])).values()];
  for (const batch of chunks(unique, INSERT_CHUNK)) {
    const orgs = sql.param(batch.map((k) => k.organisationId));
    const days = sql.param(batch.map((k) => k.day));
    await db.execute(sql`
      with k as (
        select org, day, (day::text || 'T00:00:00+08:00')::timestamptz as starts, ((day + 1)::text || 'T00:00:00+08:00')::timestamptz as ends
        from unnest(${orgs}::uuid[], ${days}::date[]) as u(org, day)
      )
      insert into learning_daily_rollups (organisation_id, day, study_seconds, completions, exam_attempts, exam_passes, certificates)
      select k.org, k.day,
        coalesce((select sum(t.seconds) from learning_study_time t where t.organisation_id = k.org and t.day = k.day), 0),
        (select count(*) from learning_completions c where c.organisation_id = k.org and c.day = k.day),
        (select count(*) from exam_attempts a where a.organisation_id = k.org and a.status = 'graded' and a.submitted_at >= k.starts and a.submitted_at < k.ends),
        (select count(*) from exam_attempts a where a.organisation_id = k.org and a.status = 'graded' and a.passed and a.submitted_at >= k.starts and a.submitted_at < k.ends),
        (select count(*) from learning_certificates c where c.organisation_id = k.org and c.issued_at >= k.starts and c.issued_at < k.ends)
      from k
      on conflict (organisation_id, day) do update set study_seconds = excluded.study_seconds, completions = excluded.completions,
        exam_attempts = excluded.exam_attempts, exam_passes = excluded.exam_passes, certificates = excluded.certificates`);
  }
}

/** Recomputes every day any source has figures for (an organisation's, or all): after a bulk load or a repair. */
export async function refreshAllRollups(db: Db, organisationId?: string): Promise<number> {
  const only = organisationId ? sql`where organisation_id = ${organisationId}` : sql``;
  const result = await db.execute(sql`
    select distinct organisation_id, day::text as day from (
      select organisation_id, day from learning_study_time
      union all select organisation_id, day from learning_completions
      union all select organisation_id, (submitted_at at time zone 'UTC' + interval '8 hours')::date from exam_attempts where submitted_at is not null
      union all select organisation_id, (issued_at at time zone 'UTC' + interval '8 hours')::date from learning_certificates
    ) s ${only}`);
  const keys = (result as unknown as { rows: { organisation_id: string; day: string }[] }).rows.map((r) => ({ organisationId: r.organisation_id, day: r.day }));
  await refreshRollups(db, keys);
  return keys.length;
}
