import type { Deps } from '../flows/deps.ts';
import { refreshSegments } from '../flows/segments.ts';
import { notLoading } from '../store/programs.ts';
import type { JobReport } from './jobs.ts';

/** Events a job run reads of one programme's feed; the next run takes the rest. */
const FEED_PAGE = 5000;

/**
 * Keeps dynamic segments current between their daily refresh: reads each programme's event feed since its last
 * run and evaluates every segment again for the members those events concern (a receipt, a return, points, a tier,
 * a profile, an action), then moves its place in the feed. A run that fails before moving it is repeated: an
 * evaluation is idempotent.
 */
export async function followSegments(deps: Deps, onlyProgram: string | null): Promise<JobReport> {
  const report: JobReport = { job: 'segments', members: 0, changed: 0 };
  const programmes = await deps.db.query<{ id: string; seq: number }>(
    `select p.id, coalesce(f.seq, 0) as seq from programs p left join segment_feed f on f.program_id = p.id
     where exists (select 1 from segments s where s.program_id = p.id and s.kind = 'dynamic')
       and ($1::program is null and ${notLoading('p.id')} or p.id = $1)
     order by p.id`,
    [onlyProgram],
  );
  for (const { id, seq } of programmes) {
    const [page] = await deps.db.query<{ members: string[] | null; last: number | null }>(
      `select array_agg(distinct member_id) filter (where member_id is not null and type not like 'segment.%') as members, max(seq) as last
       from (select seq, member_id, type from events where program_id = $1 and seq > $2 order by seq limit $3) e`,
      [id, seq, FEED_PAGE],
    );
    if (!page?.last) continue;
    const members = page.members ?? [];
    if (members.length) {
      const moved = await refreshSegments(deps, id, { members });
      report.members += members.length;
      report.changed += moved.reduce((a, m) => a + m.entered + m.departed, 0);
    }
    await deps.db.query(
      `insert into segment_feed (program_id, seq) values ($1, $2) on conflict (program_id) do update set seq = greatest(segment_feed.seq, excluded.seq)`,
      [id, page.last],
    );
  }
  return report;
}

/** Evaluates every dynamic segment again for all members: what time alone changes (days since, windows, ages, RFM). */
export async function refreshAllSegments(deps: Deps, onlyProgram: string | null): Promise<JobReport> {
  const report: JobReport = { job: 'segment-refresh', members: 0, changed: 0 };
  const programmes = await deps.db.query<{ id: string }>(
    `select distinct program_id as id from segments where kind = 'dynamic' and ($1::program is null and ${notLoading('program_id')} or program_id = $1) order by 1`,
    [onlyProgram],
  );
  for (const { id } of programmes) {
    for (const m of await refreshSegments(deps, id)) {
      report.members += m.size;
      report.changed += m.entered + m.departed;
    }
  }
  return report;
}
