// Requests for the fuzz test (test/fuzz.test.ts), drawn from the app's own OpenAPI document with a seeded PRNG:
// a valid-ish value for every schema, and the mutations a careless or hostile client sends.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Path = (string | number)[];

export interface Schema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  enum?: Json[];
  const?: Json;
  example?: Json;
  examples?: Json[];
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

export interface Operation {
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema?: Schema }> };
}

export interface Doc {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

/** A seeded source of choices (mulberry32): the same seed draws the same requests. */
export interface Rng {
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
  shuffle<T>(items: T[]): T[];
}

export function mulberry32(seed: number): Rng {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: (items) => items[Math.floor(next() * items.length)] as (typeof items)[number],
    chance: (p) => next() < p,
    shuffle(items) {
      for (let i = items.length - 1; i > 0; i--) {
        const j = int(0, i);
        [items[i], items[j]] = [items[j]!, items[i]!];
      }
      return items;
    },
  };
}

export const resolve = (doc: Doc, schema: Schema | undefined): Schema => {
  let s = schema ?? {};
  for (let hops = 0; s.$ref && hops < 10; hops++) s = doc.components?.schemas?.[s.$ref.replace('#/components/schemas/', '')] ?? {};
  return s;
};

const typesOf = (s: Schema): string[] => {
  if (Array.isArray(s.type)) return s.type;
  if (s.type) return [s.type];
  if (s.properties) return ['object'];
  if (s.items) return ['array'];
  return [];
};

/** A real value for a position (an id of the programme, a unique receipt number), or undefined for the schema's own. */
export type Hint = (path: Path, schema: Schema) => Json | undefined;

const CODE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-';
const TEXT_ALPHABET = 'abcdefghijklmnopqrstuvwxyzАБВГДабвгд ёЁ-';
const CLOCK = Date.parse('2026-01-15T09:00:00Z');

const word = (r: Rng, alphabet: string, length: number) => Array.from({ length }, () => alphabet[r.int(0, alphabet.length - 1)]).join('');

function stringOf(s: Schema, r: Rng): string {
  if (s.format === 'date-time') return new Date(CLOCK + r.int(-40, 10) * 86_400_000 + r.int(0, 86_399) * 1000).toISOString();
  if (s.format === 'date') return `19${r.int(50, 99)}-0${r.int(1, 9)}-${r.int(10, 28)}`;
  if (s.format === 'email') return `fz${r.int(1, 1e6)}@example.com`;
  const min = Math.max(s.minLength ?? 1, 1);
  const length = r.int(min, Math.max(min, Math.min(s.maxLength ?? 12, 12)));
  if (s.pattern?.includes('\\d{')) return word(r, '0123456789', Math.max(length, 16));
  if (s.pattern?.includes('[A-Z]{3}')) return r.chance(0.8) ? 'RUB' : word(r, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 3);
  if (s.pattern?.includes('[A-Za-z0-9_.-]')) return word(r, CODE_ALPHABET, length);
  if (s.pattern) return 'x'.repeat(min);
  return word(r, TEXT_ALPHABET, length).trim().padEnd(min, 'x');
}

function numberOf(s: Schema, r: Rng, integer: boolean): number {
  const step = integer ? 1 : 0.5;
  const lo = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + step : -1000);
  const hi = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - step : lo + 1000);
  if (r.chance(0.15)) return lo; // the lower bound itself; the upper one can be costly (100,000 coupons)
  const from = Math.min(Math.max(0, lo), hi);
  const value = r.int(from, Math.min(hi, from + 100));
  return !integer && r.chance(0.3) && value + 0.5 <= hi ? value + 0.5 : Math.max(value, lo);
}

