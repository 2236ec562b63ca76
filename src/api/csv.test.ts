import { describe, expect, it } from 'vitest';
import { csvCell } from './csv.ts';

describe('csvCell', () => {
  it('quotes what would break a row', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell(null)).toBe('');
    expect(csvCell(-5)).toBe('-5');
  });

  it.each(['=1+1', '+7916', '-SALE', '@SUM(A1)', '\tTAB', '\rCR'])('keeps %j from being read as a formula', (text) => {
    expect(csvCell(text)).toBe(`"'${text.replaceAll('"', '""')}"`);
  });

  it('leaves ordinary codes alone', () => {
    expect(csvCell('KOP-7KQ4-M2XA')).toBe('KOP-7KQ4-M2XA');
  });
});
