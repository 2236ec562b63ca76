import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/store/db.ts';
import { line, newProgramme, openTestDb, receipt, type Programme } from './harness.ts';

// Random sequences of sales, returns, cancels, adjustments, job runs and clock jumps, driven through the HTTP API.
// After every step the ledger is checked with SQL, and what the API shows is compared with it.

type Policy = 'allow' | 'write_off';
type Category = 'food' | 'toys' | 'tobacco' | 'alcohol';
interface LineSpec {
  category: Category;
  price: number;
  milli: number;
  reward: boolean;
}
type Step =
  | { kind: 'confirm'; lines: LineSpec[]; share: number; over: number }
  | { kind: 'retry'; what: 'receipt' | 'return'; conflict: boolean }
  | { kind: 'return'; pick: number; line: number; share: number; numbered: boolean }
  | { kind: 'cancel'; pick: number }
  | { kind: 'credit'; points: number }
  | { kind: 'debit'; share: number }
  | { kind: 'job'; job: 'activation' | 'expiry' }
  | { kind: 'clock'; hours: number }
  | { kind: 'expiry-policy'; never: boolean };

const settingsFor = (negativeBalance: Policy, rounding: string) => ({
  earn: { kind: 'percent', percent: 10 },
  rounding,
  pendingDays: 3,
  expiry: { kind: 'days', days: 30 },
  negativeBalance,
  maxRedemptionPercent: 50,
  earnExcluded: { categories: ['tobacco'] },
  redeemExcluded: { categories: ['alcohol'] },
});

/** A share such as 0.37, spread evenly (fc.double favours the extremes). */
const percent = (min: number, max: number) => fc.integer({ min, max }).map((n) => n / 100);

const lineSpec: fc.Arbitrary<LineSpec> = fc.record({
  category: fc.constantFrom<Category>('food', 'food', 'toys', 'tobacco', 'alcohol'),
  price: fc.integer({ min: 100, max: 300_000 }),
  milli: fc.oneof(fc.integer({ min: 1, max: 4 }).map((n) => n * 1000), fc.integer({ min: 1, max: 3000 })),
  reward: fc.nat({ max: 9 }).map((n) => n === 0),
});

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('confirm' as const),
      lines: fc.array(lineSpec, { minLength: 1, maxLength: 4 }),
      share: fc.oneof(
        { weight: 1, arbitrary: fc.constant(0) },
        { weight: 2, arbitrary: fc.constant(1) },
        { weight: 3, arbitrary: percent(0, 100) },
      ),
      // 0 most of the time; otherwise ask for that many points more than the till allows
      over: fc.oneof({ weight: 6, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 500 }) }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('retry' as const), what: fc.constantFrom('receipt' as const, 'return' as const), conflict: fc.boolean() }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('return' as const),
      pick: fc.nat(),
      line: fc.nat(),
      share: percent(0, 125),
      numbered: fc.boolean(),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('credit' as const), points: fc.integer({ min: 1, max: 800 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('debit' as const), share: fc.oneof({ weight: 2, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: percent(1, 130) }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('job' as const), job: fc.constantFrom('activation' as const, 'expiry' as const) }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('clock' as const),
      hours: fc.oneof(
        { weight: 2, arbitrary: fc.integer({ min: 1, max: 96 }) },
        { weight: 3, arbitrary: fc.integer({ min: 3, max: 20 }).map((d) => d * 24) },
        { weight: 1, arbitrary: fc.integer({ min: 21, max: 45 }).map((d) => d * 24) },
        { weight: 1, arbitrary: fc.integer({ min: 2, max: 4 }).map((m) => m * 30 * 24) },
      ),
    }),
  },
  // A marketer switches expiry off and on: never-expiring lots must be spent last.
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('expiry-policy' as const), never: fc.boolean() }) },
);

interface ReceiptModel {
  id: string;
  lines: { milli: number; returned: number }[];
  cancelled: boolean;
  pointsSpent: number;
  pointsEarned: number;
  refunded: number;
  takenBack: number;
}

