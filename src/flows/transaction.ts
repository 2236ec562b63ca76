import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { DatabaseUnavailable, type Db, type Queryable, type TransactionOptions } from '../store/db.ts';
import type { Failure, Outcome } from './outcome.ts';
import { fail } from './outcome.ts';
import { REQUEST_HASH_HEX, sameRequest } from '../domain/requests.ts';

class Rollback extends Error {
  constructor(readonly failure: Failure) {
    super(failure.code);
  }
}

const RETRYABLE = new Set(['23505', '40001', '40P01']);

/** Thrown when a concurrent flow took what this one counted on (the last coupon use, a budget): run it again. */
export class RaceLost extends Error {
  readonly code = '40001';
}

/**
 * Runs one flow in one transaction. A failure value rolls everything back; a race lost on a unique key,
 * a serialization failure or a deadlock re-runs the flow, which reads the winner's result. So does a connection
 * lost before COMMIT was sent (nothing was applied); one lost during COMMIT is left to the caller's retry.
 */
export async function inTransaction<T>(db: Db, flow: (tx: Queryable) => Promise<Outcome<T>>, options?: TransactionOptions): Promise<Outcome<T>> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(async (tx) => {
        const outcome = await flow(tx);
        if (!outcome.ok) throw new Rollback(outcome);
        return outcome;
      }, options);
    } catch (error) {
      if (error instanceof Rollback) return error.failure;
      const code = (error as { code?: string }).code;
      if (attempt < 5 && code && RETRYABLE.has(code)) continue;
      if (attempt < 3 && error instanceof DatabaseUnavailable && !error.maybeCommitted) {
        await sleep(100 * attempt);
        continue;
      }
      throw error;
    }
  }
}

/** A stable fingerprint of a request body: same content, same hash, whatever the key order. */
export function requestHash(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex').slice(0, REQUEST_HASH_HEX);
}

/**
 * `JSON.stringify` with every object's keys in sorted order, written in one pass (no sorted copies of the
 * objects). The text is the one fingerprints have always been taken of: a key-sorted copy stringified, where
 * JavaScript puts integer-like keys first, in numeric order.
 */
const isIndex = (key: string) => /^(0|[1-9]\d*)$/.test(key) && Number(key) < 4294967295;
const startsWithDigit = (key: string) => {
  const c = key.charCodeAt(0);
  return c >= 48 && c <= 57;
};
const quoted = new Map<string, string>();
const quote = (key: string) => {
  let q = quoted.get(key);
  if (q === undefined) {
    q = JSON.stringify(key);
    if (quoted.size < 10_000) quoted.set(key, q);
  }
  return q;
};

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (value instanceof Date) return JSON.stringify(value);
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + (value[i] === undefined || typeof value[i] === 'function' ? 'null' : canonicalJson(value[i]));
    return out + ']';
  }
  let keys = Object.keys(value).sort();
  if (keys.some(startsWithDigit) && keys.some(isIndex)) keys = [...keys.filter(isIndex).sort((a, b) => Number(a) - Number(b)), ...keys.filter((k) => !isIndex(k))];
  let out = '{';
  for (const key of keys) {
    const v = (value as Record<string, unknown>)[key];
    if (v === undefined || typeof v === 'function') continue;
    out += (out.length > 1 ? ',' : '') + quote(key) + ':' + canonicalJson(v);
  }
  return out + '}';
}

/**
 * Idempotency-Key: the first request with a key runs; a retry with the same body gets the stored answer,
 * the same key with another body is refused. Nothing is stored for a failed request.
 */
export async function idempotent<T>(
  db: Db,
  programId: string,
  key: string | undefined,
  body: unknown,
  flow: (tx: Queryable) => Promise<Outcome<T>>,
  options?: TransactionOptions,
): Promise<Outcome<T>> {
  if (!key) return inTransaction(db, flow, options);
  const hash = requestHash(body);
  return inTransaction(db, async (tx) => {
    const inserted = await tx.query(
      `insert into idempotency_keys (program_id, key, request_hash, created_at) values ($1, $2, $3, now())
       on conflict do nothing returning key`,
      [programId, key, hash],
    );
    if (inserted.length === 0) {
      const [seen] = await tx.query<{ request_hash: string; response: T }>(
        'select request_hash, response from idempotency_keys where program_id = $1 and key = $2',
        [programId, key],
      );
      if (!seen || !sameRequest(seen.request_hash, hash))
        return fail('idempotency_key_reused', 'this Idempotency-Key was already used with a different request');
      return { ok: true, value: seen.response };
    }
    const outcome = await flow(tx);
    if (outcome.ok)
      await tx.query('update idempotency_keys set status = 200, response = $3 where program_id = $1 and key = $2', [
        programId,
        key,
        JSON.stringify(outcome.value),
      ]);
    return outcome;
  }, options);
}
