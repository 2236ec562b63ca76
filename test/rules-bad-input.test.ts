import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/store/db.ts';
import type { Role } from '../src/store/keys.ts';
import { expectProblem } from './checks.ts';
import { line, newProgramme, openTestDb, receipt, type Programme } from './harness.ts';

// Bad input to the rules, campaigns, coupons, actions and referrals API: a 4xx problem with a stable code and a
// detail naming the field, and nothing written. The programme has something in every table a refusal could touch,
// so a stray write shows up as a changed row count.

type Json = Record<string, any>;
type Response = Awaited<ReturnType<Programme['call']>>;

let db: Db;
let p: Programme;
let anna: string;
let annaCode: string;
let batch: string;

const settings = { earn: { kind: 'percent', percent: 5 }, pendingDays: 0 };
const promo = {
  code: 'promo',
  name: 'Промокод',
  conditions: { code: 'coupon', args: {} },
  effects: [{ code: 'discount_percent', args: { percent: 10 } }],
  limits: { budget: { discount: 1_000_000 } },
};
const review = {
  code: 'review_points',
  name: 'Отзыв',
  trigger: 'event',
  conditions: { code: 'event_type', args: { types: ['review'] } },
  effects: [{ code: 'points_fixed', args: { points: 50 } }],
};
const referral = { enabled: true, referrerPoints: 300, refereePoints: 200, minPurchase: 0, maxRewardsPerMonth: 20 };
const { code: _promoCode, ...promoBody } = promo;

const ok = async (res: Promise<Response>, status: number) => {
  const r = await res;
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  return r.body;
};

beforeAll(async () => {
  db = await openTestDb();
  p = await newProgramme(db, settings);
  await ok(p.call('PUT', '/v1/categories/coffee', { name: 'Кофе' }), 200);
  await ok(p.call('PUT', '/v1/rules', { campaigns: [promo, review], referral }, { role: 'marketer' }), 200);
  anna = (await ok(p.call('POST', '/v1/members', { name: 'Анна', phone: '+79165550001', email: 'anna.petrova@example.com' }), 201)).member.id;
  annaCode = (await ok(p.call('GET', `/v1/members/${anna}/referral`, undefined, { role: 'pos' }), 200)).code;
  await ok(p.call('POST', '/v1/members', { name: 'Борис', referralCode: annaCode }), 201);
  batch = (await ok(p.call('POST', '/v1/coupons/batches', { campaign: 'promo', count: 3 }), 201)).batch;
  await ok(p.call('POST', '/v1/coupons/batches', { campaign: 'promo', code: 'SUMMER2026', maxUses: null }), 201);
  await ok(p.call('POST', '/v1/receipts', receipt('R-1', [line('TEA', 10_000)], { member: { id: anna }, coupons: ['SUMMER2026'] }), { role: 'pos' }), 201);
  await ok(p.call('POST', '/v1/events', { id: 'ev-1', memberId: anna, type: 'review' }, { role: 'pos' }), 200);
});
afterAll(() => db.close());

const tables = [
  'rule_sets', 'campaign_budgets', 'coupons', 'coupon_redemptions', 'member_events', 'referrals', 'audit_log', 'campaign_grants',
  'receipts', 'receipt_lines', 'journal_entries', 'postings', 'lots', 'categories', 'members', 'cards', 'idempotency_keys',
] as const;

/** Rows of the programme in every table a refused request could have written. */
async function rowCounts(): Promise<Record<string, number>> {
  const [row] = await db.query<Record<string, number>>(
    `select ${tables.map((t) => `(select count(*)::int from ${t} where program_id = $1) as ${t}`).join(', ')}`,
    [p.programId],
  );
  return Object.fromEntries(tables.map((t) => [t, Number(row?.[t])]));
}

/** What a marketer or a till would see change: the rules in force, budgets, categories, a coupon's uses, a balance. */
const observe = async () => ({
  rules: (await p.call('GET', '/v1/rules', undefined, { role: 'readonly' })).body,
  campaigns: (await p.call('GET', '/v1/campaigns', undefined, { role: 'readonly' })).body,
  categories: (await p.call('GET', '/v1/categories', undefined, { role: 'readonly' })).body,
  coupon: (await p.call('GET', '/v1/coupons/SUMMER2026', undefined, { role: 'readonly' })).body,
  batch: (await p.call('GET', `/v1/coupons?batch=${batch}`, undefined, { role: 'marketer' })).body,
  balance: (await p.call('GET', `/v1/members/${anna}/balance`, undefined, { role: 'readonly' })).body,
  referrals: (await p.call('GET', `/v1/members/${anna}/referrals`, undefined, { role: 'readonly' })).body,
  audit: (await p.call('GET', '/v1/audit?limit=500', undefined, { role: 'readonly' })).body,
});

interface Case {
  name: string;
  send: () => Promise<Response>;
  status: number;
  code: string;
  detail: RegExp;
}

/** Sends the request and checks the refusal: a 4xx problem document, and no row and nothing visible changed. */
async function expectRefusal(c: Case) {
  const before = { rows: await rowCounts(), seen: await observe() };
  const res = await c.send();
  expect(res.status, JSON.stringify(res.body)).toBeGreaterThanOrEqual(400);
  expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
  expectProblem(res, c.status, c.code, c.detail);
  expect(typeof res.body.detail === 'string' && res.body.detail.trim().length > 0).toBe(true);
  expect({ rows: await rowCounts(), seen: await observe() }).toEqual(before);
}

