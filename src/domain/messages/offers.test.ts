import { describe, expect, it } from 'vitest';
import { campaignSchema } from '../rules/campaign.ts';
import { offersText, personalOffers } from './offers.ts';

const campaign = (code: string, name: string, over: Record<string, unknown>) =>
  campaignSchema.parse({ code, name, effects: [{ code: 'points_fixed', args: { points: 10 } }], ...over });

describe('personal offers', () => {
  const now = new Date('2026-12-06T10:00:00Z');
  const campaigns = [
    campaign('coffee', 'Кофе ×2', { audience: { kind: 'members', members: ['mem_A', 'mem_B'] } }),
    campaign('pastry', '−10% на выпечку', { audience: { kind: 'segment', code: 'regulars' } }),
    campaign('everyone', 'Для всех', {}),
    campaign('gold', 'Золото', { audience: { kind: 'tiers', tiers: ['gold'] } }),
    campaign('over', 'Прошедшая', { audience: { kind: 'members', members: ['mem_A'] }, schedule: { to: '2026-12-01T00:00:00Z' } }),
    campaign('later', 'Будущая', { audience: { kind: 'segment', code: 'regulars' }, schedule: { from: '2026-12-07T00:00:00Z' } }),
    campaign('off', 'Выключенная', { audience: { kind: 'members', members: ['mem_A'] }, enabled: false }),
    campaign('gift', 'Подарок', {}),
  ];
  const coupons = [
    { code: 'KOP-7KQ4', campaign: 'gift', validTo: new Date('2026-12-31T20:59:59Z') },
    { code: 'KOP-OFF1', campaign: 'off', validTo: null },
    { code: 'KOP-NONE', campaign: 'gone', validTo: null },
    { code: 'KOP-LONG', campaign: 'gift', validTo: null },
  ];

  it('are the running campaigns addressed to the member by name or segment, then their coupons of running campaigns', () => {
    expect(personalOffers(campaigns, { id: 'mem_A', segments: ['regulars'] }, coupons, now)).toEqual([
      { name: 'Кофе ×2', coupon: null, validTo: null },
      { name: '−10% на выпечку', coupon: null, validTo: null },
      { name: 'Подарок', coupon: 'KOP-7KQ4', validTo: new Date('2026-12-31T20:59:59Z') },
      { name: 'Подарок', coupon: 'KOP-LONG', validTo: null },
    ]);
    expect(personalOffers(campaigns, { id: 'mem_C', segments: [] }, [], now)).toEqual([]);
    // The later campaign starts the next day.
    expect(personalOffers(campaigns, { id: 'mem_C', segments: ['regulars'] }, [], new Date('2026-12-07T00:00:00Z')).map((o) => o.name)).toEqual(['−10% на выпечку', 'Будущая']);
  });

  it('read as one line in Russian and English', () => {
    const offers = personalOffers(campaigns, { id: 'mem_B', segments: [] }, coupons.slice(0, 1), now);
    expect(offersText(offers, 'ru', 'Europe/Moscow')).toBe('«Кофе ×2»; «Подарок»: купон KOP-7KQ4 до 31 декабря 2026 г.');
    expect(offersText(offers, 'en', 'Europe/Moscow')).toBe('“Кофе ×2”; “Подарок”: coupon KOP-7KQ4 until 31 December 2026');
    expect(offersText([], 'ru', 'Europe/Moscow')).toBe('');
  });
});