/** A value the schema allows, with small numbers and short strings; hints put real ids where the names ask for them. */
export function exampleOf(doc: Doc, schema: Schema | undefined, r: Rng, hint: Hint = () => undefined, path: Path = [], depth = 0): Json {
  const s = resolve(doc, schema);
  const hinted = hint(path, s);
  if (hinted !== undefined) return hinted;
  if (s.example !== undefined && r.chance(0.8)) return s.example;
  if (s.examples?.length && r.chance(0.8)) return r.pick(s.examples);
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) {
    const real = s.enum.filter((v) => v !== null);
    return real.length && r.chance(0.9) ? r.pick(real) : r.pick(s.enum);
  }
  const variants = s.anyOf ?? s.oneOf ?? s.allOf;
  if (variants?.length) return exampleOf(doc, r.pick(variants), r, hint, path, depth);
  const types = typesOf(s);
  const concrete = types.filter((t) => t !== 'null');
  const type = types.length === 0 ? 'any' : concrete.length && r.chance(0.92) ? r.pick(concrete) : r.pick(types);
  switch (type) {
    case 'null':
      return null;
    case 'boolean':
      return r.chance(0.5);
    case 'integer':
    case 'number':
      return numberOf(s, r, type === 'integer');
    case 'string':
      return stringOf(s, r);
    case 'array': {
      if (depth > 6) return [];
      const min = Math.max(s.minItems ?? 0, 1);
      const n = r.int(min, Math.max(min, Math.min(s.maxItems ?? min + 2, min + 2)));
      return Array.from({ length: n }, (_, i) => exampleOf(doc, s.items, r, hint, [...path, i], depth + 1));
    }
    case 'object': {
      const out: Record<string, Json> = {};
      if (depth > 6) return out;
      for (const [name, inner] of Object.entries(s.properties ?? {}))
        if (s.required?.includes(name) || r.chance(0.6)) out[name] = exampleOf(doc, inner, r, hint, [...path, name], depth + 1);
      if (typeof s.additionalProperties === 'object' && !s.properties && r.chance(0.3))
        out.note = exampleOf(doc, s.additionalProperties, r, hint, [...path, 'note'], depth + 1);
      return out;
    }
    default:
      return r.pick<Json>(['x', 1, true, {}]);
  }
}

export interface Position {
  path: Path;
  schema: Schema;
}

/** Every value inside `value` (not the root) with the schema that describes it, where one does. */
export function positions(doc: Doc, value: Json, schema: Schema | undefined, path: Path = []): Position[] {
  const s = resolve(doc, schema);
  const variant = (s.anyOf ?? s.oneOf)?.find((v) => typesOf(resolve(doc, v)).some((t) => t === (Array.isArray(value) ? 'array' : typeof value)));
  const here = variant ? resolve(doc, variant) : s;
  const out: Position[] = path.length ? [{ path, schema: here }] : [];
  if (Array.isArray(value)) value.forEach((item, i) => out.push(...positions(doc, item, here.items, [...path, i])));
  else if (value && typeof value === 'object')
    for (const [name, inner] of Object.entries(value)) {
      const innerSchema = here.properties?.[name] ?? (typeof here.additionalProperties === 'object' ? here.additionalProperties : undefined);
      out.push(...positions(doc, inner, innerSchema, [...path, name]));
    }
  return out;
}

const REMOVE = Symbol('remove');

/** `value` with the position at `path` replaced (or removed); own keys such as `__proto__` stay plain keys. */
export function setAt(value: Json, path: Path, next: Json | typeof REMOVE): Json {
  if (path.length === 0) return next === REMOVE ? null : next;
  const [head, ...rest] = path as [string | number, ...Path];
  if (Array.isArray(value)) {
    const copy = [...value];
    if (rest.length === 0 && next === REMOVE) copy.splice(Number(head), 1);
    else copy[Number(head)] = setAt(copy[Number(head)] ?? null, rest, next);
    return copy;
  }
  if (value && typeof value === 'object') {
    const copy: Record<string, Json> = { ...value };
    if (rest.length === 0 && next === REMOVE) delete copy[head];
    else Object.defineProperty(copy, head, { value: setAt(copy[head] ?? null, rest, next), enumerable: true, writable: true, configurable: true });
    return copy;
  }
  return value;
}

/** A body as sent: its text (undefined for none) and content type (null for none). */
export interface BodyCase {
  label: string;
  text: string | undefined;
  contentType: string | null;
}

/** JSON text with raw fragments JSON.stringify cannot write (1e400, -0, 2^53+1 as digits, deep nesting as text). */
class Encoder {
  private readonly fragments: string[] = [];
  raw = (text: string): string => `§raw${this.fragments.push(text) - 1}§`;
  text = (value: Json): string => JSON.stringify(value).replace(/"§raw(\d+)§"/g, (_, i: string) => this.fragments[Number(i)] ?? 'null');
}

