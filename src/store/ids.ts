import { monotonicFactory } from 'ulidx';

const ulid = monotonicFactory();

export type IdPrefix = 'prg' | 'key' | 'mem' | 'rcp' | 'ret' | 'ent' | 'lot' | 'tch' | 'aud' | 'cpb';

/** Prefixed, time-sortable ids: a log line says what it refers to. */
export const newId = (prefix: IdPrefix): string => `${prefix}_${ulid()}`;
