import { z } from 'zod';
import type { RuleLine } from './context.ts';

const code = z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'letters, digits, "_", "-" or "." (1-64)');

/** Which lines an argument speaks of: any of the SKUs, categories or brands; all lines when all are empty. */
export const lineMatchSchema = z
  .object({
    skus: z.array(code).max(10_000).default([]),
    categories: z.array(code).max(1000).default([]),
    brands: z.array(z.string().min(1).max(100)).max(1000).default([]),
  })
  .strict();

export type LineMatch = z.infer<typeof lineMatchSchema>;

export const matchesAll = (m: LineMatch) => !m.skus.length && !m.categories.length && !m.brands.length;

/** Reward lines never match: they are gifts, not purchases. */
export function lineMatches(m: LineMatch, line: RuleLine): boolean {
  if (line.isReward) return false;
  if (matchesAll(m)) return true;
  return (
    m.skus.includes(line.sku) ||
    (line.category !== undefined && m.categories.includes(line.category)) ||
    (line.brand !== undefined && m.brands.includes(line.brand))
  );
}

export const matchingLines = (m: LineMatch, lines: readonly RuleLine[]): number[] =>
  lines.flatMap((l, i) => (lineMatches(m, l) ? [i] : []));
