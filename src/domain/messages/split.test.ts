import { describe, expect, it } from 'vitest';
import { groupOf } from './split.ts';

describe('a broadcast’s split', () => {
  const members = Array.from({ length: 20_000 }, (_, i) => `mem_${i}`);

  it('holds back about the control share and spreads the rest evenly over the variants', () => {
    const groups = members.map((m) => groupOf('spring', m, 10, 2));
    const count = (g: number | 'control') => groups.filter((x) => x === g).length;
    expect(count('control') / members.length).toBeCloseTo(0.1, 1);
    expect(count(0) / members.length).toBeCloseTo(0.45, 1);
    expect(count(1) / members.length).toBeCloseTo(0.45, 1);
    expect(count(0) + count(1) + count('control')).toBe(members.length);
  });

  it('is the same each time, differs between broadcasts, and a larger control share only takes members in', () => {
    expect(members.map((m) => groupOf('spring', m, 10, 3))).toEqual(members.map((m) => groupOf('spring', m, 10, 3)));
    expect(members.map((m) => groupOf('spring', m, 10, 3))).not.toEqual(members.map((m) => groupOf('autumn', m, 10, 3)));
    for (const m of members) if (groupOf('spring', m, 5, 2) === 'control') expect(groupOf('spring', m, 20, 2)).toBe('control');
  });

  it('with no control share, holds back nobody', () => {
    expect(members.some((m) => groupOf('spring', m, 0, 1) === 'control')).toBe(false);
    expect(new Set(members.map((m) => groupOf('spring', m, 0, 1)))).toEqual(new Set([0]));
  });
});
