import type { DomainEvent } from '../domain/events.ts';
import type { Queryable } from './db.ts';
import { eventsCte, eventsParam } from './events.ts';
import { notLoading } from './programs.ts';

export interface DueNotice {
  programId: string;
  memberId: string;
  lotId: string;
  points: number;
  expiresAt: Date;
}

/**
 * Lots with points left that expire within their programme's notice period and were not noticed yet, locked
 * (others skip them). Of one programme, or of all but those loading their history.
 */
export async function dueExpiryNotices(db: Queryable, now: Date, onlyProgram: string | null, limit: number): Promise<DueNotice[]> {
  const rows = await db.query<{ program_id: string; member_id: string; id: string; remaining: number; expires_at: Date }>(
    `select l.program_id, l.member_id, l.id, l.remaining, l.expires_at
     from lots l
     cross join lateral (select (settings->>'expiryNoticeDays')::int as days from program_settings
                         where program_id = l.program_id order by version desc limit 1) s
     where l.state = 'active' and l.remaining > 0 and l.expiry_noticed_at is null and l.expires_at > $1
       and l.expires_at <= $1::timestamptz + make_interval(days => coalesce(s.days, 14)) and coalesce(s.days, 14) > 0
       and ($2::program is null and ${notLoading('l.program_id')} or l.program_id = $2)
     order by l.expires_at limit $3
     for update of l skip locked`,
    [now, onlyProgram, limit],
  );
  return rows.map((r) => ({ programId: r.program_id, memberId: r.member_id, lotId: r.id, points: Number(r.remaining), expiresAt: r.expires_at }));
}

/** Marks the lots noticed and writes their events, in one statement. */
export async function noticeExpiries(db: Queryable, lots: readonly DueNotice[], events: readonly { programId: string; event: DomainEvent }[], now: Date): Promise<void> {
  if (lots.length === 0) return;
  await db.query(
    `with noticed as (
       update lots set expiry_noticed_at = $1
       from unnest($2::text[]::program[], $3::text[], $4::text[]) as n(program_id, member_id, id)
       where lots.program_id = n.program_id and lots.member_id = n.member_id and lots.id = n.id),
     ${eventsCte('$5', null, 'e."programId"')}
     select 1`,
    [
      now,
      lots.map((l) => l.programId),
      lots.map((l) => l.memberId),
      lots.map((l) => l.lotId),
      eventsParam(events.map(({ programId, event }) => ({ ...event, programId }))),
    ],
  );
}
