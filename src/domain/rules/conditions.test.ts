import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { conditionType, conditionTypes } from './conditions.ts';
import { line, member as someMember } from './fixtures.test-support.ts';
import { noUsage, type Facts, type MemberFacts, type RuleContext } from './context.ts';

const zone = 'Europe/Moscow';


const member = (over: Partial<MemberFacts> = {}): MemberFacts => someMember({ birthDate: '1990-05-20', ...over });

/** Facts at a Moscow wall-clock time ("2025-03-14T12:00"), or at an instant (a Date). */
function facts(over: Omit<Partial<RuleContext>, 'at'> & { at?: string | Date } = {}): Facts {
  const { at = '2025-03-14T12:00', ...rest } = over;
  const instant = at instanceof Date ? at : DateTime.fromISO(at, { zone }).toJSDate();
  const ctx: RuleContext = {
    timezone: zone,
    rounding: 'floor',
    pointValue: 100,
    storeCode: 'MSK-1',
    channel: 'till',
    lines: [line('MILK', 10000), line('BREAD', 5000)],
    pointsToSpend: 0,
    event: null,
    member: member(),
    couponFor: new Set(),
    usage: () => noUsage,
    budgetLeft: () => ({ points: null, discount: null }),
    ...rest,
    at: instant,
  };
  return {
    ...ctx,
    local: DateTime.fromJSDate(ctx.at, { zone: ctx.timezone }),
    amount: ctx.lines.reduce((sum, l) => sum + l.amount, 0),
  };
}

/** Runs a catalogue condition with its arguments parsed as a published rule set would have them. */
function check(code: string, args: unknown, f: Facts): boolean {
  const type = conditionType.get(code);
  if (!type) throw new Error(`no condition ${code}`);
  return type.check(type.args.parse(args), f);
}

const argsValid = (code: string, args: unknown) => conditionType.get(code)?.args.safeParse(args).success;

describe('the catalogue', () => {
  it('has exactly the conditions these tests cover', () => {
    expect(conditionTypes.map((c) => c.code).sort()).toEqual(
      [
        'receipt_total',
        'paid_amount',
        'contains',
        'member_tier',
        'member_attribute',
        'first_purchase',
        'nth_purchase',
        'birthday',
        'registration_anniversary',
        'day_of_week',
        'time_of_day',
        'date_range',
        'store',
        'channel',
        'coupon',
        'event_type',
        'event_attribute',
      ].sort(),
    );
  });

  it('titles every condition in English and Russian', () => {
    for (const c of conditionTypes) {
      expect(c.title.en.length, c.code).toBeGreaterThan(0);
      expect(c.title.ru.length, c.code).toBeGreaterThan(0);
    }
  });

  it('keeps receipt-only conditions out of action campaigns', () => {
    const receiptOnly = conditionTypes.filter((c) => !c.triggers.includes('event')).map((c) => c.code);
    expect(receiptOnly.sort()).toEqual(
      ['receipt_total', 'paid_amount', 'contains', 'first_purchase', 'nth_purchase', 'store', 'channel', 'coupon'].sort(),
    );
    const eventOnly = conditionTypes.filter((c) => !c.triggers.includes('receipt')).map((c) => c.code);
    expect(eventOnly.sort()).toEqual(['event_attribute', 'event_type']);
  });
});

describe('receipt_total', () => {
  const f = facts({ lines: [line('MILK', 10000), line('BREAD', 5000)] }); // 150 RUB

  it('passes within the range, bounds included', () => {
    expect(check('receipt_total', { min: 15000 }, f)).toBe(true);
    expect(check('receipt_total', { max: 15000 }, f)).toBe(true);
    expect(check('receipt_total', { min: 10000, max: 20000 }, f)).toBe(true);
  });

  it('fails outside the range', () => {
    expect(check('receipt_total', { min: 15001 }, f)).toBe(false);
    expect(check('receipt_total', { max: 14999 }, f)).toBe(false);
  });

  it('fails without a receipt (an action)', () => {
    expect(check('receipt_total', { max: 100 }, facts({ lines: [], event: { type: 'review', attributes: {} } }))).toBe(false);
  });

  it('needs min or max, and min not above max', () => {
    expect(argsValid('receipt_total', {})).toBe(false);
    expect(argsValid('receipt_total', { min: 200, max: 100 })).toBe(false);
    expect(argsValid('receipt_total', { min: -1 })).toBe(false);
    expect(argsValid('receipt_total', { min: 10.5 })).toBe(false);
  });
});

