import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/store/db.ts';
import { expectRefused } from './checks.ts';
import { line, newProgramme, openTestDb, receipt, type Programme } from './harness.ts';

// Settings are versioned data a marketer changes through the API; bad settings change nothing.
let db: Db;
let p: Programme;

beforeAll(async () => {
  db = await openTestDb();
  p = await newProgramme(db, { earn: { kind: 'percent', percent: 5 }, pendingDays: 14 });
});
afterAll(() => db.close());

const program = async () => (await p.call('GET', '/v1/program', undefined, { role: 'readonly' })).body;
const patch = (body: unknown, role: 'admin' | 'marketer' = 'marketer') => () => p.call('PATCH', '/v1/program/settings', body, { role });

describe('reading settings', () => {
  it('shows the programme, the version in force and every setting with its default', async () => {
    const res = await program();
    expect(res).toMatchObject({ id: p.programId, name: 'Test programme', version: 1 });
    expect(res.settings).toMatchObject({
      currency: 'RUB',
      timezone: 'Europe/Moscow',
      earn: { kind: 'percent', percent: 5 },
      rounding: 'floor',
      pointValue: 100,
      pendingDays: 14,
      negativeBalance: 'allow',
      tiers: [],
    });
  });
});

describe('changing settings', () => {
  it('records a new version that the next receipt uses, keeping the other settings', async () => {
    const res = await patch({ pendingDays: 0, maxRedemptionPercent: 30 })();
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ version: 2, settings: { pendingDays: 0, maxRedemptionPercent: 30, earn: { kind: 'percent', percent: 5 } } });
    expect(await program()).toMatchObject({ version: 2, settings: { pendingDays: 0, maxRedemptionPercent: 30 } });

    const memberId = (await p.call('POST', '/v1/members', { name: 'Рита', phone: '+79168700001' })).body.member.id;
    const sale = await p.call('POST', '/v1/receipts', receipt('S-1', [line('GOODS', 100000)], { member: { id: memberId } }), { role: 'pos' });
    // No return window any more: the 50 points are available at once; 30% of 1000 RUB may be paid with points.
    expect(sale.body).toMatchObject({ settingsVersion: 2, pointsEarned: 50, maxPointsByReceipt: 300, balance: { available: 50, pending: 0 } });
  });

  it('switches the earn rule to points per amount', async () => {
    const res = await patch({ earn: { kind: 'per_amount', points: 1, per: 10000 } }, 'admin')();
    expect(res.body.version).toBe(3);
    const calc = await p.call('POST', '/v1/receipts/calculate', receipt('S-2', [line('GOODS', 45000)], { member: { phone: '+79168700001' } }), { role: 'pos' });
    // 1 point per full 100 RUB: 450 RUB -> 4 points.
    expect(calc.body).toMatchObject({ settingsVersion: 3, pointsEarned: 4 });
    expect(calc.body.rules).toContainEqual(expect.objectContaining({ code: 'base_earn', description: '1 points per 100 RUB paid' }));
  });
});

describe('bad settings are refused and change nothing', () => {
  const observe = program;

  it('a value out of range', async () => {
    await expectRefused(p, patch({ pendingDays: -1 }), invalid(/pendingDays: Too small/), observe);
    await expectRefused(p, patch({ maxRedemptionPercent: 150 }), invalid(/maxRedemptionPercent: Too big/), observe);
    await expectRefused(p, patch({ earn: { kind: 'percent', percent: 5.555 } }), invalid(/earn\.percent: at most two decimals/), observe);
  });

  it('settings that contradict each other', async () => {
    await expectRefused(p, patch({ pendingDays: 30, expiry: { kind: 'days', days: 30 } }), invalid(/expiry\.days: points must expire after they activate/), observe);
    const tiers = [
      { code: 'gold', name: 'Gold', threshold: 0 },
      { code: 'silver', name: 'Silver', threshold: 0 },
    ];
    await expectRefused(p, patch({ tiers }), invalid(/tiers\.1\.threshold: thresholds must increase/), observe);
    await expectRefused(p, patch({ tiers: [{ code: 'base', name: 'Base', threshold: 500 }] }), invalid(/the first tier starts at 0/), observe);
  });

  it('an unknown timezone, currency or enum value', async () => {
    await expectRefused(p, patch({ timezone: 'Europe/Atlantis' }), invalid(/timezone: unknown IANA timezone/), observe);
    await expectRefused(p, patch({ currency: 'XXQ' }), invalid(/currency: unknown currency/), observe);
    await expectRefused(p, patch({ negativeBalance: 'sometimes' }), invalid(/negativeBalance/), observe);
    await expectRefused(p, patch({ earn: { kind: 'cashback' } }), invalid(/earn/), observe);
  });

  it('a misspelt setting name instead of silently recording a version that changes nothing', async () => {
    const res = await expectRefused(p, patch({ pendingDay: 3 }), invalid(/unknown settings: pendingDay/), observe);
    expect(res.body.errors).toEqual([{ path: 'pendingDay', message: 'unknown setting' }]);
  });

  it('a body that is not an object', async () => {
    await expectRefused(p, patch([{ pendingDays: 3 }]), invalid(/expected record|expected object/), observe);
    await expectRefused(p, patch('{"pendingDays":'), { status: 400, code: 'malformed_json', detail: /JSON/ }, observe);
  });
});

describe('stores', () => {
  it('a marketer registers a store, which receipts can then name', async () => {
    const saved = await p.call('PUT', '/v1/stores/SPB-2', { name: 'Невский', city: 'Санкт-Петербург' }, { role: 'marketer' });
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({ code: 'SPB-2', name: 'Невский', city: 'Санкт-Петербург', channel: 'till', partner: null });
    expect((await p.call('GET', '/v1/stores')).body.items.map((s: { code: string }) => s.code)).toEqual(expect.arrayContaining(['S1', 'SPB-2']));
    const sale = await p.call('POST', '/v1/receipts', receipt('S-3', [line('GOODS', 1000)], { storeCode: 'SPB-2' }), { role: 'pos' });
    expect(sale.status).toBe(201);
    await expectRefused(p, () => p.call('PUT', '/v1/stores/bad code', { name: 'X' }), invalid(/code/));
    await expectRefused(p, () => p.call('GET', '/v1/stores/NOPE'), { status: 404, code: 'store_not_found', detail: /no store NOPE/ });
  });
});

function invalid(detail: RegExp) {
  return { status: 400, code: 'validation_failed', detail };
}

describe('a change that changes nothing', () => {
  it('records no new version', async () => {
    const before = await program();
    const res = await patch({ pendingDays: before.settings.pendingDays })();
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(before.version);
    expect((await program()).version).toBe(before.version);
  });
});
