import { describe, expect, it } from 'vitest';
import { defaults, fieldsOf, parsed, shown, withArg, type JsonSchema } from './schema-form.ts';

const code = { type: 'string', pattern: '^[A-Za-z0-9_.-]{1,64}$' };
const match: JsonSchema = {
  default: { skus: [], categories: [], brands: [] },
  type: 'object',
  properties: { skus: { default: [], type: 'array', items: code }, categories: { default: [], type: 'array', items: code } },
};
const multiplier: JsonSchema = {
  type: 'object',
  properties: { multiplier: { type: 'number', exclusiveMinimum: 1, maximum: 100, multipleOf: 0.01 }, match },
  required: ['multiplier'],
};
const receiptTotal: JsonSchema = {
  type: 'object',
  properties: { min: { type: 'integer', minimum: 0, description: 'kopecks' }, max: { type: 'integer', minimum: 0, description: 'kopecks' } },
};

describe('the form of a catalogue entry', () => {
  it('gives a number for a multiplier, with its bounds and step, and a group of lists for the products it applies to', () => {
    expect(fieldsOf(multiplier)).toEqual([
      { kind: 'number', key: 'multiplier', required: true, integer: false, min: 1, max: 100, step: 0.01 },
      {
        kind: 'group',
        key: 'match',
        fields: [
          { kind: 'list', key: 'skus', required: false, numbers: false },
          { kind: 'list', key: 'categories', required: false, numbers: false },
        ],
      },
    ]);
  });

  it('shows kopecks as roubles and reads roubles, with a comma or a point, back as kopecks', () => {
    const [min] = fieldsOf(receiptTotal);
    expect(min).toEqual({ kind: 'money', key: 'min', required: false });
    if (min?.kind !== 'money') throw new Error('not money');
    expect(shown(min, 150_050)).toBe('1500.5');
    expect(parsed(min, '1500,50')).toBe(150_050);
    expect(parsed(min, '1 500.5')).toBe(150_050);
  });

  it('offers a fixed set as choices: channels by name, days of the week by number', () => {
    const fields = fieldsOf({
      type: 'object',
      properties: {
        channels: { minItems: 1, type: 'array', items: { type: 'string', enum: ['till', 'online'] } },
        days: { minItems: 1, maxItems: 7, type: 'array', items: { type: 'integer', minimum: 1, maximum: 7 } },
        op: { type: 'string', enum: ['eq', 'ne'] },
        every: { type: 'boolean', default: false },
        from: { type: 'string', pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' },
      },
      required: ['op'],
    });
    expect(fields).toEqual([
      { kind: 'choices', key: 'channels', required: true, options: ['till', 'online'] },
      { kind: 'choices', key: 'days', required: true, options: [1, 2, 3, 4, 5, 6, 7] },
      { kind: 'choice', key: 'op', required: true, options: ['eq', 'ne'] },
      { kind: 'boolean', key: 'every' },
      { kind: 'text', key: 'from', required: false, pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', format: 'time' },
    ]);
  });

  it('falls back to JSON for a value of several types, and reads it as JSON when it parses', () => {
    const [value] = fieldsOf({ type: 'object', properties: { value: { anyOf: [{ type: 'string' }, { type: 'number' }] } } });
    expect(value).toEqual({ kind: 'json', key: 'value', required: false });
    if (value?.kind !== 'json') throw new Error('not json');
    expect(parsed(value, 'true')).toBe(true);
    expect(parsed(value, '["a", 1]')).toEqual(['a', 1]);
    expect(parsed(value, 'plain words')).toBe('plain words');
    expect(shown(value, 'a')).toBe('"a"');
  });

  it('reads lists separated by commas, and keeps input that does not parse for the server to name', () => {
    const list = { kind: 'list', key: 'skus', required: false, numbers: false } as const;
    expect(parsed(list, ' COFFEE, TEA ,, MILK')).toEqual(['COFFEE', 'TEA', 'MILK']);
    expect(shown(list, ['COFFEE', 'TEA'])).toBe('COFFEE, TEA');
    const number = { kind: 'number', key: 'n', required: true, integer: true } as const;
    expect(parsed(number, '2,5')).toBe(2.5);
    expect(parsed(number, 'two')).toBe('two');
    expect(parsed(number, '  ')).toBeUndefined();
  });

  it('starts a new entry from the defaults, and leaves an emptied argument out', () => {
    expect(defaults(multiplier)).toEqual({ match: { skus: [], categories: [], brands: [] } });
    expect(withArg({ multiplier: 2, match: {} }, 'multiplier', undefined)).toEqual({ match: {} });
    expect(withArg({ match: {} }, 'multiplier', 3)).toEqual({ match: {}, multiplier: 3 });
  });
});