const call = (method: string, path: string | (() => string), body?: unknown | (() => unknown), role: Role = 'admin') => () =>
  p.call(method, typeof path === 'function' ? path() : path, typeof body === 'function' ? body() : body, { role });

/** A body sent with a content type other than JSON. */
const plainText = (method: string, path: string) => async (): Promise<Response> => {
  const res = await p.app.request(path, { method, headers: { authorization: `Bearer ${p.keys.admin}`, 'content-type': 'text/plain' }, body: 'campaigns=none' });
  return { status: res.status, body: JSON.parse(await res.text()), contentType: res.headers.get('content-type') ?? '' };
};

const invalid = (name: string, send: Case['send'], detail: RegExp): Case => ({ name, send, status: 400, code: 'validation_failed', detail });
const badRules = (name: string, send: Case['send'], detail: RegExp): Case => ({ name, send, status: 422, code: 'invalid_rules', detail });
const malformed = (method: string, path: string | (() => string), role: Role = 'admin'): Case => ({
  name: `malformed JSON to ${method} ${typeof path === 'string' ? path : path().replace(/mem_\w+/, '{id}')}`,
  send: call(method, path, '{"campaigns": [{"code": "x",', role),
  status: 400,
  code: 'malformed_json',
  detail: /JSON/,
});
const forbidden = (name: string, send: Case['send'], detail: RegExp): Case => ({ name, send, status: 403, code: 'forbidden', detail });

const campaign = (extra: Json) => ({ ...promo, ...extra });
const rules = (campaigns: Json[], extra: Json = {}) => call('PUT', '/v1/rules', { campaigns, ...extra });
const sale = (extra: Json = {}) => receipt('R-X', [line('TEA', 10_000)], { member: { id: anna }, ...extra });
const twentyOne = Array.from({ length: 21 }, (_, i) => `CODE-${i}`);