interface Snapshot {
  available: number;
  pending: number;
  entries: number;
  postings: number;
  receipts: number;
  returns: number;
  keys: number;
  lots: string;
}

let db: Db;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(() => db.close());

/** Exactly what the server computes: round(price x quantity), half up, in integer thousandths. */
const amountOf = (price: number, milli: number) => Number((BigInt(price) * BigInt(milli) + 500n) / 1000n);

function receiptLines(specs: LineSpec[]) {
  return specs.map((s, i) => ({
    ...line(`SKU${i + 1}`, s.price, s.milli / 1000, { category: s.category, ...(s.reward ? { isReward: true } : {}) }),
    amount: amountOf(s.price, s.milli),
  }));
}

async function snapshot(programId: string, memberId: string): Promise<Snapshot> {
  const [row] = await db.query<Snapshot>(
    `select m.points_available as available, m.points_pending as pending,
       (select count(*) from journal_entries where program_id = $1) as entries,
       (select count(*) from postings where program_id = $1) as postings,
       (select count(*) from receipts where program_id = $1) as receipts,
       (select count(*) from returns where program_id = $1) as returns,
       (select count(*) from idempotency_keys where program_id = $1) as keys,
       (select coalesce(string_agg(id || ':' || remaining || ':' || state, ',' order by id), '') from lots where program_id = $1) as lots
     from members m where m.program_id = $1 and m.id = $2`,
    [programId, memberId],
  );
  return row as Snapshot;
}

