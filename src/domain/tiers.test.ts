import { describe, expect, it } from 'vitest';
import { defaultSettings, tierSchema, type Tier } from './settings.ts';
import { findTier, qualifyingTier, tierMove } from './tiers.ts';

const tier = (code: string, threshold: number): Tier => tierSchema.parse({ code, name: code, threshold });
// Thresholds in kopecks spent over the qualification window.
const tiers = [tier('base', 0), tier('silver', 10_000_00), tier('gold', 50_000_00)];

describe('qualifyingTier', () => {
  it.each([
    [0, 'base'],
    [9_999_99, 'base'],
    [10_000_00, 'silver'],
    [49_999_99, 'silver'],
    [50_000_00, 'gold'],
    [1_000_000_00, 'gold'],
  ])('a member with %i qualifies for %s', (value, code) => {
    expect(qualifyingTier(tiers, value)?.code).toBe(code);
  });

  it('gives no tier when the programme has none', () => {
    expect(qualifyingTier([], 1_000_000)).toBeNull();
  });
});

describe('tierMove', () => {
  it('upgrades as soon as the member qualifies, without waiting for the review', () => {
    expect(tierMove(tiers, 'base', 12_000_00, false)).toEqual({ to: tiers[1], direction: 'upgrade' });
    expect(tierMove(tiers, 'silver', 60_000_00, false)).toEqual({ to: tiers[2], direction: 'upgrade' });
    expect(tierMove(tiers, 'base', 60_000_00, true)).toEqual({ to: tiers[2], direction: 'upgrade' });
  });

  it('keeps a member who no longer qualifies in the tier until the review', () => {
    expect(tierMove(tiers, 'gold', 5_000_00, false)).toBeNull();
  });

  it('downgrades at the review to the tier the member still qualifies for', () => {
    expect(tierMove(tiers, 'gold', 15_000_00, true)).toEqual({ to: tiers[1], direction: 'downgrade' });
    expect(tierMove(tiers, 'gold', 0, true)).toEqual({ to: tiers[0], direction: 'downgrade' });
  });

  it('does not move a member who stays in the same tier', () => {
    expect(tierMove(tiers, 'silver', 20_000_00, false)).toBeNull();
    expect(tierMove(tiers, 'silver', 20_000_00, true)).toBeNull();
  });

  it('replaces a tier removed from the programme with the qualifying one, even before the review', () => {
    expect(tierMove(tiers, 'platinum', 0, false)).toEqual({ to: tiers[0], direction: 'upgrade' });
    expect(tierMove(tiers, 'platinum', 20_000_00, false)).toEqual({ to: tiers[1], direction: 'upgrade' });
  });

  it('places a member without a tier', () => {
    expect(tierMove(tiers, null, 0, false)).toEqual({ to: tiers[0], direction: 'upgrade' });
  });

  it('does nothing in a programme without tiers', () => {
    expect(tierMove([], 'gold', 60_000_00, true)).toBeNull();
  });
});

describe('findTier', () => {
  const settings = { ...defaultSettings(), tiers };

  it("finds the member's tier by code", () => {
    expect(findTier(settings, 'silver')).toBe(tiers[1]);
  });

  it('falls back to the first tier for no or an unknown code', () => {
    expect(findTier(settings, null)).toBe(tiers[0]);
    expect(findTier(settings, 'platinum')).toBe(tiers[0]);
  });

  it('is null in a programme without tiers', () => {
    expect(findTier(defaultSettings(), 'gold')).toBeNull();
  });
});
