import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, requestHash } from './transaction.ts';

/** The reference: stringify a copy with every object's keys sorted. */
const sortedCopy = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(sortedCopy)
    : v && typeof v === 'object' && !(v instanceof Date)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, x]) => [k, sortedCopy(x)]))
      : v;

describe('request fingerprints', () => {
  it('write the same text as stringifying a key-sorted copy', () => {
    const value = fc.anything({ withDate: true, withNullPrototype: false, withObjectString: false, withBoxedValues: false, withMap: false, withSet: false, withTypedArray: false, withSparseArray: false, withBigInt: false });
    fc.assert(
      fc.property(value, (v) => {
        expect(canonicalJson(v)).toBe(JSON.stringify(sortedCopy(v)) ?? 'null');
      }),
      { numRuns: 2000 },
    );
  });

  it('ignore key order and see every value', () => {
    const receipt = { storeCode: 'S1', number: '7', lines: [{ sku: 'A', amount: 100 }], purchasedAt: new Date('2026-01-01T10:00:00Z') };
    const reordered = { purchasedAt: new Date('2026-01-01T10:00:00Z'), lines: [{ amount: 100, sku: 'A' }], number: '7', storeCode: 'S1' };
    expect(requestHash(reordered)).toBe(requestHash(receipt));
    expect(requestHash({ ...receipt, number: '8' })).not.toBe(requestHash(receipt));
    expect(requestHash({ ...receipt, lines: [{ sku: 'A', amount: 101 }] })).not.toBe(requestHash(receipt));
    // The first 128 bits of the hash stored with receipts confirmed before this serialiser existed.
    expect(requestHash({ b: [1, { d: null, c: 'x' }], a: true })).toBe('f124912702a4df295dd1287de9a38d91');
  });
});
