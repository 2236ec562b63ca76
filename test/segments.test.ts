import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJob } from '../src/jobs/jobs.ts';
import { sequenceEvents } from '../src/store/events.ts';
import type { Db } from '../src/store/db.ts';
import { keepCategories } from '../src/store/receipt-lines.ts';
import { expectProblem, footprint } from './checks.ts';
import { line, newProgramme, openTestDb, receipt, type Programme } from './harness.ts';

// Segments of a programme whose five members are described by hand below; "now" is 30 June 2026, 12:00 Moscow.
let db: Db;
let p: Programme;
const ids: Record<string, string> = {};
let n = 0;

const buy = async (who: string, at: string, rub: number, sku = 'TEA', category = 'grocery') => {
  const res = await p.call('POST', '/v1/receipts', receipt(`R-${++n}`, [line(sku, rub * 100, 1, { category })], { purchasedAt: at, member: { id: ids[who] } }), { role: 'pos' });
  expect(res.status).toBe(201);
  return res.body.id as string;
};
const preview = async (rule: unknown) => {
  const res = await p.call('POST', '/v1/segments/preview', { rule }, { role: 'marketer' });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.members as number;
};
const membersOf = async (code: string) =>
  (await db.query<{ member_id: string }>('select member_id from segment_members where program_id = $1 and segment = $2 order by 1', [p.programId, code])).map((r) => r.member_id);
const named = (...who: string[]) => who.map((w) => ids[w]!).sort();

beforeAll(async () => {
  db = await openTestDb();
  p = await newProgramme(db, { timezone: 'Europe/Moscow' }, '2026-06-30T09:00:00Z');
  const enrol = async (who: string, profile: Record<string, unknown>) => {
    const res = await p.call('POST', '/v1/members', { name: who, ...profile }, { role: 'pos' });
    expect(res.status).toBe(201);
    ids[who] = res.body.member.id;
  };
  await enrol('anna', { gender: 'female', birthDate: '1960-05-10', phone: '+79160000001', consents: { email: true, sms: false, push: false } });
  await enrol('boris', { gender: 'male', birthDate: '1990-07-01', phone: '+79160000002' });
  await enrol('vera', { gender: 'female', birthDate: '2000-01-01', consents: { email: true, sms: true, push: false } });
  await enrol('gleb', { gender: 'male', attributes: { children: 2 } });
  await enrol('dina', { gender: 'female', attributes: { children: 0 } });
  // Anna: three purchases this month, 300 ₽ each, milk. Boris: one, in December. Gleb: two this month, one
  // cancelled. Dina: one of 5,000 ₽ ten days ago. Vera never bought.
  for (const [code, name] of [['dairy', 'Молочное'], ['grocery', 'Бакалея']]) expect((await p.call('PUT', `/v1/categories/${code}`, { name }, { role: 'marketer' })).status).toBe(200);
  for (const day of ['2026-06-05', '2026-06-15', '2026-06-25']) await buy('anna', `${day}T10:00:00Z`, 300, 'MILK', 'dairy');
  await buy('boris', '2025-12-20T10:00:00Z', 200);
  await buy('gleb', '2026-06-10T10:00:00Z', 400);
  const cancelled = await buy('gleb', '2026-06-11T10:00:00Z', 700);
  expect((await p.call('POST', `/v1/receipts/${cancelled}/cancel`, {}, { role: 'pos' })).status).toBe(201);
  await buy('dina', '2026-06-20T10:00:00Z', 5000);
  // In May Dina came with a promo code: she used a coupon, and took part in its campaign.
  const promo = { name: 'Промокод', conditions: { code: 'coupon', args: {} }, effects: [{ code: 'discount_percent', args: { percent: 5 } }] };
  expect((await p.call('PUT', '/v1/campaigns/promo', promo, { role: 'marketer' })).status).toBe(200);
  expect((await p.call('POST', '/v1/coupons/batches', { campaign: 'promo', code: 'SALE5', maxUses: null }, { role: 'marketer' })).status).toBe(201);
  const res = await p.call('POST', '/v1/receipts', receipt(`R-${++n}`, [line('TEA', 10_000, 1, { category: 'grocery' })], { purchasedAt: '2026-05-10T10:00:00Z', member: { id: ids.dina }, coupons: ['SALE5'] }), { role: 'pos' });
  expect(res.status).toBe(201);
});
afterAll(() => db.close());