describe('paid_amount', () => {
  it('takes the points being spent off the receipt total', () => {
    // 150 RUB, 50 points of 1 RUB: 100 RUB paid with money
    const f = facts({ pointsToSpend: 50 });
    expect(check('paid_amount', { min: 10000 }, f)).toBe(true);
    expect(check('paid_amount', { min: 10001 }, f)).toBe(false);
    expect(check('receipt_total', { min: 10001 }, f)).toBe(true);
  });

  it('counts points in the programme point value', () => {
    // a point pays 0.50 RUB: 50 points pay 25 RUB, 125 RUB paid with money
    const f = facts({ pointsToSpend: 50, pointValue: 50 });
    expect(check('paid_amount', { min: 12500, max: 12500 }, f)).toBe(true);
    expect(check('paid_amount', { max: 12499 }, f)).toBe(false);
  });

  it('fails without a receipt', () => {
    expect(check('paid_amount', { max: 100 }, facts({ lines: [] }))).toBe(false);
  });
});

describe('contains', () => {
  const lines = [
    line('MILK', 20000, { category: 'dairy', brand: 'Prostokvashino', quantity: 2 }),
    line('CHEESE', 30000, { category: 'dairy', brand: 'Valio', quantity: 0.5 }),
    line('BREAD', 5000, { category: 'bakery' }),
    line('TOY', 90000, { category: 'toys', isReward: true }),
  ];
  const f = facts({ lines });

  it('finds products by SKU', () => {
    expect(check('contains', { skus: ['BREAD'] }, f)).toBe(true);
    expect(check('contains', { skus: ['CAVIAR'] }, f)).toBe(false);
  });

  it('finds products by category with a minimum quantity over the matching lines', () => {
    expect(check('contains', { categories: ['dairy'], minQuantity: 2.5 }, f)).toBe(true);
    expect(check('contains', { categories: ['dairy'], minQuantity: 2.6 }, f)).toBe(false);
    expect(check('contains', { categories: ['fish'] }, f)).toBe(false);
  });

  it('finds products by brand with a minimum amount', () => {
    expect(check('contains', { brands: ['Prostokvashino'], minAmount: 20000 }, f)).toBe(true);
    expect(check('contains', { brands: ['Prostokvashino'], minAmount: 20001 }, f)).toBe(false);
    expect(check('contains', { brands: ['Prostokvashino', 'Valio'], minAmount: 50000 }, f)).toBe(true);
  });

  it('matches a line by any of SKU, category or brand', () => {
    expect(check('contains', { skus: ['BREAD'], brands: ['Valio'], minAmount: 35000 }, f)).toBe(true);
    expect(check('contains', { skus: ['BREAD'], brands: ['Valio'], minAmount: 35001 }, f)).toBe(false);
  });

  it('adds weighed quantities exactly', () => {
    // 0.7 + 0.1 is 0.7999999999999999 in floating point
    const weighed = facts({ lines: [line('APPLES', 7000, { quantity: 0.7 }), line('APPLES', 1000, { quantity: 0.1 })] });
    expect(check('contains', { skus: ['APPLES'], minQuantity: 0.8 }, weighed)).toBe(true);
    expect(check('contains', { skus: ['APPLES'], minQuantity: 0.801 }, weighed)).toBe(false);
  });

  it('does not count gift lines', () => {
    expect(check('contains', { skus: ['TOY'] }, f)).toBe(false);
    expect(check('contains', { minAmount: 55000 }, f)).toBe(true);
    expect(check('contains', { minAmount: 55001 }, f)).toBe(false);
  });

  it('with no products named, needs any line at all', () => {
    expect(check('contains', {}, f)).toBe(true);
    expect(check('contains', {}, facts({ lines: [] }))).toBe(false);
  });
});