const ruleCases: Case[] = [
  malformed('PUT', '/v1/rules'),
  { name: 'PUT /v1/rules as text/plain', send: plainText('PUT', '/v1/rules'), status: 415, code: 'unsupported_media_type', detail: /application\/json/ },
  invalid('a rule set that is an array', call('PUT', '/v1/rules', []), /expected record, received array/),
  invalid('a rule set that is null', call('PUT', '/v1/rules', 'null'), /expected record, received null/),
  invalid('a rule set that is a number', call('PUT', '/v1/rules', '42'), /expected record, received number/),
  badRules('campaigns that are not a list', call('PUT', '/v1/rules', { campaigns: 'promo' }), /^campaigns: .*expected array, received string/),
  badRules('a campaign without name and effects', rules([{ code: 'bare' }]), /campaigns\.0\.name: .*expected string.*campaigns\.0\.effects: .*expected array/),
  badRules('an unknown top-level field', call('PUT', '/v1/rules', { campaigns: [promo], surprise: 1 }), /Unrecognized key: "surprise"/),
  badRules('an unknown campaign field', rules([campaign({ surprise: 1 })]), /campaigns\.0: Unrecognized key: "surprise"/),
  badRules('a priority out of range', rules([campaign({ priority: 5000 })]), /campaigns\.0\.priority: Too big/),
  badRules('a negative budget', rules([campaign({ limits: { budget: { points: -1 } } })]), /campaigns\.0\.limits\.budget\.points: must not be negative/),
  badRules('a per-member use limit of zero', rules([campaign({ limits: { perMember: { period: 'day', uses: 0 } } })]), /campaigns\.0\.limits\.perMember\.uses: Too small/),
  badRules('an unknown limit period', rules([campaign({ limits: { perMember: { period: 'year', uses: 1 } } })]), /campaigns\.0\.limits\.perMember\.period/),
  badRules('a schedule that ends before it starts', rules([campaign({ schedule: { from: '2026-03-01T00:00:00Z', to: '2026-02-01T00:00:00Z' } })]), /campaigns\.0\.schedule\.to: the end is before the start/),
  badRules('a schedule on 31 February', rules([campaign({ schedule: { from: '2026-02-31T00:00:00Z' } })]), /campaigns\.0\.schedule\.from: an ISO 8601 date-time/),
  badRules('a schedule date without a time', rules([campaign({ schedule: { to: '2026-03-01' } })]), /campaigns\.0\.schedule\.to: an ISO 8601 date-time/),
  badRules('a weekday 8', rules([campaign({ schedule: { days: [1, 8] } })]), /campaigns\.0\.schedule\.days\.1: Too big/),
  badRules('an empty hours window', rules([campaign({ schedule: { hours: { from: '10:00', to: '10:00' } } })]), /campaigns\.0\.schedule\.hours\.to: an empty window/),
  badRules('an hour of 25:00', rules([campaign({ schedule: { hours: { from: '09:00', to: '25:00' } } })]), /campaigns\.0\.schedule\.hours\.to: HH:MM/),
  badRules('an unknown trigger', rules([campaign({ trigger: 'birthday' })]), /campaigns\.0\.trigger/),
  badRules('an unknown effect', rules([campaign({ effects: [{ code: 'nope', args: {} }] })]), /campaigns\.0\.effects\.0\.code: unknown effect "nope"/),
  badRules('no effects', rules([campaign({ effects: [] })]), /campaigns\.0\.effects: Too small/),
  badRules('an unknown condition deep in the tree', rules([campaign({ conditions: { all: [{ not: { code: 'nope', args: {} } }] } })]), /campaigns\.0\.conditions\.all\.0\.not\.code: unknown condition "nope"/),
  badRules('an empty "any"', rules([campaign({ conditions: { any: [] } })]), /campaigns\.0\.conditions\.any: Too small/),
  badRules('an effect argument of the wrong type', rules([campaign({ effects: [{ code: 'discount_percent', args: { percent: 'ten' } }] })]), /campaigns\.0\.effects\.0\.args\.percent: .*expected number/),
  badRules('an unknown effect argument', rules([campaign({ effects: [{ code: 'points_fixed', args: { points: 5, bonus: 1 } }] })]), /campaigns\.0\.effects\.0\.args: Unrecognized key: "bonus"/),
  badRules('a category that does not exist', rules([campaign({ effects: [{ code: 'discount_percent', args: { percent: 10, match: { categories: ['nope'] } } }] })]), /campaigns\.0\.effects\.0\.args: unknown category "nope"/),
  badRules('a tier that does not exist', rules([campaign({ audience: { kind: 'tiers', tiers: ['gold'] } })]), /campaigns\.0\.audience\.tiers: unknown tier "gold"/),
  badRules('a store that does not exist', rules([campaign({ scope: { stores: ['S9'] } })]), /campaigns\.0\.scope\.stores: unknown store "S9"/),
  badRules('an unknown channel', rules([campaign({ scope: { channels: ['fax'] } })]), /campaigns\.0\.scope\.channels\.0/),
  badRules('a coupon for a campaign that does not exist', rules([campaign({ effects: [{ code: 'issue_coupon', args: { campaign: 'ghost' } }] })]), /campaigns\.0\.effects\.0\.args: unknown campaign "ghost"/),
  badRules('an action type that does not exist', rules([{ ...review, conditions: { code: 'event_type', args: { types: ['quiz'] } } }]), /unknown action type "quiz"/),
  badRules('two campaigns with one code', rules([promo, promo]), /campaigns\.1\.code: duplicate campaign code promo/),
  badRules('a campaign code with spaces', rules([campaign({ code: 'bad code!' })]), /campaigns\.0\.code: letters, digits/),
  badRules('an action campaign limited to a store', rules([{ ...review, scope: { stores: ['S1'] } }]), /campaigns\.0\.scope: an action campaign has no store or channel/),
  badRules('receipt conditions in an action campaign', rules([campaign({ trigger: 'event' })]), /condition "coupon" does not apply to event campaigns/),
  badRules('a stacking group without a name', rules([campaign({ stacking: { mode: 'group' } })]), /campaigns\.0\.stacking\.group: name the group/),
  badRules('referral switched on with a string', call('PUT', '/v1/rules', { referral: { enabled: 'yes' } }), /referral\.enabled: .*expected boolean/),
  badRules('no referral rewards per month', call('PUT', '/v1/rules', { referral: { maxRewardsPerMonth: 0 } }), /referral\.maxRewardsPerMonth: Too small/),
  badRules('referral points past the limit', call('PUT', '/v1/rules', '{"referral": {"referrerPoints": 1e20}}'), /referral\.referrerPoints: Too big/),
  badRules('fractional referral points', call('PUT', '/v1/rules', { referral: { refereePoints: 2.5 } }), /referral\.refereePoints: .*expected int/),
  badRules('an unknown referral field', call('PUT', '/v1/rules', { referral: { ...referral, bonus: 1 } }), /referral: Unrecognized key: "bonus"/),
  badRules('an action type without a name', call('PUT', '/v1/rules', { eventTypes: [{ code: 'quiz' }] }), /eventTypes\.0\.name: .*expected string/),
];

const campaignCases: Case[] = [
  malformed('PUT', '/v1/campaigns/promo'),
  invalid('a campaign that is an array', call('PUT', '/v1/campaigns/promo', []), /expected record, received array/),
  badRules('a campaign without effects', call('PUT', '/v1/campaigns/promo', { name: 'Промокод' }), /campaigns\.0\.effects: .*expected array/),
  badRules('a campaign name that is a number', call('PUT', '/v1/campaigns/promo', { ...promoBody, name: 42 }), /campaigns\.0\.name: .*expected string/),
  badRules('a campaign with an unknown field', call('PUT', '/v1/campaigns/promo', { ...promoBody, bogus: true }), /campaigns\.0: Unrecognized key: "bogus"/),
  badRules('a new campaign worth zero points', call('PUT', '/v1/campaigns/new_one', { name: 'Новая', effects: [{ code: 'points_fixed', args: { points: 0 } }] }), /campaigns\.2\.effects\.0\.args\.points: Too small/),
  badRules('a new campaign for a tier that does not exist', call('PUT', '/v1/campaigns/gold_only', { ...promoBody, audience: { kind: 'tiers', tiers: ['gold'] } }), /campaigns\.2\.audience\.tiers: unknown tier "gold"/),
  invalid('a campaign code with spaces in the path', call('PUT', '/v1/campaigns/bad%20code', promoBody), /code: letters, digits/),
  invalid('a campaign code of 65 characters', call('PUT', `/v1/campaigns/${'a'.repeat(65)}`, promoBody), /code: letters, digits/),
  { name: 'removing a campaign that does not exist', send: call('DELETE', '/v1/campaigns/ghost'), status: 404, code: 'campaign_not_found', detail: /no campaign ghost/ },
  invalid('removing a campaign code with spaces', call('DELETE', '/v1/campaigns/bad%20code'), /code: letters, digits/),
  invalid('removing a campaign code of 65 characters', call('DELETE', `/v1/campaigns/${'a'.repeat(65)}`), /code: letters, digits/),
];