describe('segment rules', () => {
  it('count the members each condition holds, as worked out by hand', async () => {
    // Purchases and money in a window count confirmed receipts only: Gleb's cancelled one is out.
    expect(await preview({ field: 'purchases', op: 'gte', value: 2, days: 30 })).toBe(1); // Anna
    expect(await preview({ field: 'purchases', op: 'eq', value: 1, days: 30 })).toBe(2); // Gleb, Dina
    expect(await preview({ field: 'paid', op: 'gte', value: 90_000, from: '2026-06-01', to: '2026-06-30' })).toBe(2); // Anna 900 ₽, Dina 5,000 ₽
    expect(await preview({ field: 'paid', op: 'lt', value: 50_000, days: 30 })).toBe(3); // Boris and Vera 0, Gleb 400 ₽
    // Lifetime aggregates: average check Anna 300, Boris 200, Gleb 400, Dina 5,000 ₽; Vera has none and never matches.
    expect(await preview({ field: 'average_check', op: 'between', value: [25_000, 40_000] })).toBe(2);
    expect(await preview({ field: 'days_since_purchase', op: 'gt', value: 90 })).toBe(1); // Boris: 192 days
    expect(await preview({ not: { field: 'purchases', op: 'gte', value: 1 } })).toBe(1); // Vera
    // Profile: ages on 30 June 2026 are 66 (Anna), 35 (Boris: his birthday is tomorrow), 26 (Vera).
    expect(await preview({ field: 'age', op: 'gte', value: 36 })).toBe(1);
    expect(await preview({ field: 'age', op: 'between', value: [26, 35] })).toBe(2);
    expect(await preview({ field: 'birthday_month', op: 'eq', value: 7 })).toBe(1);
    expect(await preview({ field: 'attribute.children', op: 'gte', value: 1 })).toBe(1); // Gleb
    expect(await preview({ field: 'attribute.children', op: 'is_set' })).toBe(2);
    expect(await preview({ field: 'consent.email', op: 'eq', value: true })).toBe(2);
    expect(await preview({ field: 'city', op: 'not_set' })).toBe(5);
    expect(await preview({ field: 'used_coupon', op: 'eq', value: true })).toBe(1); // Dina
    expect(await preview({ field: 'used_coupon', op: 'eq', value: true, days: 30 })).toBe(0);
    expect(await preview({ field: 'used_coupon', op: 'eq', value: false })).toBe(4);
    expect(await preview({ field: 'campaign', op: 'in', value: ['promo'] })).toBe(1);
    expect(await preview({ field: 'campaign', op: 'not_in', value: ['promo'], days: 30 })).toBe(5);
    expect(await preview({ field: 'bought_sku', op: 'in', value: ['MILK'] })).toBe(1);
    expect(await preview({ field: 'bought_sku', op: 'not_in', value: ['MILK'] })).toBe(4);
    // Lines after the first name MILK by its SKU alone; the catalogue tells their category.
    expect(await preview({ field: 'bought_category', op: 'in', value: ['dairy'], days: 10 })).toBe(1);
    expect(await preview({ field: 'bought_category', op: 'in', value: ['grocery'] })).toBe(3); // Boris, Gleb, Dina
    // Receipts keep their lines' categories; those written before they did (none kept) are read by their lines.
    const kept = await db.query<{ categories: string[] }>('select categories from receipts where program_id = $1 and member_id = $2', [p.programId, ids.anna]);
    expect(kept.map((r) => r.categories)).toEqual([['dairy'], ['dairy'], ['dairy']]);
    await db.query('update receipts set categories = null where program_id = $1', [p.programId]);
    expect(await preview({ field: 'bought_category', op: 'in', value: ['dairy'], days: 10 })).toBe(1);
    expect(await preview({ field: 'bought_category', op: 'in', value: ['grocery'] })).toBe(3);
    // The rebuild gives them their list from their lines and the catalogue.
    expect(await keepCategories(db, p.programId)).toBe(8);
    expect(await db.query('select categories from receipts where program_id = $1 and member_id = $2', [p.programId, ids.anna])).toEqual(kept);
    await db.query("update receipts set categories = '{}' where program_id = $1", [p.programId]);
    expect(await preview({ field: 'bought_category', op: 'in', value: ['grocery'] })).toBe(0);
    await db.query("update receipts set categories = '{grocery}' where program_id = $1 and member_id <> $2", [p.programId, ids.anna]);
    await db.query("update receipts set categories = '{dairy}' where program_id = $1 and member_id = $2", [p.programId, ids.anna]);
    // Trees: women who bought in June, or anyone with children.
    expect(
      await preview({ any: [{ all: [{ field: 'gender', op: 'eq', value: 'female' }, { field: 'purchases', op: 'gte', value: 1, days: 30 }] }, { field: 'attribute.children', op: 'gt', value: 0 }] }),
    ).toBe(3);
  });

  it('place RFM cells as the grid does', async () => {
    const grid = (await p.call('GET', '/v1/analytics/rfm', undefined, { role: 'readonly' })).body;
    for (const s of grid.segments as { code: string; members: number }[]) expect(await preview({ field: 'rfm_segment', op: 'in', value: [s.code] }), s.code).toBe(s.members);
  });

  it('refuse unknown fields, operators, values and windows, naming where, and write nothing', async () => {
    const before = await footprint(p);
    const refused = async (rule: unknown, detail: RegExp) => {
      const res = await p.call('PUT', '/v1/segments/bad', { name: 'Bad', rule }, { role: 'marketer' });
      expectProblem(res, 400, 'validation_failed', detail);
    };
    await refused({ field: 'shoe_size', op: 'eq', value: 42 }, /rule\.field: unknown field "shoe_size"/);
    await refused({ field: 'age', op: 'in', value: [1] }, /rule\.op: "age" takes eq, ne, gt, gte, lt, lte, between, not "in"/);
    await refused({ field: 'age', op: 'like', value: 1 }, /rule\.op/);
    await refused({ all: [{ field: 'age', op: 'gt', value: 'old' }] }, /rule\.all\.0\.value: "gt" on "age" takes a number/);
    await refused({ field: 'points_expiring', op: 'gt', value: 0 }, /needs days/);
    await refused({ field: 'gender', op: 'eq', value: 'female', days: 3 }, /takes no window/);
    await refused({ field: 'campaign', op: 'in', value: ['nope'] }, /unknown campaign "nope"/);
    await refused({ field: 'purchases', op: 'gt', value: 1, from: '2026-06-30', to: '2026-06-01' }, /the end is before the start/);
    expectProblem(await p.call('PUT', '/v1/segments/bad', { name: 'Bad', kind: 'dynamic' }, { role: 'marketer' }), 400, 'validation_failed', /needs a rule/);
    expectProblem(await p.call('POST', '/v1/segments/preview', { rule: { all: 5 } }, { role: 'marketer' }), 400, 'validation_failed', /rule/);
    expectProblem(await p.call('PUT', '/v1/segments/fields', { name: 'Поля', kind: 'static' }, { role: 'marketer' }), 400, 'validation_failed', /code: "fields" names a path of the API/);
    expectProblem(await p.call('POST', '/v1/segments/preview', { rule: { field: 'age', op: 'gt', value: 1, days: -3 } }, { role: 'marketer' }), 400, 'validation_failed', /rule/);
    expect(await footprint(p)).toEqual(before);
    expect((await p.call('GET', '/v1/segments/bad', undefined, { role: 'readonly' })).status).toBe(404);
  });
});

