import { setImmediate } from 'node:timers/promises';
import { Webhook } from 'standardwebhooks';
import type { Deps } from '../flows/deps.ts';
import { sequenceEvents } from '../store/events.ts';
import { post } from './post.ts';
import { anyWebhooks, leaseDueDeliveries, queueDeliveries, recordAttempts, type Attempt, type DueDelivery } from '../store/webhooks.ts';
import { inParallel } from '../flows/in-parallel.ts';

export interface DispatcherOptions {
  /** How often the outbox is looked at when there was nothing to send (default 500 ms). */
  idleMs?: number;
  /** Requests in flight at once (default 32). */
  concurrency?: number;
  /** How long a receiver may take to answer (default 10 s). */
  timeoutMs?: number;
}

/** The waits between attempts: 5 s doubling up to an hour. A delivery is given up after 24 hours of failures. */
export const retryAfterMs = (attempts: number) => Math.min(5_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
export const GIVE_UP_AFTER_MS = 24 * 3_600_000;

/**
 * Sends the programme's events to its webhook subscriptions: at least once, a member's events in order, each
 * signed per Standard Webhooks (`webhook-id` is the event's id: a receiver that has seen it may skip it). A 2xx
 * answer delivers; anything else is tried again later, and a subscription whose delivery failed for 24 hours is
 * disabled with the reason. Leases in the database let any number of server processes dispatch together.
 */
export function startDispatcher(deps: Deps, options: DispatcherOptions = {}) {
  const idleMs = options.idleMs ?? 500;
  let stopping = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  // Woken during a pass: one more pass follows, whatever this one found.
  let woken = false;
  const again = () => {
    const was = woken;
    woken = false;
    return was;
  };
  const loop = async () => {
    // Requests get their turn between rounds: on PGlite every query holds the server's thread.
    while (!stopping && ((await dispatchOnce(deps, options)) > 0 || again())) await setImmediate();
  };
  const tick = () => {
    running ??= loop()
      .catch((error: unknown) => console.error('event dispatch failed', error))
      .finally(() => {
        running = null;
        if (!stopping) timer = setTimeout(tick, idleMs);
      });
  };
  /** Resolves once the pass under way, if any, has finished and the dispatcher waits for its next look. */
  const settled = async () => {
    await running;
  };
  tick();
  return {
    /** Looks at once instead of at the next idle tick (a subscription was made or enabled); a pass under way goes on. */
    wake: () => {
      if (stopping) return;
      if (running) woken = true;
      else {
        if (timer) clearTimeout(timer);
        tick();
      }
    },
    settled,
    stop: async () => {
      stopping = true;
      if (timer) clearTimeout(timer);
      await settled();
    },
  };
}

/**
 * One round: place new events in the feed, queue them for their subscriptions, send what is due. Returns how many
 * events it placed, deliveries it queued and deliveries it tried: while that is not 0, more may be waiting.
 */
export async function dispatchOnce(deps: Deps, options: DispatcherOptions = {}): Promise<number> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const concurrency = options.concurrency ?? 32;
  // The embedded database runs in the server's thread: a few hundred events a round keep each round short.
  const placed = await sequenceEvents(deps.db, deps.db.engine === 'pglite' ? 500 : 5000);
  if (!(await anyWebhooks(deps.db))) return placed;
  const queued = await queueDeliveries(deps.db, deps.now());
  // A few times as many deliveries as go out at once, leased for as long as the round may take: another process
  // takes a delivery over only if this one died. Looking for what is due costs the same for 1 or 128.
  const now = deps.now();
  const due = await leaseDueDeliveries(deps.db, now, new Date(now.getTime() + (ROUND_WAVES + CHAIN) * timeoutMs + 5_000), concurrency * ROUND_WAVES, CHAIN);
  // Each member's events one after another; after a failure the rest wait for its retry, still in order.
  const tried = await inParallel(byMember(due), concurrency, async (chain) => {
    const attempts: (DueDelivery & { eventId: string; attempt: Attempt })[] = [];
    for (const d of chain) {
      const attempt = await send(deps, d, timeoutMs);
      attempts.push({ ...d, eventId: d.event.id, attempt });
      if (attempt.outcome.kind !== 'delivered') break;
    }
    return attempts;
  });
  const attempts = tried.flat();
  await recordAttempts(deps.db, attempts);
  return placed + queued + attempts.length;
}

/**
 * How many times `concurrency` deliveries one round leases, and how many events of one member it may send. Every
 * delivery might take the whole timeout: then the round takes up to `ROUND_WAVES` timeouts for all, and at most
 * `CHAIN` more for the last member's.
 */
const ROUND_WAVES = 4;
const CHAIN = 4;

/** Deliveries in feed order, grouped by subscription and member (an event without a member alone), each in order. */
function byMember(deliveries: DueDelivery[]): DueDelivery[][] {
  const chains = new Map<string, DueDelivery[]>();
  for (const d of deliveries) {
    const key = `${d.programId} ${d.webhookId} ${d.event.memberId ?? d.event.id}`;
    const chain = chains.get(key);
    if (chain) chain.push(d);
    else chains.set(key, [d]);
  }
  return [...chains.values()];
}

/** The body a receiver gets: the event's type and time, its data, and where it stands in the feed. */
export const webhookBody = (d: DueDelivery) =>
  JSON.stringify({ type: d.event.type, timestamp: d.event.occurredAt.toISOString(), id: d.event.id, seq: d.event.seq, version: d.event.version, memberId: d.event.memberId, data: d.event.payload });

async function send(deps: Deps, d: DueDelivery, timeoutMs: number): Promise<Attempt> {
  const body = webhookBody(d);
  const at = deps.now();
  const started = performance.now();
  let status: number | null = null;
  let error: string | null = null;
  let response: string | null = null;
  try {
    const headers = {
      'content-type': 'application/json',
      'user-agent': 'Kopilka-Webhooks/1',
      'webhook-id': d.event.id,
      'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
      'webhook-signature': new Webhook(d.secret).sign(d.event.id, at, body),
    };
    ({ status, text: response } = await post(new URL(d.url), headers, body, timeoutMs));
  } catch (failure) {
    error = (failure as Error).message;
  }
  const latencyMs = performance.now() - started;
  if (status !== null && status >= 200 && status < 300) return { at, status, error, latencyMs, response, outcome: { kind: 'delivered' } };
  const failedFor = at.getTime() - d.queuedAt.getTime();
  const why = error ?? `answered ${status}`;
  if (failedFor >= GIVE_UP_AFTER_MS)
    return { at, status, error, latencyMs, response, outcome: { kind: 'dead', reason: `event ${d.event.id} could not be delivered for 24 hours: ${why}` } };
  return { at, status, error, latencyMs, response, outcome: { kind: 'retry', retryAt: new Date(at.getTime() + retryAfterMs(d.attempts + 1)) } };
}
