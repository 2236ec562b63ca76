import { describe, expect, it } from 'vitest';
import { deliveryReport, smsEncoding, smsParts } from './sms.ts';

describe('SMS parts', () => {
  it('keeps Latin text in the GSM alphabet, 160 to a message and 153 to a part', () => {
    expect(smsEncoding('Hello, Anna! 100 points')).toBe('gsm');
    expect(smsParts('a'.repeat(160)).parts).toEqual(['a'.repeat(160)]);
    // 161 septets: two parts, 153 and 8.
    expect(smsParts('a'.repeat(161)).parts.map((p) => p.length)).toEqual([153, 8]);
  });

  it('counts a character of the extension table as two septets and never splits it', () => {
    // 80 euro signs are 160 septets: one message; 81 are 162: parts of 76 (152 septets, a 77th would make 154) and 5.
    expect(smsParts('€'.repeat(80)).parts).toHaveLength(1);
    expect(smsParts('€'.repeat(81)).parts.map((p) => p.length)).toEqual([76, 5]);
  });

  it('sends Cyrillic in UCS-2, 70 to a message and 67 to a part', () => {
    expect(smsEncoding('Начислено 100 баллов')).toBe('ucs2');
    expect(smsParts('б'.repeat(70)).parts).toHaveLength(1);
    // 141 characters: 67 + 67 + 7.
    expect(smsParts('б'.repeat(141)).parts.map((p) => p.length)).toEqual([67, 67, 7]);
  });

  it('keeps a character outside the basic plane whole', () => {
    // 66 letters and an emoji (two UTF-16 units) are 68 units: the emoji goes to the next part whole.
    const { parts } = smsParts(`${'ж'.repeat(66)}🎁${'ж'.repeat(10)}`);
    expect(parts.map((p) => p.length)).toEqual([66, 12]);
    expect(parts.join('')).toBe(`${'ж'.repeat(66)}🎁${'ж'.repeat(10)}`);
  });
});

describe('delivery receipts', () => {
  it('reads the id and state from the receipt’s text, or from its fields when it has them', () => {
    expect(deliveryReport('id:7f3a sub:001 dlvrd:001 submit date:2612051200 done date:2612051201 stat:DELIVRD err:000 text:Начислено')).toEqual({ smscId: '7f3a', state: 'DELIVRD' });
    expect(deliveryReport('id:42 sub:001 dlvrd:000 submit date:2612051200 done date:2612051300 stat:UNDELIV err:001 text:')).toEqual({ smscId: '42', state: 'UNDELIV' });
    expect(deliveryReport('', 'abc', 2)).toEqual({ smscId: 'abc', state: 'DELIVRD' });
    expect(deliveryReport('', 'abc', 8)).toEqual({ smscId: 'abc', state: 'REJECTD' });
  });

  it('takes a state on the way for no final state, and a text that is no receipt for none', () => {
    expect(deliveryReport('id:9 stat:ENROUTE')).toEqual({ smscId: '9', state: null });
    expect(deliveryReport('Привет!')).toBeNull();
  });
});
