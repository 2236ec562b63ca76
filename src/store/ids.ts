import { randomBytes } from 'node:crypto';
import { monotonicFactory } from 'ulidx';

const POOL_SIZE = 4096;
let pool = randomBytes(POOL_SIZE);
let next = 0;

/**
 * ulidx's random source: one crypto-random byte per character, drawn from a pooled buffer so that it costs one
 * system call per 4 KiB rather than one per character. byte / 256 lies in [0, 1) and ulidx takes
 * floor(x * 32), i.e. byte >> 3, so each of the 32 characters comes from exactly 8 byte values: uniform.
 */
const pooledRandom = (): number => {
  if (next === POOL_SIZE) {
    pool = randomBytes(POOL_SIZE);
    next = 0;
  }
  return pool[next++]! / 256;
};

const ulid = monotonicFactory(pooledRandom);

export type IdPrefix = 'prg' | 'key' | 'mem' | 'rcp' | 'ret' | 'ent' | 'lot' | 'tch' | 'aud' | 'cpb';

/** Prefixed, time-sortable ids: a log line says what it refers to. */
export const newId = (prefix: IdPrefix): string => `${prefix}_${ulid()}`;
