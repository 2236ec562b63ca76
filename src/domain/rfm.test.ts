import { describe, expect, it } from 'vitest';
import { quintileScores, rfmSegment, rfmSegmentCodes, score } from './rfm.ts';

describe('RFM scores', () => {
  it('split the members by quintiles, 1 to 5', () => {
    expect(quintileScores([10, 20, 30, 40, 50, 60, 70, 80, 90, 100])).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(score(0, 7)).toBe(1);
    expect(score(6, 7)).toBe(5);
  });

  it('score equal values alike, whatever the order of the members', () => {
    const values = [5, 1, 1, 1, 1, 1, 1, 9, 9, 3];
    // Six members share the lowest value: all six score 1, and the next value scores by the six below it.
    expect(quintileScores(values)).toEqual([4, 1, 1, 1, 1, 1, 1, 5, 5, 4]);
    const shuffled = [9, 1, 3, 1, 5, 1, 9, 1, 1, 1];
    const byValue = new Map(shuffled.map((v, i) => [v, quintileScores(shuffled)[i]]));
    values.forEach((v, i) => expect(byValue.get(v)).toBe(quintileScores(values)[i]));
  });

  it('names every cell of the recency × frequency grid', () => {
    const named = new Set<string>();
    for (let r = 1; r <= 5; r++) for (let f = 1; f <= 5; f++) named.add(rfmSegment(r, f));
    expect([...named].sort()).toEqual([...rfmSegmentCodes].sort());
    expect(rfmSegment(5, 5)).toBe('champions');
    expect(rfmSegment(5, 1)).toBe('new');
    expect(rfmSegment(1, 1)).toBe('lost');
    expect(rfmSegment(1, 5)).toBe('cannot_lose');
  });
});
