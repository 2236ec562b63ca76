import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../src/domain/access.ts';
import type { Db } from '../src/store/db.ts';
import { validCardNumber } from './checks.ts';
import { line, newProgramme, openTestDb, receipt, type Programme } from './harness.ts';

// Who did it: every receipt, return and cancel records its key; adjustments name the key in the ledger; profile
// changes, enrolments, card issues and blocks, store edits and key changes are in the audit log with the key.
let db: Db;
let p: Programme;
let keyIds: Record<string, string>;
let memberId: string;

beforeAll(async () => {
  db = await openTestDb();
  p = await newProgramme(db, { pendingDays: 0, earn: { kind: 'percent', percent: 10 } });
  keyIds = Object.fromEntries((await p.call('GET', '/v1/keys')).body.items.map((k: { id: string; name: string }) => [k.name, k.id]));
  memberId = (await p.call('POST', '/v1/members', { name: 'Анна', email: 'anna@example.ru' }, { role: 'pos' })).body.member.id;
});
afterAll(() => db.close());

/** How the audit log names a harness key (named after its role). */
const actor = (role: Role) => `${keyIds[role]} (${role})`;
const audit = async (entity: string) => (await p.call('GET', `/v1/audit?entity=${entity}`, undefined, { role: 'marketer' })).body.items;
const createdBy = async (table: 'receipts' | 'returns', id: string) =>
  (await db.query<{ created_by: string }>(`select created_by from ${table} where program_id = $1 and id = $2`, [p.programId, id]))[0]?.created_by;

describe('receipts, returns and cancels', () => {
  it('record the key that made them, whichever path confirmed the receipt', async () => {
    const alone = await p.call('POST', '/v1/receipts', receipt('A-1', [line('MILK', 10_000, 2)], { member: { id: memberId } }), { role: 'pos' });
    const keyed = await p.call('POST', '/v1/receipts', receipt('A-2', [line('MILK', 10_000)]), { role: 'partner', headers: { 'idempotency-key': 'a-2' } });
    const together = await Promise.all(['A-3', 'A-4', 'A-5'].map((n) => p.call('POST', '/v1/receipts', receipt(n, [line('TEA', 5_000)]), { role: 'partner' })));
    const batch = await p.call('POST', '/v1/receipts/batch', { receipts: [receipt('A-6', [line('TEA', 5_000)], { member: { id: memberId } })] }, { role: 'admin' });
    expect((await p.call('GET', `/v1/receipts/${alone.body.id}`)).body.createdBy).toBe(keyIds.pos);
    expect(await createdBy('receipts', keyed.body.id)).toBe(keyIds.partner);
    for (const r of together) expect(await createdBy('receipts', r.body.id)).toBe(keyIds.partner);
    expect(await createdBy('receipts', batch.body.results[0].receipt.id)).toBe(keyIds.admin);

    const returned = await p.call('POST', `/v1/receipts/${alone.body.id}/returns`, { lines: [{ lineNo: 1, quantity: 1 }] }, { role: 'admin' });
    const cancelled = await p.call('POST', `/v1/receipts/${alone.body.id}/cancel`, undefined, { role: 'pos' });
    expect(await createdBy('returns', returned.body.id)).toBe(keyIds.admin);
    expect(await createdBy('returns', cancelled.body.id)).toBe(keyIds.pos);
  });
});