/** The ledger's invariants for one programme, whose only member is `memberId`, and the balance the API shows. */
async function checkLedger(p: Programme, memberId: string, policy: Policy): Promise<void> {
  const programId = p.programId;
  // (a) every journal entry balances and has postings; no posting lacks its entry
  const unbalanced = await db.query(
    `select e.id, coalesce(sum(p.amount), 0) as sum, count(p.seq) as n from journal_entries e
     left join postings p on p.program_id = e.program_id and p.entry_id = e.id
     where e.program_id = $1 group by e.id having coalesce(sum(p.amount), 0) <> 0 or count(p.seq) = 0`,
    [programId],
  );
  expect(unbalanced, 'journal entries whose postings do not sum to zero').toEqual([]);
  const orphans = await db.query(
    `select p.entry_id from postings p left join journal_entries e on e.program_id = p.program_id and e.id = p.entry_id
     where p.program_id = $1 and e.id is null`,
    [programId],
  );
  expect(orphans, 'postings without a journal entry').toEqual([]);

  // (b) cached balances equal the postings on the member's accounts
  const [m] = await db.query<{ available: number; pending: number; posted_available: number; posted_pending: number; debt: number }>(
    `select m.points_available as available, m.points_pending as pending,
       coalesce(sum(p.amount) filter (where p.account = 'member:available'), 0) as posted_available,
       coalesce(sum(p.amount) filter (where p.account = 'member:pending'), 0) as posted_pending,
       -coalesce(sum(p.amount) filter (where p.account = 'member:available' and p.lot_id is null), 0) as debt
     from members m left join postings p on p.program_id = m.program_id and p.member_id = m.id
     where m.program_id = $1 and m.id = $2 group by m.points_available, m.points_pending`,
    [programId, memberId],
  );
  if (!m) throw new Error('member vanished');
  expect({ available: m.available, pending: m.pending }, 'cached balance vs postings').toEqual({
    available: m.posted_available,
    pending: m.posted_pending,
  });

  // (c) every lot's remaining is the sum of its postings, on the account its state implies, and never negative
  const badLots = await db.query(
    `select l.id, l.state, l.amount, l.remaining,
       coalesce(sum(p.amount) filter (where p.account = 'member:available'), 0) as on_available,
       coalesce(sum(p.amount) filter (where p.account = 'member:pending'), 0) as on_pending
     from lots l left join postings p on p.program_id = l.program_id and p.member_id = l.member_id and p.lot_id = l.id
     where l.program_id = $1 group by l.program_id, l.member_id, l.id
     having l.remaining < 0 or l.remaining > l.amount
       or l.remaining <> coalesce(sum(p.amount), 0)
       or (l.state = 'pending' and coalesce(sum(p.amount) filter (where p.account = 'member:available'), 0) <> 0)
       or (l.state <> 'pending' and coalesce(sum(p.amount) filter (where p.account = 'member:pending'), 0) <> 0)
       or (l.state = 'expired' and l.remaining <> 0)`,
    [programId],
  );
  expect(badLots, 'lots that disagree with their postings').toEqual([]);
  const [sums] = await db.query<{ active: number; pending: number }>(
    `select coalesce(sum(remaining) filter (where state = 'active'), 0) as active,
       coalesce(sum(remaining) filter (where state = 'pending'), 0) as pending
     from lots where program_id = $1 and member_id = $2`,
    [programId, memberId],
  );
  if (!sums) throw new Error('no lot sums');
  expect(m.debt, 'debt is never negative').toBeGreaterThanOrEqual(0);
  expect(m.available, 'available = active lots - debt').toBe(sums.active - m.debt);
  expect(m.pending, 'pending = pending lots').toBe(sums.pending);
  // Debt is repaid from the first points that become available, so a member in debt has nothing to spend.
  if (m.debt > 0) expect(sums.active).toBe(0);
  // With "write_off" a return never takes the balance below zero.
  if (policy === 'write_off') expect(m.debt).toBe(0);

  // The programme's side reconciles with the documents: issued = earned - clawed back, redeemed = spent - refunded.
  const [books] = await db.query<{ issuance: number; redemption: number; earned: number; clawed: number; spent: number; refunded: number }>(
    `select
       (select coalesce(sum(amount), 0) from postings where program_id = $1 and account = 'program:issuance') as issuance,
       (select coalesce(sum(amount), 0) from postings where program_id = $1 and account = 'program:redemption') as redemption,
       (select coalesce(sum(points_earned), 0) from receipts where program_id = $1) as earned,
       (select coalesce(sum(points_spent), 0) from receipts where program_id = $1) as spent,
       (select coalesce(sum(points_clawed_back), 0) from returns where program_id = $1) as clawed,
       (select coalesce(sum(points_refunded), 0) from returns where program_id = $1) as refunded`,
    [programId],
  );
  if (!books) throw new Error('no books');
  expect({ issued: 0 - books.issuance, redeemed: books.redemption }, 'programme accounts vs receipts and returns').toEqual({
    issued: books.earned - books.clawed,
    redeemed: books.spent - books.refunded,
  });

  // What the API shows is the balance as of now: the cached one when no lot is due to activate or expire,
  // else what the till sees (due lots counted before the jobs write them down).
  const [due] = await db.query<{ lots: number; activating: number }>(
    `select count(*) as lots, coalesce(sum(remaining) filter (where state = 'pending'), 0) as activating from lots
     where program_id = $1 and member_id = $2 and remaining > 0
       and ((state = 'pending' and activates_at <= $3) or (state = 'active' and expires_at <= $3))`,
    [programId, memberId, p.now()],
  );
  const shown = await p.call('GET', `/v1/members/${memberId}/balance`, undefined, { role: 'readonly' });
  expect(shown.status).toBe(200);
  if (!due?.lots) {
    expect(shown.body, 'balance shown vs cached').toMatchObject({ available: m.available, pending: m.pending, debt: m.debt });
  } else {
    const till = await p.call('POST', '/v1/receipts/calculate', receipt('PROBE', [line('PROBE', 100)], { member: { id: memberId } }), { role: 'pos' });
    expect(shown.body, 'balance shown vs what the till sees').toMatchObject({ available: till.body.available, pending: m.pending - due.activating });
    expect(shown.body.debt).toBeGreaterThanOrEqual(0);
    if (policy === 'write_off') expect(shown.body.debt).toBe(0);
  }
}

/**
 * An entry that spent `spent` points took them from the lots that expire first, never-expiring ones last:
 * no active lot expiring before one the entry drew from still holds points.
 */