describe('member_tier', () => {
  it('passes for a member in one of the tiers', () => {
    expect(check('member_tier', { tiers: ['gold', 'silver'] }, facts())).toBe(true);
  });

  it('fails for another tier, no tier or no member', () => {
    expect(check('member_tier', { tiers: ['gold'] }, facts())).toBe(false);
    expect(check('member_tier', { tiers: ['gold'] }, facts({ member: member({ tierCode: null }) }))).toBe(false);
    expect(check('member_tier', { tiers: ['silver'] }, facts({ member: null }))).toBe(false);
  });

  it('names at least one tier', () => {
    expect(argsValid('member_tier', { tiers: [] })).toBe(false);
  });
});

describe('member_attribute', () => {
  const f = facts({ member: member({ attributes: { city: 'Moscow', age: 34, vip: true, source: '' } }) });
  const attr = (attribute: string, op: string, value?: unknown) => check('member_attribute', { attribute, op, value }, f);

  it.each([
    ['eq', 'city', 'Moscow', 'Kazan'],
    ['eq', 'vip', true, false],
    ['ne', 'city', 'Kazan', 'Moscow'],
    ['gt', 'age', 30, 34],
    ['gte', 'age', 34, 35],
    ['lt', 'age', 35, 34],
    ['lte', 'age', 34, 33],
    ['gt', 'city', 'Kazan', 'Omsk'],
    ['in', 'city', ['Moscow', 'Kazan'], ['Kazan', 'Omsk']],
  ] as const)('%s on %s: passes with %j, fails with %j', (op, attribute, passing, failing) => {
    expect(attr(attribute, op, passing)).toBe(true);
    expect(attr(attribute, op, failing)).toBe(false);
  });

  it('exists: a value that is there and not empty', () => {
    expect(attr('city', 'exists')).toBe(true);
    expect(attr('source', 'exists')).toBe(false);
    expect(attr('gender', 'exists')).toBe(false);
  });

  it('does not order values of different types', () => {
    expect(attr('age', 'gt', '30')).toBe(false);
    expect(attr('age', 'lt', '40')).toBe(false);
    expect(attr('vip', 'gte', true)).toBe(false);
  });

  it('an absent attribute satisfies no comparison', () => {
    expect(attr('gender', 'ne', 'male')).toBe(false);
    expect(attr('gender', 'eq', 'female')).toBe(false);
  });

  it('fails without a member', () => {
    expect(check('member_attribute', { attribute: 'city', op: 'exists' }, facts({ member: null }))).toBe(false);
  });

  it('needs a value except for exists, and a list exactly for in', () => {
    expect(argsValid('member_attribute', { attribute: 'city', op: 'eq' })).toBe(false);
    expect(argsValid('member_attribute', { attribute: 'city', op: 'in', value: 'Moscow' })).toBe(false);
    expect(argsValid('member_attribute', { attribute: 'city', op: 'eq', value: ['Moscow'] })).toBe(false);
    expect(argsValid('member_attribute', { attribute: 'city', op: 'exists' })).toBe(true);
    expect(argsValid('member_attribute', { attribute: 'city', op: 'like', value: 'M%' })).toBe(false);
    expect(argsValid('member_attribute', { attribute: '1city', op: 'exists' })).toBe(false);
  });
});

describe('first_purchase', () => {
  it('passes for a member with no purchases before', () => {
    expect(check('first_purchase', {}, facts({ member: member({ purchases: 0 }) }))).toBe(true);
  });

  it('fails after a purchase, or without a member', () => {
    expect(check('first_purchase', {}, facts({ member: member({ purchases: 1 }) }))).toBe(false);
    expect(check('first_purchase', {}, facts({ member: null }))).toBe(false);
  });
});

describe('nth_purchase', () => {
  const nth = (args: unknown, purchases: number) => check('nth_purchase', args, facts({ member: member({ purchases }) }));

  it('passes on exactly the n-th purchase', () => {
    expect(nth({ n: 3 }, 2)).toBe(true);
    expect(nth({ n: 1 }, 0)).toBe(true);
  });

  it('fails before and after the n-th purchase', () => {
    expect(nth({ n: 3 }, 1)).toBe(false);
    expect(nth({ n: 3 }, 3)).toBe(false);
    expect(nth({ n: 3 }, 5)).toBe(false);
  });

  it('with every, passes on each n-th purchase', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8].map((p) => nth({ n: 3, every: true }, p))).toEqual([
      false,
      false,
      true,
      false,
      false,
      true,
      false,
      false,
      true,
    ]);
  });

  it('fails without a member', () => {
    expect(check('nth_purchase', { n: 1 }, facts({ member: null }))).toBe(false);
  });
});

