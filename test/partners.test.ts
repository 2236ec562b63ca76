import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/store/db.ts';
import { expectProblem, footprint } from './checks.ts';
import { line, newProgramme, openTestDb, receipt, type Programme } from './harness.ts';

// A coalition: partners own stores, and a partner key sells only at its own partner's stores.
let db: Db;
let p: Programme;
let memberId: string;
let fuelKey: string;

beforeAll(async () => {
  db = await openTestDb();
  p = await newProgramme(db, { pendingDays: 0, earn: { kind: 'percent', percent: 10 } });
  memberId = (await p.call('POST', '/v1/members', { name: 'Покупатель' }, { role: 'pos' })).body.member.id;
  expect((await p.call('PUT', '/v1/partners/FUEL', { name: 'АЗС «Лукойл»' })).status).toBe(200);
  expect((await p.call('PUT', '/v1/stores/FUEL-1', { name: 'АЗС на МКАД', partner: 'FUEL' })).status).toBe(200);
  expect((await p.call('PUT', '/v1/stores/OWN-1', { name: 'Свой магазин' })).status).toBe(200);
  fuelKey = (await p.call('POST', '/v1/keys', { name: 'АЗС касса 1', role: 'partner', partner: 'FUEL' })).body.secret;
});
afterAll(() => db.close());

const sale = (number: string, storeCode: string) => receipt(number, [line('FUEL95', 300_000)], { storeCode, member: { id: memberId } });

describe('a partner key', () => {
  it("sells at its partner's stores and nowhere else, whichever way the receipt comes", async () => {
    expect((await p.call('POST', '/v1/receipts', sale('F-1', 'FUEL-1'), { key: fuelKey })).status).toBe(201);
    const before = await footprint(p);
    for (const store of ['OWN-1', 'S1']) {
      const refused = /store .* is not one of partner FUEL's stores/;
      expectProblem(await p.call('POST', '/v1/receipts/calculate', sale('F-2', store), { key: fuelKey }), 403, 'store_not_allowed', refused);
      expectProblem(await p.call('POST', '/v1/receipts', sale('F-2', store), { key: fuelKey }), 403, 'store_not_allowed', refused);
      const keyed = await p.call('POST', '/v1/receipts', sale('F-3', store), { key: fuelKey, headers: { 'idempotency-key': `f-3-${store}` } });
      expectProblem(keyed, 403, 'store_not_allowed', refused);
      const batch = await p.call('POST', '/v1/receipts/batch', { receipts: [sale('F-4', store)] }, { key: fuelKey });
      expect(batch.body.results[0]).toMatchObject({ status: 403, problem: { code: 'store_not_allowed' } });
    }
    expect(await footprint(p)).toEqual(before);
    // The programme's own till keys sell anywhere.
    expect((await p.call('POST', '/v1/receipts', sale('P-1', 'FUEL-1'), { role: 'pos' })).status).toBe(201);
  });

  it('moves points in ledger entries that name the partner, returns included, ready for settlement', async () => {
    const sold = await p.call('POST', '/v1/receipts', sale('F-10', 'FUEL-1'), { key: fuelKey });
    expect(sold.status).toBe(201);
    expect((await p.call('POST', `/v1/receipts/${sold.body.id}/returns`, { lines: [{ lineNo: 1, quantity: 1 }] }, { key: fuelKey })).status).toBe(201);
    const own = await p.call('POST', '/v1/receipts', sale('O-10', 'OWN-1'), { role: 'pos' });
    const entries = await db.query<{ receipt_id: string; kind: string; partner_code: string | null }>(
      'select receipt_id, kind, partner_code from journal_entries where program_id = $1 and receipt_id = any($2::text[]) order by receipt_id, kind',
      [p.programId, [sold.body.id, own.body.id]],
    );
    // Receipt ids sort in the order they were made: the partner's sale first.
    expect(entries.map((e) => [e.receipt_id === sold.body.id ? 'partner sale' : 'own sale', e.kind, e.partner_code])).toEqual([
      ['partner sale', 'receipt', 'FUEL'],
      ['partner sale', 'return', 'FUEL'],
      ['own sale', 'receipt', null],
    ]);
  });
});

describe('partners and their keys and stores', () => {
  it('are listed with the stores each owns', async () => {
    const listed = await p.call('GET', '/v1/partners', undefined, { role: 'readonly' });
    expect(listed.body.items).toEqual([
      { code: 'FUEL', name: 'АЗС «Лукойл»', stores: ['FUEL-1'] },
      { code: 'P1', name: 'Partner one', stores: ['S1'] },
    ]);
  });

  it('refuse a partner key without its partner, with an unknown one, and a partner for any other key', async () => {
    const before = await footprint(p);
    expectProblem(await p.call('POST', '/v1/keys', { name: 'x', role: 'partner' }), 400, 'validation_failed', /a partner key names its partner/);
    expectProblem(await p.call('POST', '/v1/keys', { name: 'x', role: 'pos', partner: 'FUEL' }), 400, 'validation_failed', /a partner key names its partner/);
    expectProblem(await p.call('POST', '/v1/keys', { name: 'x', role: 'partner', partner: 'NOSUCH' }), 404, 'partner_not_found', /no partner NOSUCH/);
    expectProblem(await p.call('PUT', '/v1/stores/X-1', { name: 'x', partner: 'NOSUCH' }), 404, 'partner_not_found', /no partner NOSUCH/);
    expect(await footprint(p)).toEqual(before);
  });

  it('record who registered or renamed a partner in the audit trail', async () => {
    expect((await p.call('PUT', '/v1/partners/FUEL', { name: 'АЗС «Лукойл-Центр»' }, { role: 'marketer' })).status).toBe(200);
    const audit = await p.call('GET', '/v1/audit?entity=partner');
    expect(audit.body.items.map((a: { action: string; entityId: string }) => `${a.action} ${a.entityId}`)).toEqual(['change FUEL', 'create FUEL']);
  });
});
