import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { everythingLeft, planReturn, type SoldLine } from './returns.ts';

/** Three units of 100 RUB, 10 points paid 10 RUB of it, 7 points earned. */
const sold = (more: Partial<SoldLine> = {}): SoldLine => ({
  lineNo: 1,
  quantityMilli: 3000,
  returnedMilli: 0,
  amount: 30000,
  campaignDiscount: 0,
  pointsEarned: 7,
  pointsSpent: 10,
  pointsDiscount: 1000,
  ...more,
});

describe('planReturn', () => {
  it('reverses a returned unit in proportion: money paid back, earned points taken, spent points refunded', () => {
    const plan = planReturn([sold()], [{ lineNo: 1, quantityMilli: 1000 }]);
    expect(plan).toEqual({
      ok: true,
      lines: [{ lineNo: 1, quantityMilli: 1000, amount: 9666, pointsClawedBack: 2, pointsRefunded: 3 }],
      amount: 9666,
      pointsClawedBack: 2,
      pointsRefunded: 3,
    });
  });

  it('reverses everything the line did when all of it comes back', () => {
    const plan = planReturn([sold()], [{ lineNo: 1, quantityMilli: 3000 }]);
    expect(plan).toMatchObject({ ok: true, amount: 29000, pointsClawedBack: 7, pointsRefunded: 10 });
  });

  it('adds several lines into one return', () => {
    const lines = [sold(), sold({ lineNo: 2, quantityMilli: 756, amount: 15044, pointsEarned: 7, pointsSpent: 0, pointsDiscount: 0 })];
    const plan = planReturn(lines, [
      { lineNo: 2, quantityMilli: 756 },
      { lineNo: 1, quantityMilli: 3000 },
    ]);
    expect(plan).toMatchObject({ ok: true, amount: 15044 + 29000, pointsClawedBack: 14, pointsRefunded: 10 });
    expect(plan.ok && plan.lines.map((l) => l.lineNo)).toEqual([2, 1]);
  });

  it('gives back the remainder on the last partial return, so the steps add up to the line', () => {
    const first = planReturn([sold()], [{ lineNo: 1, quantityMilli: 1000 }]);
    const second = planReturn([sold({ returnedMilli: 1000 })], [{ lineNo: 1, quantityMilli: 1000 }]);
    const third = planReturn([sold({ returnedMilli: 2000 })], [{ lineNo: 1, quantityMilli: 1000 }]);
    const steps = [first, second, third].map((p) => (p.ok ? [p.amount, p.pointsClawedBack, p.pointsRefunded] : []));
    expect(steps).toEqual([
      [9666, 2, 3],
      [9667, 2, 3],
      [9667, 3, 4],
    ]);
  });

  it('adds up exactly to the line totals however the line is returned in steps', () => {
    fc.assert(
      fc.property(
        fc.record({
          quantityMilli: fc.integer({ min: 1, max: 100_000 }),
          amount: fc.integer({ min: 0, max: 100_000_000 }),
          pointsEarned: fc.integer({ min: 0, max: 100_000 }),
          pointsSpent: fc.integer({ min: 0, max: 100_000 }),
        }),
        fc.array(fc.integer({ min: 1, max: 100_000 }), { minLength: 1, maxLength: 8 }),
        (line, cuts) => {
          const full = sold({ ...line, pointsDiscount: Math.min(line.amount, line.pointsSpent * 100) });
          const steps = [...new Set(cuts.map((c) => c % full.quantityMilli))].filter((c) => c > 0).sort((a, b) => a - b);
          let returned = 0;
          const totals = { amount: 0, pointsClawedBack: 0, pointsRefunded: 0 };
          for (const upTo of [...steps, full.quantityMilli]) {
            const plan = planReturn([{ ...full, returnedMilli: returned }], [{ lineNo: 1, quantityMilli: upTo - returned }]);
            if (!plan.ok) throw new Error(plan.message);
            totals.amount += plan.amount;
            totals.pointsClawedBack += plan.pointsClawedBack;
            totals.pointsRefunded += plan.pointsRefunded;
            returned = upTo;
          }
          expect(totals).toEqual({
            amount: full.amount - full.pointsDiscount,
            pointsClawedBack: full.pointsEarned,
            pointsRefunded: full.pointsSpent,
          });
        },
      ),
    );
  });

  it('refuses to return more than is left on the line', () => {
    const plan = planReturn([sold({ returnedMilli: 2000 })], [{ lineNo: 1, quantityMilli: 1500 }]);
    expect(plan).toMatchObject({ ok: false, code: 'return_exceeds_sale' });
    expect(plan.ok ? '' : plan.message).toBe('line 1: 1.5 asked, 1 left to return');
    expect(planReturn([sold({ returnedMilli: 3000 })], [{ lineNo: 1, quantityMilli: 1 }])).toMatchObject({ code: 'return_exceeds_sale' });
  });

  it('refuses a line the receipt does not have', () => {
    const plan = planReturn([sold()], [{ lineNo: 1, quantityMilli: 1000 }, { lineNo: 4, quantityMilli: 1000 }]);
    expect(plan).toEqual({ ok: false, code: 'line_not_found', message: 'the receipt has no line 4' });
  });

  it('says when there is nothing to return', () => {
    expect(planReturn([sold()], [])).toMatchObject({ ok: false, code: 'nothing_to_return' });
  });
});

describe('everythingLeft', () => {
  it('asks for whatever is still unreturned on each line, skipping lines already returned', () => {
    const lines = [sold(), sold({ lineNo: 2, returnedMilli: 3000 }), sold({ lineNo: 3, quantityMilli: 756, returnedMilli: 256 })];
    expect(everythingLeft(lines)).toEqual([
      { lineNo: 1, quantityMilli: 3000 },
      { lineNo: 3, quantityMilli: 500 },
    ]);
  });

  it('cancels a partly returned receipt so that, with the earlier return, the whole receipt is reversed', () => {
    const earlier = planReturn([sold()], [{ lineNo: 1, quantityMilli: 1000 }]);
    const cancel = planReturn([sold({ returnedMilli: 1000 })], everythingLeft([sold({ returnedMilli: 1000 })]));
    if (!earlier.ok || !cancel.ok) throw new Error('expected both plans to succeed');
    expect(earlier.pointsClawedBack + cancel.pointsClawedBack).toBe(7);
    expect(earlier.pointsRefunded + cancel.pointsRefunded).toBe(10);
    expect(earlier.amount + cancel.amount).toBe(29000);
  });

  it('is empty for a fully returned receipt', () => {
    expect(everythingLeft([sold({ returnedMilli: 3000 })])).toEqual([]);
  });
});