describe('birthday', () => {
  const on = (birthDate: string | null, at: string, args: unknown = {}) =>
    check('birthday', args, facts({ at, member: member({ birthDate }) }));

  it('passes on the birthday itself by default', () => {
    expect(on('1990-05-20', '2025-05-20T10:00')).toBe(true);
    expect(on('1990-05-20', '2025-05-21T10:00')).toBe(false);
    expect(on('1990-05-20', '2025-05-19T23:59')).toBe(false);
  });

  it('passes within the days before and after, and not beyond', () => {
    const window = { daysBefore: 3, daysAfter: 2 };
    expect(on('1990-05-20', '2025-05-17T10:00', window)).toBe(true);
    expect(on('1990-05-20', '2025-05-16T23:00', window)).toBe(false);
    expect(on('1990-05-20', '2025-05-22T23:59', window)).toBe(true);
    expect(on('1990-05-20', '2025-05-23T00:00', window)).toBe(false);
  });

  it('counts the window across the new year', () => {
    // born 2 January: 29 December is 4 days before it
    expect(on('1985-01-02', '2024-12-29T10:00', { daysBefore: 5 })).toBe(true);
    expect(on('1985-01-02', '2024-12-27T10:00', { daysBefore: 5 })).toBe(false);
    // born 30 December: 3 January is 4 days after it
    expect(on('1985-12-30', '2025-01-03T10:00', { daysAfter: 5 })).toBe(true);
    expect(on('1985-12-30', '2025-01-05T10:00', { daysAfter: 5 })).toBe(false);
    expect(on('1985-12-30', '2025-01-03T10:00', { daysBefore: 5 })).toBe(false);
  });

  it('keeps a 29 February birthday on 28 February in other years', () => {
    expect(on('2000-02-29', '2025-02-28T10:00')).toBe(true);
    expect(on('2000-02-29', '2025-03-01T10:00')).toBe(false);
    expect(on('2000-02-29', '2025-03-01T10:00', { daysAfter: 1 })).toBe(true);
    expect(on('2000-02-29', '2024-02-29T10:00')).toBe(true);
    expect(on('2000-02-29', '2024-02-28T10:00')).toBe(false);
  });

  it('uses the programme day, not the UTC day', () => {
    // 21:30 UTC on 19 May is 00:30 on 20 May in Moscow
    const at = new Date('2025-05-19T21:30:00Z');
    expect(check('birthday', {}, facts({ at, member: member({ birthDate: '1990-05-20' }) }))).toBe(true);
  });

  it('fails without a birth date or a member', () => {
    expect(on(null, '2025-05-20T10:00', { daysBefore: 180, daysAfter: 180 })).toBe(false);
    expect(check('birthday', {}, facts({ member: null }))).toBe(false);
  });

  it('allows a window of up to 180 days', () => {
    expect(argsValid('birthday', { daysBefore: 180 })).toBe(true);
    expect(argsValid('birthday', { daysBefore: 181 })).toBe(false);
    expect(argsValid('birthday', { daysAfter: -1 })).toBe(false);
  });
});

