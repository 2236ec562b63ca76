import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.ts';

describe('a table as CSV', () => {
  it('quotes what needs quoting and keeps a formula-looking cell text', () => {
    expect(toCsv(['name', 'n'], [['Кофе, чай', 3], ['=1+1', null], ['say "hi"', -2]])).toBe('name,n\r\n"Кофе, чай",3\r\n"\'=1+1",\r\n"say ""hi""",-2\r\n');
  });
});