const LONG = 'x'.repeat(10_000);
export const junkStrings: readonly string[] = [
  LONG, '', ' ', '   padded   ', '\u0000', 'a\u0000b', '\ud800', 'x\udc00y', '\u202eevil\u202c', 'مرحبا بالعالم', '👨‍👩‍👧‍👦🇷🇺'.repeat(20),
  'e\u0301\u0301\u0301', '\ufeffbom', '\uffff', "'; drop table members; --", '%00', '../../etc/passwd', '${jndi:ldap://x}', '\\', '"',
  '\n\r\t', '0', '-1', 'null', 'true', '9'.repeat(40), 'NaN', '__proto__', 'Robert\u0007', 'x'.repeat(65), 'x'.repeat(257),
];
const junkDates = [
  '2026-02-30T25:61:00Z', '0000-01-01T00:00:00Z', '0001-01-01T00:00:00Z', '1969-12-31T23:59:59Z', '9999-12-31T23:59:59.999Z', '+275760-09-13T00:00:00.000Z',
  '-000001-01-01T00:00:00Z', '2026-01-15', '2026-01-15T09:00:00', '2026-01-15T09:00:00+14:00', '2026-01-15T09:00:00.123456789Z', '1990-02-31', '2100-01-01', 'today',
];
/** Raw JSON number tokens, some of them not JSON at all. */
const rawNumbers = ['1e308', '-1e308', '1e400', '-1e400', '-0', '9007199254740993', '123456789012345678901234567890', '1e-400', '0.1', '-1', '0', '1.5', '1e2', '5e-324', 'NaN', 'Infinity', '-Infinity', '0x10', '01', '1.'];
const wrongTypes: readonly Json[] = [123, -1, true, false, {}, [], 'str', [1, 2], { a: 1 }, [null]];
const extraKeys = ['extra', '__proto__', 'constructor', 'toString', '', 'a'.repeat(1000), 'k\u0000', 'k\ud800', 'prototype'];
const contentTypes = [
  'text/plain', null, 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=utf-16', 'application/merge-patch+json',
  'APPLICATION/JSON', 'application/jsonp', 'application/json, text/plain', ' application/json', 'application/problem+json', 'application/json; charset=utf-8',
];
const malformed = (text: string): string[] => [
  '', '{', '}', '{"a":}', '[1,]', "{'a':1}", text + 'x', text.slice(0, Math.floor(text.length / 2)), '\ufeff' + text, '/*c*/' + text, 'nul', 'undefined',
  '{"a":1}{"b":2}', '\u0000', '{"a":"\\x41"}', '{"a":"\\ud800"}', '{"a" 1}', text.replaceAll('"', "'"), '{"a":1,,"b":2}',
];

const nested = (levels: number, open: string, leaf: string, close: string) => open.repeat(levels) + leaf + close.repeat(levels);
const deepRaw = (levels: number, r: Rng) =>
  r.chance(0.5) ? nested(levels, '{"a":', '1', '}') : nested(levels, '[', '1', ']');

/** A value of the size past any limit: 10,000 small items. */
const bigArray = (r: Rng): Json => Array.from({ length: 10_000 }, (_, i) => r.pick<Json>([0, 'a', {}, null, i]));

/** How many of something to make: its upper bound is honoured but slow (100,000 coupons), so only just past it is sent. */
const COSTLY = new Set(['count']);

/** Something just past a schema's limits, or at its bound. */
function boundaryOf(s: Schema, r: Rng, enc: Encoder, name = ''): Json | undefined {
  const options: Json[] = [];
  if (s.maximum !== undefined) options.push(s.maximum + 1, s.maximum + 0.5, ...(COSTLY.has(name) ? [] : [s.maximum]));
  if (s.minimum !== undefined) options.push(s.minimum - 1, s.minimum - 0.5);
  if (s.exclusiveMinimum !== undefined) options.push(s.exclusiveMinimum, enc.raw(String(s.exclusiveMinimum + 1e-9)));
  if (s.exclusiveMaximum !== undefined) options.push(s.exclusiveMaximum);
  if (s.maxLength !== undefined) options.push('x'.repeat(s.maxLength + 1), 'é'.repeat(s.maxLength + 1), '👍'.repeat(s.maxLength));
  if (s.minLength !== undefined && s.minLength > 0) options.push('x'.repeat(s.minLength - 1), ' '.repeat(s.minLength + 1));
  if (s.maxItems !== undefined && s.maxItems <= 2000) options.push(Array.from({ length: s.maxItems + 1 }, () => 'x'));
  if (s.minItems !== undefined && s.minItems > 0) options.push([]);
  if (s.enum?.length) options.push('not-in-enum', String(s.enum[0]).toUpperCase());
  if (s.pattern) options.push('has space', 'ü', 'x'.repeat(100));
  return options.length ? r.pick(options) : undefined;
}