const categoryCases: Case[] = [
  malformed('PUT', '/v1/categories/tea'),
  invalid('a category without a name', call('PUT', '/v1/categories/tea', {}), /name: .*expected string/),
  invalid('a blank category name', call('PUT', '/v1/categories/tea', { name: '   ' }), /name: Too small/),
  invalid('a category name that is a number', call('PUT', '/v1/categories/tea', { name: 42 }), /name: .*expected string/),
  invalid('a category name of 201 characters', call('PUT', '/v1/categories/tea', { name: 'x'.repeat(201) }), /name: Too big/),
  invalid('a parent code with spaces', call('PUT', '/v1/categories/tea', { name: 'Чай', parent: 'bad code!' }), /parent: letters, digits/),
  invalid('a parent that is a number', call('PUT', '/v1/categories/tea', { name: 'Чай', parent: 7 }), /parent: .*expected string/),
  invalid('a category code with spaces in the path', call('PUT', '/v1/categories/bad%20code', { name: 'Чай' }), /code: letters, digits/),
];

const simulateCases: Case[] = [
  malformed('POST', '/v1/rules/simulate'),
  invalid('a simulation without a receipt', call('POST', '/v1/rules/simulate', {}), /receipt: .*expected object/),
  invalid('a receipt that is a string', call('POST', '/v1/rules/simulate', { receipt: 'R-1' }), /receipt: .*expected object, received string/),
  invalid('draft rules that are a list', call('POST', '/v1/rules/simulate', () => ({ rules: [], receipt: sale() })), /rules: .*expected record, received array/),
  invalid('draft rules that are null', call('POST', '/v1/rules/simulate', () => ({ rules: null, receipt: sale() })), /rules: .*expected record, received null/),
  badRules('draft campaigns that are not a list', call('POST', '/v1/rules/simulate', () => ({ rules: { campaigns: 'x' }, receipt: sale() })), /campaigns: .*expected array/),
  badRules('a draft with an unknown effect', call('POST', '/v1/rules/simulate', () => ({ rules: { campaigns: [campaign({ effects: [{ code: 'nope' }] })] }, receipt: sale() })), /campaigns\.0\.effects\.0\.code: unknown effect "nope"/),
  invalid('a simulated receipt whose total is wrong', call('POST', '/v1/rules/simulate', () => ({ receipt: sale({ total: 1 }) })), /receipt\.total: must equal the sum of line amounts = 10000/),
  invalid('a simulated receipt with a fractional price', call('POST', '/v1/rules/simulate', () => ({ receipt: sale({ lines: [{ ...line('TEA', 100), price: 100.5 }] }) })), /receipt\.lines\.0\.price: .*expected int/),
  invalid('a simulated receipt with an unknown currency', call('POST', '/v1/rules/simulate', () => ({ receipt: sale({ currency: 'XYZ' }) })), /receipt\.currency: unknown currency/),
  { name: 'a simulated receipt for an unknown member', send: call('POST', '/v1/rules/simulate', () => ({ receipt: sale({ member: { id: 'mem_nobody' } }) })), status: 404, code: 'member_not_found', detail: /no member/ },
  { name: 'a simulated receipt from an unknown store', send: call('POST', '/v1/rules/simulate', () => ({ receipt: sale({ storeCode: 'S9' }) })), status: 404, code: 'store_not_found', detail: /no store S9/ },
  invalid('simulated coupons that are a string', call('POST', '/v1/rules/simulate', () => ({ receipt: sale({ coupons: 'SUMMER2026' }) })), /receipt\.coupons: .*expected array, received string/),
  invalid('21 simulated coupons', call('POST', '/v1/rules/simulate', () => ({ receipt: sale({ coupons: twentyOne }) })), /receipt\.coupons: Too big: .*<=20/),
];

