import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  activate,
  changedLots,
  clawBack,
  createdLots,
  credit,
  debtOf,
  expire,
  openDraft,
  spend,
  spendingOrder,
  type Account,
  type LedgerDraft,
  type Lot,
} from './ledger.ts';

const now = new Date('2026-03-01T10:00:00Z');
const day = (n: number) => new Date(now.getTime() + n * 86_400_000);

const lot = (id: string, remaining: number, more: Partial<Lot> = {}): Lot => ({
  id,
  state: 'active',
  amount: remaining,
  remaining,
  activatesAt: day(-30),
  expiresAt: day(300),
  createdAt: day(-30),
  ...more,
});

/** A draft over open lots, with the cached balance those lots imply (no debt). */
function draftOf(lots: Lot[]): LedgerDraft {
  const total = (state: Lot['state']) => lots.filter((l) => l.state === state).reduce((a, l) => a + l.remaining, 0);
  return openDraft({ available: total('active'), pending: total('pending') }, lots);
}

const remaining = (draft: LedgerDraft) => Object.fromEntries([...draft.lots.values()].map((l) => [l.id, l.remaining]));
const posted = (draft: LedgerDraft, account: Account) =>
  draft.postings.filter((p) => p.account === account).reduce((a, p) => a + p.amount, 0);

/** The ledger's rules: balanced postings, and the cached balance moved exactly by the member postings. */
function expectConsistent(draft: LedgerDraft, opened: { available: number; pending: number }) {
  expect(draft.postings.reduce((a, p) => a + p.amount, 0)).toBe(0);
  expect(draft.available).toBe(opened.available + posted(draft, 'member:available'));
  expect(draft.pending).toBe(opened.pending + posted(draft, 'member:pending'));
}

describe('credit', () => {
  it('credits a pending lot until the return window is over', () => {
    const draft = openDraft({ available: 0, pending: 0 }, []);
    credit(draft, 17, { id: 'lot_1', activatesAt: day(14), expiresAt: day(365) }, 'program:issuance', now);
    expect(draft).toMatchObject({ available: 0, pending: 17 });
    expect(createdLots(draft)).toEqual([expect.objectContaining({ id: 'lot_1', state: 'pending', amount: 17, remaining: 17, createdAt: now })]);
    expect(draft.postings).toEqual([
      { account: 'program:issuance', lotId: null, amount: -17 },
      { account: 'member:pending', lotId: 'lot_1', amount: 17 },
    ]);
  });

  it('credits an active lot when it activates now', () => {
    const draft = openDraft({ available: 0, pending: 0 }, []);
    credit(draft, 40, { id: 'lot_1', activatesAt: now, expiresAt: null }, 'program:adjustment', now);
    expect(draft).toMatchObject({ available: 40, pending: 0 });
    expect(draft.lots.get('lot_1')?.state).toBe('active');
    expect(posted(draft, 'program:adjustment')).toBe(-40);
    expect(changedLots(draft)).toEqual([]);
  });

  it('credits nothing for zero points', () => {
    const draft = openDraft({ available: 0, pending: 0 }, []);
    credit(draft, 0, { id: 'lot_1', activatesAt: now, expiresAt: null }, 'program:issuance', now);
    expect(draft.postings).toEqual([]);
    expect(draft.lots.size).toBe(0);
  });

  it('does not change the lots it was opened with', () => {
    const open = [lot('a', 10)];
    spend(draftOf(open), 4, 'program:redemption');
    expect(open[0]?.remaining).toBe(10);
  });
});

describe('spend', () => {
  it('takes from the lots that expire first, never-expiring last, oldest first on equal expiry', () => {
    const draft = draftOf([
      lot('never', 100, { expiresAt: null }),
      lot('june', 10, { expiresAt: new Date('2026-06-30T20:59:59Z') }),
      lot('april-new', 10, { expiresAt: new Date('2026-04-30T20:59:59Z'), createdAt: day(-1) }),
      lot('april-old', 10, { expiresAt: new Date('2026-04-30T20:59:59Z'), createdAt: day(-20) }),
      lot('pending', 50, { state: 'pending', expiresAt: day(1) }),
    ]);
    spend(draft, 35, 'program:redemption');
    expect(remaining(draft)).toEqual({ never: 95, june: 0, 'april-new': 0, 'april-old': 0, pending: 50 });
    expect(draft.postings.map((p) => [p.account, p.lotId, p.amount])).toEqual([
      ['member:available', 'april-old', -10],
      ['member:available', 'april-new', -10],
      ['member:available', 'june', -10],
      ['member:available', 'never', -5],
      ['program:redemption', null, 35],
    ]);
    expect(draft).toMatchObject({ available: 95, pending: 50 });
    expect(changedLots(draft).map((l) => l.id).sort()).toEqual(['april-new', 'april-old', 'june', 'never']);
  });

  it('orders lots the same way whatever order they were loaded in', () => {
    const lots = [
      lot('never-old', 1, { expiresAt: null, createdAt: day(-90) }),
      lot('never-new', 1, { expiresAt: null, createdAt: day(-60) }),
      lot('may', 1, { expiresAt: day(70) }),
      lot('april-b', 1, { expiresAt: day(40) }),
      lot('april-a', 1, { expiresAt: day(40) }),
    ];
    fc.assert(
      fc.property(fc.shuffledSubarray(lots, { minLength: lots.length }), (shuffled) => {
        expect(shuffled.sort(spendingOrder).map((l) => l.id)).toEqual(['april-a', 'april-b', 'may', 'never-old', 'never-new']);
      }),
    );
  });

  it('refuses to spend more than the active lots hold', () => {
    const draft = draftOf([lot('a', 10), lot('p', 100, { state: 'pending' })]);
    expect(() => spend(draft, 11, 'program:redemption')).toThrow(/exceeds active lots by 1/);
  });
});

