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

type Lookup = { all: boolean; skus: Set<string>; categories: Set<string>; brands: Set<string> };
// Rule arguments are immutable once published: their lookups are built once, on first use.
const lookups = new WeakMap<LineMatch, Lookup>();
const lookupOf = (m: LineMatch): Lookup => {
  let found = lookups.get(m);
  if (!found) {
    found = { all: matchesAll(m), skus: new Set(m.skus), categories: new Set(m.categories), brands: new Set(m.brands) };
    lookups.set(m, found);
  }
  return found;
};

/** Reward lines never match: they are gifts, not purchases. */
export function lineMatches(m: LineMatch, line: RuleLine): boolean {
  if (line.isReward) return false;
  const l = lookupOf(m);
  if (l.all) return true;
  return (
    l.skus.has(line.sku) ||
    (line.category !== undefined && l.categories.has(line.category)) ||
    (line.brand !== undefined && l.brands.has(line.brand))
  );
}

export function matchingLines(m: LineMatch, lines: readonly RuleLine[]): number[] {
  const found: number[] = [];
  for (let i = 0; i < lines.length; i++) if (lineMatches(m, lines[i]!)) found.push(i);
  return found;
}
