import type { ProgramSettings, Tier } from './settings.ts';

/** The highest tier whose threshold the qualifying value reaches; null when the programme has no tiers. */
export function qualifyingTier(tiers: readonly Tier[], value: number): Tier | null {
  let reached: Tier | null = null;
  for (const tier of tiers) if (value >= tier.threshold) reached = tier;
  return reached;
}

export const findTier = (settings: ProgramSettings, code: string | null): Tier | null =>
  settings.tiers.find((t) => t.code === code) ?? settings.tiers[0] ?? null;

const rank = (tiers: readonly Tier[], code: string | null) => tiers.findIndex((t) => t.code === code);

export type TierMove = { to: Tier; direction: 'upgrade' | 'downgrade' } | null;

/**
 * A member moves up as soon as they qualify; down only at the review.
 * An unknown current tier (removed from the programme) is replaced by the qualifying one.
 */
export function tierMove(tiers: readonly Tier[], current: string | null, value: number, review: boolean): TierMove {
  const target = qualifyingTier(tiers, value);
  if (!target || target.code === current) return null;
  const from = rank(tiers, current);
  const to = rank(tiers, target.code);
  if (from === -1 || to > from) return { to: target, direction: 'upgrade' };
  return review ? { to: target, direction: 'downgrade' } : null;
}
