import type { Queryable } from './db.ts';

export interface Webhook {
  id: string;
  url: string;
  /** The event types sent; none: every type. */
  eventTypes: string[];
  enabled: boolean;
  disabledReason: string | null;
  createdAt: Date;
}

type Row = { id: string; url: string; event_types: string[]; enabled: boolean; disabled_reason: string | null; created_at: Date };
const columns = 'id, url, event_types, enabled, disabled_reason, created_at';
const toWebhook = (r: Row): Webhook => ({ id: r.id, url: r.url, eventTypes: r.event_types, enabled: r.enabled, disabledReason: r.disabled_reason, createdAt: r.created_at });

/** A new subscription receives the events placed in the feed from now on (earlier ones by replay). */
export async function insertWebhook(db: Queryable, programId: string, w: Omit<Webhook, 'enabled' | 'disabledReason'> & { secret: string }): Promise<Webhook> {
  const [row] = await db.query<Row>(
    `insert into webhooks (program_id, id, url, event_types, secret, enabled, fanned_to, since_written, created_at, updated_at)
     values ($1, $2, $3, $4, $5, true, coalesce((select seq from event_cursors where program_id = $1), 0),
       coalesce((select max(written) from events where program_id = $1), 0), $6, $6)
     returning ${columns}`,
    [programId, w.id, w.url, w.eventTypes, w.secret, w.createdAt],
  );
  return toWebhook(row as Row);
}

export async function listWebhooks(db: Queryable, programId: string): Promise<Webhook[]> {
  return (await db.query<Row>(`select ${columns} from webhooks where program_id = $1 order by created_at, id`, [programId])).map(toWebhook);
}

export async function findWebhook(db: Queryable, programId: string, id: string): Promise<Webhook | null> {
  const [row] = await db.query<Row>(`select ${columns} from webhooks where program_id = $1 and id = $2`, [programId, id]);
  return row ? toWebhook(row) : null;
}

/** Changes a subscription; enabling it again clears the reason it was disabled for. */
export async function updateWebhook(
  db: Queryable,
  programId: string,
  id: string,
  change: { url?: string | undefined; eventTypes?: string[] | undefined; enabled?: boolean | undefined },
  now: Date,
): Promise<Webhook | null> {
  const [row] = await db.query<Row>(
    `update webhooks set url = coalesce($3, url), event_types = coalesce($4, event_types), enabled = coalesce($5, enabled),
       disabled_reason = case when coalesce($5, enabled) then null else disabled_reason end, updated_at = $6
     where program_id = $1 and id = $2 returning ${columns}`,
    [programId, id, change.url ?? null, change.eventTypes ?? null, change.enabled ?? null, now],
  );
  return row ? toWebhook(row) : null;
}

export async function deleteWebhook(db: Queryable, programId: string, id: string): Promise<boolean> {
  return (await db.query('delete from webhooks where program_id = $1 and id = $2 returning id', [programId, id])).length > 0;
}

/** Whether any programme has an enabled subscription: without one there is nothing to queue or send. */
export async function anyWebhooks(db: Queryable): Promise<boolean> {
  const [row] = await db.query<{ any: boolean }>('select exists (select 1 from webhooks where enabled) as any');
  return row?.any ?? false;
}

/**
 * Queues, for every enabled subscription, the feed's next events of its types, up to `limit` feed positions; returns
 * how many were queued.
 */
export async function queueDeliveries(db: Queryable, now: Date, limit = 5000): Promise<number> {
  const [row] = await db.query<{ queued: number }>(
    `with hooks as (
       select program_id, id, event_types, fanned_to, since_written,
         least(coalesce((select seq from event_cursors c where c.program_id = w.program_id), 0), fanned_to + $2) as upto
       from webhooks w where enabled for update skip locked),
     queued as (
       insert into webhook_deliveries (program_id, webhook_id, event_id, event_seq, member_id, status, queued_at, next_attempt_at)
       select h.program_id, h.id, e.id, e.seq, e.member_id, 'pending', $1, $1
       -- Feed positions have no gaps, so the limit cuts nothing: it makes the planner walk the feed's index.
       from hooks h cross join lateral (
         select e.id, e.seq, e.member_id from events e
         where e.program_id = h.program_id and e.seq > h.fanned_to and e.seq <= h.upto and e.written > h.since_written
           and (cardinality(h.event_types) = 0 or e.type = any(h.event_types))
         order by e.seq limit $2) e
       on conflict do nothing returning 1),
     moved as (
       update webhooks w set fanned_to = h.upto from hooks h where w.program_id = h.program_id and w.id = h.id and h.upto > h.fanned_to)
     select count(*)::int as queued from queued`,
    [now, limit],
  );
  return row?.queued ?? 0;
}

