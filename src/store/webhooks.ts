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
    `insert into webhooks (program_id, id, url, event_types, secret, enabled, fanned_to, created_at, updated_at)
     values ($1, $2, $3, $4, $5, true, coalesce((select seq from event_cursors where program_id = $1), 0), $6, $6)
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

/** Queues, for every enabled subscription, the feed's new events of its types; returns how many were queued. */
export async function queueDeliveries(db: Queryable, now: Date): Promise<number> {
  const [row] = await db.query<{ queued: number }>(
    `with hooks as (
       select program_id, id, event_types, fanned_to, coalesce((select seq from event_cursors c where c.program_id = w.program_id), 0) as upto
       from webhooks w where enabled for update skip locked),
     queued as (
       insert into webhook_deliveries (program_id, webhook_id, event_id, event_seq, member_id, status, queued_at, next_attempt_at)
       select h.program_id, h.id, e.id, e.seq, e.member_id, 'pending', $1, $1
       from hooks h join events e on e.program_id = h.program_id and e.seq > h.fanned_to and e.seq <= h.upto
       where cardinality(h.event_types) = 0 or e.type = any(h.event_types)
       on conflict do nothing returning 1),
     moved as (
       update webhooks w set fanned_to = h.upto from hooks h where w.program_id = h.program_id and w.id = h.id and h.upto > h.fanned_to)
     select count(*)::int as queued from queued`,
    [now],
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

/**
 * Takes deliveries that are due, leasing each until `until` (another process leaves them alone meanwhile), oldest
 * first, and only the first pending one of each member per subscription: a member's events arrive in order.
 */
export async function leaseDueDeliveries(db: Queryable, now: Date, until: Date, limit: number): Promise<DueDelivery[]> {
  const rows = await db.query<{
    program_id: string; webhook_id: string; url: string; secret: string; attempts: number; queued_at: Date;
    event_id: string; seq: number; type: string; version: number; member_id: string | null; occurred_at: Date; payload: unknown;
  }>(
    `with due as (
       select d.program_id, d.webhook_id, d.event_id from webhook_deliveries d
       where d.status = 'pending' and d.next_attempt_at <= $1
         and not exists (
           select 1 from webhook_deliveries before
           where before.program_id = d.program_id and before.webhook_id = d.webhook_id and before.member_id = d.member_id
             and before.status = 'pending' and before.event_seq < d.event_seq)
       order by d.next_attempt_at, d.event_seq limit $3 for update skip locked),
     leased as (
       update webhook_deliveries d set next_attempt_at = $2 from due
       where d.program_id = due.program_id and d.webhook_id = due.webhook_id and d.event_id = due.event_id
       returning d.program_id, d.webhook_id, d.event_id, d.attempts, d.queued_at)
     select l.program_id, l.webhook_id, w.url, w.secret, l.attempts, l.queued_at,
       e.id as event_id, e.seq, e.type, e.version, e.member_id, e.occurred_at, e.payload
     from leased l join webhooks w on w.program_id = l.program_id and w.id = l.webhook_id
     join events e on e.program_id = l.program_id and e.id = l.event_id`,
    [now, until, limit],
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

/** Records one attempt of a delivery and what follows from it. */
export async function recordAttempt(db: Queryable, d: Pick<DueDelivery, 'programId' | 'webhookId'> & { eventId: string }, a: Attempt): Promise<void> {
  const status = a.outcome.kind === 'retry' ? 'pending' : a.outcome.kind;
  await db.query(
    `update webhook_deliveries set status = $4, attempts = attempts + 1, last_attempt_at = $5, last_status = $6, last_error = $7,
       last_latency_ms = $8, last_response = $9, next_attempt_at = coalesce($10, next_attempt_at),
       delivered_at = case when $4 = 'delivered' then $5 else delivered_at end
     where program_id = $1 and webhook_id = $2 and event_id = $3`,
    [d.programId, d.webhookId, d.eventId, status, a.at, a.status, a.error, Math.round(a.latencyMs), a.response, a.outcome.kind === 'retry' ? a.outcome.retryAt : null],
  );
  if (a.outcome.kind === 'dead')
    await db.query('update webhooks set enabled = false, disabled_reason = $3, updated_at = $4 where program_id = $1 and id = $2', [
      d.programId,
      d.webhookId,
      a.outcome.reason,
      a.at,
    ]);
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
