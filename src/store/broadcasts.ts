import { groupSql, splitBucketSql } from '../domain/messages/split.ts';
import type { Queryable } from './db.ts';

export interface Broadcast {
  code: string;
  name: string;
  segment: string;
  topic: string;
  /** The template of each variant, A to E in order. */
  variants: string[];
  controlPercent: number;
  sendAt: Date;
  status: 'scheduled' | 'planned' | 'cancelled';
  plannedAt: Date | null;
  /** When planned: the segment's members then, of whom some could not be reached and some were held back. */
  audience: number | null;
  createdAt: Date;
  updatedAt: Date;
}

/** The letter a variant goes by: A for the first. */
export const variantLetter = (i: number) => String.fromCharCode(65 + i);

type Row = {
  code: string; name: string; segment: string; topic: string; variants: string[]; control_percent: string; send_at: Date; status: Broadcast['status'];
  planned_at: Date | null; audience: number | null; created_at: Date; updated_at: Date;
};
const toBroadcast = (r: Row): Broadcast => ({
  code: r.code, name: r.name, segment: r.segment, topic: r.topic, variants: r.variants, controlPercent: Number(r.control_percent), sendAt: new Date(r.send_at),
  status: r.status, plannedAt: r.planned_at && new Date(r.planned_at), audience: r.audience, createdAt: new Date(r.created_at), updatedAt: new Date(r.updated_at),
});

export async function saveBroadcast(db: Queryable, programId: string, b: Broadcast): Promise<void> {
  await db.query(
    `insert into message_broadcasts (program_id, code, name, segment, topic, variants, control_percent, send_at, status, planned_at, audience, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
     on conflict (program_id, code) do update set name = excluded.name, segment = excluded.segment, topic = excluded.topic, variants = excluded.variants,
       control_percent = excluded.control_percent, send_at = excluded.send_at, status = excluded.status, updated_at = excluded.updated_at`,
    [programId, b.code, b.name, b.segment, b.topic, JSON.stringify(b.variants), b.controlPercent, b.sendAt, b.status, b.plannedAt, b.audience, b.createdAt, b.updatedAt],
  );
}

export async function findBroadcast(db: Queryable, programId: string, code: string, lock = false): Promise<Broadcast | null> {
  const [row] = await db.query<Row>(`select * from message_broadcasts where program_id = $1 and code = $2${lock ? ' for update' : ''}`, [programId, code]);
  return row ? toBroadcast(row) : null;
}

export async function listBroadcasts(db: Queryable, programId: string): Promise<Broadcast[]> {
  return (await db.query<Row>('select * from message_broadcasts where program_id = $1 order by send_at desc, code', [programId])).map(toBroadcast);
}

/** The broadcasts whose time has come and that are not planned yet, of every programme or of one. */
export async function dueBroadcasts(db: Queryable, now: Date, only: string | null = null): Promise<{ programId: string; code: string }[]> {
  return (
    await db.query<{ program_id: string; code: string }>(
      `select program_id, code from message_broadcasts where status = 'scheduled' and send_at <= $1 and ($2::program is null or program_id = $2) order by send_at`,
      [now, only],
    )
  ).map((r) => ({ programId: r.program_id, code: r.code }));
}

/** The broadcasts naming a segment (it may not be removed while one that is not done does). */
export async function broadcastsTo(db: Queryable, programId: string, segment: string): Promise<string[]> {
  return (await db.query<{ code: string }>(`select code from message_broadcasts where program_id = $1 and segment = $2 and status = 'scheduled' order by code`, [programId, segment])).map((r) => r.code);
}

/**
 * Writes a broadcast's messages in one statement: for each member of its segment who may get marketing on its
 * channel (consent, an address, phone or subscribed browser, not erased, not in the global control group, the topic not muted), a queued message of
 * their variant, or a 'control' row when the split holds them back. A message already there for the member stays.
 * Returns the segment's size and how many rows were written.
 */
export async function planBroadcast(
  db: Queryable,
  programId: string,
  b: Broadcast,
  at: { now: Date; dueAt: Date; globalControlPercent: number; channel: 'email' | 'sms' | 'push' },
): Promise<{ audience: number; written: number }> {
  const [size] = await db.query<{ n: number }>('select count(*)::int as n from segment_members where program_id = $1 and segment = $2', [programId, b.segment]);
  const group = groupSql('$2', 'sm.member_id', '$4', '$5');
  // By push, the member themselves once a browser of theirs subscribed (the sender pushes to each).
  const address = {
    email: 'm.email',
    sms: 'm.phone',
    push: 'case when exists (select 1 from push_subscriptions ps where ps.program_id = m.program_id and ps.member_id = m.id) then m.id end',
  }[at.channel];
  const rows = await db.query<{ n: number }>(
    `with eligible as (
       select sm.member_id, ${address} as address, case when m.attributes->>'language' = 'en' then 'en' else 'ru' end as language, ${group} as grp
       from segment_members sm
       join members m on m.program_id = sm.program_id and m.id = sm.member_id
       left join message_preferences p on p.program_id = sm.program_id and p.member_id = sm.member_id
       where sm.program_id = $1 and sm.segment = $3 and m.erased_at is null and ${address} is not null and (m.consents->>$12)::boolean
         and ${splitBucketSql("'global:' || $1", 'sm.member_id')} >= round($9 * 100)
         and not ($10 = any(coalesce(p.muted_topics, '{}'))) and coalesce(p.weekly_max, 1) > 0
     ), written as (
       insert into messages (program_id, id, member_id, origin, occurrence, channel, kind, template, language, to_address, status, created_at, due_at, variant, topic)
       select $1, 'msg_' || upper(substr(md5($6 || ':' || e.member_id), 1, 26)), e.member_id, $6, $2, $12, 'marketing',
         coalesce(($11::jsonb)->>(e.grp::int), ''), e.language, e.address, case when e.grp is null then 'control' else 'queued' end, $7, $8,
         case when e.grp is null then null else chr(65 + e.grp::int) end, $10
       from eligible e
       on conflict (program_id, origin, member_id, occurrence) do nothing
       returning 1
     )
     select count(*)::int as n from written`,
    [programId, b.code, b.segment, b.controlPercent, b.variants.length, `broadcast:${b.code}`, at.now, at.dueAt, at.globalControlPercent, b.topic, JSON.stringify(b.variants), at.channel],
  );
  return { audience: size?.n ?? 0, written: rows[0]?.n ?? 0 };
}

export async function markPlanned(db: Queryable, programId: string, code: string, at: Date, audience: number): Promise<void> {
  await db.query(`update message_broadcasts set status = 'planned', planned_at = $3, audience = $4 where program_id = $1 and code = $2`, [programId, code, at, audience]);
}
