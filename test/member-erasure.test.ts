import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventPayloads } from '../src/api/event-payloads.ts';
import type { EventType } from '../src/domain/events.ts';
import type { Db } from '../src/store/db.ts';
import { expectLedgerAgrees, expectRefused } from './checks.ts';
import { line, newProgramme, openTestDb, receipt, type Programme } from './harness.ts';

// A member asks to be forgotten: their personal data leaves every table, and nothing new is written for them;
// their points, receipts and the programme's figures stay without a name.
let db: Db;
let p: Programme;
let memberId: string;
let cards: string[];
let firstReceipt: string;
const personal = {
  name: 'Зинаида Стирайкина',
  phone: '+79035550147',
  email: 'zina.erase@example.ru',
  externalId: 'crm-erase-77',
  birthDate: '1987-03-09',
  city: 'Верхние Стирайки',
  attributes: { favouriteShop: 'Стирайкинский' },
  consents: { email: true, sms: true, push: false },
  consentEvidence: { via: 'website', wording: 'marketing-2026-10', ip: '198.51.100.23' },
};
const blockReason = 'утеряна, звонила Стирайкина';
const traces = ['Стирайк', '79035550147', 'zina.erase', 'crm-erase-77', '1987-03-09', '198.51.100.23'];

/** Every row of the programme's, in every table, whose text holds one of the traces. */
async function tracesLeft(): Promise<string[]> {
  const tables = await db.query<{ name: string }>(
    `select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`,
  );
  const found: string[] = [];
  for (const { name } of tables) {
    const rows = await db.query<{ row: string }>(`select t::text as row from "${name}" t where t::text ilike any($1::text[]) and t::text like $2`,
      [traces.map((s) => `%${s}%`), `%${p.programId}%`],);
    found.push(...rows.map((r) => `${name}: ${r.row.slice(0, 200)}`));
  }
  return found;
}

beforeAll(async () => {
  db = await openTestDb();
  p = await newProgramme(db, { pendingDays: 0, earn: { kind: 'percent', percent: 10 }, tiers: [{ code: 'base', name: 'Base', threshold: 0 }] });
  const created = await p.call('POST', '/v1/members', personal, { role: 'pos', headers: { 'idempotency-key': 'register-zina' } });
  expect(created.status).toBe(201);
  memberId = created.body.member.id;
  await p.call('PATCH', `/v1/members/${memberId}`, { city: 'Нижние Стирайки', name: 'Зинаида Стирайкина-Иванова' }, { role: 'pos' });
  const blocked = await p.call('POST', `/v1/cards/${created.body.cards[0].number}/block`, { reason: blockReason, replace: true }, { role: 'pos' });
  expect(blocked.status).toBe(200);
  const sale = await p.call('POST', '/v1/receipts', receipt('E-1', [line('TEA', 50_000)], { member: { phone: personal.phone } }), { role: 'pos' });
  expect(sale.status).toBe(201);
  firstReceipt = sale.body.id;
  expect((await p.call('POST', '/v1/actions', { id: 'survey-zina', memberId, type: 'survey', attributes: { answer: 'Стирайкина' } }, { role: 'pos' })).status).toBe(200);
  expect(await tracesLeft()).not.toEqual([]);

  const erased = await p.call('POST', `/v1/members/${memberId}/erase`, undefined, { role: 'admin' });
  expect(erased.status).toBe(200);
  cards = (await db.query<{ number: string }>('select number from cards where program_id = $1 and member_id = $2 order by number', [p.programId, memberId])).map((c) => c.number);
});
afterAll(() => db.close());

