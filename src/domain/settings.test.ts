import { describe, expect, it } from 'vitest';
import { defaultSettings, settingsSchema } from './settings.ts';

const tier = (code: string, threshold: number) => ({ code, name: code, threshold });

/** Where and why the settings are rejected; [] if they are accepted. */
function problems(input: unknown) {
  const result = settingsSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => ({ path: i.path, message: i.message }));
}

describe('default settings', () => {
  it('describe a 5% RUB programme in Moscow time', () => {
    expect(defaultSettings()).toEqual({
      currency: 'RUB',
      timezone: 'Europe/Moscow',
      earn: { kind: 'percent', percent: 5 },
      rounding: 'floor',
      pointValue: 100,
      minRedemption: 1,
      maxRedemptionPercent: 50,
      earnExcluded: { categories: [], skus: [] },
      redeemExcluded: { categories: [], skus: [] },
      pendingDays: 14,
      expiry: { kind: 'days', days: 365 },
      expiryNoticeDays: 14,
      negativeBalance: 'allow',
      cardActivation: 'on_registration',
      enrollOnUnknownCard: true,
      partnersMayEnrol: false,
      cardPrefix: '7770',
      corsOrigins: [],
      tierQualification: { metric: 'amount_spent', windowDays: 365 },
      tiers: [],
      dailyJobsAt: '03:00',
      quietHours: { from: '21:00', to: '09:00' },
      messaging: { dailyCaps: { email: null, sms: null, push: null }, perSecond: { email: null, sms: null, push: null }, globalControlPercent: 0, tracking: true, conversionDays: 7 },
    });
  });

  it('parse again to themselves', () => {
    expect(settingsSchema.parse(defaultSettings())).toEqual(defaultSettings());
  });

  it('fill in tier defaults', () => {
    const settings = settingsSchema.parse({ tiers: [tier('base', 0), { ...tier('gold', 5000000), earnMultiplier: 1.5, extraPercent: 2.5 }] });
    expect(settings.tiers).toEqual([
      { code: 'base', name: 'base', threshold: 0, earnMultiplier: 1, extraPercent: 0, perks: '' },
      { code: 'gold', name: 'gold', threshold: 5000000, earnMultiplier: 1.5, extraPercent: 2.5, perks: '' },
    ]);
  });

  it('accept another currency, timezone and expiry policy', () => {
    expect(problems({ currency: 'USD', timezone: 'Asia/Tokyo', expiry: { kind: 'end_of_month', months: 0 } })).toEqual([]);
    expect(problems({ expiry: { kind: 'days', days: 15 }, pendingDays: 14 })).toEqual([]);
  });

  it('accept percents with two decimals', () => {
    for (const percent of [0.07, 1.15, 5.55, 33.33, 99.99]) expect(problems({ earn: { kind: 'percent', percent } })).toEqual([]);
  });
});

describe('invalid settings', () => {
  it('reject tier thresholds that do not increase', () => {
    expect(problems({ tiers: [tier('base', 0), tier('gold', 500), tier('silver', 100)] })).toEqual([
      { path: ['tiers', 2, 'threshold'], message: 'thresholds must increase' },
    ]);
    expect(problems({ tiers: [tier('base', 0), tier('silver', 100), tier('gold', 100)] })).toEqual([
      { path: ['tiers', 2, 'threshold'], message: 'thresholds must increase' },
    ]);
  });

  it('reject a first tier that does not start at 0', () => {
    expect(problems({ tiers: [tier('base', 100), tier('gold', 500)] })).toEqual([
      { path: ['tiers', 0, 'threshold'], message: 'the first tier starts at 0' },
    ]);
  });

  it('reject a duplicate tier code', () => {
    expect(problems({ tiers: [tier('base', 0), tier('base', 500)] })).toEqual([{ path: ['tiers', 1, 'code'], message: 'duplicate tier code' }]);
  });

  it('reject points that expire before they activate', () => {
    const expected = [{ path: ['expiry', 'days'], message: 'points must expire after they activate' }];
    expect(problems({ pendingDays: 14, expiry: { kind: 'days', days: 14 } })).toEqual(expected);
    expect(problems({ pendingDays: 30, expiry: { kind: 'days', days: 7 } })).toEqual(expected);
  });

  it('reject an unknown timezone', () => {
    expect(problems({ timezone: 'Mars/Olympus_Mons' })).toEqual([{ path: ['timezone'], message: 'unknown IANA timezone' }]);
  });

  it('reject an unknown currency', () => {
    expect(problems({ currency: 'XYZ' })).toEqual([{ path: ['currency'], message: 'unknown currency' }]);
    expect(problems({ currency: 'rub' }).map((p) => p.path)).toContainEqual(['currency']);
  });

  it('reject out-of-range numbers with their path', () => {
    const paths = (input: unknown) => problems(input).map((p) => p.path);
    expect(paths({ maxRedemptionPercent: 101 })).toEqual([['maxRedemptionPercent']]);
    expect(paths({ earn: { kind: 'percent', percent: 5.555 } })).toEqual([['earn', 'percent']]);
    expect(paths({ pointValue: 0 })).toEqual([['pointValue']]);
    expect(paths({ tiers: [{ ...tier('base', 0), earnMultiplier: 0.5 }] })).toEqual([['tiers', 0, 'earnMultiplier']]);
    expect(paths({ cardPrefix: '7' })).toEqual([['cardPrefix']]);
    expect(paths({ earnExcluded: { categories: ['no spaces'] } })).toEqual([['earnExcluded', 'categories', 0]]);
  });
});