export interface DueDelivery {
  programId: string;
  webhookId: string;
  url: string;
  secret: string;
  attempts: number;
  queuedAt: Date;
  event: { id: string; seq: number; type: string; version: number; memberId: string | null; occurredAt: Date; payload: unknown };
}

/** How many of a subscription's oldest pending deliveries a lease looks among. */
const LOOK_AHEAD = 4096;

/**
 * Takes up to `limit` deliveries that are due, leasing each until `until` (another process leaves them alone
 * meanwhile): the first pending one of each member per enabled subscription, oldest first, each followed by up to
 * `chain - 1` of that member's next ones (events without a member stand alone). Returned in feed order: sent one after
 * another, a member's events arrive in order. Whoever holds a member's first delivery holds the rest of the chain,
 * whatever their own lease says.
 *
 * It looks among a subscription's oldest `LOOK_AHEAD` pending deliveries, so a round costs the same whatever the
 * backlog: members waiting for a retry hold up the others only if they fill that window.
 */
export async function leaseDueDeliveries(db: Queryable, now: Date, until: Date, limit: number, chain: number): Promise<DueDelivery[]> {
  const rows = await db.query<{
    program_id: string; webhook_id: string; url: string; secret: string; attempts: number; queued_at: Date;
    event_id: string; seq: number; type: string; version: number; member_id: string | null; occurred_at: Date; payload: unknown;
  }>(
    `with pending as (
       select d.program_id, d.webhook_id, d.event_id, d.event_seq, d.next_attempt_at, row_number() over chain as place, first_value(d.event_id) over chain as head
       from webhooks w cross join lateral (
         select program_id, webhook_id, event_id, event_seq, next_attempt_at, member_id from webhook_deliveries
         where program_id = w.program_id and webhook_id = w.id and status = 'pending' order by event_seq limit $5) d
       where w.enabled
       window chain as (partition by d.program_id, d.webhook_id, coalesce(d.member_id, d.event_id) order by d.event_seq)),
     -- A head is checked again as locked: one another process leased or delivered after this statement began is
     -- no longer due, though the look-ahead above, read before, still names it.
     heads as (
       select d.program_id, d.webhook_id, d.event_id, d.next_attempt_at, d.event_seq from webhook_deliveries d
       where (d.program_id, d.webhook_id, d.event_id) in (
         select program_id, webhook_id, event_id from pending where place = 1 and next_attempt_at <= $1 order by next_attempt_at, event_seq limit $3)
         and d.status = 'pending' and d.next_attempt_at <= $1
       for update skip locked),
     -- A member's next events go with the first only if this process holds it: no other process can be sending them.
     chains as (
       select p.program_id, p.webhook_id, p.event_id from pending p
       join heads h on h.program_id = p.program_id and h.webhook_id = p.webhook_id and h.event_id = p.head
       where p.place <= $4
       order by h.next_attempt_at, h.event_seq, p.place limit $3),
     leased as (
       update webhook_deliveries d set next_attempt_at = $2 from chains
       where d.program_id = chains.program_id and d.webhook_id = chains.webhook_id and d.event_id = chains.event_id
       returning d.program_id, d.webhook_id, d.event_id, d.attempts, d.queued_at)
     select l.program_id, l.webhook_id, w.url, w.secret, l.attempts, l.queued_at,
       e.id as event_id, e.seq, e.type, e.version, e.member_id, e.occurred_at, e.payload
     from leased l join webhooks w on w.program_id = l.program_id and w.id = l.webhook_id
     join events e on e.program_id = l.program_id and e.id = l.event_id
     order by e.seq`,
    [now, until, limit, chain, LOOK_AHEAD],
  );
  return rows.map((r) => ({
    programId: r.program_id,
    webhookId: r.webhook_id,
    url: r.url,
    secret: r.secret,
    attempts: r.attempts,
    queuedAt: r.queued_at,
    event: { id: r.event_id, seq: Number(r.seq), type: r.type, version: r.version, memberId: r.member_id, occurredAt: r.occurred_at, payload: r.payload },
  }));
}