describe('clawBack', () => {
  const lots = () => [
    lot('soon', 10, { expiresAt: day(10) }),
    lot('receipt', 20, { expiresAt: day(365) }),
    lot('later', 10, { expiresAt: day(100) }),
    lot('pending', 30, { state: 'pending', expiresAt: day(5) }),
  ];

  it("takes from the receipt's own lot first, then available lots soonest-expiry-first, then pending", () => {
    const draft = draftOf(lots());
    const taken = clawBack(draft, 55, { preferLotId: 'receipt', policy: 'allow', to: 'program:issuance' });
    expect(taken).toEqual({ clawedBack: 55, debt: 0, writtenOff: 0 });
    expect(remaining(draft)).toEqual({ soon: 0, receipt: 0, later: 0, pending: 15 });
    expect(draft.postings.map((p) => p.lotId)).toEqual(['receipt', 'soon', 'later', 'pending', null]);
    expect(draft).toMatchObject({ available: 0, pending: 15 });
    expect(posted(draft, 'program:issuance')).toBe(55);
  });

  it("takes a still-pending receipt lot from the pending balance", () => {
    const draft = draftOf(lots());
    clawBack(draft, 12, { preferLotId: 'pending', policy: 'allow', to: 'program:issuance' });
    expect(remaining(draft)).toMatchObject({ pending: 18, soon: 10 });
    expect(draft).toMatchObject({ available: 40, pending: 18 });
  });

  it('goes into debt for what is missing under the "allow" policy', () => {
    const draft = draftOf([lot('a', 5), lot('p', 3, { state: 'pending' })]);
    const taken = clawBack(draft, 20, { preferLotId: null, policy: 'allow', to: 'program:issuance' });
    expect(taken).toEqual({ clawedBack: 20, debt: 12, writtenOff: 0 });
    expect(draft).toMatchObject({ available: -12, pending: 0 });
    expect(debtOf(draft)).toBe(12);
    expect(draft.postings).toContainEqual({ account: 'member:available', lotId: null, amount: -12 });
    expect(posted(draft, 'program:issuance')).toBe(20);
  });

  it('writes off what is missing under the "write_off" policy', () => {
    const draft = draftOf([lot('a', 5)]);
    const taken = clawBack(draft, 20, { preferLotId: 'gone', policy: 'write_off', to: 'program:issuance' });
    expect(taken).toEqual({ clawedBack: 5, debt: 0, writtenOff: 15 });
    expect(draft).toMatchObject({ available: 0, pending: 0 });
    expect(debtOf(draft)).toBe(0);
    expect(posted(draft, 'program:issuance')).toBe(5);
  });

  it('never takes from an expired lot', () => {
    const draft = draftOf([lot('old', 10, { state: 'expired' }), lot('a', 4)]);
    const taken = clawBack(draft, 6, { preferLotId: 'old', policy: 'write_off', to: 'program:issuance' });
    expect(taken).toEqual({ clawedBack: 4, debt: 0, writtenOff: 2 });
    expect(remaining(draft)).toEqual({ old: 10, a: 0 });
  });
});

describe('debt', () => {
  const inDebt = () => {
    const draft = openDraft({ available: 0, pending: 0 }, []);
    clawBack(draft, 30, { preferLotId: null, policy: 'allow', to: 'program:issuance' });
    return draft;
  };

  it('is repaid first by points credited as available', () => {
    const draft = inDebt();
    credit(draft, 50, { id: 'refund', activatesAt: now, expiresAt: day(365) }, 'program:redemption', now);
    expect(draft.available).toBe(20);
    expect(draft.lots.get('refund')?.remaining).toBe(20);
    expect(debtOf(draft)).toBe(0);
    expectConsistent(draft, { available: 0, pending: 0 });
  });

  it('is repaid partly when the new lot is smaller than the debt', () => {
    const draft = inDebt();
    credit(draft, 10, { id: 'small', activatesAt: now, expiresAt: null }, 'program:issuance', now);
    expect(draft.available).toBe(-20);
    expect(draft.lots.get('small')?.remaining).toBe(0);
    expect(debtOf(draft)).toBe(20);
  });

  it('is not repaid by pending points until they activate', () => {
    const draft = inDebt();
    credit(draft, 50, { id: 'next', activatesAt: day(14), expiresAt: day(365) }, 'program:issuance', now);
    expect(draft).toMatchObject({ available: -30, pending: 50 });
    expect(debtOf(draft)).toBe(30);
    expect(activate(draft, 'next')).toBe(50);
    expect(draft).toMatchObject({ available: 20, pending: 0 });
    expect(draft.lots.get('next')).toMatchObject({ state: 'active', remaining: 20 });
    expect(debtOf(draft)).toBe(0);
    expectConsistent(draft, { available: 0, pending: 0 });
  });

  it('posts to the member’s own accounts only when activating, repaying debt too (the points reports leave activations out)', () => {
    const draft = inDebt();
    credit(draft, 50, { id: 'next', activatesAt: day(14), expiresAt: day(365) }, 'program:issuance', now);
    const before = draft.postings.length;
    activate(draft, 'next');
    expect(draft.postings.slice(before).map((p) => p.account)).toEqual(['member:pending', 'member:available', 'member:available', 'member:available']);
  });
});

