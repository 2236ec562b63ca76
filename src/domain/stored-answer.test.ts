import { describe, expect, it } from 'vitest';
import type { ConfirmedReceipt } from './receipt.ts';
import { packAnswer, unpackAnswer, type ReceiptRow } from './stored-answer.ts';

const rowOf = (a: ConfirmedReceipt): ReceiptRow => ({
  id: a.id,
  storeCode: a.storeCode,
  number: a.number,
  memberId: a.memberId,
  cardNumber: a.cardNumber,
  purchasedAt: new Date(a.purchasedAt),
  settingsVersion: a.settingsVersion,
  rulesVersion: a.rulesVersion,
  tierCode: a.tier,
  total: a.total,
  pointsSpent: a.pointsSpent,
  pointsDiscount: a.pointsDiscount,
  pointsEarned: a.pointsEarned,
  campaignDiscount: a.campaignDiscount,
  lines: a.lines.map((l) => ({ sku: l.sku, pointsEarned: l.pointsEarned, pointsSpent: l.pointsSpent, pointsDiscount: l.pointsDiscount, campaignDiscount: l.campaignDiscount })),
});

const line = (lineNo: number, sku: string, paid: number) => ({
  lineNo, sku, paid, earns: true, redeemable: lineNo !== 2, maxPoints: Math.floor(paid / 200), pointsEarned: Math.floor(paid / 2000), pointsSpent: 0, pointsDiscount: 0, campaignDiscount: 0,
});

const anonymous: ConfirmedReceipt = {
  id: 'rcp_01KBZVSCK45K1JG6SEB94K9DG9', storeCode: 'APP', number: '000000011', status: 'confirmed', memberId: null, cardNumber: null,
  purchasedAt: '2025-12-07T21:42:38.892Z', settingsVersion: 1, rulesVersion: 0, tier: null, total: 99_459, paid: 99_459, maxPoints: 0,
  maxPointsByReceipt: 495, campaignDiscount: 0, pointsSpent: 0, pointsDiscount: 0, pointsEarned: 0, available: null, balance: null,
  lines: [line(1, 'MILK-32', 8_990), line(2, 'PORK', 90_469)], rules: [], campaigns: [], skippedCampaigns: [], coupons: [], gifts: [],
  tierChange: null, couponsIssued: [], referralBonus: 0,
};

const everything: ConfirmedReceipt = {
  ...anonymous,
  memberId: 'mem_01KBX9TF40556TZ0PKV144KR88', cardNumber: '7770000000003189', tier: 'silver', pointsEarned: 49, pointsSpent: 20, pointsDiscount: 2_000,
  campaignDiscount: 500, available: 120, balance: { available: 120, pending: 49, expiringSoon: 10, debt: 0 },
  rules: [{ code: 'base_earn', description: '5% of the paid amount' }, { code: 'campaign', description: 'Чай с бонусом', lines: [1] }],
  campaigns: [{ campaign: 'TEA', name: 'Чай', points: 7, discount: 500, lines: [1], byCoupon: true } as never],
  skippedCampaigns: [{ campaign: 'WINE', reason: 'audience' } as never],
  coupons: [{ code: 'TEA-1', status: 'applied', campaign: 'TEA' }, { code: 'NOPE', status: 'rejected', reason: 'not_found', message: 'нет такого купона', campaign: null }],
  gifts: [{ sku: 'CUP', name: 'Кружка', quantity: 1, campaign: 'TEA' }],
  tierChange: { from: 'base', to: 'silver' },
  couponsIssued: [{ code: 'NEXT-7', campaign: 'COMEBACK', validTo: '2026-01-07T00:00:00.000Z' }],
  referralBonus: 100,
};

describe('the answer a receipt keeps', () => {
  it.each([['an anonymous receipt', anonymous], ['a receipt with everything a sale can bring', everything]])('is the answer again for %s', (_, answer) => {
    const kept = packAnswer(answer, rowOf(answer));
    expect(unpackAnswer(kept, rowOf(answer))).toEqual(answer);
    expect(kept).not.toContain(answer.id);
  });

  it('is under half the answer for a plain receipt', () => {
    expect(packAnswer(anonymous, rowOf(anonymous)).length).toBeLessThan(JSON.stringify(anonymous).length / 2);
  });

  it('leaves out what most receipts answer, and reads it where an earlier version kept it', () => {
    const kept = packAnswer(anonymous, rowOf(anonymous));
    for (const field of ['"maxPoints":', '"tierChange":', '"referralBonus":']) expect(kept).not.toContain(field);
    const before = JSON.stringify({ ...JSON.parse(kept), maxPoints: 0, tierChange: null, referralBonus: 0 });
    expect(unpackAnswer(before, rowOf(anonymous))).toEqual(anonymous);
  });

  it('keeps lines whole that are not numbered in order', () => {
    const odd = { ...everything, lines: [line(2, 'PORK', 90_469), line(1, 'MILK-32', 8_990)] };
    expect(unpackAnswer(packAnswer(odd, rowOf(odd)), rowOf(odd))).toEqual(odd);
  });

  it('keeps a field the row tells otherwise', () => {
    const row = { ...rowOf(everything), tierCode: 'gold' };
    expect(unpackAnswer(packAnswer(everything, row), row)).toEqual(everything);
    const sold = { ...rowOf(everything), lines: [{ ...rowOf(everything).lines[0]!, pointsEarned: 3 }, rowOf(everything).lines[1]!] };
    expect(unpackAnswer(packAnswer(everything, sold), sold)).toEqual(everything);
  });

  it('leaves out of its lines what the sold lines tell', () => {
    const kept = packAnswer(everything, rowOf(everything));
    expect(kept).not.toContain('MILK-32');
    expect(JSON.parse(kept).own).toEqual([[8_990, 1, 1, 44], [90_469, 1, 0, 452]]);
  });

  it('reads an answer kept with whole line rows, as before', () => {
    const before = JSON.stringify({ ...JSON.parse(packAnswer(everything, rowOf(everything))), own: undefined, lines: [['MILK-32', 8_990, 1, 1, 44, 4], ['PORK', 90_469, 1, 0, 452, 45]] });
    expect(unpackAnswer(before, rowOf(everything))).toEqual(everything);
  });
});