/** One mutation of `base` (a valid-ish body), picked at random; the label says what and where. */
export function mutateBody(doc: Doc, schema: Schema | undefined, base: Json, r: Rng): BodyCase {
  const enc = new Encoder();
  const all = positions(doc, base, schema);
  const at = (filter: (p: Position) => boolean = () => true): Position | undefined => {
    const fitting = all.filter(filter);
    return fitting.length ? r.pick(fitting) : all.length ? r.pick(all) : undefined;
  };
  const where = (p: Position | undefined) => (p ? p.path.join('.') || 'root' : 'root');
  const put = (p: Position | undefined, value: Json): Json => setAt(base, p?.path ?? [], value);
  const json = (label: string, value: Json): BodyCase => ({ label, text: enc.text(value), contentType: 'application/json' });
  const baseText = JSON.stringify(base);
  const kinds: (() => BodyCase)[] = [
    () => json('valid-ish', base),
    () => {
      const p = at((q) => resolve(doc, q.schema).type === 'object' && (resolve(doc, q.schema).required?.length ?? 0) > 0);
      const s = resolve(doc, p ? p.schema : schema);
      const name = s.required?.length ? r.pick(s.required) : undefined;
      return name ? json(`no required ${where(p)}.${name}`, setAt(base, [...(p?.path ?? []), name], REMOVE)) : json('no required field: none', base);
    },
    () => {
      const p = at();
      return json(`without ${where(p)}`, p ? setAt(base, p.path, REMOVE) : {});
    },
    () => {
      const p = at();
      const value = r.pick(wrongTypes);
      return json(`wrong type ${JSON.stringify(value)} at ${where(p)}`, put(p, value));
    },
    () => {
      const p = at();
      return json(`null at ${where(p)}`, put(p, null));
    },
    () => {
      const p = at((q) => resolve(doc, q.schema).type === 'object' || typeof q.schema === 'object');
      const target = p && base !== null && typeof getAt(base, p.path) === 'object' && !Array.isArray(getAt(base, p.path)) ? p.path : [];
      const key = r.pick(extraKeys);
      return json(`extra field ${JSON.stringify(key.slice(0, 20))} at ${target.join('.') || 'root'}`, setAt(base, [...target, key], r.pick<Json>(['x', 1, { admin: true }, null])));
    },
    () => {
      const p = at((q) => typeof getAt(base, q.path) === 'number');
      const token = r.pick(rawNumbers);
      return json(`number ${token} at ${where(p)}`, put(p, enc.raw(token)));
    },
    () => {
      const p = at((q) => boundaryOf(resolve(doc, q.schema), r, enc) !== undefined);
      const value = p ? boundaryOf(resolve(doc, p.schema), r, enc, String(p.path.at(-1))) : undefined;
      return json(`past the limit at ${where(p)}: ${JSON.stringify(value)?.slice(0, 40)}`, put(p, value ?? null));
    },
    () => {
      const p = at((q) => typeof getAt(base, q.path) === 'string');
      const value = r.pick(junkStrings);
      return json(`string ${JSON.stringify(value.slice(0, 20))} (${value.length}) at ${where(p)}`, put(p, value));
    },
    () => {
      const p = at((q) => ['date', 'date-time'].includes(resolve(doc, q.schema).format ?? ''));
      const value = r.pick(junkDates);
      return json(`date ${value} at ${where(p)}`, put(p, value));
    },
    () => {
      const p = at();
      const levels = r.pick([31, 33, 100]);
      return json(`${levels} levels deep at ${where(p)}`, put(p, enc.raw(deepRaw(levels, r))));
    },
    () => {
      const p = at((q) => Array.isArray(getAt(base, q.path)));
      return json(`10,000 items at ${where(p)}`, put(p, bigArray(r)));
    },
    () => {
      const text = enc.text(base);
      const keys = base && typeof base === 'object' && !Array.isArray(base) ? Object.keys(base) : [];
      const key = keys.length ? r.pick(keys) : 'dup';
      const junk = JSON.stringify(r.pick(wrongTypes));
      const first = r.chance(0.5);
      const dup = `${JSON.stringify(key)}:${junk}`;
      const body = !text.startsWith('{') ? `{${dup},${dup}}` : first ? `{${dup}${text === '{}' ? '' : ','}${text.slice(1)}` : `${text.slice(0, -1)}${text === '{}' ? '' : ','}${dup}}`;
      return { label: `duplicate key ${key} (${first ? 'junk first' : 'junk last'})`, text: body, contentType: 'application/json' };
    },
    () => {
      const text = r.pick(malformed(baseText));
      return { label: `malformed JSON ${JSON.stringify(text.slice(0, 30))}`, text, contentType: 'application/json' };
    },
    () => {
      const text = r.pick(['null', '[]', '"x"', '0', 'true', `[${baseText}]`, '1e400', '{}']);
      return { label: `top level ${text.slice(0, 20)}`, text, contentType: 'application/json' };
    },
    () => {
      const contentType = r.pick(contentTypes);
      return { label: `content type ${contentType}`, text: baseText, contentType };
    },
    () => {
      // Two or three mutations at once, the way a broken client gets several things wrong.
      let value = base;
      const labels: string[] = [];
      for (let i = r.int(2, 3); i > 0; i--) {
        const p = at();
        const next = r.pick<Json>([null, 'x', -1, LONG.slice(0, 300), [], {}, 1.5, enc.raw('1e400'), '\u0000']);
        value = p ? setAt(value, p.path, next) : value;
        labels.push(`${where(p)}=${JSON.stringify(next).slice(0, 12)}`);
      }
      return json(`stacked ${labels.join(', ')}`, value);
    },
  ];
  return r.pick(kinds)();
}

