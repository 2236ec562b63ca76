import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { luhnCheckDigit } from '../src/domain/cards.ts';
import type { Db } from '../src/store/db.ts';
import { line, newProgramme, openTestDb, receipt, salePaths, type Programme } from './harness.ts';

// Races between tills, retries and job runners. PGlite runs one transaction at a time, so these only mean
// something on a PostgreSQL server.

const settings = { earn: { kind: 'percent', percent: 5 }, pendingDays: 14, expiry: { kind: 'days', days: 365 }, maxRedemptionPercent: 50 };

describe.skipIf(!process.env.DATABASE_URL)('concurrent requests (PostgreSQL)', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openTestDb();
  });
  afterAll(() => db?.close());

  const parallel = <T>(n: number, send: (i: number) => Promise<T>) => Promise.all(Array.from({ length: n }, (_, i) => send(i)));

  async function newMember(p: Programme, points = 0): Promise<string> {
    const created = await p.call('POST', '/v1/members', { name: 'Race' }, { role: 'pos' });
    expect(created.status).toBe(201);
    const id: string = created.body.member.id;
    if (points > 0) expect((await p.call('POST', `/v1/members/${id}/adjustments`, { points, reason: 'opening balance' })).status).toBe(201);
    return id;
  }

  const balanceOf = async (p: Programme, memberId: string) => (await p.call('GET', `/v1/members/${memberId}/balance`, undefined, { role: 'readonly' })).body;
  const count = async (sql: string, params: unknown[]) => Number(((await db.query<{ n: number }>(sql, params))[0] as { n: number }).n);

  /** The ledger of a whole programme: entries balance, cached balances and lots agree with the postings. */
  async function expectLedgerHolds(p: Programme) {
    const unbalanced = await db.query(
      `select e.id from journal_entries e left join postings p on p.program_id = e.program_id and p.entry_id = e.id
       where e.program_id = $1 group by e.id having coalesce(sum(p.amount), 0) <> 0 or count(p.seq) = 0`,
      [p.programId],
    );
    expect(unbalanced, 'unbalanced journal entries').toEqual([]);
    const cached = await db.query(
      `select m.id, m.points_available, m.points_pending,
         coalesce((select sum(amount) from postings where program_id = m.program_id and member_id = m.id and account = 'member:available'), 0) as available,
         coalesce((select sum(amount) from postings where program_id = m.program_id and member_id = m.id and account = 'member:pending'), 0) as pending
       from members m where m.program_id = $1`,
      [p.programId],
    );
    for (const row of cached) expect({ available: row.points_available, pending: row.points_pending }, `member ${row.id}`).toEqual({ available: row.available, pending: row.pending });
    const lots = await db.query(
      `select l.id from lots l left join postings p on p.program_id = l.program_id and p.member_id = l.member_id and p.lot_id = l.id
       where l.program_id = $1 group by l.program_id, l.member_id, l.id having l.remaining < 0 or l.remaining <> coalesce(sum(p.amount), 0)`,
      [p.programId],
    );
    expect(lots, 'lots that disagree with their postings').toEqual([]);
  }

  /** The lowest the member's available balance has been after any journal entry, in the order the entries were made. */
  async function lowestAvailable(p: Programme, memberId: string): Promise<number> {
    const [row] = await db.query<{ lowest: number }>(
      `select min(running) as lowest from (
         select sum(sum(amount)) over (order by entry_id) as running from postings
         where program_id = $1 and member_id = $2 and account = 'member:available' group by entry_id) x`,
      [p.programId, memberId],
    );
    return Number(row?.lowest);
  }

  // Every path a sale can take locks the member: removing any one of the locks turns one of these red.
  describe.each(Object.keys(salePaths) as (keyof typeof salePaths)[])('on the %s sale path', (path) => {
    const sell = salePaths[path];

    it('lets through exactly as many parallel redemptions as the balance covers', async () => {
      const p = await newProgramme(db, settings);
      const memberId = await newMember(p, 1000);
      const results = await parallel(50, (i) => sell(p, receipt(`PAR-${i}`, [line('TV', 100_000)], { member: { id: memberId }, pointsToSpend: 100 })));
      const accepted = results.filter((r) => r.status === 201);
      const refused = results.filter((r) => r.status !== 201);
      expect(accepted).toHaveLength(10);
      expect(refused.map((r) => `${r.status} ${r.body.code}`)).toEqual(Array(40).fill('422 insufficient_points'));
      // Each accepted sale saw the balance the one before it left: 900, 800, ..., 0.
      expect(accepted.map((r) => r.body.balance.available).sort((a, b) => a - b)).toEqual([0, 100, 200, 300, 400, 500, 600, 700, 800, 900]);
      expect(await balanceOf(p, memberId)).toMatchObject({ available: 0, debt: 0, pending: 10 * 45 });
      expect(await lowestAvailable(p, memberId)).toBe(0);
      expect(await count('select count(*) as n from receipts where program_id = $1', [p.programId])).toBe(10);
      expect(await count(`select coalesce(sum(amount), 0) as n from postings where program_id = $1 and account = 'program:redemption'`, [p.programId])).toBe(1000);
      await expectLedgerHolds(p);
    });

    it('never lets spends and a return that claws the points back take more than the member has', async () => {
      const p = await newProgramme(db, { ...settings, pendingDays: 0 });
      const memberId = await newMember(p);
      const sale = await sell(p, receipt('EARN-1', [line('TV', 1_000_000)], { member: { id: memberId } }));
      expect(sale.body.balance.available).toBe(500);
      const [returned, ...spends] = await Promise.all([
        p.call('POST', `/v1/receipts/${sale.body.id}/cancel`, undefined, { role: 'pos' }),
        ...Array.from({ length: 10 }, (_, i) => sell(p, receipt(`SPEND-${i}`, [line('TV', 100_000)], { member: { id: memberId }, pointsToSpend: 100 }))),
      ]);
      expect(returned?.status).toBe(201);
      const spent = spends.filter((r) => r.status === 201).length * 100;
      const earnedBySpends = spends.filter((r) => r.status === 201).reduce((a, r) => a + r.body.pointsEarned, 0);
      // Whatever the order, the cancel took back all 500 points and what it could not take became debt: each spend
      // saw the balance the others left.
      expect(await balanceOf(p, memberId)).toMatchObject({ available: earnedBySpends - spent, debt: Math.max(0, spent - earnedBySpends) });
      await expectLedgerHolds(p);
    });

    it('stores a receipt sent 20 times at once exactly once and answers every copy alike', async () => {
      const p = await newProgramme(db, settings);
      const memberId = await newMember(p, 500);
      const body = receipt('SAME-1', [line('TV', 100_000), line('BREAD', 5_000, 2)], { member: { id: memberId }, pointsToSpend: 50 });
      const results = await parallel(20, () => sell(p, body));
      expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
      const first = results[0]?.body;
      for (const r of results) expect(r.body).toEqual(first);
      expect(await count('select count(*) as n from receipts where program_id = $1 and number = $2', [p.programId, 'SAME-1'])).toBe(1);
      expect(await count(`select count(*) as n from journal_entries where program_id = $1 and receipt_id = $2 and kind = 'receipt'`, [p.programId, first.id])).toBe(1);
      // Spent and earned once: 50 points off 500; 5% of (1100 - 50) RUB = 52 points pending.
      expect(await balanceOf(p, memberId)).toMatchObject({ available: 450, pending: 52 });

      // An anonymous receipt takes no member lock: the unique (store, number) decides, and the losers replay the winner.
      const anonymous = receipt('ANON-1', [line('MILK', 8_900, 3)]);
      const anon = await parallel(20, () => sell(p, anonymous));
      expect(anon.map((r) => r.status)).toEqual(Array(20).fill(201));
      for (const r of anon) expect(r.body).toEqual(anon[0]?.body);
      expect(await count('select count(*) as n from receipts where program_id = $1 and number = $2', [p.programId, 'ANON-1'])).toBe(1);
      await expectLedgerHolds(p);
    });
  });

  it('enrols one member when tills bring the same new card at once', async () => {
    const p = await newProgramme(db, settings);
    const members = async () => count('select count(*) as n from members where program_id = $1', [p.programId]);
    const card = (body: string) => body + luhnCheckDigit(body);

    // The same first purchase retried: one member, one receipt, every copy answered alike.
    const first = receipt('CARD-1', [line('TV', 100_000)], { member: { cardNumber: card('777055500000001') } });
    const copies = await parallel(10, () => p.call('POST', '/v1/receipts', first, { role: 'pos' }));
    expect(copies.map((r) => r.status)).toEqual(Array(10).fill(201));
    for (const r of copies) expect(r.body).toEqual(copies[0]?.body);
    expect(await members()).toBe(1);

    // Different sales on one new card: all accepted, all on the one member the card enrolled.
    const cardNumber = card('777055500000002');
    const sales = await parallel(10, (i) => p.call('POST', '/v1/receipts', receipt(`CARD-2-${i}`, [line('TV', 100_000)], { member: { cardNumber } }), { role: 'pos' }));
    expect(sales.map((r) => r.status)).toEqual(Array(10).fill(201));
    expect(new Set(sales.map((r) => r.body.memberId)).size).toBe(1);
    expect(await members()).toBe(2);
    expect(await balanceOf(p, sales[0]?.body.memberId)).toMatchObject({ pending: 10 * 50 });
    await expectLedgerHolds(p);
  });

  it('with an Idempotency-Key, 20 parallel copies of a sale and of a return each take effect once', async () => {
    const p = await newProgramme(db, settings);
    const memberId = await newMember(p, 300);
    const sale = receipt('IDEM-1', [line('TV', 100_000, 3)], { member: { id: memberId }, pointsToSpend: 300 });
    const sold = await parallel(20, () => p.call('POST', '/v1/receipts', sale, { role: 'pos', headers: { 'idempotency-key': 'sale-IDEM-1' } }));
    expect(sold.map((r) => r.status)).toEqual(Array(20).fill(201));
    for (const r of sold) expect(r.body).toEqual(sold[0]?.body);
    const receiptId: string = sold[0]?.body.id;
    expect(await count('select count(*) as n from receipts where program_id = $1', [p.programId])).toBe(1);

    const returned = await parallel(20, () =>
      p.call('POST', `/v1/receipts/${receiptId}/returns`, { lines: [{ lineNo: 1, quantity: 1 }] }, { role: 'pos', headers: { 'idempotency-key': 'return-IDEM-1' } }),
    );
    expect(returned.map((r) => r.status)).toEqual(Array(20).fill(201));
    for (const r of returned) expect(r.body).toEqual(returned[0]?.body);
    // One unit of three: a third of the 300 spent points comes back, once.
    expect(returned[0]?.body).toMatchObject({ pointsRefunded: 100, lines: [{ lineNo: 1, quantity: 1 }] });
    expect(await count('select count(*) as n from returns where program_id = $1 and receipt_id = $2', [p.programId, receiptId])).toBe(1);
    const shown = await p.call('GET', `/v1/receipts/${receiptId}`, undefined, { role: 'readonly' });
    expect(shown.body.lines[0]).toMatchObject({ quantity: 3, returnedQuantity: 1 });
    expect(await balanceOf(p, memberId)).toMatchObject({ available: 100 });
    await expectLedgerHolds(p);
  });

  it('never returns more than was sold when tills race to return units of one line', async () => {
    const p = await newProgramme(db, settings);
    const memberId = await newMember(p, 500);
    const sale = await p.call('POST', '/v1/receipts', receipt('RACE-1', [line('CUP', 20_000, 5)], { member: { id: memberId }, pointsToSpend: 500 }), { role: 'pos' });
    expect(sale.status).toBe(201);
    const results = await parallel(20, (i) =>
      p.call('POST', `/v1/receipts/${sale.body.id}/returns`, { number: `RET-${i}`, lines: [{ lineNo: 1, quantity: 1 }] }, { role: 'pos' }),
    );
    const accepted = results.filter((r) => r.status === 201);
    expect(accepted).toHaveLength(5);
    expect(results.filter((r) => r.status !== 201).map((r) => `${r.status} ${r.body.code}`)).toEqual(Array(15).fill('422 return_exceeds_sale'));
    // All five units back: every spent point refunded, every earned point taken back, each exactly once.
    expect(accepted.reduce((a, r) => a + r.body.pointsRefunded, 0)).toBe(500);
    expect(accepted.reduce((a, r) => a + r.body.pointsClawedBack, 0)).toBe(sale.body.pointsEarned);
    expect(await balanceOf(p, memberId)).toMatchObject({ available: 500, pending: 0, debt: 0 });

    const cancels = await parallel(10, () => p.call('POST', `/v1/receipts/${sale.body.id}/cancel`, undefined, { role: 'pos' }));
    expect(cancels.map((r) => `${r.status} ${r.body.code}`)).toEqual(Array(10).fill('422 nothing_to_return'));
    await expectLedgerHolds(p);
  });

  it('expires and activates each lot once when two copies of a job run at the same time', async () => {
    const p = await newProgramme(db, { ...settings, pendingDays: 3, expiry: { kind: 'days', days: 30 } });
    const members: string[] = [];
    for (let i = 0; i < 6; i++) {
      const id = await newMember(p, 100 + i);
      members.push(id);
      expect((await p.call('POST', '/v1/receipts', receipt(`JOB-${i}`, [line('TV', 100_000)], { member: { id }, pointsToSpend: 40 }), { role: 'pos' })).status).toBe(201);
    }
    p.advanceDays(1);
    for (const id of members) expect((await p.call('POST', `/v1/members/${id}/adjustments`, { points: 25, reason: 'bonus' })).status).toBe(201);

    p.advanceDays(3);
    const activation = await parallel(2, () => p.call('POST', '/v1/jobs/activation/run'));
    expect(activation.map((r) => r.status)).toEqual([200, 200]);
    expect(activation.reduce((a, r) => a + r.body.changed, 0), 'each member activated by one of the two runs').toBe(members.length);
    for (const id of members) expect(await balanceOf(p, id)).toMatchObject({ pending: 0 });
    const activated = await count(
      `select coalesce(sum(p.amount), 0) as n from postings p join journal_entries e on e.program_id = p.program_id and e.id = p.entry_id
       where p.program_id = $1 and e.kind = 'activation' and p.account = 'member:available'`,
      [p.programId],
    );
    expect(activated).toBe(members.length * 48);

    p.advanceDays(30);
    const [held] = await db.query<{ points: number; lots: number }>(
      `select coalesce(sum(remaining), 0) as points, count(*) as lots from lots where program_id = $1 and state = 'active' and remaining > 0`,
      [p.programId],
    );
    expect(held?.points).toBe(members.reduce((a, _, i) => a + (100 + i - 40) + 25 + 48, 0));
    const expiry = await parallel(2, () => p.call('POST', '/v1/jobs/expiry/run'));
    expect(expiry.map((r) => r.status)).toEqual([200, 200]);
    expect(expiry.reduce((a, r) => a + r.body.changed, 0), 'each member expired by one of the two runs').toBe(members.length);
    expect(await count(`select coalesce(sum(amount), 0) as n from postings where program_id = $1 and account = 'program:expiry'`, [p.programId])).toBe(held?.points);
    const twice = await db.query(
      `select p.lot_id from postings p join journal_entries e on e.program_id = p.program_id and e.id = p.entry_id
       where p.program_id = $1 and e.kind = 'expiry' and p.lot_id is not null group by p.lot_id having count(*) > 1`,
      [p.programId],
    );
    expect(twice, 'lots expired twice').toEqual([]);
    expect(await count(`select count(*) as n from lots where program_id = $1 and state = 'expired'`, [p.programId])).toBe(held?.lots);
    for (const id of members) expect(await balanceOf(p, id)).toMatchObject({ available: 0, pending: 0, debt: 0 });
    await expectLedgerHolds(p);
  });
});
