import { z } from 'zod';
import { codeSchema as code } from '../fields.ts';
import type { RuleLine } from './context.ts';


/** Which lines an argument speaks of: any of the SKUs, categories or brands; all lines when all are empty. */
export const lineMatchSchema = z
  .object({
    skus: z.array(code).max(10_000).default([]),
    categories: z.array(code).max(1000).default([]),
    brands: z.array(z.string().min(1).max(100)).max(1000).default([]),
  })
  .strict();

export type LineMatch = z.infer<typeof lineMatchSchema>;

const matchesAll = (m: LineMatch) => !m.skus.length && !m.categories.length && !m.brands.length;

type Matcher = (line: RuleLine) => boolean;
// Rule arguments are immutable once published: their matchers are built once, on first use.
const matchers = new WeakMap<LineMatch, Matcher>();

/** The test of `m` made once, for looking at many lines. Reward lines never match: they are gifts, not purchases. */
export function lineMatcher(m: LineMatch): Matcher {
  let found = matchers.get(m);
  if (!found) {
    const skus = new Set(m.skus);
    const categories = new Set(m.categories);
    const brands = new Set(m.brands);
    found = matchesAll(m)
      ? (line) => !line.isReward
      : (line) =>
          !line.isReward &&
          ((skus.size > 0 && skus.has(line.sku)) ||
            (line.category !== undefined && categories.has(line.category)) ||
            (line.brand !== undefined && brands.size > 0 && brands.has(line.brand)));
    matchers.set(m, found);
  }
  return found;
}

export function matchingLines(m: LineMatch, lines: readonly RuleLine[]): number[] {
  const matches = lineMatcher(m);
  const found: number[] = [];
  for (let i = 0; i < lines.length; i++) if (matches(lines[i]!)) found.push(i);
  return found;
}