export interface Attempt {
  at: Date;
  status: number | null;
  error: string | null;
  latencyMs: number;
  response: string | null;
  /** delivered; pending again at `retryAt`; or dead (given up), which disables the subscription with `reason`. */
  outcome: { kind: 'delivered' } | { kind: 'retry'; retryAt: Date } | { kind: 'dead'; reason: string };
}

/** Records attempts of deliveries and what follows from each, in one statement; a dead one disables its subscription. */
export async function recordAttempts(db: Queryable, attempts: (Pick<DueDelivery, 'programId' | 'webhookId'> & { eventId: string; attempt: Attempt })[]): Promise<void> {
  if (attempts.length === 0) return;
  const rows = attempts.map(({ programId, webhookId, eventId, attempt: a }) => ({
    programId,
    webhookId,
    eventId,
    status: a.outcome.kind === 'retry' ? 'pending' : a.outcome.kind,
    at: a.at,
    code: a.status,
    error: a.error,
    latency: Math.round(a.latencyMs),
    response: a.response,
    retryAt: a.outcome.kind === 'retry' ? a.outcome.retryAt : null,
    reason: a.outcome.kind === 'dead' ? a.outcome.reason : null,
  }));
  await db.query(
    `with attempt as (
       select * from json_to_recordset($1::json) as a("programId" program, "webhookId" text, "eventId" text, status text, at timestamptz,
         code int, error text, latency int, response text, "retryAt" timestamptz, reason text)),
     recorded as (
       update webhook_deliveries d set status = a.status, attempts = d.attempts + 1, last_attempt_at = a.at, last_status = a.code,
         last_error = a.error, last_latency_ms = a.latency, last_response = a.response, next_attempt_at = coalesce(a."retryAt", d.next_attempt_at),
         delivered_at = case when a.status = 'delivered' then a.at else d.delivered_at end
       from attempt a where d.program_id = a."programId" and d.webhook_id = a."webhookId" and d.event_id = a."eventId")
     update webhooks w set enabled = false, disabled_reason = a.reason, updated_at = a.at
     from attempt a where a.reason is not null and w.program_id = a."programId" and w.id = a."webhookId"`,
    [JSON.stringify(rows)],
  );
}

export interface DeliveryLogItem {
  eventId: string;
  seq: number;
  status: string;
  attempts: number;
  lastAttemptAt: Date | null;
  lastStatus: number | null;
  lastError: string | null;
  lastLatencyMs: number | null;
  lastResponse: string | null;
  deliveredAt: Date | null;
}

export async function deliveryLog(db: Queryable, programId: string, webhookId: string, limit: number): Promise<DeliveryLogItem[]> {
  const rows = await db.query<Record<string, unknown>>(
    `select event_id, event_seq, status, attempts, last_attempt_at, last_status, last_error, last_latency_ms, last_response, delivered_at
     from webhook_deliveries where program_id = $1 and webhook_id = $2 order by event_seq desc limit $3`,
    [programId, webhookId, limit],
  );
  return rows.map((r) => ({
    eventId: r.event_id as string,
    seq: Number(r.event_seq),
    status: r.status as string,
    attempts: r.attempts as number,
    lastAttemptAt: r.last_attempt_at as Date | null,
    lastStatus: r.last_status as number | null,
    lastError: r.last_error as string | null,
    lastLatencyMs: r.last_latency_ms as number | null,
    lastResponse: r.last_response as string | null,
    deliveredAt: r.delivered_at as Date | null,
  }));
}

/** Sends events again: one, or those of a range of feed positions (of the subscription's types); returns how many. */
export async function replayDeliveries(db: Queryable, programId: string, webhookId: string, range: { from: number; to: number }, now: Date): Promise<number> {
  const [row] = await db.query<{ queued: number }>(
    `with queued as (
       insert into webhook_deliveries (program_id, webhook_id, event_id, event_seq, member_id, status, queued_at, next_attempt_at)
       select e.program_id, w.id, e.id, e.seq, e.member_id, 'pending', $5, $5
       from webhooks w join events e on e.program_id = w.program_id and e.seq between $3 and $4
       where w.program_id = $1 and w.id = $2 and (cardinality(w.event_types) = 0 or e.type = any(w.event_types))
       on conflict (program_id, webhook_id, event_id) do update set status = 'pending', attempts = 0, queued_at = $5, next_attempt_at = $5
       returning 1)
     select count(*)::int as queued from queued`,
    [programId, webhookId, range.from, range.to, now],
  );
  return row?.queued ?? 0;
}
