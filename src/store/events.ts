import { makeEvent, type DomainEvent, type EventType } from '../domain/events.ts';
import type { Db, Queryable } from './db.ts';
import { newId } from './ids.ts';

/** An event with a fresh id: the store names ids. */
export const newEvent = <T extends EventType>(type: T, occurredAt: Date, payload: DomainEvent<T>['payload']): DomainEvent<T> =>
  makeEvent(newId('evt'), type, occurredAt, payload);

/** Events as the JSON parameter `eventsCte` reads; each may name its programme, for a statement over several. */
export const eventsParam = (events: readonly (DomainEvent & { programId?: string })[]) =>
  JSON.stringify(
    events.map((e) => ({ programId: e.programId, id: e.id, type: e.type, version: e.version, memberId: e.memberId, occurredAt: e.occurredAt, payload: e.payload })),
  );

/**
 * The CTE that writes events in the statement that makes the change (`param` the events as JSON, of the programme
 * `$1` or, with `program` = `e."programId"`, each of its own): written or not with it. With `guard`, only when
 * that CTE returned a row.
 */
export const eventsCte = (param: string, guard: string | null = null, program = '$1') => `event as (
       insert into events (program_id, id, type, version, member_id, occurred_at, payload)
       select ${program}, e.id, e.type, e.version, e."memberId", e."occurredAt", e.payload
       from ${guard ? `${guard}, ` : ''}json_to_recordset(${param}::json) as e("programId" program, id text, type text, version int, "memberId" text,
         "occurredAt" timestamptz, payload json))`;

/** Writes events in the caller's transaction. */
export async function recordEvents(db: Queryable, programId: string, events: readonly DomainEvent[]): Promise<void> {
  if (events.length === 0) return;
  await db.query(`with ${eventsCte('$2')} select 1`, [programId, eventsParam(events)]);
}

const SEQUENCER_LOCK = 4_711_002;

/**
 * Gives committed events their place in their programme's feed, in the order they were written: one process at
 * a time (the others skip), so a feed position never changes once given and a reader never sees a gap filled.
 * Returns how many events it placed.
 */
export async function sequenceEvents(db: Db, limit = 5000): Promise<number> {
  return db.transaction(async (tx) => {
    const [lock] = await tx.query<{ held: boolean }>('select pg_try_advisory_xact_lock($1) as held', [SEQUENCER_LOCK]);
    if (!lock?.held) return 0;
    const [row] = await tx.query<{ placed: number }>(
      `with pending as (
         select program_id, id, written from events where seq is null order by written limit $1),
       numbered as (
         select p.program_id, p.id, coalesce(c.seq, 0) + row_number() over (partition by p.program_id order by p.written) as seq
         from pending p left join event_cursors c on c.program_id = p.program_id),
       placed as (
         update events e set seq = n.seq from numbered n where e.program_id = n.program_id and e.id = n.id
         returning e.program_id, e.seq),
       cursor as (
         insert into event_cursors (program_id, seq) select program_id, max(seq) from placed group by program_id
         on conflict (program_id) do update set seq = excluded.seq)
       select count(*)::int as placed from placed`,
      [limit],
    );
    return row?.placed ?? 0;
  });
}

export interface FeedEvent {
  seq: number;
  id: string;
  type: string;
  version: number;
  memberId: string | null;
  occurredAt: Date;
  payload: unknown;
}

/** The programme's events after feed position `after`, in order. */
export async function eventFeed(db: Queryable, programId: string, after: number, limit: number): Promise<{ events: FeedEvent[]; last: number }> {
  const rows = await db.query<{ seq: number; id: string; type: string; version: number; member_id: string | null; occurred_at: Date; payload: unknown }>(
    `select seq, id, type, version, member_id, occurred_at, payload from events
     where program_id = $1 and seq > $2 order by seq limit $3`,
    [programId, after, limit],
  );
  const [cursor] = await db.query<{ seq: number }>('select seq from event_cursors where program_id = $1', [programId]);
  return {
    events: rows.map((r) => ({ seq: Number(r.seq), id: r.id, type: r.type, version: r.version, memberId: r.member_id, occurredAt: r.occurred_at, payload: r.payload })),
    last: Number(cursor?.seq ?? 0),
  };
}
