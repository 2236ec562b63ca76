import type { MemberFacts, RuleLine } from './context.ts';

/** Builders the rules engine's tests share: one receipt line of one unit, and a member. */
export const line = (sku: string, amount: number, more: Partial<RuleLine> = {}): RuleLine => ({
  sku,
  quantity: 1,
  amount,
  isReward: false,
  ...more,
});

export const member = (over: Partial<MemberFacts> = {}): MemberFacts => ({
  id: 'mem_1',
  tierCode: 'silver',
  birthDate: null,
  joinedAt: new Date('2023-06-10T09:00:00Z'), // 12:00 in Moscow
  attributes: {},
  purchases: 5,
  segments: [],
  ...over,
});