const period = { from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z' };
const backtest = (body: unknown) => call('POST', '/v1/rules/backtest', body);
const backtestCases: Case[] = [
  malformed('POST', '/v1/rules/backtest'),
  invalid('a backtest without anything', backtest({}), /rules: .*expected record.*from: .*ISO 8601.*to: .*ISO 8601/),
  invalid('a backtest that ends before it starts', backtest({ rules: {}, from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }), /to: the end is before the start/),
  invalid('a backtest that ends when it starts', backtest({ rules: {}, from: '2026-01-01T00:00:00+03:00', to: '2025-12-31T21:00:00Z' }), /to: the end is before the start/),
  invalid('a backtest over dates without times', backtest({ rules: {}, from: '2026-01-01', to: '2026-02-01' }), /from: an ISO 8601 date-time.*; to: an ISO 8601 date-time/),
  invalid('a backtest from 30 February', backtest({ rules: {}, from: '2026-02-30T00:00:00Z', to: '2026-03-01T00:00:00Z' }), /from: an ISO 8601 date-time/),
  invalid('a backtest from 24:00', backtest({ rules: {}, from: '2026-01-01T24:00:00Z', to: '2026-02-01T00:00:00Z' }), /from: an ISO 8601 date-time/),
  invalid('a backtest with an offset of +25:00', backtest({ rules: {}, from: '2026-01-01T00:00:00+25:00', to: '2026-02-01T00:00:00Z' }), /from: an ISO 8601 date-time/),
  invalid('a backtest with a free-text date', backtest({ rules: {}, from: 'last month', to: 'today' }), /from: an ISO 8601 date-time.*; to: an ISO 8601 date-time/),
  invalid('a backtest over epoch numbers', backtest({ rules: {}, from: 1_767_225_600, to: 1_769_904_000 }), /from: an ISO 8601 date-time/),
  invalid('backtest rules that are a string', backtest({ rules: 'published', ...period }), /rules: .*expected record, received string/),
  invalid('a backtest without rules', backtest({ ...period }), /rules: .*expected record/),
  badRules('a backtest of an incomplete campaign', backtest({ rules: { campaigns: [{ code: 'x' }] }, ...period }), /campaigns\.0\.name: .*expected string/),
  badRules('a backtest of rules with an unknown field', backtest({ rules: { bogus: 1 }, ...period }), /Unrecognized key: "bogus"/),
  badRules('a backtest of a campaign for a store that does not exist', backtest({ rules: { campaigns: [campaign({ scope: { stores: ['S9'] } })] }, ...period }), /unknown store "S9"/),
];

const auditCases: Case[] = [
  invalid('an audit page of 0', call('GET', '/v1/audit?limit=0'), /limit: Too small/),
  invalid('an audit page of 501', call('GET', '/v1/audit?limit=501'), /limit: Too big/),
  invalid('an audit page of -1', call('GET', '/v1/audit?limit=-1'), /limit: Too small/),
  invalid('an audit page of "abc"', call('GET', '/v1/audit?limit=abc'), /limit: .*expected number/),
  invalid('an audit page of 1.5', call('GET', '/v1/audit?limit=1.5'), /limit: .*expected int/),
  invalid('an audit page of 1e400', call('GET', '/v1/audit?limit=1e400'), /limit: .*expected number, received Infinity/),
  invalid('an audit page given twice', call('GET', '/v1/audit?limit=1&limit=2'), /limit: /),
  invalid('an audit entity of 33 characters', call('GET', `/v1/audit?entity=${'x'.repeat(33)}`), /entity: Too big/),
  invalid('an audit cursor of 65 characters', call('GET', `/v1/audit?before=${'x'.repeat(65)}`), /before: Too big/),
];

const batches = (body: unknown, role: Role = 'admin') => call('POST', '/v1/coupons/batches', body, role);
const couponCases: Case[] = [
  malformed('POST', '/v1/coupons/batches'),
  { name: 'POST /v1/coupons/batches as text/plain', send: plainText('POST', '/v1/coupons/batches'), status: 415, code: 'unsupported_media_type', detail: /application\/json/ },
  invalid('a batch without a campaign', batches({}), /campaign: .*expected string/),
  invalid('a batch for a campaign code with spaces', batches({ campaign: 'bad code!' }), /campaign: letters, digits/),
  { name: 'a batch for a campaign that does not exist', send: batches({ campaign: 'ghost' }), status: 404, code: 'campaign_not_found', detail: /no campaign ghost in the published rules/ },
  invalid('a batch of 0 coupons', batches({ campaign: 'promo', count: 0 }), /count: .*at least 1/),
  invalid('a batch of 100,001 coupons', batches({ campaign: 'promo', count: 100_001 }), /count: .*at most 100000 per batch/),
  invalid('a batch of 1.5 coupons', batches({ campaign: 'promo', count: 1.5 }), /count: .*a whole number/),
  invalid('a count that is a string', batches({ campaign: 'promo', count: '3' }), /count: .*how many coupons/),
  invalid('a batch with an unknown field', batches({ campaign: 'promo', bogus: 1 }), /Unrecognized key: "bogus"/),
  invalid('a pattern with too few X', batches({ campaign: 'promo', pattern: 'KOP-XX' }), /pattern: capital letters, digits and "-".*at least 6 X/),
  invalid('a lower-case pattern', batches({ campaign: 'promo', pattern: 'kop-xxxxxx' }), /pattern: capital letters/),
  invalid('a pattern of 65 characters', batches({ campaign: 'promo', pattern: 'X'.repeat(65) }), /pattern: .*at most 64 characters/),
  invalid('a pattern that is a number', batches({ campaign: 'promo', pattern: 123456 }), /pattern: .*expected string/),
  invalid('a promo code of two characters', batches({ campaign: 'promo', code: 'AB' }), /code: .*at least 3 characters/),
  invalid('a promo code of 65 characters', batches({ campaign: 'promo', code: 'A'.repeat(65) }), /code: .*at most 64 characters/),
  invalid('a promo code with punctuation', batches({ campaign: 'promo', code: 'A B!C' }), /code: letters, digits, "_" or "-"/),
  { name: 'a promo code that exists', send: batches({ campaign: 'promo', code: 'SUMMER2026' }), status: 409, code: 'conflict', detail: /coupon SUMMER2026 already exists/ },
  { name: 'a promo code that exists in other case and spacing', send: batches({ campaign: 'promo', code: ' summer 2026 ' }), status: 409, code: 'conflict', detail: /coupon SUMMER2026 already exists/ },
  invalid('a promo code for two coupons', batches({ campaign: 'promo', code: 'WINTER', count: 2 }), /count: a fixed code is one coupon/),
  invalid('a promo code and a pattern', batches({ campaign: 'promo', code: 'WINTER', pattern: 'KOP-XXXXXX' }), /code: give either a fixed code or a pattern, not both/),
  invalid('zero uses', batches({ campaign: 'promo', maxUses: 0 }), /maxUses: .*at least 1, or null for no limit/),
  invalid('fractional uses', batches({ campaign: 'promo', maxUses: 1.5 }), /maxUses: .*a whole number/),
  invalid('uses past the limit', batches({ campaign: 'promo', maxUses: 2_000_000_000 }), /maxUses: /),
  invalid('negative uses per member', batches({ campaign: 'promo', perMember: -1 }), /perMember: .*at least 1/),
  invalid('uses per member that are a string', batches({ campaign: 'promo', perMember: 'one' }), /perMember: /),
  invalid('valid until before valid from', batches({ campaign: 'promo', validFrom: '2026-03-01T00:00:00Z', validTo: '2026-02-01T00:00:00Z' }), /validTo: must be after validFrom/),
  invalid('valid until when valid from', batches({ campaign: 'promo', validFrom: '2026-03-01T03:00:00+03:00', validTo: '2026-03-01T00:00:00Z' }), /validTo: must be after validFrom/),
  invalid('valid from a date without a time', batches({ campaign: 'promo', validFrom: '2026-03-01' }), /validFrom: an ISO 8601 date-time with an offset/),
  invalid('valid until 30 February', batches({ campaign: 'promo', validTo: '2026-02-30T00:00:00Z' }), /validTo: an ISO 8601 date-time with an offset/),
  invalid('valid until a local time without an offset', batches({ campaign: 'promo', validTo: '2026-03-01T00:00:00' }), /validTo: an ISO 8601 date-time with an offset/),
  { name: 'a batch for a member who does not exist', send: batches({ campaign: 'promo', memberId: 'mem_nobody' }), status: 404, code: 'member_not_found', detail: /no member mem_nobody/ },
  invalid('a batch for an empty member id', batches({ campaign: 'promo', memberId: '' }), /memberId: Too small/),
  invalid('a coupon page of 0', call('GET', '/v1/coupons?limit=0'), /limit: Too small/),
  invalid('a coupon page of 1001', call('GET', '/v1/coupons?limit=1001'), /limit: Too big/),
  invalid('a coupon page of "x"', call('GET', '/v1/coupons?limit=x'), /limit: .*expected number/),
  invalid('an empty batch filter', call('GET', '/v1/coupons?batch='), /batch: Too small/),
  invalid('an empty member filter', call('GET', '/v1/coupons?memberId='), /memberId: Too small/),
  invalid('a campaign filter of 65 characters', call('GET', `/v1/coupons?campaign=${'x'.repeat(65)}`), /campaign: Too big/),
  invalid('a cursor of 65 characters', call('GET', `/v1/coupons?after=${'x'.repeat(65)}`), /after: Too big/),
  invalid('an export without a batch', call('GET', '/v1/coupons/export.csv'), /batch: .*expected string/),
  invalid('an export of an empty batch id', call('GET', '/v1/coupons/export.csv?batch='), /batch: Too small/),
  invalid('an export of a batch id of 65 characters', call('GET', `/v1/coupons/export.csv?batch=${'x'.repeat(65)}`), /batch: Too big/),
  { name: 'an export of a batch that does not exist', send: call('GET', '/v1/coupons/export.csv?batch=cpb_nobody'), status: 404, code: 'not_found', detail: /no coupon batch cpb_nobody/ },
  { name: 'a coupon that does not exist', send: call('GET', '/v1/coupons/NOSUCH-CODE'), status: 404, code: 'coupon_not_found', detail: /no coupon NOSUCH-CODE/ },
  invalid('a coupon code of 65 characters', call('GET', `/v1/coupons/${'x'.repeat(65)}`), /code: Too big/),
];

const event = (extra: Json = {}) => () => ({ id: 'ev-2', memberId: anna, type: 'review', ...extra });
const act = (body: unknown, role: Role = 'pos') => call('POST', '/v1/events', body, role);
const eventCases: Case[] = [
  malformed('POST', '/v1/events', 'pos'),
  invalid('an event without anything', act({}), /id: .*expected string.*memberId: .*expected string.*type: .*expected string/),
  invalid('an event without a type', act(() => ({ id: 'ev-2', memberId: anna })), /type: .*expected string/),
  invalid('an event type with spaces', act(event({ type: 'bad type!' })), /type: letters, digits/),
  { name: 'an event type the programme does not know', send: act(event({ type: 'quiz' })), status: 422, code: 'unknown_action_type', detail: /unknown action type quiz; the programme knows registration, .*review/ },
  { name: 'an event of a member who does not exist', send: act(event({ memberId: 'mem_nobody' })), status: 404, code: 'member_not_found', detail: /no member mem_nobody/ },
  invalid('a member id of 65 characters', act(event({ memberId: 'm'.repeat(65) })), /memberId: Too big/),
  invalid('a blank event id', act(event({ id: '   ' })), /id: Too small/),
  invalid('an event id of 129 characters', act(event({ id: 'e'.repeat(129) })), /id: Too big/),
  invalid('an event id that is a number', act(event({ id: 42 })), /id: .*expected string, received number/),
  invalid('an event that happened "yesterday"', act(event({ occurredAt: 'yesterday' })), /occurredAt: an ISO 8601 date-time/),
  invalid('an event on 30 February', act(event({ occurredAt: '2026-02-30T10:00:00Z' })), /occurredAt: an ISO 8601 date-time/),
  invalid('an event without an offset', act(event({ occurredAt: '2026-01-15T10:00:00' })), /occurredAt: an ISO 8601 date-time/),
  invalid('an event in the future', act(event({ occurredAt: '2027-01-01T00:00:00Z' })), /occurredAt is in the future/),
  invalid('an event attribute that is an object', act(event({ attributes: { steps: { count: 1 } } })), /attributes\.steps: Invalid input/),
  invalid('event attributes that are a list', act(event({ attributes: [1] })), /attributes: .*expected record, received array/),
  invalid('an event attribute of 1001 characters', act(event({ attributes: { text: 'y'.repeat(1001) } })), /attributes\.text: Too big/),
  invalid('an event attribute that is null', act(event({ attributes: { steps: null } })), /attributes\.steps: Invalid input/),
  { name: 'an event id again with other content', send: act(event({ id: 'ev-1', type: 'survey' })), status: 409, code: 'event_conflict', detail: /event ev-1 was already recorded with other content/ },
];

const referralCases: Case[] = [
  { name: 'the referral code of a member who does not exist', send: call('GET', '/v1/members/mem_nobody/referral', undefined, 'pos'), status: 404, code: 'member_not_found', detail: /no member mem_nobody/ },
  invalid('the referral code of a member id of 65 characters', call('GET', `/v1/members/${'m'.repeat(65)}/referral`, undefined, 'pos'), /id: Too big/),
  { name: 'the referrals of a member who does not exist', send: call('GET', '/v1/members/mem_nobody/referrals', undefined, 'readonly'), status: 404, code: 'member_not_found', detail: /no member mem_nobody/ },
  invalid('the referrals of a member id of 65 characters', call('GET', `/v1/members/${'m'.repeat(65)}/referrals`, undefined, 'readonly'), /id: Too big/),
  malformed('POST', '/v1/members'),
  { name: 'joining with a referral code nobody has', send: call('POST', '/v1/members', { name: 'Вера', referralCode: 'NOPE2345' }), status: 422, code: 'invalid_referral', detail: /no member has referral code NOPE2345/ },
  { name: 'joining with your own mailbox under a dotted, tagged address', send: call('POST', '/v1/members', () => ({ name: 'Анна', email: 'annapetrova+promo@example.com', referralCode: annaCode })), status: 422, code: 'invalid_referral', detail: /a member cannot refer themselves/ },
  { name: "joining with the referrer's phone", send: call('POST', '/v1/members', () => ({ name: 'Анна', phone: '+7 916 555-00-01', referralCode: annaCode })), status: 409, code: 'conflict', detail: /another member already has this phone/ },
  invalid('a referral code of three characters', call('POST', '/v1/members', { name: 'Вера', referralCode: 'abc' }), /referralCode: Too small/),
  invalid('a blank referral code', call('POST', '/v1/members', { name: 'Вера', referralCode: '     ' }), /referralCode: Too small/),
  invalid('a referral code of 33 characters', call('POST', '/v1/members', { name: 'Вера', referralCode: 'x'.repeat(33) }), /referralCode: Too big/),
  invalid('a referral code that is a number', call('POST', '/v1/members', { name: 'Вера', referralCode: 12_345_678 }), /referralCode: .*expected string, received number/),
];

const couponFieldCases = (path: '/v1/receipts/calculate' | '/v1/receipts'): Case[] => {
  const send = (coupons: unknown, number = 'R-X') => call('POST', path, () => sale({ number, coupons }), 'pos');
  return [
    invalid(`${path}: coupons that are a string`, send('SUMMER2026'), /coupons: .*expected array, received string/),
    invalid(`${path}: coupons that are null`, send(null), /coupons: .*expected array, received null/),
    invalid(`${path}: a coupon that is a number`, send([42]), /coupons\.0: .*expected string, received number/),
    invalid(`${path}: a coupon that is null`, send([null]), /coupons\.0: .*expected string, received null/),
    invalid(`${path}: a coupon that is an object`, send([{ code: 'SUMMER2026' }]), /coupons\.0: .*expected string, received object/),
    invalid(`${path}: an empty coupon`, send(['']), /coupons\.0: Too small/),
    invalid(`${path}: a blank coupon`, send(['SUMMER2026', '   ']), /coupons\.1: Too small/),
    invalid(`${path}: a coupon of 65 characters`, send(['C'.repeat(65)]), /coupons\.0: Too big: .*<=64/),
    invalid(`${path}: 21 coupons`, send(twentyOne), /coupons: Too big: .*<=20/),
  ];
};

const roleCases: Case[] = [
  forbidden('a readonly key publishing rules', call('PUT', '/v1/rules', { campaigns: [] }, 'readonly'), /a readonly key may not change settings, stores, rules, campaigns or categories/),
  forbidden('a pos key publishing rules', call('PUT', '/v1/rules', { campaigns: [] }, 'pos'), /a pos key may not change settings, stores, rules, campaigns or categories/),
  forbidden('a partner key publishing rules', call('PUT', '/v1/rules', { campaigns: [] }, 'partner'), /a partner key may not change settings, stores, rules, campaigns or categories/),
  forbidden('a pos key putting a campaign', call('PUT', '/v1/campaigns/promo', promoBody, 'pos'), /a pos key may not change settings, stores, rules, campaigns or categories/),
  forbidden('a readonly key putting a campaign', call('PUT', '/v1/campaigns/fresh', { ...promoBody, name: 'Новая' }, 'readonly'), /a readonly key may not change settings, stores, rules, campaigns or categories/),
  forbidden('a readonly key removing a campaign', call('DELETE', '/v1/campaigns/promo', undefined, 'readonly'), /a readonly key may not change settings, stores, rules, campaigns or categories/),
  forbidden('a pos key removing a campaign', call('DELETE', '/v1/campaigns/promo', undefined, 'pos'), /a pos key may not change settings, stores, rules, campaigns or categories/),
  forbidden('a pos key registering a category', call('PUT', '/v1/categories/tea', { name: 'Чай' }, 'pos'), /a pos key may not change settings, stores, rules, campaigns or categories/),
  forbidden('a readonly key creating coupons', batches({ campaign: 'promo' }, 'readonly'), /a readonly key may not generate coupons/),
  forbidden('a pos key creating coupons', batches({ campaign: 'promo' }, 'pos'), /a pos key may not generate coupons/),
  forbidden('a partner key creating coupons', batches({ campaign: 'promo', code: 'PARTNER10' }, 'partner'), /a partner key may not generate coupons/),
  forbidden('a readonly key recording an event', act(event({ id: 'ev-ro' }), 'readonly'), /a readonly key may not record members' actions/),
  forbidden('a partner key recording an event', act(event({ id: 'ev-pa' }), 'partner'), /a partner key may not record members' actions/),
  forbidden('a readonly key making a referral code', call('GET', '/v1/members/mem_nobody/referral', undefined, 'readonly'), /a readonly key may not change members' profiles/),
  forbidden('a readonly key confirming a receipt with a coupon', call('POST', '/v1/receipts', () => sale({ number: 'R-RO', coupons: ['SUMMER2026'] }), 'readonly'), /a readonly key may not price, confirm, return or cancel receipts/),
  { name: 'an unknown key publishing rules', send: () => p.call('PUT', '/v1/rules', { campaigns: [] }, { key: 'not-a-key' }), status: 401, code: 'unauthorized', detail: /Bearer/ },
];

const refusalsByEndpoint: [string, Case[]][] = [
  ['PUT /v1/rules', ruleCases],
  ['PUT and DELETE /v1/campaigns/{code}', campaignCases],
  ['PUT /v1/categories/{code}', categoryCases],
  ['POST /v1/rules/simulate', simulateCases],
  ['POST /v1/rules/backtest', backtestCases],
  ['GET /v1/audit', auditCases],
  ['coupons: batches, list, export, one coupon', couponCases],
  ['POST /v1/events', eventCases],
  ['referrals', referralCases],
];
for (const [endpoint, cases] of refusalsByEndpoint)
  describe(endpoint, () => {
    it.each(cases)('refuses $name', expectRefusal);
  });

describe('the coupons field of a receipt', () => {
  it.each([...couponFieldCases('/v1/receipts/calculate'), ...couponFieldCases('/v1/receipts')])('refuses $name', expectRefusal);
});

describe('roles', () => {
  it.each(roleCases)('refuses $name', expectRefusal);
});

describe('after all those refusals', () => {
  it('the programme still works: the same requests, made right, succeed', async () => {
    const before = await rowCounts();
    const published = await p.call('PUT', '/v1/campaigns/promo', { ...promoBody, name: 'Промокод 10%' }, { role: 'marketer' });
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    expect(published.body.version).toBe(2);
    const coupon = await p.call('POST', '/v1/coupons/batches', { campaign: 'promo', code: 'WINTER2026' }, { role: 'marketer' });
    expect(coupon.status, JSON.stringify(coupon.body)).toBe(201);
    const sold = await p.call('POST', '/v1/receipts', sale({ number: 'R-2', coupons: ['winter2026'] }), { role: 'pos' });
    expect(sold.status, JSON.stringify(sold.body)).toBe(201);
    expect(sold.body.coupons).toEqual([expect.objectContaining({ code: 'WINTER2026', status: 'applied', campaign: 'promo' })]);
    const acted = await p.call('POST', '/v1/events', { id: 'ev-2', memberId: anna, type: 'review' }, { role: 'pos' });
    expect(acted.status, JSON.stringify(acted.body)).toBe(200);
    const after = await rowCounts();
    expect(after.rule_sets).toBe(before.rule_sets! + 1);
    expect(after.coupons).toBe(before.coupons! + 1);
    expect(after.coupon_redemptions).toBe(before.coupon_redemptions! + 1);
    expect(after.receipts).toBe(before.receipts! + 1);
    expect(after.member_events).toBe(before.member_events! + 1);
  });
});
