import { describe, expect, it } from 'vitest';
import type { LineRecord } from '../domain/receipt.ts';
import { lineFromValues, lineValues, type Product } from './receipt-lines.ts';

const plain: LineRecord = {
  lineNo: 1, sku: 'MILK', name: 'Молоко 3,2%', category: 'dairy', brand: null, quantity: 1, price: 8_990, discount: 0, amount: 8_990,
  isReward: false, weighed: false, campaignDiscount: 0, pointsEarned: 44, pointsSpent: 0, pointsDiscount: 0,
};
const weighed: LineRecord = { ...plain, lineNo: 2, sku: 'PORK', quantity: 1.25, weighed: true, pointsEarned: 0 };
const everything: LineRecord = { ...plain, lineNo: 3, brand: 'Ферма', isReward: true, campaignDiscount: 500, pointsSpent: 20, pointsDiscount: 2_000 };

describe('a line as its receipt keeps it', () => {
  it.each([['a plain line', plain], ['a weighed line without points', weighed], ['a line with everything', everything]])('is %s again', (_, line) => {
    expect(lineFromValues(lineValues(line), line.lineNo - 1)).toEqual(line);
  });

  it('leaves off the zeros at its end and keeps flags as numbers', () => {
    expect(lineValues(plain)).toEqual(['MILK', 'Молоко 3,2%', 'dairy', null, 1, 8_990, 0, 8_990, 0, 0, 0, 44]);
    expect(lineValues({ ...plain, amount: 0, pointsEarned: 0 })).toEqual(['MILK', 'Молоко 3,2%', 'dairy', null, 1, 8_990, 0, 0]);
  });

  it('reads a line kept before, with its flags as booleans and every zero', () => {
    const before = ['PORK', 'Молоко 3,2%', 'dairy', null, 1.25, 8_990, 0, 8_990, false, true, 0, 0, 0, 0];
    expect(lineFromValues(before, 1)).toEqual(weighed);
  });

  it('leaves its product\'s names to the catalogue when it names the product as the catalogue does', () => {
    const milk: Product = { name: 'Молоко 3,2%', category: 'dairy', brand: null };
    expect(lineValues(plain, milk)).toEqual(['MILK', 1, 8_990, 0, 8_990, 0, 0, 0, 44]);
    expect(lineFromValues(lineValues(plain, milk), 0, new Map([['MILK', milk]]))).toEqual(plain);
    // Without the catalogue at hand, the names read as null and the figures stay in place.
    expect(lineFromValues(lineValues(plain, milk), 0)).toEqual({ ...plain, name: null, category: null });
    for (const other of [{ ...milk, name: 'Молоко' }, { ...milk, category: 'milk' }, { ...milk, brand: 'Ферма' }])
      expect(lineValues(plain, other)).toEqual(lineValues(plain));
  });
});
