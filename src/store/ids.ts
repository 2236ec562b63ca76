import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import { monotonicFactory, type ULIDFactory } from 'ulidx';

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

export type IdPrefix = 'prg' | 'key' | 'mem' | 'rcp' | 'ret' | 'ent' | 'lot' | 'tch' | 'aud' | 'cpb' | 'evt' | 'whk' | 'stf' | 'cns' | 'msg';

/** Where ids come from for one piece of work: a random source in [0, 1) and the clock their time part reads. */
export interface IdSource {
  random: () => number;
  now: () => Date;
}

// A scoped source rather than a parameter: ids are made deep inside flows, stores and jobs alike, and only the
// demo's history asks for reproducible ones; requests served meanwhile run outside its scope and stay random.
const scoped = new AsyncLocalStorage<{ ulid: ULIDFactory; now: () => Date }>();

/** Runs `work` with every id it makes drawn from `source`: the same source and calls give the same ids. */
export const withIdSource = <T>(source: IdSource, work: () => Promise<T>): Promise<T> =>
  scoped.run({ ulid: monotonicFactory(source.random), now: source.now }, work);

/** Prefixed, time-sortable ids: a log line says what it refers to. */
export const newId = (prefix: IdPrefix): string => {
  const source = scoped.getStore();
  return `${prefix}_${source ? source.ulid(source.now().getTime()) : ulid()}`;
};