async function expectSoonestExpiryFirst(programId: string, memberId: string, entryId: string, spent: number, to: string) {
  const [drawn] = await db.query<{ points: number; latest: Date | null; never: boolean; other: number }>(
    `select coalesce(-sum(p.amount), 0) as points, max(l.expires_at) as latest, coalesce(bool_or(l.expires_at is null), false) as never,
       (select coalesce(sum(q.amount), 0) from postings q where q.program_id = $1 and q.entry_id = $2 and q.account = $3) as other
     from postings p join lots l on l.program_id = p.program_id and l.member_id = p.member_id and l.id = p.lot_id
     where p.program_id = $1 and p.entry_id = $2 and p.account = 'member:available' and p.amount < 0 and l.entry_id <> $2`,
    [programId, entryId, to],
  );
  expect(drawn?.points, 'points drawn from lots').toBe(spent);
  expect(drawn?.other, `points posted to ${to}`).toBe(spent);
  const skipped = await db.query(
    `select id, expires_at, remaining from lots
     where program_id = $1 and member_id = $2 and state = 'active' and remaining > 0 and expires_at is not null
       and ($4 or expires_at < $3)`,
    [programId, memberId, drawn?.latest, drawn?.never],
  );
  expect(skipped, 'lots expiring earlier than a lot that was spent still hold points').toEqual([]);
}

function expectProblem(res: { status: number; body: { code?: string }; contentType: string }, codes: string[]) {
  expect(res.status, JSON.stringify(res.body)).toBeGreaterThanOrEqual(400);
  expect(res.status).toBeLessThan(500);
  expect(res.contentType).toContain('application/problem+json');
  expect(codes).toContain(res.body.code);
}

