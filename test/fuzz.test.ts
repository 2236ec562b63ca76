import { appendFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '../src/store/db.ts';
import { roles, type Role } from '../src/store/keys.ts';
import { validCardNumber } from './checks.ts';
import {
  exampleOf, fixedBodies, junkQueryValues, junkSegments, mulberry32, mutateBody, nullSweep, resolve,
  type BodyCase, type Doc, type Hint, type Json, type Operation, type Parameter, type Rng, type Schema,
} from './fuzz-requests.ts';
import { engine, line, newProgramme, openOwnTestDb, receipt, type Programme } from './harness.ts';

// Requests drawn from the app's own /openapi.json for every operation — valid-ish and mutated bodies, path and query
// parameters, Idempotency-Key and Authorization headers, other methods — from a fixed seed, one at a time; then one careful
// request per operation, and one per operation with the programme's settings and every number at the edge they allow.
// Whatever arrives: no 5xx; every 4xx is a problem document with a string code and its own status; a refused write leaves
// every table of the programme as it was; no 429 `busy` (nothing else is in flight); no integer in an answer past 2^53.
// Reproduce a run with FUZZ_SEED=<seed>; widen it with FUZZ_PER_OPERATION=<random draws per operation>; see every
// request with FUZZ_TRACE=<file>.

const SEED = Number(process.env.FUZZ_SEED ?? 20260115);
const PER_OPERATION = Number(process.env.FUZZ_PER_OPERATION ?? 40);
/** FUZZ_TRACE=<file> writes every request with its answer there, one JSON line each. */
const TRACE = process.env.FUZZ_TRACE;
const NULL_SWEEP_MAX = 24;
const JUNK_SEGMENTS_PER_OPERATION = 8;
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

const settings = { earn: { kind: 'percent', percent: 5 }, pendingDays: 0 };
const promo = { code: 'promo', name: 'Промокод', conditions: { code: 'coupon', args: {} }, effects: [{ code: 'discount_percent', args: { percent: 10 } }] };
const review = {
  code: 'review_points', name: 'Отзыв', trigger: 'event',
  conditions: { code: 'event_type', args: { types: ['review'] } }, effects: [{ code: 'points_fixed', args: { points: 50 } }],
};
const referral = { enabled: true, referrerPoints: 300, refereePoints: 200, minPurchase: 0, maxRewardsPerMonth: 20 };
const SKUS = ['MILK', 'TEA', 'COFFEE', 'BREAD'];

let db: Db;
let p: Programme;
let other: Programme;
let doc: Doc;
let tables: string[];
let revokedKey: string;

/** Real ids and codes of the programme, by the path segment that names them; grown with what successful writes return. */
const pools: Record<string, string[]> = {
  members: [], receipts: [], keys: [], cards: [], coupons: [], batches: [], phones: [], emails: [], externalIds: [], referralCodes: [], webhooks: [], partners: ['P1'],
  stores: ['S1', 'S2'], campaigns: ['promo', 'review_points'], categories: ['coffee'],
  jobs: ['activation', 'expiry', 'tier-review', 'birthdays', 'referrals', 'idempotency'],
};
const remember = (pool: string, value: unknown) => {
  const list = pools[pool];
  if (list && typeof value === 'string' && list.length < 60 && !list.includes(value)) list.push(value);
};

async function ok(res: Promise<Awaited<ReturnType<Programme['call']>>>, status: number) {
  const answer = await res;
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  return answer.body;
}

beforeAll(async () => {
  // A database of its own: servers of other test files run jobs and webhook dispatch over every programme of
  // the shared one, and would change rows while a refused request is being checked.
  db = await openOwnTestDb('fuzz');
  p = await newProgramme(db, settings);
  other = await newProgramme(db);
  await ok(p.call('PUT', '/v1/stores/S2', { name: 'Store two', channel: 'online' }), 200);
  await ok(p.call('PUT', '/v1/categories/coffee', { name: 'Кофе' }), 200);
  await ok(p.call('PUT', '/v1/rules', { campaigns: [promo, review], referral }, { role: 'marketer' }), 200);
  const people = [
    { name: 'Анна', phone: '+79165550001', email: 'anna@example.com', externalId: 'crm-1' },
    { name: 'Борис', phone: '+79165550002', email: 'boris@example.com', externalId: 'crm-2' },
    { name: 'Вера', phone: '+79165550003' },
  ];
  for (const person of people) {
    const joined = await ok(p.call('POST', '/v1/members', person), 201);
    remember('members', joined.member.id);
    for (const card of joined.cards) remember('cards', card.number);
    remember('phones', person.phone);
    remember('emails', person.email);
    remember('externalIds', person.externalId);
    remember('referralCodes', (await ok(p.call('GET', `/v1/members/${joined.member.id}/referral`), 200)).code);
  }
  const made = await ok(p.call('POST', '/v1/coupons/batches', { campaign: 'promo', count: 3 }), 201);
  remember('batches', made.batch);
  for (const code of made.codes) remember('coupons', code);
  await ok(p.call('POST', '/v1/coupons/batches', { campaign: 'promo', code: 'SUMMER2026', maxUses: null }), 201);
  remember('coupons', 'SUMMER2026');
  const [anna, boris] = pools.members as [string, string];
  const sales = [
    receipt('R-1', [line('TEA', 10_000), line('MILK', 8_000, 2)], { member: { id: anna }, coupons: ['SUMMER2026'] }),
    receipt('R-2', [line('COFFEE', 30_000)], { member: { id: boris } }),
    receipt('R-3', [line('BREAD', 5_000)]),
  ];
  for (const sale of sales) remember('receipts', (await ok(p.call('POST', '/v1/receipts', sale, { role: 'pos' }), 201)).id);
  await ok(p.call('POST', `/v1/receipts/${pools.receipts?.[1]}/returns`, { number: 'RET-1', lines: [{ lineNo: 1, quantity: 1 }] }, { role: 'pos' }), 201);
  await ok(p.call('POST', '/v1/events', { id: 'ev-1', memberId: anna, type: 'review' }, { role: 'pos' }), 200);
  // Keys the fuzz may revoke; never the role keys it signs its requests with.
  for (const name of ['victim-1', 'victim-2', 'revoked']) {
    const key = await ok(p.call('POST', '/v1/keys', { name, role: 'pos' }), 201);
    if (name === 'revoked') {
      await ok(p.call('DELETE', `/v1/keys/${key.id}`), 200);
      revokedKey = key.secret;
    } else remember('keys', key.id);
  }
  // A subscription the webhook operations can name (nothing listens on the discard port; nothing sends here anyway).
  remember('webhooks', (await ok(p.call('POST', '/v1/webhooks', { url: 'http://127.0.0.1:9/hooks' }), 201)).id);
  doc = (await (await p.app.request('/openapi.json')).json()) as Doc;
  tables = (
    await db.query<{ table_name: string }>(
      `select c.table_name from information_schema.columns c
       join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
       where c.column_name = 'program_id' and c.table_schema = current_schema() order by c.table_name`,
    )
  ).map((row) => row.table_name);
});
afterAll(() => db.close());

/** Rows of the programme in every table that has a `program_id` column, in one statement. */
async function rowCounts(): Promise<Record<string, number>> {
  const [row] = await db.query<Record<string, number>>(
    `select ${tables.map((t, i) => `(select count(*)::int from "${t}" where program_id = $1) as t${i}`).join(', ')}`,
    [p.programId],
  );
  return Object.fromEntries(tables.map((t, i) => [t, Number(row?.[`t${i}`])]));
}

// ---- what to send --------------------------------------------------------------------------------------------------

let serial = 0;
const freshCard = (r: Rng) => validCardNumber('7770' + String(r.int(0, 99_999_999_999)).padStart(11, '0'));

/** Real values where a field's name asks for one, most of the time; else the schema's own example. */
const hintFor = (r: Rng): Hint => (path, schema) => {
  if (!r.chance(0.85)) return undefined;
  const name = String(path.at(-1) ?? '');
  const parent = String(path.at(-2) ?? '');
  if (path[0] === 'coupons' && path.length === 2) return r.pick(pools.coupons ?? []);
  const pick = (pool: string) => r.pick(pools[pool] ?? ['none']);
  switch (name) {
    case 'storeCode': return pick('stores');
    case 'currency': return 'RUB';
    case 'memberId': return pick('members');
    case 'id': return parent === 'member' ? pick('members') : path.length === 1 ? `fz-ev-${++serial}` : undefined;
    case 'cardNumber': return pick('cards');
    case 'replaceWith': return freshCard(r);
    case 'phone': return parent === 'member' ? pick('phones') : `+7916${r.int(1_000_000, 9_999_999)}`;
    case 'email': return `fz${++serial}@example.com`;
    case 'externalId': return parent === 'member' ? pick('externalIds') : `crm-fz-${++serial}`;
    case 'campaign': return pick('campaigns');
    case 'referralCode': return pick('referralCodes');
    case 'number': return schema.pattern?.includes('\\d') ? freshCard(r) : `FZ-${++serial}`;
    case 'sku': return r.pick(SKUS);
    case 'category': return 'coffee';
    case 'type': return path.length === 1 ? 'review' : undefined;
    case 'lineNo': return r.int(1, 2);
    case 'pointsToSpend': return r.int(0, 50);
    case 'role': return r.pick(roles);
    default: return undefined;
  }
};

/** Settings at the edge of what each one allows (earning a million points per kopeck, ten-year expiry...). */
const edgeSettings: Json = {
  earn: { kind: 'per_amount', points: 1_000_000, per: 1 }, pendingDays: 365, expiry: { kind: 'days', days: 3650 }, maxRedemptionPercent: 100,
  pointValue: 1, rounding: 'ceil', timezone: 'Pacific/Kiritimati', tiers: [{ code: 'top', name: 'Top', threshold: 0, earnMultiplier: 10, extraPercent: 100 }],
};

/**
 * A body the operation accepts when the ids in it are right: what a careful client sends. With `edge`, every number
 * at the largest value its schema allows (a receipt of 10^12 kopecks, an adjustment of 10^9 points).
 */
function validBody(op: string, r: Rng, edge = false): Json | undefined {
  const member = () => r.pick<Json>([{ id: r.pick(pools.members!) }, { cardNumber: r.pick(pools.cards!) }, { phone: r.pick(pools.phones!) }, { externalId: 'crm-1' }]);
  // Mostly ordinary lines; sometimes every field at the edge the schema allows.
  const lines = () =>
    edge ? [line('GOLD', 1_000_000_000_000)] : r.pick([
      () => Array.from({ length: r.int(1, 3) }, () => line(r.pick(SKUS), r.int(1, 500) * 100, r.int(1, 3))),
      () => Array.from({ length: r.int(1, 3) }, () => line(r.pick(SKUS), r.int(1, 500) * 100, r.int(1, 3))),
      () => [line('GOLD', 1_000_000_000_000)],
      () => [line('NAIL', 1, 1_000_000)],
      () => [line('SAFFRON', 999_999_999_999, 0.001)],
      () => [line('FREE', 0, 1), line('GIFT', 100, 1, { isReward: true })],
      () => [line('MILK', 10_000, 1, { discount: 10_000 })],
      () => Array.from({ length: 500 }, (_, i) => line(`SKU${i}`, 100)),
    ])();
  const sale = (): Json => {
    const purchasedAt = r.chance(0.1) ? { purchasedAt: r.pick(['1970-01-01T00:00:00Z', '2026-01-15T08:59:59.999Z', '2025-01-15T00:00:00+03:00']) } : {};
    return receipt(`FZ-${++serial}`, lines(), {
      ...purchasedAt,
      ...(edge || r.chance(0.7) ? { member: member(), ...(r.chance(0.3) ? { pointsToSpend: r.pick([1, 20, 1_000_000_000_000]) } : {}) } : {}),
      ...(r.chance(0.2) ? { coupons: [r.pick(pools.coupons!)] } : {}),
    }) as unknown as Json;
  };
  const ruleSet = (): Json => ({ campaigns: [promo, review], referral });
  const bodies: Record<string, () => Json> = {
    'PATCH /v1/program/settings': () => edge ? edgeSettings : r.pick<Json>([{ pendingDays: r.int(0, 14) }, { corsOrigins: ['https://shop.example.ru'] }, { earn: { kind: 'percent', percent: r.int(1, 10) } }, { negativeBalance: 'allow' }, { partnersMayEnrol: r.chance(0.5) }, { tiers: [{ code: 'gold', name: 'Gold', threshold: 100_000 }] },
      { timezone: r.pick(['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'UTC']) }, { expiry: r.pick<Json>([{ kind: 'days', days: 3650 }, { kind: 'end_of_year', months: 120 }, { kind: 'never' }]) },
      { pendingDays: 365 }, { maxRedemptionPercent: 100, pointValue: 1, rounding: 'ceil' }, { earn: { kind: 'per_amount', points: 1_000_000, per: 1 } }]),
    'PUT /v1/stores/{code}': () => ({ name: 'Магазин', city: r.pick<Json>([null, 'Казань']), channel: r.pick(['till', 'online', 'app', 'partner']) }),
    'POST /v1/members': () => ({ name: 'Фаззи', phone: `+7916${r.int(1_000_000, 9_999_999)}`, email: `fz${++serial}@example.com`, consents: { email: true, sms: false, push: false } }),
    'PATCH /v1/members/{id}': () => ({ email: `fz${++serial}@example.com`, attributes: { pet: 'cat', visits: r.int(0, 9) } }),
    'POST /v1/members/{id}/adjustments': () => ({ points: edge ? 1_000_000_000 : r.pick([r.int(-50, 500), 1_000_000_000, -1_000_000_000]), reason: 'fuzz' }),
    'POST /v1/members/{id}/cards': (): Json => (r.chance(0.5) ? {} : { number: freshCard(r) }),
    'POST /v1/cards/{number}/block': () => ({ reason: 'lost', replace: r.chance(0.5) }),
    'POST /v1/receipts/calculate': sale,
    'POST /v1/receipts': sale,
    'POST /v1/receipts/batch': () => ({ receipts: [sale(), sale()] }),
    'POST /v1/receipts/{id}/returns': () => ({ number: `RET-${++serial}`, lines: [{ lineNo: 1, quantity: 1 }] }),
    'PUT /v1/rules': ruleSet,
    'PUT /v1/campaigns/{code}': () => {
      const { code: _code, ...coupon } = promo;
      return r.chance(0.5) ? coupon : { name: 'Кампания', effects: [{ code: 'points_fixed', args: { points: r.int(1, 100) } }] };
    },
    'PUT /v1/categories/{code}': () => ({ name: 'Категория', parent: r.pick<Json>([null, 'coffee']) }),
    'POST /v1/rules/simulate': () => ({ receipt: sale(), ...(r.chance(0.5) ? { rules: ruleSet() } : {}) }),
    'POST /v1/rules/backtest': () => ({ rules: ruleSet(), from: '2026-01-01T00:00:00Z', to: '2026-01-20T00:00:00Z' }),
    'POST /v1/events': () => ({ id: `fz-ev-${++serial}`, memberId: r.pick(pools.members!), type: 'review', attributes: { stars: 5 } }),
    'POST /v1/coupons/batches': () => r.pick<Json>([{ campaign: 'promo', count: r.int(1, 3) }, { campaign: 'promo', code: `FZ${++serial}PROMO` }]),
    'POST /v1/keys': () => ({ name: 'fuzz', role: r.pick(roles) }),
    'POST /v1/actions': () => ({ id: `fz-act-${++serial}`, memberId: r.pick(pools.members!), type: 'review' }),
    'POST /v1/webhooks': () => ({ url: `http://127.0.0.1:9/fz-${++serial}`, eventTypes: r.pick<Json>([[], ['receipt.confirmed']]) }),
    'PATCH /v1/webhooks/{id}': () => ({ enabled: r.chance(0.5) }),
    // A port nobody listens on: the channel is refused at once rather than after a connection timeout.
    'PUT /v1/messaging/channels/email': () => ({ host: '127.0.0.1', port: 9, secure: r.chance(0.5), from: 'Копилка <fz@example.ru>' }),
    'POST /v1/webhooks/{id}/replay': () => ({ from: 1, to: r.int(1, 20) }),
  };
  return bodies[op]?.();
}

interface Op {
  name: string;
  method: string;
  path: string;
  operation: Operation;
  bodySchema: Schema | undefined;
}

const bodyBase = (op: Op, r: Rng): Json => (r.chance(0.5) ? validBody(op.name, r) : undefined) ?? exampleOf(doc, op.bodySchema, r, hintFor(r));

interface Auth {
  label: string;
  header: string | undefined;
}
const as = (role: Role): Auth => ({ label: role, header: `Bearer ${p.keys[role]}` });

function pickAuth(r: Rng): Auth {
  const x = r.next();
  if (x < 0.55) return as('admin');
  if (x < 0.8) return as(r.pick(roles.filter((role) => role !== 'admin')));
  if (x < 0.85) return { label: 'admin of another programme', header: `Bearer ${other.keys.admin}` };
  const admin = p.keys.admin;
  return r.pick<Auth>([
    { label: 'no Authorization', header: undefined },
    { label: 'empty Authorization', header: '' },
    { label: 'Basic scheme', header: `Basic ${Buffer.from(`admin:${admin}`).toString('base64')}` },
    { label: 'Bearer without a key', header: 'Bearer' },
    { label: 'Bearer and a space', header: 'Bearer ' },
    { label: 'lower-case scheme', header: `bearer ${admin}` },
    { label: 'key and junk', header: `Bearer ${admin} extra` },
    { label: 'revoked key', header: `Bearer ${revokedKey}` },
    { label: '10,000-character key', header: `Bearer ${'k'.repeat(10_000)}` },
    { label: 'key cut short', header: `Bearer ${admin.slice(0, -1)}` },
    { label: 'Token scheme', header: `Token ${admin}` },
    { label: 'two keys', header: `Bearer ${admin}, Bearer ${p.keys.pos}` },
    { label: 'Latin-1 key', header: 'Bearer \u00e9\u00ff' },
  ]);
}

function pathValue(op: Op, name: string, r: Rng, mode: 'mixed' | 'real' | 'junk'): string {
  const owner = op.path.split('/').at(op.path.split('/').indexOf(`{${name}}`) - 1) ?? '';
  const schema = op.operation.parameters?.find((prm) => prm.in === 'path' && prm.name === name)?.schema;
  const own = pools[owner] ?? [];
  const x = mode === 'junk' ? 1 : mode === 'real' ? 0 : r.next();
  if (x < 0.65 && own.length) return encodeURIComponent(r.pick(own));
  if (x < 0.75) return encodeURIComponent(r.pick(Object.entries(pools).flatMap(([pool, values]) => (pool === 'keys' ? [] : values))));
  if (x < 0.85) return encodeURIComponent(String(exampleOf(doc, schema, r, hintFor(r))));
  return r.pick(junkSegments);
}

const queryPools: Record<string, string> = { batch: 'batches', memberId: 'members', campaign: 'campaigns', phone: 'phones', email: 'emails', externalId: 'externalIds', cardNumber: 'cards' };

/** The query string: required parameters always, optional ones at random; a careful caller sends no junk. */
function queryOf(op: Op, r: Rng, careful: boolean): string {
  const parts: string[] = [];
  for (const prm of (op.operation.parameters ?? []).filter((x: Parameter) => x.in === 'query')) {
    if (!prm.required && (careful || r.chance(0.5))) continue;
    const pool = pools[queryPools[prm.name] ?? ''];
    const good = pool?.length && (careful || r.chance(0.7)) ? r.pick(pool) : String(exampleOf(doc, prm.schema, r));
    parts.push(`${prm.name}=${careful || r.chance(0.6) ? encodeURIComponent(good) : r.pick(junkQueryValues)}`);
  }
  if (!careful && r.chance(0.25)) {
    const name = parts[0]?.split('=')[0] ?? 'limit';
    parts.push(r.pick([`${name}=${r.pick(junkQueryValues)}`, name, 'zzz=1', '%ZZ=1', '%00=1', 'a[]=1&a[]=2', '&&&', `q=${r.pick(junkQueryValues)}`, '=']));
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

function idempotencyKey(r: Rng): string | undefined {
  return r.pick([
    undefined, undefined, `fz-${++serial}`, `fz-shared-${r.int(1, 4)}`, `fz-shared-${r.int(1, 4)}`, '', ' ', 'x'.repeat(200), 'x'.repeat(201),
    'x'.repeat(10_000), 'caf\u00e9\tkey', '\u0001\u007f', `${'a'.repeat(50)} ${'b'.repeat(50)}`,
  ]);
}

type TaskKind = 'random' | 'fixed' | 'null' | 'segment' | 'method' | 'head' | 'final' | 'edge';
interface Task {
  op: Op;
  kind: TaskKind;
  body?: BodyCase;
}

interface Sent {
  n: number;
  op: string;
  kind: TaskKind;
  method: string;
  url: string;
  /** Path parameters as sent (URL-encoded). */
  params: Record<string, string>;
  auth: string;
  headers: Record<string, string>;
  body: BodyCase | undefined;
}

function build(task: Task, n: number, r: Rng): Sent {
  const { op } = task;
  const careful = task.kind !== 'random';
  const auth = careful ? as('admin') : pickAuth(r);
  const mode = task.kind === 'segment' ? 'junk' : ['fixed', 'null', 'final', 'edge'].includes(task.kind) ? 'real' : 'mixed';
  const method =
    task.kind === 'head' ? 'HEAD' : task.kind === 'method' ? r.pick(METHODS.filter((m) => !doc.paths[op.path]?.[m.toLowerCase()])) : op.method;
  const params: Record<string, string> = {};
  const url =
    op.path.replace(/\{(\w+)\}/g, (_, name: string) => (params[name] = pathValue(op, name, r, mode))) + queryOf(op, r, careful);
  let body = task.body;
  if (!body && op.bodySchema) {
    const base =
      task.kind === 'final' || task.kind === 'edge' ? (validBody(op.name, r, task.kind === 'edge') ?? exampleOf(doc, op.bodySchema, r, hintFor(r))) : bodyBase(op, r);
    body = { label: 'valid-ish', text: JSON.stringify(base), contentType: 'application/json' };
  }
  if (task.kind === 'random' && op.bodySchema && r.chance(0.85)) body = mutateBody(doc, op.bodySchema, bodyBase(op, r), r);
  if (task.kind === 'random' && !op.bodySchema && WRITES.has(method) && r.chance(0.2))
    body = r.pick<BodyCase>([{ label: 'unexpected body', text: '{"a":1}', contentType: 'application/json' }, { label: 'unexpected malformed body', text: '{', contentType: 'application/json' }, { label: 'unexpected NUL', text: '"\\u0000"', contentType: 'application/json' }]);
  if (method === 'GET' || method === 'HEAD') body = undefined;
  const headers: Record<string, string> = {};
  if (auth.header !== undefined) headers.authorization = auth.header;
  if (body?.contentType) headers['content-type'] = body.contentType;
  const declaresKey = op.operation.parameters?.some((prm) => prm.in === 'header' && prm.name === 'idempotency-key');
  if (!careful && (declaresKey || (WRITES.has(method) && r.chance(0.2)))) {
    const key = idempotencyKey(r);
    if (key !== undefined) headers['idempotency-key'] = key;
  }
  if ((!careful && r.chance(0.05)) || (method === 'OPTIONS' && r.chance(0.7))) headers.origin = r.pick(['https://evil.example', 'null', 'https://shop.example.ru', 'caf\u00e9', 'x'.repeat(5000)]);
  if (method === 'OPTIONS' && headers.origin) headers['access-control-request-method'] = r.pick(['POST', 'GET', 'junk', '']);
  return { n, op: `${method} ${op.path}`, kind: task.kind, method, url, params, auth: auth.label, headers, body };
}

function plan(r: Rng): Task[] {
  const ops: Op[] = Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method.toUpperCase()))
      .map(([method, operation]) => ({
        name: `${method.toUpperCase()} ${path}`, method: method.toUpperCase(), path, operation,
        bodySchema: operation.requestBody?.content['application/json']?.schema,
      })),
  );
  const tasks: Task[] = [];
  for (const op of ops) {
    for (let i = 0; i < PER_OPERATION; i++) tasks.push({ op, kind: 'random' });
    tasks.push({ op, kind: 'method' }, { op, kind: 'head' });
    if (op.path.includes('{')) for (let i = 0; i < JUNK_SEGMENTS_PER_OPERATION; i++) tasks.push({ op, kind: 'segment' });
    if (!op.bodySchema) continue;
    const base = validBody(op.name, r) ?? exampleOf(doc, op.bodySchema, r, hintFor(r));
    for (const body of fixedBodies(doc, op.bodySchema, base, r)) tasks.push({ op, kind: 'fixed', body });
    for (const body of nullSweep(doc, resolve(doc, op.bodySchema), base, NULL_SWEEP_MAX)) tasks.push({ op, kind: 'null', body });
  }
  // After the storm, one careful request per operation: a leaked lock or a broken state shows here.
  // Then the programme at the edge of its settings, and one request per operation at the edge of every number.
  const settingsFirst = [...ops].sort((a, b) => Number(b.name === 'PATCH /v1/program/settings') - Number(a.name === 'PATCH /v1/program/settings'));
  const edge = settingsFirst.filter((op) => op.method !== 'DELETE').map((op): Task => ({ op, kind: 'edge' }));
  return [...r.shuffle(tasks), ...ops.map((op): Task => ({ op, kind: 'final' })), ...edge];
}

// ---- what must hold -----------------------------------------------------------------------------------------------

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text);

function describeRequest(sent: Sent): string {
  const headers = Object.entries(sent.headers).map(([name, value]) => `${name}: ${clip(JSON.stringify(value), 60)}`).join('; ');
  const body = sent.body ? `\n    body [${sent.body.label}]: ${sent.body.text === undefined ? '(none)' : clip(JSON.stringify(sent.body.text), 300)}` : '';
  return `seed=${SEED} request #${sent.n} (${sent.kind}): ${sent.method} ${clip(sent.url, 200)} as ${sent.auth}\n    headers: ${headers}${body}`;
}

/** Harvests ids from a successful write so later requests can name them. */
function harvest(sent: Sent, answer: unknown) {
  const walk = (value: unknown, key: string) => {
    if (typeof value === 'string') {
      if (value.startsWith('mem_')) remember('members', value);
      if (value.startsWith('rcp_')) remember('receipts', value);
      if (value.startsWith('cpb_')) remember('batches', value);
      if ((key === 'number' || key === 'cardNumber') && /^\d{8,19}$/.test(value)) remember('cards', value);
    } else if (Array.isArray(value)) value.forEach((item) => walk(item, key));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k);
  };
  walk(answer, '');
  const body = answer as { id?: string; codes?: string[] } | null;
  if (sent.op === 'POST /v1/keys') remember('keys', body?.id);
  if (sent.op === 'POST /v1/webhooks') remember('webhooks', body?.id);
  const code = sent.params.code ?? '';
  const decoded = /^[A-Za-z0-9_.-]+$/.test(code) ? code : null;
  if (decoded && sent.op === 'PUT /v1/campaigns/{code}') remember('campaigns', decoded);
  if (decoded && sent.op === 'PUT /v1/stores/{code}') remember('stores', decoded);
  if (decoded && sent.op === 'PUT /v1/categories/{code}') remember('categories', decoded);
  if (sent.op === 'POST /v1/coupons/batches') for (const code of body?.codes ?? []) remember('coupons', code);
}

/**
 * The first integer in an answer too large to be exact (points, money, counts), with its path. Members' and events'
 * own `attributes` are the client's free-form JSON, where a double such as 1e300 is a value like any other.
 */
function unsafeNumber(value: unknown, path = ''): { path: string; value: number } | null {
  if (typeof value === 'number') return Number.isInteger(value) && !Number.isSafeInteger(value) ? { path: path || 'body', value } : null;
  if (value && typeof value === 'object')
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'attributes') continue;
      const found = unsafeNumber(inner, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  return null;
}

describe(`fuzzing every operation of /openapi.json (${engine})`, () => {
  it('answers generated requests without a 5xx, refuses with problem documents, and a refusal writes nothing', async () => {
    const logged: unknown[][] = [];
    const errors = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void logged.push(args));
    const violations = new Map<string, { example: string; count: number }>();
    const violate = (sent: Sent, status: number, code: string, what: string, more = '') => {
      const key = `${sent.op} ${status} ${code} ${what.split('\n')[0]}`;
      const seen = violations.get(key);
      if (seen) seen.count++;
      else violations.set(key, { example: `${sent.op} -> ${status} ${code}: ${what}\n  ${describeRequest(sent)}${more}`, count: 1 });
    };
    const classes: Record<string, number> = { '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0 };
    const codes = new Map<string, number>();
    const succeeded = new Set<string>();
    let refusedWrites = 0;
    /** The last few requests to each path, to show what came before a violation that depends on history. */
    const recent = new Map<string, string[]>();
    /** The last successful writes: the state a violation may depend on. */
    const writes: string[] = [];
    const history = () => `\n    last successful writes before it:\n      ${writes.join('\n      ')}`;
    const started = performance.now();
    const tasks = plan(mulberry32(SEED));
    try {
      for (const [n, task] of tasks.entries()) {
        const sent = build(task, n, mulberry32(SEED + n + 1));
        const write = WRITES.has(sent.method);
        const before = write ? await rowCounts() : null;
        logged.length = 0;
        let status: number;
        let contentType: string;
        let text: string;
        try {
          const res = await p.app.request(sent.url, { method: sent.method, headers: sent.headers, body: sent.body?.text });
          status = res.status;
          contentType = res.headers.get('content-type') ?? '';
          text = await res.text();
        } catch (error) {
          violate(sent, 0, 'threw', error instanceof Error ? `${error.message}\n${error.stack}` : String(error));
          continue;
        }
        classes[`${Math.floor(status / 100)}xx`] = (classes[`${Math.floor(status / 100)}xx`] ?? 0) + 1;
        let answer: any = null;
        try {
          answer = text ? JSON.parse(text) : null;
        } catch {
          answer = null;
        }
        const code = typeof answer?.code === 'string' ? answer.code : '-';
        const earlier = recent.get(task.op.path) ?? [];
        recent.set(task.op.path, [...earlier.slice(-3), `#${sent.n} ${sent.method} ${clip(sent.url, 80)} as ${sent.auth} -> ${status} ${code}`]);
        if (TRACE) appendFileSync(TRACE, JSON.stringify({ ...sent, body: sent.body && { ...sent.body, text: clip(sent.body.text ?? '', 2000) }, status, code, answer: clip(text, 500) }) + '\n');
        if (status >= 400) codes.set(`${status} ${code}`, (codes.get(`${status} ${code}`) ?? 0) + 1);
        if (status >= 200 && status < 300) {
          succeeded.add(task.op.name);
          if (write) {
            harvest(sent, answer);
            writes.push(`#${sent.n} ${sent.method} ${clip(sent.url, 80)} ${clip(sent.body?.text ?? '', 160)}`);
            if (writes.length > 5) writes.shift();
          }
        }
        // Points and money are integers the answer must carry exactly: past 2^53 a JSON number no longer can.
        const inexact = unsafeNumber(answer);
        if (inexact)
          violate(sent, status, code, `an answer carries an integer past Number.MAX_SAFE_INTEGER at ${inexact.path.replace(/\.\d+\./g, '.N.')}`, `\n    value: ${inexact.path} = ${inexact.value}\n    answer: ${clip(text, 300)}${history()}`);
        if (status >= 500) {
          const error = logged.flat().find((x): x is Error => x instanceof Error);
          const stack = error?.stack ? `\n    stack: ${error.stack.split('\n').slice(0, 7).join('\n      ')}` : '';
          violate(sent, status, code, error ? `${error.name}: ${error.message}` : clip(text, 200), `\n    answer: ${clip(text, 300)}${stack}${history()}`);
        } else if (status >= 400) {
          // Requests go one at a time, so no heavy request (backtest, export) can be running: a 429 is a leaked slot.
          if (code === 'busy')
            violate(sent, status, code, 'busy although no other request was in flight (a heavy slot leaked)', `\n    earlier requests to ${task.op.path}:\n      ${(recent.get(task.op.path) ?? []).join('\n      ')}`);
          if (!/^application\/problem\+json/.test(contentType)) violate(sent, status, code, `4xx with content-type ${JSON.stringify(contentType)}`, `\n    answer: ${clip(text, 300)}`);
          else if (sent.method !== 'HEAD' && (typeof answer?.code !== 'string' || answer?.status !== status))
            violate(sent, status, code, `problem without a string code or its own status (status ${JSON.stringify(answer?.status)})`, `\n    answer: ${clip(text, 300)}`);
          if (before) {
            refusedWrites++;
            const after = await rowCounts();
            const changed = tables.filter((t) => before[t] !== after[t]);
            if (changed.length) violate(sent, status, code, `refused write changed rows of ${changed.join(', ')}`, `\n    rows: ${changed.map((t) => `${t} ${before[t]} -> ${after[t]}`).join(', ')}\n    answer: ${clip(text, 300)}`);
          }
        }
      }
    } finally {
      errors.mockRestore();
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const operations = new Set(tasks.map((t) => t.op.name));
    console.log(
      `fuzz [${engine}] seed=${SEED}: ${tasks.length} requests over ${operations.size} operations in ${seconds} s — ` +
        `2xx ${classes['2xx']}, 3xx ${classes['3xx']}, 4xx ${classes['4xx']}, 5xx ${classes['5xx']}; ` +
        `${refusedWrites} refused writes checked over ${tables.length} tables; ${violations.size} distinct violations`,
    );
    console.log(`fuzz [${engine}] refusals: ${[...codes].sort((a, b) => b[1] - a[1]).map(([c, k]) => `${c} ×${k}`).join(', ')}`);
    const neverAccepted = [...operations].filter((op) => !succeeded.has(op));
    if (neverAccepted.length) console.log(`fuzz [${engine}] operations no request got a 2xx from: ${neverAccepted.join(', ')}`);

    const report = [...violations.values()].map((v) => `${v.example}${v.count > 1 ? `\n  (and ${v.count - 1} more like it)` : ''}`);
    const documented = Object.values(doc.paths).flatMap((item) => Object.keys(item).filter((m) => METHODS.includes(m.toUpperCase())));
    expect(operations.size, 'every operation of the document is fuzzed').toBe(documented.length);
    expect(violations.size, `${violations.size} distinct violations (seed ${SEED}):\n\n${clip(report.join('\n\n'), 20_000)}`).toBe(0);
  });
});
