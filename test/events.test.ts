import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/store/db.ts';
import { eventPayloads } from '../src/api/event-payloads.ts';
import type { EventType } from '../src/domain/events.ts';
import { sequenceEvents } from '../src/store/events.ts';
import { expectProblem } from './checks.ts';
import { engine, line, newProgramme, openTestDb, receipt, type Programme } from './harness.ts';

// Every change tells the world what happened: events written with it, read in order from the feed.
let db: Db;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(() => db.close());

const settings = { pendingDays: 0, earn: { kind: 'percent', percent: 10 }, tiers: [{ code: 'base', name: 'Base', threshold: 0 }, { code: 'gold', name: 'Gold', threshold: 500_000 }] };
type Feed = { items: { seq: number; id: string; type: string; memberId: string | null; payload: Record<string, unknown> }[]; last: number };
const feed = async (p: Programme, after = 0, limit = 1000): Promise<Feed> => (await p.call('GET', `/v1/events/feed?after=${after}&limit=${limit}`, undefined, { role: 'readonly' })).body;

describe('the event feed', () => {
  it('tells, in order, what a day at the programme did', async () => {
    const p = await newProgramme(db, settings);
    const registered = (await p.call('POST', '/v1/members', { name: 'Анна', phone: '+79161234567' }, { role: 'pos' })).body;
    const member = registered.member;
    const card = registered.cards[0].number;
    const sold = await p.call('POST', '/v1/receipts', receipt('E-1', [line('TV', 600_000)], { member: { id: member.id } }), { role: 'pos' });
    expect(sold.body.tierChange).toEqual({ from: 'base', to: 'gold' });
    await p.call('POST', '/v1/receipts/batch', { receipts: [receipt('E-2', [line('MILK', 10_000)], { member: { id: member.id } })] }, { role: 'pos' });
    await p.call('POST', `/v1/receipts/${sold.body.id}/returns`, { lines: [{ lineNo: 1, quantity: 1 }] }, { role: 'pos' });
    await p.call('POST', `/v1/members/${member.id}/adjustments`, { points: 25, reason: 'apology' });
    await p.call('PATCH', `/v1/members/${member.id}`, { city: 'Казань' });
    await p.call('POST', `/v1/cards/${card}/block`, { reason: 'lost', replace: true });
    await p.call('PUT', '/v1/campaigns/review', { name: 'Отзыв', trigger: 'event', conditions: { all: [{ code: 'event_type', args: { types: ['review'] } }] }, effects: [{ code: 'points_fixed', args: { points: 50 } }] }, { role: 'marketer' });
    await p.call('POST', '/v1/actions', { id: 'rev-1', memberId: member.id, type: 'review' }, { role: 'pos' });

    const { items, last } = await feed(p);
    expect(items.map((e) => e.type)).toEqual([
      'member.created',
      'tier.changed',
      'receipt.confirmed',
      'receipt.confirmed',
      'receipt.returned',
      'points.adjusted',
      'member.updated',
      'card.blocked',
      'card.issued',
      'campaign.published',
      'action.recorded',
    ]);
    expect(items.map((e) => e.seq)).toEqual(items.map((_, i) => i + 1));
    expect(last).toBe(items.length);
    expect(items.filter((e) => e.type !== 'campaign.published').every((e) => e.memberId === member.id)).toBe(true);
    expect(items[2]?.payload).toMatchObject({ receiptId: sold.body.id, number: 'E-1', pointsEarned: sold.body.pointsEarned, total: 600_000 });
    expect(items[1]?.payload).toEqual({ memberId: member.id, from: 'base', to: 'gold', reason: 'upgrade' });
    expect(items[6]?.payload).toEqual({ memberId: member.id, fields: ['city'] });
    expect(items[10]?.payload).toMatchObject({ actionId: 'rev-1', actionType: 'review', points: 50 });
    // Each payload is what the OpenAPI document says its type carries, field for field (parsing drops unknown ones).
    for (const e of items) expect(eventPayloads[e.type as EventType].parse(e.payload), e.type).toEqual(e.payload);
    // Read on from where one left off, a page at a time.
    expect((await feed(p, 3, 2)).items.map((e) => e.seq)).toEqual([4, 5]);
    expect((await feed(p, last)).items).toEqual([]);
  });

  it('tells when points become available and when they expire', async () => {
    const p = await newProgramme(db, { pendingDays: 3, expiry: { kind: 'days', days: 30 }, earn: { kind: 'percent', percent: 10 } });
    const [a, b] = [await p.call('POST', '/v1/members', { name: 'A' }, { role: 'pos' }), await p.call('POST', '/v1/members', { name: 'B' }, { role: 'pos' })];
    for (const m of [a, b]) expect((await p.call('POST', '/v1/receipts', receipt(`X-${m.body.member.id}`, [line('TV', 100_000)], { member: { id: m.body.member.id } }), { role: 'pos' })).status).toBe(201);
    p.advanceDays(4);
    expect((await p.call('POST', '/v1/jobs/activation/run')).status).toBe(200);
    p.advanceDays(31);
    expect((await p.call('POST', '/v1/jobs/expiry/run')).status).toBe(200);
    const types = (await feed(p)).items.map((e) => `${e.type} ${e.memberId === a.body.member.id ? 'A' : 'B'} ${e.payload.points ?? ''}`.trim());
    expect(types.filter((t) => t.startsWith('points.'))).toEqual(['points.activated A 100', 'points.activated B 100', 'points.expired A 100', 'points.expired B 100']);
  });

  it('tells of coupons issued, redeemed and given back, and of referral rewards', async () => {
    const p = await newProgramme(db, { pendingDays: 0, earn: { kind: 'percent', percent: 5 } });
    const rules = {
      referral: { enabled: true, referrerPoints: 300, refereePoints: 200, minPurchase: 100_000, maxRewardsPerMonth: 20 },
      campaigns: [
        { code: 'thanks', name: 'Купон на следующий визит', conditions: { all: [{ code: 'receipt_total', args: { min: 500_000 } }] }, effects: [{ code: 'issue_coupon', args: { campaign: 'next_visit' } }] },
        { code: 'next_visit', name: 'Следующий визит', conditions: { all: [{ code: 'coupon', args: {} }] }, effects: [{ code: 'discount_fixed', args: { amount: 1000 } }] },
      ],
    };
    expect((await p.call('PUT', '/v1/rules', rules, { role: 'marketer' })).status).toBe(200);
    const anna = (await p.call('POST', '/v1/members', { name: 'Анна' }, { role: 'pos' })).body.member.id;
    const code = (await p.call('GET', `/v1/members/${anna}/referral`, undefined, { role: 'pos' })).body.code;
    const boris = (await p.call('POST', '/v1/members', { name: 'Борис', referralCode: code }, { role: 'pos' })).body.member.id;
    const first = await p.call('POST', '/v1/receipts', receipt('RF-1', [line('TV', 600_000)], { member: { id: boris } }), { role: 'pos' });
    const coupon = first.body.couponsIssued[0].code;
    const second = await p.call('POST', '/v1/receipts', receipt('RF-2', [line('TEA', 20_000)], { member: { id: boris }, coupons: [coupon] }), { role: 'pos' });
    expect(second.body.coupons[0]).toMatchObject({ status: 'applied' });
    expect((await p.call('POST', `/v1/receipts/${second.body.id}/cancel`, undefined, { role: 'pos' })).status).toBe(201);
    expect((await p.call('POST', '/v1/jobs/referrals/run')).status).toBe(200);

    const told = (await feed(p)).items.filter((e) => e.type.startsWith('coupon.') || e.type.startsWith('referral.'));
    expect(told.map((e) => [e.type, e.payload])).toEqual([
      ['referral.rewarded', { memberId: boris, refereeId: boris, role: 'referee', points: 200 }],
      ['coupon.issued', expect.objectContaining({ code: coupon, campaign: 'next_visit', memberId: boris, sourceId: first.body.id })],
      ['coupon.redeemed', { code: coupon, campaign: 'next_visit', memberId: boris, sourceId: second.body.id }],
      ['coupon.restored', { code: coupon, memberId: boris, receiptId: second.body.id }],
      ['referral.rewarded', { memberId: anna, refereeId: boris, role: 'referrer', points: 300 }],
    ]);
  });

  it("shows a programme only its own events, and refuses a position past the feed's end", async () => {
    const [a, b] = [await newProgramme(db, settings), await newProgramme(db, settings)];
    await a.call('POST', '/v1/members', { name: 'Только в A' }, { role: 'pos' });
    expect((await feed(b)).items).toEqual([]);
    expect((await feed(a)).items.map((e) => e.type)).toEqual(['member.created']);
    expectProblem(await a.call('GET', '/v1/events/feed?after=2', undefined, { role: 'readonly' }), 400, 'validation_failed', /after: the feed has 1 events; 2 is past its end/);
    expectProblem(await a.call('GET', '/v1/events/feed?after=-1', undefined, { role: 'readonly' }), 400, 'validation_failed', /after/);
  });

  it.skipIf(engine !== 'postgres')('gives each event of concurrent writes one place, with no gaps, while several processes place them', async () => {
    const p = await newProgramme(db, settings);
    const members = await Promise.all(Array.from({ length: 10 }, (_, i) => p.call('POST', '/v1/members', { name: `M${i}` }, { role: 'pos' })));
    const sales = members.flatMap((m, i) => Array.from({ length: 5 }, (_, k) => receipt(`C-${i}-${k}`, [line('TV', 10_000)], { member: { id: m.body.member.id } })));
    const placing = (async () => {
      for (let i = 0; i < 20; i++) await Promise.all([sequenceEvents(db), sequenceEvents(db)]);
    })();
    const answers = await Promise.all(sales.map((s) => p.call('POST', '/v1/receipts', s, { role: 'pos' })));
    await placing;
    expect(answers.every((a) => a.status === 201)).toBe(true);
    const { items } = await feed(p);
    expect(items.map((e) => e.seq)).toEqual(items.map((_, i) => i + 1));
    expect(new Set(items.map((e) => e.id)).size).toBe(items.length);
    expect(items.filter((e) => e.type === 'receipt.confirmed')).toHaveLength(50);
    // Each member's events in the order they happened.
    for (const m of members) {
      const own = items.filter((e) => e.memberId === m.body.member.id);
      expect(own[0]?.type).toBe('member.created');
      // Receipt ids are made under the member's lock, so they sort as the member's sales were made.
      const receipts = own.slice(1).map((e) => e.payload.receiptId as string);
      expect(receipts).toHaveLength(5);
      expect(receipts).toEqual([...receipts].sort());
    }
  });
});

