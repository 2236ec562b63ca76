import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidCardNumber, luhnCheckDigit, virtualCardNumber } from './cards.ts';

describe('card numbers', () => {
  it.each(['4539578763621486', '79927398713', '4111111111111111', '00000000'])('accepts the valid number %s', (number) => {
    expect(isValidCardNumber(number)).toBe(true);
  });

  it('computes the check digit of a number', () => {
    expect(luhnCheckDigit('7992739871')).toBe(3);
    expect(luhnCheckDigit('453957876362148')).toBe(6);
  });

  it('catches any single mistyped digit', () => {
    for (const number of ['4539578763621486', '79927398713']) {
      for (let i = 0; i < number.length; i++) {
        for (let d = 0; d <= 9; d++) {
          if (String(d) === number[i]) continue;
          const typo = number.slice(0, i) + d + number.slice(i + 1);
          expect(isValidCardNumber(typo), typo).toBe(false);
        }
      }
    }
  });

  it('catches two neighbouring digits swapped', () => {
    expect(isValidCardNumber('4539578763621468')).toBe(false);
    expect(isValidCardNumber('5439578763621486')).toBe(false);
  });

  it.each([
    ['too short', '0000000'],
    ['too long', '00000000000000000000'],
    ['with spaces', '4539 5787 6362 1486'],
    ['with letters', '45395787636214a6'],
    ['empty', ''],
  ])('rejects a number %s', (_, number) => {
    expect(isValidCardNumber(number)).toBe(false);
  });
});

describe('virtualCardNumber', () => {
  it('makes a valid 16-digit number with the programme prefix', () => {
    const number = virtualCardNumber('7770', '12345678901');
    expect(number).toMatch(/^777012345678901\d$/);
    expect(isValidCardNumber(number)).toBe(true);
  });

  it('is always valid, 16 digits, and starts with the prefix', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{2,8}$/), fc.stringMatching(/^\d{0,20}$/), (prefix, random) => {
        const number = virtualCardNumber(prefix, random);
        expect(number).toMatch(/^\d{16}$/);
        expect(number.startsWith(prefix)).toBe(true);
        expect(isValidCardNumber(number)).toBe(true);
      }),
    );
  });

  it('pads too few random digits and cuts too many', () => {
    expect(virtualCardNumber('7770', '1').slice(0, 15)).toBe('777010000000000');
    expect(virtualCardNumber('7770', '9'.repeat(30)).slice(0, 15)).toBe('777099999999999');
  });
});