async function runSequence(policy: Policy, rounding: string, opening: number, steps: Step[]) {
  const p = await newProgramme(db, settingsFor(policy, rounding));
  const created = await p.call('POST', '/v1/members', { name: 'Property' }, { role: 'pos' });
  expect(created.status).toBe(201);
  const memberId: string = created.body.member.id;
  if (opening > 0) {
    const welcome = await p.call('POST', `/v1/members/${memberId}/adjustments`, { points: opening, reason: 'welcome' }, { role: 'marketer' });
    expect(welcome.status).toBe(201);
  }
  const receipts: ReceiptModel[] = [];
  let lastReceipt: { body: { pointsToSpend: number }; response: unknown } | null = null;
  let lastReturn: { path: string; body: { number?: string; lines: { lineNo: number; quantity: number }[] }; key: string | null; response: unknown } | null =
    null;
  let counter = 0;

  const unchangedSince = async (before: Snapshot, what = 'a refused request') =>
    expect(await snapshot(p.programId, memberId), `${what} changed something`).toEqual(before);
  /** Prices a receipt; calculate settles due lots in memory and writes nothing. */
  const calculate = async (body: unknown) => {
    const before = await snapshot(p.programId, memberId);
    const calc = await p.call('POST', '/v1/receipts/calculate', body, { role: 'pos' });
    expect(calc.status, JSON.stringify(calc.body)).toBe(200);
    await unchangedSince(before, 'calculate');
    return calc.body;
  };
  /** What the till sees: the member's spendable points now. */
  const tillAvailable = async (): Promise<number> =>
    (await calculate(receipt('PROBE', [line('PROBE', 100)], { member: { id: memberId } }))).available;
  const expectBalanceIsCached = async (balance: { available: number; pending: number }) => {
    const now = await snapshot(p.programId, memberId);
    expect(balance).toMatchObject({ available: now.available, pending: now.pending });
  };
  const expectFullyReversed = (r: ReceiptModel) => {
    if (r.lines.some((l) => l.returned < l.milli)) return;
    // Returns reverse exactly what the receipt did, however many partial returns it took.
    expect(r.refunded, `points refunded over all returns of ${r.id}`).toBe(r.pointsSpent);
    expect(r.takenBack, `points clawed back or written off over all returns of ${r.id}`).toBe(r.pointsEarned);
  };
  const recordReversal = (r: ReceiptModel, res: { body: { pointsRefunded: number; pointsClawedBack: number; writtenOff: number; debt: number } }) => {
    r.refunded += res.body.pointsRefunded;
    r.takenBack += res.body.pointsClawedBack + res.body.writtenOff;
    if (policy === 'write_off') expect(res.body.debt, 'no debt under write_off').toBe(0);
    else expect(res.body.writtenOff, 'nothing written off under allow').toBe(0);
  };

  for (const step of steps) {
    const before = await snapshot(p.programId, memberId);
    switch (step.kind) {
      case 'confirm': {
        const lines = receiptLines(step.lines);
        const number = `R${++counter}`;
        const calc = { body: await calculate(receipt(number, lines, { member: { id: memberId } })) };
        const max: number = calc.body.maxPoints;
        const spend = step.over > 0 ? max + step.over : Math.floor(step.share * max);
        const body = receipt(number, lines, { member: { id: memberId }, pointsToSpend: spend });
        const res = await p.call('POST', '/v1/receipts', body, { role: 'pos' });
        if (step.over > 0) {
          expectProblem(res, spend > calc.body.maxPointsByReceipt ? ['redemption_limit_exceeded'] : ['insufficient_points']);
          await unchangedSince(before);
          break;
        }
        // Whatever calculate said may be spent, confirm accepts.
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        expect(res.body).toMatchObject({ pointsSpent: spend, pointsDiscount: spend * 100, total: body.total });
        if (spend === 0) expect(res.body.pointsEarned).toBe(calc.body.pointsEarned);
        res.body.lines.forEach((l: { pointsEarned: number; pointsSpent: number }, i: number) => {
          const s = step.lines[i] as LineSpec;
          if (s.reward || s.category === 'tobacco') expect(l.pointsEarned, `line ${i + 1} must not earn`).toBe(0);
          if (s.reward || s.category === 'alcohol') expect(l.pointsSpent, `line ${i + 1} must not be paid with points`).toBe(0);
        });
        // The sale spends from what the till showed; what it earns waits for the return window.
        expect(res.body.balance.available).toBe(calc.body.available - spend);
        await expectBalanceIsCached(res.body.balance);
        receipts.push({
          id: res.body.id,
          lines: step.lines.map((l) => ({ milli: l.milli, returned: 0 })),
          cancelled: false,
          pointsSpent: spend,
          pointsEarned: res.body.pointsEarned,
          refunded: 0,
          takenBack: 0,
        });
        lastReceipt = { body: { ...body, pointsToSpend: spend }, response: res.body };
        if (spend > 0) {
          const [entry] = await db.query<{ id: string }>(
            `select id from journal_entries where program_id = $1 and receipt_id = $2 and kind = 'receipt'`,
            [p.programId, res.body.id],
          );
          await expectSoonestExpiryFirst(p.programId, memberId, (entry as { id: string }).id, spend, 'program:redemption');
        }
        break;
      }
      case 'retry': {
        // A till or shop retries its last request: the same content gets the first answer, other content is refused.
        if (step.what === 'receipt' && lastReceipt) {
          const body = step.conflict ? { ...lastReceipt.body, pointsToSpend: lastReceipt.body.pointsToSpend + 1 } : lastReceipt.body;
          const res = await p.call('POST', '/v1/receipts', body, { role: 'pos' });
          if (step.conflict) expectProblem(res, ['receipt_conflict']);
          else expect({ status: res.status, body: res.body }).toEqual({ status: 201, body: lastReceipt.response });
        }
        if (step.what === 'return' && lastReturn) {
          const first = lastReturn.body.lines[0] as { lineNo: number; quantity: number };
          const body = step.conflict ? { ...lastReturn.body, lines: [{ ...first, quantity: first.quantity + 1 }] } : lastReturn.body;
          const headers: Record<string, string> = lastReturn.key ? { 'idempotency-key': lastReturn.key } : {};
          const res = await p.call('POST', lastReturn.path, body, { role: 'pos', headers });
          if (step.conflict) expectProblem(res, [lastReturn.key ? 'idempotency_key_reused' : 'conflict']);
          else expect({ status: res.status, body: res.body }).toEqual({ status: 201, body: lastReturn.response });
        }
        await unchangedSince(before);
        break;
      }
      case 'return': {
        const r = receipts[step.pick % Math.max(1, receipts.length)];
        if (!r) {
          expectProblem(await p.call('POST', '/v1/receipts/rcp_missing/returns', { lines: [{ lineNo: 1, quantity: 1 }] }, { role: 'pos' }), ['receipt_not_found']);
          await unchangedSince(before);
          break;
        }
        const index = step.line % r.lines.length;
        const sold = r.lines[index] as { milli: number; returned: number };
        const left = sold.milli - sold.returned;
        const wholeUnits = sold.milli % 1000 === 0;
        let want = wholeUnits ? Math.max(1, Math.round((step.share * left) / 1000)) * 1000 : Math.max(1, Math.round(step.share * left));
        if (left === 0) want = wholeUnits ? 1000 : 1;
        // A return is made safe to retry either by the shop's document number or by an Idempotency-Key.
        const number = `RET${++counter}`;
        const body = { ...(step.numbered ? { number } : {}), lines: [{ lineNo: index + 1, quantity: want / 1000 }] };
        const key = step.numbered ? null : `key-${number}`;
        const path = `/v1/receipts/${r.id}/returns`;
        const res = await p.call('POST', path, body, { role: 'pos', headers: key ? { 'idempotency-key': key } : {} });
        if (r.cancelled || want > left) {
          expectProblem(res, [r.cancelled ? 'receipt_cancelled' : 'return_exceeds_sale']);
          await unchangedSince(before);
          break;
        }
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        expect(res.body.lines).toMatchObject([{ lineNo: index + 1, quantity: want / 1000 }]);
        sold.returned += want;
        recordReversal(r, res);
        await expectBalanceIsCached(res.body.balance);
        expectFullyReversed(r);
        lastReturn = { path, body, key, response: res.body };
        break;
      }
      case 'cancel': {
        const r = receipts[step.pick % Math.max(1, receipts.length)];
        if (!r) break;
        const res = await p.call('POST', `/v1/receipts/${r.id}/cancel`, undefined, { role: 'pos' });
        if (r.cancelled || r.lines.every((l) => l.returned === l.milli)) {
          expectProblem(res, [r.cancelled ? 'receipt_cancelled' : 'nothing_to_return']);
          await unchangedSince(before);
          break;
        }
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        r.cancelled = true;
        r.lines.forEach((l) => (l.returned = l.milli));
        recordReversal(r, res);
        await expectBalanceIsCached(res.body.balance);
        expectFullyReversed(r);
        expect((await p.call('GET', `/v1/receipts/${r.id}`, undefined, { role: 'readonly' })).body.status).toBe('cancelled');
        break;
      }
      case 'credit': {
        const available = await tillAvailable();
        const res = await p.call('POST', `/v1/members/${memberId}/adjustments`, { points: step.points, reason: 'goodwill' }, { role: 'marketer' });
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        expect(res.body.balance.available).toBe(available + step.points);
        await expectBalanceIsCached(res.body.balance);
        break;
      }
      case 'debit': {
        const available = await tillAvailable();
        const points = Math.max(1, Math.round(step.share * Math.max(available, 10)));
        const res = await p.call('POST', `/v1/members/${memberId}/adjustments`, { points: -points, reason: 'correction' }, { role: 'marketer' });
        if (points > available) {
          expectProblem(res, ['insufficient_points']);
          await unchangedSince(before);
          break;
        }
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        expect(res.body.balance.available).toBe(available - points);
        await expectBalanceIsCached(res.body.balance);
        await expectSoonestExpiryFirst(p.programId, memberId, res.body.entryId, points, 'program:adjustment');
        break;
      }
      case 'job': {
        const available = await tillAvailable();
        const res = await p.call('POST', `/v1/jobs/${step.job}/run`);
        expect(res.status).toBe(200);
        const due = await db.query(
          step.job === 'activation'
            ? `select id from lots where program_id = $1 and state = 'pending' and remaining > 0 and activates_at <= $2`
            : `select id from lots where program_id = $1 and state = 'active' and remaining > 0 and expires_at <= $2`,
          [p.programId, p.now()],
        );
        expect(due, `lots still due after the ${step.job} job`).toEqual([]);
        // A job only catches the cache up with what the till already saw.
        expect(await tillAvailable()).toBe(available);
        if (step.job === 'expiry') {
          const shown = await p.call('GET', `/v1/members/${memberId}/balance`, undefined, { role: 'readonly' });
          if (shown.body.nextExpiry) expect(new Date(shown.body.nextExpiry.at).getTime()).toBeGreaterThan(p.now().getTime());
        }
        break;
      }
      case 'clock':
        p.advanceDays(step.hours / 24);
        break;
      case 'expiry-policy': {
        const res = await p.call('PATCH', '/v1/program/settings', { expiry: step.never ? { kind: 'never' } : { kind: 'days', days: 30 } });
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        break;
      }
    }
    await checkLedger(p, memberId, policy);
  }
}