describe('the audit log', () => {
  it('records a profile change with the key, and only the fields that changed', async () => {
    expect((await p.call('PATCH', `/v1/members/${memberId}`, { email: 'anna.new@example.ru', name: 'Анна' }, { role: 'pos' })).status).toBe(200);
    const [change] = (await audit('member')).filter((i: { action: string }) => i.action === 'change');
    expect(change).toMatchObject({ actor: actor('pos'), entityId: memberId, before: { email: 'anna@example.ru' }, after: { email: 'anna.new@example.ru' } });
    expect(Object.keys(change.after)).toEqual(['email']);
  });

  it('records who enrolled a member, through the API or with a receipt naming a new card', async () => {
    const card = validCardNumber('777055555555555');
    const sold = await p.call('POST', '/v1/receipts', receipt('NEW-CARD', [line('MILK', 10_000)], { member: { cardNumber: card } }), { role: 'pos' });
    const enrolments = (await audit('member')).filter((i: { action: string }) => i.action === 'enrol');
    expect(enrolments).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ actor: actor('pos'), entityId: memberId }),
        expect.objectContaining({ actor: actor('pos'), entityId: sold.body.memberId, after: { cards: [card] } }),
      ]),
    );
  });

  it('records card issues and blocks with the key', async () => {
    const issued = await p.call('POST', `/v1/members/${memberId}/cards`, {}, { role: 'admin' });
    await p.call('POST', `/v1/cards/${issued.body.number}/block`, { reason: 'lost' }, { role: 'pos' });
    const cards = await audit('card');
    expect(cards).toEqual([
      expect.objectContaining({
        action: 'block',
        actor: actor('pos'),
        entityId: issued.body.number,
        after: expect.objectContaining({ status: 'blocked', reason: 'lost' }),
      }),
      expect.objectContaining({ action: 'issue', actor: actor('admin'), entityId: issued.body.number }),
    ]);
  });

  it('records store edits with before and after; saving a store unchanged records nothing', async () => {
    const store = { name: 'Store one', city: 'Тверь', channel: 'till' };
    await p.call('PUT', '/v1/stores/S1', store, { role: 'marketer' });
    await p.call('PUT', '/v1/stores/S1', store, { role: 'marketer' });
    expect(await audit('store')).toEqual([
      expect.objectContaining({
        action: 'change',
        actor: actor('marketer'),
        entityId: 'S1',
        before: expect.objectContaining({ city: 'Москва' }),
        after: expect.objectContaining({ city: 'Тверь' }),
      }),
    ]);
  });

  it('records key changes; an adjustment names its key in the member history', async () => {
    await p.call('POST', `/v1/members/${memberId}/adjustments`, { points: 50, reason: 'apology' }, { role: 'marketer' });
    const history = (await p.call('GET', `/v1/members/${memberId}/history`)).body.items;
    expect(history.find((i: { kind: string }) => i.kind === 'adjustment')).toMatchObject({ actor: actor('marketer'), reason: 'apology' });
    const adjusted = (await audit('member')).find((i: { action: string }) => i.action === 'adjust');
    expect(adjusted).toMatchObject({ actor: actor('marketer'), entityId: memberId, after: { points: 50, reason: 'apology' } });
    expect(adjusted.after.available - adjusted.before.available).toBe(50);
    const made = await p.call('POST', '/v1/keys', { name: 'till 9', role: 'pos' });
    await p.call('DELETE', `/v1/keys/${made.body.id}`);
    expect((await audit('key')).map((i: { action: string; actor: string; entityId: string }) => [i.action, i.actor, i.entityId])).toEqual([
      ['revoke', actor('admin'), made.body.id],
      ['create', actor('admin'), made.body.id],
    ]);
  });
});

describe('the audit search', () => {
  it('finds records by actor, object and period, a page at a time, newest first', async () => {
    const at = (iso: string) => p.setNow(new Date(iso));
    at('2026-03-01T10:00:00Z');
    await p.call('PUT', '/v1/stores/AUD-1', { name: 'Аудит один' }, { role: 'admin' });
    at('2026-03-02T10:00:00Z');
    await p.call('PUT', '/v1/stores/AUD-2', { name: 'Аудит два' }, { role: 'marketer' });
    at('2026-03-03T10:00:00Z');
    await p.call('PUT', '/v1/stores/AUD-1', { name: 'Аудит один, новое имя' }, { role: 'marketer' });
    const search = async (query: string) => (await p.call('GET', `/v1/audit?entity=store&${query}`, undefined, { role: 'marketer' })).body;

    expect((await search('entityId=AUD-1')).items.map((r: any) => r.after.name)).toEqual(['Аудит один, новое имя', 'Аудит один']);
    expect((await search('actor=MARKETER&from=2026-03-01T00:00:00Z')).items.map((r: any) => r.entityId)).toEqual(['AUD-1', 'AUD-2']);
    expect((await search('from=2026-03-02T00:00:00Z&to=2026-03-03T00:00:00Z')).items.map((r: any) => r.entityId)).toEqual(['AUD-2']);
    const first = await search('from=2026-03-01T00:00:00Z&limit=2');
    expect(first.items).toHaveLength(2);
    const second = await search(`from=2026-03-01T00:00:00Z&limit=2&before=${first.next}`);
    expect(second.items.map((r: any) => r.entityId)).toEqual(['AUD-1']);
    expect(second.next).toBeNull();
    expect(first.items[1].before).toBeNull();
    expect((await p.call('GET', '/v1/audit?from=yesterday', undefined, { role: 'marketer' })).status).toBe(400);
  });
});