describe('activate and expire', () => {
  it('moves a pending lot to available', () => {
    const draft = draftOf([lot('p', 17, { state: 'pending' })]);
    expect(activate(draft, 'p')).toBe(17);
    expect(draft).toMatchObject({ available: 17, pending: 0 });
    expect(changedLots(draft)).toEqual([expect.objectContaining({ id: 'p', state: 'active', remaining: 17 })]);
    expect(activate(draft, 'p')).toBe(0);
    expect(activate(draft, 'missing')).toBe(0);
  });

  it('expires what is left of an available lot', () => {
    const draft = draftOf([lot('a', 40), lot('b', 5, { expiresAt: day(10) })]);
    spend(draft, 15, 'program:redemption');
    expect(expire(draft, 'a')).toBe(30);
    expect(draft.lots.get('a')).toMatchObject({ state: 'expired', remaining: 0, amount: 40 });
    expect(draft.available).toBe(0);
    expect(posted(draft, 'program:expiry')).toBe(30);
    expect(expire(draft, 'a')).toBe(0);
  });

  it('does not expire a pending lot', () => {
    const draft = draftOf([lot('p', 10, { state: 'pending' })]);
    expect(expire(draft, 'p')).toBe(0);
    expect(draft.postings).toEqual([]);
  });
});

describe('any sequence of operations', () => {
  type Op =
    | { kind: 'credit'; points: number; pending: boolean; expiresIn: number | null }
    | { kind: 'activate' | 'expire'; pick: number }
    | { kind: 'spend'; share: number }
    | { kind: 'clawBack'; points: number; pick: number; policy: 'allow' | 'write_off' };
  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.record({
      kind: fc.constant('credit' as const),
      points: fc.integer({ min: 0, max: 500 }),
      pending: fc.boolean(),
      expiresIn: fc.option(fc.integer({ min: 1, max: 400 })),
    }),
    fc.record({ kind: fc.constantFrom('activate' as const, 'expire' as const), pick: fc.nat() }),
    fc.record({ kind: fc.constant('spend' as const), share: fc.double({ min: 0, max: 1, noNaN: true }) }),
    fc.record({
      kind: fc.constant('clawBack' as const),
      points: fc.integer({ min: 0, max: 800 }),
      pick: fc.nat(),
      policy: fc.constantFrom('allow' as const, 'write_off' as const),
    }),
  );

  it('keeps postings balanced and the cached balance equal to the member postings and the lots', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const draft = openDraft({ available: 0, pending: 0 }, []);
        const ids = () => [...draft.lots.keys()];
        const pick = (n: number) => ids()[n % Math.max(1, ids().length)] ?? null;
        ops.forEach((o, i) => {
          switch (o.kind) {
            case 'credit': {
              const expiresAt = o.expiresIn ? day(o.expiresIn) : null;
              credit(draft, o.points, { id: `lot_${i}`, activatesAt: o.pending ? day(14) : now, expiresAt }, 'program:issuance', now);
              break;
            }
            case 'activate':
              activate(draft, pick(o.pick) ?? '');
              break;
            case 'expire':
              expire(draft, pick(o.pick) ?? '');
              break;
            case 'spend':
              spend(draft, Math.floor(Math.max(0, draft.available) * o.share), 'program:redemption');
              break;
            case 'clawBack':
              clawBack(draft, o.points, { preferLotId: pick(o.pick), policy: o.policy, to: 'program:issuance' });
          }

          expectConsistent(draft, { available: 0, pending: 0 });
          const lots = [...draft.lots.values()];
          const held = (state: Lot['state']) => lots.filter((l) => l.state === state).reduce((a, l) => a + l.remaining, 0);
          expect(lots.every((l) => l.remaining >= 0 && l.remaining <= l.amount)).toBe(true);
          expect(held('expired')).toBe(0);
          expect(draft.pending).toBe(held('pending'));
          expect(debtOf(draft)).toBeGreaterThanOrEqual(0);
          expect(draft.available).toBe(held('active') - debtOf(draft));
          // a member in debt has no available points left to repay it with
          if (debtOf(draft) > 0) expect(held('active')).toBe(0);
        });
      }),
    );
  });
});