describe('registration_anniversary', () => {
  const on = (joinedAt: string, at: string, args: unknown = {}) =>
    check('registration_anniversary', args, facts({ at, member: member({ joinedAt: DateTime.fromISO(joinedAt, { zone }).toJSDate() }) }));

  it('passes on each anniversary of joining', () => {
    expect(on('2023-06-10T12:00', '2024-06-10T09:00')).toBe(true);
    expect(on('2023-06-10T12:00', '2025-06-10T20:00')).toBe(true);
  });

  it('fails on other days, and passes within the window', () => {
    expect(on('2023-06-10T12:00', '2025-06-11T10:00')).toBe(false);
    expect(on('2023-06-10T12:00', '2025-06-09T10:00')).toBe(false);
    expect(on('2023-06-10T12:00', '2025-06-11T10:00', { daysAfter: 1 })).toBe(true);
    expect(on('2023-06-10T12:00', '2025-06-08T10:00', { daysBefore: 2 })).toBe(true);
    expect(on('2023-06-10T12:00', '2025-06-07T10:00', { daysBefore: 2 })).toBe(false);
  });

  it('has no anniversary in the first year', () => {
    expect(on('2025-01-10T12:00', '2025-01-10T18:00')).toBe(false);
    expect(on('2025-01-10T12:00', '2025-01-12T18:00', { daysAfter: 3 })).toBe(false);
    expect(on('2025-01-10T12:00', '2026-01-07T10:00', { daysBefore: 3 })).toBe(true);
  });

  it('keeps a 29 February joining on 28 February in other years', () => {
    expect(on('2024-02-29T12:00', '2025-02-28T10:00')).toBe(true);
    expect(on('2024-02-29T12:00', '2025-03-01T10:00')).toBe(false);
  });

  it('takes the joining day in the programme timezone', () => {
    // 22:00 UTC on 9 June is 01:00 on 10 June in Moscow
    const joinedAt = new Date('2023-06-09T22:00:00Z');
    const at = (local: string) => facts({ at: local, member: member({ joinedAt }) });
    expect(check('registration_anniversary', {}, at('2025-06-10T12:00'))).toBe(true);
    expect(check('registration_anniversary', {}, at('2025-06-09T12:00'))).toBe(false);
  });

  it('fails without a member', () => {
    expect(check('registration_anniversary', { daysBefore: 180, daysAfter: 180 }, facts({ member: null }))).toBe(false);
  });
});

describe('day_of_week', () => {
  it('passes on the named days, 1 = Monday', () => {
    const friday = facts({ at: '2025-03-14T12:00' });
    expect(friday.local.weekday).toBe(5);
    expect(check('day_of_week', { days: [5] }, friday)).toBe(true);
    expect(check('day_of_week', { days: [6, 7] }, facts({ at: '2025-03-16T12:00' }))).toBe(true);
  });

  it('fails on other days', () => {
    expect(check('day_of_week', { days: [1, 2, 3, 4, 6, 7] }, facts({ at: '2025-03-14T12:00' }))).toBe(false);
  });

  it('uses the programme day, not the UTC day', () => {
    // 22:30 UTC on Friday is 01:30 on Saturday in Moscow
    const f = facts({ at: new Date('2025-03-14T22:30:00Z') });
    expect(check('day_of_week', { days: [6] }, f)).toBe(true);
    expect(check('day_of_week', { days: [5] }, f)).toBe(false);
  });

  it('takes days 1 to 7 only', () => {
    expect(argsValid('day_of_week', { days: [0] })).toBe(false);
    expect(argsValid('day_of_week', { days: [8] })).toBe(false);
    expect(argsValid('day_of_week', { days: [] })).toBe(false);
  });
});

describe('time_of_day', () => {
  const at = (time: string, args: unknown) => check('time_of_day', args, facts({ at: `2025-03-14T${time}` }));

  it('passes from the start up to, not including, the end', () => {
    const hours = { from: '09:00', to: '18:00' };
    expect(at('09:00', hours)).toBe(true);
    expect(at('17:59', hours)).toBe(true);
    expect(at('08:59', hours)).toBe(false);
    expect(at('18:00', hours)).toBe(false);
  });

  it('runs a window over midnight into the next morning', () => {
    const night = { from: '22:00', to: '06:00' };
    expect(at('22:00', night)).toBe(true);
    expect(at('23:30', night)).toBe(true);
    expect(at('00:00', night)).toBe(true);
    expect(at('05:59', night)).toBe(true);
    expect(at('06:00', night)).toBe(false);
    expect(at('12:00', night)).toBe(false);
    expect(at('21:59', night)).toBe(false);
  });

  it('uses the programme clock, not UTC', () => {
    // 20:00 UTC is 23:00 in Moscow
    const f = facts({ at: new Date('2025-03-14T20:00:00Z') });
    expect(check('time_of_day', { from: '22:00', to: '06:00' }, f)).toBe(true);
    expect(check('time_of_day', { from: '19:00', to: '21:00' }, f)).toBe(false);
  });

  it('takes HH:MM only', () => {
    expect(argsValid('time_of_day', { from: '9:00', to: '18:00' })).toBe(false);
    expect(argsValid('time_of_day', { from: '24:00', to: '18:00' })).toBe(false);
    expect(argsValid('time_of_day', { from: '09:60', to: '18:00' })).toBe(false);
  });
});

