import { describe, expect, it } from 'vitest';
import { grantsOf, staffRoles, weakPassword } from './staff.ts';

describe('a new password', () => {
  it('is good with 10 or more characters of at least 5 kinds, without the e-mail name', () => {
    expect(weakPassword('Kopilka-2026!', 'olga@shop.ru')).toBeNull();
  });

  it('is refused too short, too long, too uniform, or holding the e-mail name in any case', () => {
    expect(weakPassword('Short-1', 'olga@shop.ru')).toMatch(/at least 10 characters/);
    expect(weakPassword('x'.repeat(150) + 'abcdefghij'.repeat(6), 'olga@shop.ru')).toMatch(/at most 200/);
    expect(weakPassword('abababababab', 'olga@shop.ru')).toMatch(/5 different characters/);
    expect(weakPassword('my-OLGA-password', 'olga@shop.ru')).toMatch(/e-mail name/);
  });
});

describe('staff roles', () => {
  it('each acts with the grants of one key role', () => {
    expect(staffRoles.map((r) => [r, grantsOf[r]])).toEqual([
      ['owner', 'admin'],
      ['marketer', 'marketer'],
      ['support', 'pos'],
      ['analyst', 'readonly'],
    ]);
  });
});
