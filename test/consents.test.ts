import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/store/db.ts';
import { expectRefused } from './checks.ts';
import { newProgramme, openTestDb, type Programme } from './harness.ts';

// Consents to marketing by channel, each grant and withdrawal kept with its evidence.
let db: Db;
let p: Programme;
beforeAll(async () => {
  db = await openTestDb();
  p = await newProgramme(db, {}, '2026-10-01T09:00:00Z');
});
afterAll(() => db.close());

const recordsOf = async (id: string) => (await p.call('GET', `/v1/members/${id}/consents`, undefined, { role: 'marketer' })).body;
const rows = async () => Number((await db.query<{ n: number }>('select count(*)::int as n from consent_records where program_id = $1', [p.programId]))[0]?.n);


describe('consents with evidence', () => {
  it('keeps each grant at enrolment with where, the wording shown, the IP address and the key', async () => {
    const enrolled = await p.call(
      'POST',
      '/v1/members',
      { name: 'Ольга', consents: { email: true, sms: false, push: true }, consentEvidence: { via: 'website', wording: 'marketing-2026-10', ip: '203.0.113.7' } },
      { role: 'pos' },
    );
    expect(enrolled.status).toBe(201);
    const body = await recordsOf(enrolled.body.member.id);
    expect(body.consents).toEqual({ email: true, sms: false, push: true });
    expect(body.records).toEqual(
      ['email', 'push'].map((channel) => ({
        id: expect.stringMatching(/^cns_/),
        channel,
        granted: true,
        at: '2026-10-01T09:00:00.000Z',
        via: 'website',
        wording: 'marketing-2026-10',
        storeCode: null,
        ip: '203.0.113.7',
        actor: expect.stringMatching(/^key_/),
      })),
    );
  });

  it('keeps a withdrawal, and nothing when the consents do not change; evidence not given is an API call', async () => {
    const id = (await p.call('POST', '/v1/members', { name: 'Пётр', consents: { email: true, sms: true, push: false } }, { role: 'pos' })).body.member.id;
    p.setNow('2026-10-05T12:00:00Z');
    const withdrawn = await p.call('PATCH', `/v1/members/${id}`, { consents: { email: true, sms: false, push: false }, consentEvidence: { via: 'till', storeCode: 'S1', wording: 'sms-2026-01' } }, { role: 'pos' });
    expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(200);
    const before = await rows();
    expect((await p.call('PATCH', `/v1/members/${id}`, { name: 'Пётр Петров', consents: { email: true, sms: false, push: false } }, { role: 'pos' })).status).toBe(200);
    expect(await rows()).toBe(before);
    const { records } = await recordsOf(id);
    expect(records.map((r: { channel: string; granted: boolean; via: string; storeCode: string | null; at: string }) => [r.channel, r.granted, r.via, r.storeCode, r.at])).toEqual([
      ['email', true, 'api', null, '2026-10-01T09:00:00.000Z'],
      ['sms', true, 'api', null, '2026-10-01T09:00:00.000Z'],
      ['sms', false, 'till', 'S1', '2026-10-05T12:00:00.000Z'],
    ]);
  });

  it('refuses evidence naming an unknown store, a malformed address or an unknown place, and writes nothing', async () => {
    const id = (await p.call('POST', '/v1/members', { name: 'Инна' }, { role: 'pos' })).body.member.id;
    const grant = { consents: { email: true, sms: false, push: false } };
    const consents = async () => (await recordsOf(id)).consents;
    const patch = (consentEvidence: unknown) => () => p.call('PATCH', `/v1/members/${id}`, { ...grant, consentEvidence }, { role: 'pos' });
    await expectRefused(p, patch({ via: 'till', storeCode: 'NOWHERE' }), { status: 404, code: 'store_not_found', detail: /NOWHERE/ }, consents);
    await expectRefused(p, patch({ ip: 'not an address' }), { status: 400, code: 'validation_failed', detail: /ip/ }, consents);
    await expectRefused(p, patch({ via: 'pigeon' }), { status: 400, code: 'validation_failed', detail: /via/ }, consents);
    const enrol = () => p.call('POST', '/v1/members', { ...grant, consentEvidence: { via: 'till', storeCode: 'NOWHERE' } }, { role: 'pos' });
    await expectRefused(p, enrol, { status: 404, code: 'store_not_found', detail: /NOWHERE/ });
    expect(await consents()).toEqual({ email: false, sms: false, push: false });
  });

  it('are read with personal data only', async () => {
    const id = (await p.call('POST', '/v1/members', { name: 'Яна' }, { role: 'pos' })).body.member.id;
    await expectRefused(p, () => p.call('GET', `/v1/members/${id}/consents`, undefined, { role: 'readonly' }), { status: 403, code: 'forbidden', detail: /personal data/ });
    await expectRefused(p, () => p.call('GET', '/v1/members/mem_nobody/consents', undefined, { role: 'marketer' }), { status: 404, code: 'member_not_found', detail: /no member/ });
  });

  it('erasure withdraws what was granted and clears the IP addresses; the records stay', async () => {
    const id = (await p.call('POST', '/v1/members', { name: 'Зоя', consents: { email: false, sms: true, push: false }, consentEvidence: { via: 'app', ip: '2001:db8::5' } }, { role: 'pos' })).body.member.id;
    expect((await p.call('POST', `/v1/members/${id}/erase`)).status).toBe(200);
    const { consents, records } = await recordsOf(id);
    expect(consents).toEqual({ email: false, sms: false, push: false });
    expect(records.map((r: { channel: string; granted: boolean; via: string; ip: string | null }) => [r.channel, r.granted, r.via, r.ip])).toEqual([
      ['sms', true, 'app', null],
      ['sms', false, 'erasure', null],
    ]);
  });
});