describe('date_range', () => {
  const range = { from: '2025-03-01', to: '2025-03-14' };

  it('passes on every day of the range, both ends included', () => {
    expect(check('date_range', range, facts({ at: '2025-03-01T00:00' }))).toBe(true);
    expect(check('date_range', range, facts({ at: '2025-03-07T12:00' }))).toBe(true);
    expect(check('date_range', range, facts({ at: '2025-03-14T23:59' }))).toBe(true);
  });

  it('fails the day before and the day after', () => {
    expect(check('date_range', range, facts({ at: '2025-02-28T23:59' }))).toBe(false);
    expect(check('date_range', range, facts({ at: '2025-03-15T00:00' }))).toBe(false);
  });

  it('uses the programme day, not the UTC day', () => {
    // 21:30 UTC on 14 March is 00:30 on 15 March in Moscow
    expect(check('date_range', range, facts({ at: new Date('2025-03-14T21:30:00Z') }))).toBe(false);
    // 21:30 UTC on 28 February is 00:30 on 1 March in Moscow
    expect(check('date_range', range, facts({ at: new Date('2025-02-28T21:30:00Z') }))).toBe(true);
  });

  it('refuses an end before the start', () => {
    expect(argsValid('date_range', { from: '2025-03-14', to: '2025-03-01' })).toBe(false);
    expect(argsValid('date_range', { from: '2025-03-14', to: '2025-03-14' })).toBe(true);
    expect(argsValid('date_range', { from: '2025-02-30', to: '2025-03-14' })).toBe(false);
  });
});

describe('store', () => {
  it('passes in one of the stores', () => {
    expect(check('store', { stores: ['SPB-2', 'MSK-1'] }, facts({ storeCode: 'MSK-1' }))).toBe(true);
  });

  it('fails in another store or with no store', () => {
    expect(check('store', { stores: ['SPB-2'] }, facts({ storeCode: 'MSK-1' }))).toBe(false);
    expect(check('store', { stores: ['SPB-2'] }, facts({ storeCode: null }))).toBe(false);
  });
});

describe('channel', () => {
  it('passes in one of the channels', () => {
    expect(check('channel', { channels: ['online', 'app'] }, facts({ channel: 'online' }))).toBe(true);
  });

  it('fails in another channel or with no channel', () => {
    expect(check('channel', { channels: ['online', 'app'] }, facts({ channel: 'till' }))).toBe(false);
    expect(check('channel', { channels: ['online'] }, facts({ channel: null }))).toBe(false);
  });

  it('knows only till, online, app and partner', () => {
    expect(argsValid('channel', { channels: ['phone'] })).toBe(false);
  });
});

describe('coupon', () => {
  it('is never met by itself: the engine answers it from the coupons on the receipt', () => {
    expect(check('coupon', {}, facts({ couponFor: new Set(['any']) }))).toBe(false);
  });
});

describe('event_type', () => {
  const review = facts({ lines: [], event: { type: 'review', attributes: { rating: 5, platform: 'yandex' } } });

  it('passes for one of the action types', () => {
    expect(check('event_type', { types: ['survey', 'review'] }, review)).toBe(true);
  });

  it('fails for another action, or on a receipt', () => {
    expect(check('event_type', { types: ['survey'] }, review)).toBe(false);
    expect(check('event_type', { types: ['review'] }, facts())).toBe(false);
  });
});

describe('event_attribute', () => {
  const review = facts({ lines: [], event: { type: 'review', attributes: { rating: 5, platform: 'yandex' } } });
  const attr = (attribute: string, op: string, value?: unknown) => check('event_attribute', { attribute, op, value }, review);

  it('passes when the action attribute compares', () => {
    expect(attr('rating', 'gte', 4)).toBe(true);
    expect(attr('platform', 'eq', 'yandex')).toBe(true);
    expect(attr('platform', 'in', ['google', 'yandex'])).toBe(true);
    expect(attr('platform', 'exists')).toBe(true);
  });

  it('fails when it does not', () => {
    expect(attr('rating', 'gte', 6)).toBe(false);
    expect(attr('platform', 'ne', 'yandex')).toBe(false);
    expect(attr('platform', 'in', ['google'])).toBe(false);
    expect(attr('photo', 'exists')).toBe(false);
  });

  it('fails on a receipt', () => {
    expect(check('event_attribute', { attribute: 'rating', op: 'exists' }, facts())).toBe(false);
  });
});