type Run = [Policy, string, number, Step[]];

/** Spent earned points, then the sale is cancelled: debt (or a write-off), repaid by a credit and by the next activation. */
const spentThenCancelled = (policy: Policy): Run => [
  policy,
  'floor',
  0,
  [
    { kind: 'confirm', lines: [{ category: 'food', price: 100_000, milli: 2000, reward: false }], share: 0, over: 0 },
    { kind: 'clock', hours: 96 },
    { kind: 'debit', share: 1 },
    { kind: 'confirm', lines: [{ category: 'toys', price: 50_000, milli: 1000, reward: false }], share: 0, over: 0 },
    { kind: 'cancel', pick: 0 },
    { kind: 'credit', points: 30 },
    { kind: 'confirm', lines: [{ category: 'food', price: 100_000, milli: 1000, reward: false }], share: 1, over: 0 },
    { kind: 'clock', hours: 96 },
    { kind: 'job', job: 'activation' },
    { kind: 'credit', points: 50 },
    { kind: 'confirm', lines: [{ category: 'toys', price: 100_000, milli: 1000, reward: false }], share: 1, over: 0 },
    { kind: 'clock', hours: 31 * 24 },
    { kind: 'job', job: 'expiry' },
  ],
];

/** A sale paid partly with points, returned in parts and then cancelled; points expire on the dot. */
const returnedInParts: Run = [
  'allow',
  'half_up',
  1000,
  [
    {
      kind: 'confirm',
      lines: [
        { category: 'food', price: 100_000, milli: 3000, reward: false },
        { category: 'toys', price: 33_333, milli: 1234, reward: false },
      ],
      share: 1,
      over: 0,
    },
    { kind: 'return', pick: 0, line: 0, share: 0.34, numbered: true },
    { kind: 'return', pick: 0, line: 1, share: 0.5, numbered: false },
    { kind: 'return', pick: 0, line: 0, share: 0.5, numbered: false },
    { kind: 'retry', what: 'return', conflict: false },
    { kind: 'cancel', pick: 0 },
    { kind: 'credit', points: 100 },
    { kind: 'clock', hours: 30 * 24 },
    { kind: 'job', job: 'expiry' },
  ],
];

describe('points ledger under random sequences', () => {
  it('stays balanced, consistent with its lots and cached balances, and spends soonest-expiry first', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<Policy>('allow', 'write_off'),
        fc.constantFrom('floor', 'half_up', 'ceil'),
        fc.integer({ min: 0, max: 3000 }),
        fc.array(stepArb, { minLength: 12, maxLength: 25, size: 'max' }),
        (policy, rounding, opening, steps) => runSequence(policy, rounding, opening, steps),
      ),
      { examples: [spentThenCancelled('allow'), spentThenCancelled('write_off'), returnedInParts], numRuns: 25, seed: 20260115, interruptAfterTimeLimit: 100_000, markInterruptAsFailure: true },
    );
  });
});