describe('the feed keeps a month of events', () => {
  it('trims from its oldest end, never past what a webhook has still to queue or deliver', async () => {
    const p = await newProgramme(db, settings);
    const member = (await p.call('POST', '/v1/members', { name: 'Анна' }, { role: 'pos' })).body.member;
    const sell = async (number: string) =>
      expect((await p.call('POST', '/v1/receipts', receipt(number, [line('MILK', 10_000)], { member: { id: member.id } }), { role: 'pos' })).status).toBe(201);
    await sell('R-1');
    await sell('R-2');
    p.advanceDays(20);
    await p.call('POST', `/v1/members/${member.id}/adjustments`, { points: 5, reason: 'apology' });
    p.advanceDays(20);
    await sell('R-3');
    const all = (await feed(p)).items;
    expect(all.map((e) => e.type)).toEqual(['member.created', 'receipt.confirmed', 'receipt.confirmed', 'points.adjusted', 'receipt.confirmed']);
    const seqOf = (i: number) => all[i]!.seq;
    const prune = async () => (await p.call('POST', '/v1/jobs/event-retention/run')).body;
    const kept = async () => (await feed(p)).items.map((e) => e.seq);

    // One webhook has queued only the first event; another's delivery of the third is pending.
    const hook = async (id: string, fannedTo: number) =>
      db.query(
        `insert into webhooks (program_id, id, url, event_types, secret, enabled, fanned_to, since_written, created_at, updated_at)
         values ($1, $2, 'http://127.0.0.1:9/hooks', '{}', 'whsec_x', true, $3, 0, now(), now())`,
        [p.programId, id, fannedTo],
      );
    await hook('whk_behind', seqOf(0));
    await hook('whk_pending', seqOf(4));
    await db.query(
      `insert into webhook_deliveries (program_id, webhook_id, event_id, event_seq, member_id, status, queued_at, next_attempt_at)
       values ($1, 'whk_pending', $2, $3, $4, 'pending', $5, $5)`,
      [p.programId, all[2]!.id, seqOf(2), member.id, new Date('2026-01-15T09:00:00Z')],
    );
    expect(await prune()).toMatchObject({ job: 'event-retention', changed: 1 });
    expect(await kept()).toEqual(all.slice(1).map((e) => e.seq));
    // The first webhook catches up: the pending delivery still holds its event.
    await db.query(`update webhooks set fanned_to = $2 where program_id = $1`, [p.programId, seqOf(4)]);
    expect(await prune()).toMatchObject({ changed: 1 });
    expect(await kept()).toEqual(all.slice(2).map((e) => e.seq));
    // Delivered: the events older than 30 days go, with the delivery record.
    await db.query(`update webhook_deliveries set status = 'delivered' where program_id = $1`, [p.programId]);
    expect(await prune()).toMatchObject({ changed: 1 });
    expect(await kept()).toEqual([seqOf(3), seqOf(4)]);
    expect(await db.query('select 1 from webhook_deliveries where program_id = $1', [p.programId])).toEqual([]);
    // A reader further behind reads on from the oldest kept; nothing else changed, and a second run does nothing.
    expect((await feed(p, seqOf(0))).items.map((e) => e.type)).toEqual(['points.adjusted', 'receipt.confirmed']);
    expect(await prune()).toMatchObject({ changed: 0 });
    expect((await p.call('GET', `/v1/members/${member.id}/history`, undefined, { role: 'readonly' })).body.items).toHaveLength(4);
  });
});