/** Cases every operation with a body gets once: the edges no random draw should leave to chance. */
export function fixedBodies(doc: Doc, schema: Schema | undefined, base: Json, r: Rng): BodyCase[] {
  const enc = new Encoder();
  const text = JSON.stringify(base);
  const numeric = positions(doc, base, schema).filter((p) => typeof getAt(base, p.path) === 'number');
  const inf = numeric.length ? setAt(base, r.pick(numeric).path, enc.raw('1e400')) : setAt(base, ['n'], enc.raw('1e400'));
  const cases: BodyCase[] = [
    { label: 'valid-ish', text, contentType: 'application/json' },
    { label: '1e400 in a number', text: enc.text(inf), contentType: 'application/json' },
    { label: '100 levels deep', text: `{"deep":${deepRaw(100, r)}}`, contentType: 'application/json' },
    { label: '5,000 levels deep', text: `{"deep":${nested(5000, '{"a":', '1', '}')}}`, contentType: 'application/json' },
    { label: '10,000 items', text: JSON.stringify(bigArray(r)), contentType: 'application/json' },
    { label: 'empty body', text: '', contentType: 'application/json' },
    { label: 'no body', text: undefined, contentType: 'application/json' },
    { label: 'as text/plain', text, contentType: 'text/plain' },
    { label: 'no content type', text, contentType: null },
    { label: 'over 1 MB', text: JSON.stringify({ ...(base && typeof base === 'object' && !Array.isArray(base) ? base : {}), pad: 'x'.repeat(1_100_000) }), contentType: 'application/json' },
    { label: 'null body', text: 'null', contentType: 'application/json' },
  ];
  return cases;
}

/** `null` in every position of `base`, one request each (at most `max`). */
export function nullSweep(doc: Doc, schema: Schema | undefined, base: Json, max: number): BodyCase[] {
  return positions(doc, base, schema)
    .slice(0, max)
    .map((p) => ({ label: `null at ${p.path.join('.')}`, text: JSON.stringify(setAt(base, p.path, null)), contentType: 'application/json' }));
}

export function getAt(value: Json, path: Path): Json | undefined {
  let here: Json | undefined = value;
  for (const key of path) {
    if (here === null || typeof here !== 'object') return undefined;
    here = Array.isArray(here) ? here[Number(key)] : here[String(key)];
  }
  return here;
}

/** Path segments a client should never get a 5xx for (already URL-encoded where they are meant to decode). */
export const junkSegments: readonly string[] = [
  ' ', '%20', 'x'.repeat(65), 'x'.repeat(10_000), '%00', 'a%00b', '%ZZ', '%E0%A4%A', '%ED%A0%80', '%C0%AF', '%2F', 'a%2Fb', '..', '.', '%2E%2E',
  encodeURIComponent('\u202eRTL'), encodeURIComponent('👍'), encodeURIComponent('Молоко'), '-1', '0', '1e308', 'null', 'undefined', '__proto__', 'constructor',
  '%27%20OR%201%3D1--', '00000000', '1'.repeat(19), '1'.repeat(20), '7770000000000000', '%2B79165550101', 'a;b', 'a,b', '*', '~', '%25', '%',
];

/** Query values, raw: malformed percent-encoding, NUL, encoded lone surrogates, numbers past any limit. */
export const junkQueryValues: readonly string[] = [
  '', '%00', '%ZZ', '%', '%ED%A0%80', '%C0%80', '-1', '0', '-0', '1e308', '1.5', 'NaN', 'Infinity', '0x10', '9'.repeat(30), 'x'.repeat(10_000), '%F0%9F%91%8D',
  encodeURIComponent('\u202e'), '+', '%2B7%20916%20555', 'true', '[]', '{}', 'null', '%26', '..%2F..', "'%20OR%201=1", '2026-01-01T00:00:00Z', 'a%0Ab',
];