describe('erasing a member at their request', () => {
  it('leaves no trace of their personal data in any table', async () => {
    expect(await tracesLeft()).toEqual([]);
  });

  it('keeps the member, their points and receipts, without a name, and blocks every card', async () => {
    const member = await p.call('GET', `/v1/members/${memberId}`, undefined, { role: 'admin' });
    expect(member.body).toMatchObject({
      id: memberId,
      name: null,
      phone: null,
      email: null,
      externalId: null,
      birthDate: null,
      city: null,
      attributes: {},
      consents: { email: false, sms: false, push: false },
      pointsAvailable: 50,
      activity: { purchases: 1 },
    });
    expect(member.body.erasedAt).toBe(p.now().toISOString());
    expect(member.body.cards.map((c: { status: string; blockReason: string | null }) => [c.status, c.blockReason])).toEqual(cards.map(() => ['blocked', null]));
    await expectLedgerAgrees(p, memberId);
    for (const query of [`phone=${encodeURIComponent(personal.phone)}`, `email=${personal.email}`, `externalId=${personal.externalId}`])
      expect((await p.call('GET', `/v1/members?${query}`, undefined, { role: 'admin' })).status).toBe(404);
  });

  it('tells the feed, with the cards it blocked, and keeps which fields the audit trail saw change', async () => {
    const feed = await p.call('GET', '/v1/events/feed?limit=100', undefined, { role: 'admin' });
    const erased = feed.body.items.filter((e: { type: string }) => e.type === 'member.erased');
    expect(erased).toHaveLength(1);
    expect(erased[0]).toMatchObject({ memberId, payload: { memberId, cards } });
    for (const event of feed.body.items) eventPayloads[event.type as EventType].parse(event.payload);
    const audit = await p.call('GET', `/v1/audit?entity=member&entityId=${memberId}`, undefined, { role: 'admin' });
    const change = audit.body.items.find((a: { action: string }) => a.action === 'change');
    expect(change.before).toEqual({ city: null, name: null });
    expect(change.after).toEqual({ city: null, name: null });
    expect(audit.body.items.some((a: { action: string }) => a.action === 'erase')).toBe(true);
  });

  it('refuses everything new for them, and changes nothing', async () => {
    const gone = { status: 410, code: 'member_erased', detail: /was erased at their request/ };
    const byId = receipt('E-2', [line('TEA', 10_000)], { member: { id: memberId } });
    await expectRefused(p, () => p.call('POST', '/v1/receipts', byId, { role: 'pos' }), gone);
    await expectRefused(p, () => p.call('POST', '/v1/receipts', { ...byId, member: { cardNumber: cards[0] } }, { role: 'pos' }), gone);
    await expectRefused(p, () => p.call('POST', '/v1/receipts/calculate', byId, { role: 'pos' }), gone);
    const batch = await p.call('POST', '/v1/receipts/batch', { receipts: [receipt('E-3', [line('TEA', 10_000)]), { ...byId, number: 'E-4' }] }, { role: 'pos' });
    expect(batch.body.results.map((r: { status: number }) => r.status)).toEqual([201, 410]);
    await expectRefused(p, () => p.call('POST', `/v1/members/${memberId}/erase`, undefined, { role: 'admin' }), gone);
    await expectRefused(p, () => p.call('PATCH', `/v1/members/${memberId}`, { name: 'Снова' }, { role: 'pos' }), gone);
    await expectRefused(p, () => p.call('POST', `/v1/members/${memberId}/adjustments`, { points: 10, reason: 'goodwill' }, { role: 'admin' }), gone);
    await expectRefused(p, () => p.call('POST', `/v1/members/${memberId}/cards`, {}, { role: 'pos' }), gone);
    await expectRefused(p, () => p.call('POST', '/v1/actions', { id: 'survey-2', memberId, type: 'survey' }, { role: 'pos' }), gone);
    await expectRefused(p, () => p.call('GET', `/v1/members/${memberId}/referral`, undefined, { role: 'pos' }), gone);
  });

  it('still takes back the points of a returned receipt', async () => {
    const returned = await p.call('POST', `/v1/receipts/${firstReceipt}/cancel`, undefined, { role: 'pos' });
    expect(returned.status).toBe(201);
    expect((await p.call('GET', `/v1/members/${memberId}/balance`, undefined, { role: 'admin' })).body.available).toBe(0);
    await expectLedgerAgrees(p, memberId);
  });

  it('is for an admin key alone, and answers 404 for a member that does not exist', async () => {
    for (const role of ['marketer', 'pos', 'partner', 'readonly'] as const)
      expect((await p.call('POST', `/v1/members/${memberId}/erase`, undefined, { role })).status).toBe(403);
    expect((await p.call('POST', '/v1/members/mem_nobody/erase', undefined, { role: 'admin' })).body.code).toBe('member_not_found');
  });
});
