import { describe, expect, it } from 'vitest';
import { fromRule, toRule, type FieldInfo } from './rule.ts';

const fields = new Map<string, FieldInfo>([
  ['age', { field: 'age', type: 'number', operators: ['gt', 'between'], window: 'none', values: null }],
  ['purchases', { field: 'purchases', type: 'number', operators: ['gte'], window: 'optional', values: null }],
  ['city', { field: 'city', type: 'text', operators: ['in'], window: 'none', values: null }],
  ['consent.sms', { field: 'consent.sms', type: 'boolean', operators: ['eq'], window: 'none', values: null }],
]);

describe('the segment builder', () => {
  it('makes the API’s rule of its rows: numbers, lists, ranges, booleans, attributes, windows and negation', () => {
    const rule = toRule(
      {
        mode: 'any',
        rows: [
          { negate: false, field: 'age', op: 'between', value: '30', value2: '45,5', days: '' },
          { negate: true, field: 'city', op: 'in', value: 'Москва, Казань,', value2: '', days: '' },
          { negate: false, field: 'purchases', op: 'gte', value: '2', value2: '', days: '90' },
          { negate: false, field: 'consent.sms', op: 'eq', value: 'true', value2: '', days: '' },
          { negate: false, field: 'attribute.pets', op: 'eq', value: 'false', value2: '', days: '' },
          { negate: false, field: 'attribute.children', op: 'gte', value: '2', value2: '', days: '' },
        ],
      },
      fields,
    );
    expect(rule).toEqual({
      any: [
        { field: 'age', op: 'between', value: [30, 45.5] },
        { not: { field: 'city', op: 'in', value: ['Москва', 'Казань'] } },
        { field: 'purchases', op: 'gte', value: 2, days: 90 },
        { field: 'consent.sms', op: 'eq', value: true },
        { field: 'attribute.pets', op: 'eq', value: false },
        { field: 'attribute.children', op: 'gte', value: 2 },
      ],
    });
    // And reads it back as the same rows, values as one would type them.
    expect(toRule(fromRule(rule)!, fields)).toEqual(rule);
  });

  it('leaves a rule it cannot show as rows (nested groups, dates) to the JSON editor', () => {
    expect(fromRule({ all: [{ any: [{ field: 'age', op: 'gt', value: 1 }] }] })).toBeNull();
    expect(fromRule({ all: [{ field: 'purchases', op: 'gte', value: 1, from: '2026-01-01', to: '2026-01-31' }] })).toBeNull();
    expect(fromRule({ field: 'age', op: 'gt', value: 60 })).toEqual({ mode: 'all', rows: [{ negate: false, field: 'age', op: 'gt', value: '60', value2: '', days: '' }] });
  });
});
