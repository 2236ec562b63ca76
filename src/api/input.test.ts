import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mayHoldFault, MAX_DEPTH, valueFault } from './input.ts';

// Bodies as clients write them: JSON.stringify escapes NUL and lone surrogates; out-of-range numbers are written raw.
const outOfRange = ['1e400', '-1E+309', '9'.repeat(310), '1e-400', '12345678901234567890e300'];
const text = fc.string({ unit: fc.constantFrom('a', 'Я', '"', '\\', 'e', '7', '\u0000', '\ud800', '\udc00', '😀', '{', ']') });
const value = fc.letrec((tie) => ({
  any: fc.oneof({ depthSize: 'small', withCrossShrink: true }, text, fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.nat({ max: outOfRange.length - 1 }).map((i) => `@@${i}@@`), tie('list'), tie('record')),
  list: fc.array(tie('any'), { maxLength: 4 }),
  record: fc.dictionary(text, tie('any'), { maxKeys: 4 }),
}));
const nested = (depth: number): unknown => (depth === 0 ? 1 : { a: [nested(depth - 1)] });
const body = fc
  .tuple(value.any, fc.nat({ max: 2 * MAX_DEPTH }))
  .map(([v, depth]) => JSON.stringify({ v, deep: nested(Math.floor(depth / 2)) }).replace(/"@@(\d)@@"/g, (_, i: string) => outOfRange[Number(i)] as string));

describe('the input rule', () => {
  it('parses a body to find its fault whenever there is one', () => {
    fc.assert(
      fc.property(body, (json) => {
        if (valueFault(JSON.parse(json))) expect(mayHoldFault(json)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('lets an ordinary receipt through without parsing it', () => {
    const receipt = { storeCode: 'MSK-1', number: 'Ч-1', member: { cardNumber: '7770000000001' }, lines: [{ sku: 'E1', name: 'Молоко "Домик"', quantity: 1.5, price: 8990, amount: 13485 }], total: 13485 };
    expect(mayHoldFault(JSON.stringify(receipt))).toBe(false);
    expect(mayHoldFault(JSON.stringify({ receipts: Array.from({ length: 1000 }, () => receipt) }))).toBe(false);
  });
});
