import { describe, expect, it } from 'vitest';
import { lookupsFor } from './member-query.ts';

describe('what a member search means', () => {
  it('reads an e-mail as an e-mail', () => {
    expect(lookupsFor(' anna@mail.ru ')).toEqual([{ email: 'anna@mail.ru' }]);
  });
  it('reads a phone in any usual form as a phone first, then as a card number', () => {
    expect(lookupsFor('8 (916) 123-45-67')).toEqual([{ phone: '8 (916) 123-45-67' }, { cardNumber: '89161234567' }, { externalId: '8 (916) 123-45-67' }]);
    expect(lookupsFor('+7 916 123 45 67')[0]).toEqual({ phone: '+7 916 123 45 67' });
  });
  it('reads a short or long run of digits as a card number only', () => {
    expect(lookupsFor('12345678')).toEqual([{ cardNumber: '12345678' }, { externalId: '12345678' }]);
    expect(lookupsFor('1234567890123456789')).toEqual([{ cardNumber: '1234567890123456789' }, { externalId: '1234567890123456789' }]);
  });
  it('reads anything else as the programme’s own member id, and nothing as nothing', () => {
    expect(lookupsFor('CRM-77')).toEqual([{ externalId: 'CRM-77' }]);
    expect(lookupsFor('   ')).toEqual([]);
  });
});