describe('segments', () => {
  it('keep their members, say who entered, and count their size', async () => {
    const res = await p.call('PUT', '/v1/segments/active-women', { name: 'Активные покупательницы', rule: { all: [{ field: 'gender', op: 'eq', value: 'female' }, { field: 'purchases', op: 'gte', value: 1, days: 30 }] } }, { role: 'marketer' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ code: 'active-women', kind: 'dynamic', version: 1, size: 2 });
    expect(await membersOf('active-women')).toEqual(named('anna', 'dina'));
    const entered = await db.query<{ member_id: string }>(
      `select member_id from events where program_id = $1 and type = 'segment.entered' and payload ->> 'segment' = 'active-women' order by 1`,
      [p.programId],
    );
    expect(entered.map((e) => e.member_id)).toEqual(named('anna', 'dina'));
    const got = await p.call('GET', '/v1/segments/active-women', undefined, { role: 'readonly' });
    expect(got.body.history).toEqual([expect.objectContaining({ size: 2, entered: 2, departed: 0 })]);
    // The same definition again changes nothing, not even the version.
    const again = await p.call('PUT', '/v1/segments/active-women', { name: 'Активные покупательницы', rule: { all: [{ field: 'gender', op: 'eq', value: 'female' }, { field: 'purchases', op: 'gte', value: 1, days: 30 }] } }, { role: 'marketer' });
    expect(again.body.version).toBe(1);
  });

  it('follow the events: a purchase brings a member in at the next run of the segments job, and time takes them out', async () => {
    await p.call('PUT', '/v1/segments/recent', { name: 'Покупали за неделю', rule: { field: 'days_since_purchase', op: 'lte', value: 7 } }, { role: 'marketer' });
    expect(await membersOf('recent')).toEqual(named('anna'));
    await buy('boris', '2026-06-30T08:00:00Z', 150);
    while ((await sequenceEvents(db)) > 0);
    const run = await runJob(p.deps, 'segments', p.programId);
    expect(run.changed).toBeGreaterThanOrEqual(1);
    expect(await membersOf('recent')).toEqual(named('anna', 'boris'));
    // Six days on, Anna's last purchase is eleven days old: no event says so, the daily refresh does.
    p.advanceDays(6);
    await runJob(p.deps, 'segment-refresh', p.programId);
    expect(await membersOf('recent')).toEqual(named('boris'));
    const left = await db.query<{ member_id: string }>(`select member_id from events where program_id = $1 and type = 'segment.left' and payload ->> 'segment' = 'recent'`, [p.programId]);
    expect(left.map((e) => e.member_id)).toEqual(named('anna'));
    p.setNow('2026-06-30T09:00:00Z');
  });

  it('are campaign audiences: the engine reads membership, and a segment in use cannot be deleted', async () => {
    const campaign = { name: 'Для активных', audience: { kind: 'segment', code: 'active-women' }, effects: [{ code: 'points_fixed', args: { points: 77 } }] };
    expectProblem(await p.call('PUT', '/v1/campaigns/for-active', { ...campaign, audience: { kind: 'segment', code: 'nobody' } }, { role: 'marketer' }), 422, 'invalid_rules', /unknown segment "nobody"/);
    expect((await p.call('PUT', '/v1/campaigns/for-active', campaign, { role: 'marketer' })).status).toBe(200);
    const calc = async (who: string) => {
      const res = await p.call('POST', '/v1/receipts/calculate', receipt('C-1', [line('TEA', 10000)], { member: { id: ids[who] } }), { role: 'pos' });
      return (res.body.campaigns as { campaign: string }[]).map((c) => c.campaign);
    };
    expect(await calc('anna')).toContain('for-active');
    expect(await calc('gleb')).not.toContain('for-active');
    expectProblem(await p.call('DELETE', '/v1/segments/active-women', undefined, { role: 'marketer' }), 409, 'conflict', /audience of campaign "for-active"/);
    expect(await membersOf('active-women')).toHaveLength(2);
    expect((await p.call('DELETE', '/v1/campaigns/for-active', undefined, { role: 'marketer' })).status).toBe(200);
  });

  it('refuse a rule that refers to itself, directly or through another', async () => {
    expectProblem(
      await p.call('PUT', '/v1/segments/loop', { name: 'Loop', rule: { field: 'segment', op: 'in', value: ['loop'] } }, { role: 'marketer' }),
      400, 'validation_failed', /refers to itself: loop → loop/,
    );
    expect((await p.call('PUT', '/v1/segments/outer', { name: 'Outer', rule: { field: 'segment', op: 'in', value: ['recent'] } }, { role: 'marketer' })).status).toBe(200);
    expect(await membersOf('outer')).toEqual(await membersOf('recent'));
    expectProblem(
      await p.call('PUT', '/v1/segments/recent', { name: 'Покупали за неделю', rule: { field: 'segment', op: 'in', value: ['outer'] } }, { role: 'marketer' }),
      400, 'validation_failed', /refers to itself: recent → outer → recent/,
    );
    expectProblem(await p.call('DELETE', '/v1/segments/recent', undefined, { role: 'marketer' }), 409, 'conflict', /segment "outer" refers to it/);
    expect((await p.call('DELETE', '/v1/segments/outer', undefined, { role: 'marketer' })).status).toBe(204);
  });

  it('take a static list from CSV, report the rows that match no one, and export their members', async () => {
    expect((await p.call('PUT', '/v1/segments/vip', { name: 'VIP', kind: 'static' }, { role: 'marketer' })).status).toBe(200);
    const csv = `phone\r\n+7 916 000-00-01\r\n${ids.gleb}\r\n+79169999999\r\n\r\n89160000002\r\n`;
    const upload = await p.app.request(`/v1/segments/vip/members`, { method: 'PUT', headers: { authorization: `Bearer ${p.keys.marketer}`, 'content-type': 'text/csv' }, body: csv });
    expect(upload.status).toBe(200);
    expect(await upload.json()).toEqual({ rows: 4, matched: 3, members: 3, unmatched: [{ row: 4, value: '+79169999999', reason: 'no member matches' }] });
    expect(await membersOf('vip')).toEqual(named('anna', 'gleb', 'boris'));
    const exported = await p.app.request('/v1/segments/vip/members.csv', { headers: { authorization: `Bearer ${p.keys.marketer}` } });
    expect(exported.headers.get('content-type')).toMatch(/text\/csv/);
    const rows = (await exported.text()).trim().split('\r\n');
    expect(rows[0]).toBe('member_id,external_id,phone,email,name,tier,since');
    expect(rows.slice(1).map((r) => r.split(',')[0]).sort()).toEqual(named('anna', 'gleb', 'boris'));
    // A dynamic segment takes no list.
    const dynamic = await p.app.request(`/v1/segments/recent/members`, { method: 'PUT', headers: { authorization: `Bearer ${p.keys.marketer}`, 'content-type': 'text/csv' }, body: csv });
    expect(dynamic.status).toBe(409);
  });
});
