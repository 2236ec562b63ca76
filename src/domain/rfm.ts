/**
 * RFM: each member who has bought scored 1 to 5 on recency (how lately), frequency (how many purchases) and
 * money (how much paid), by quintiles of the programme's members. A member's score is 1 + ⌊5 · b / n⌋, where b is
 * the number of members strictly worse on that measure and n all those scored: equal values score alike, and no
 * order of the members changes a score.
 */
export const score = (worse: number, scored: number): number => 1 + Math.floor((5 * worse) / scored);

/** Scores for a list of values where a larger one is better, by the rule above. */
export function quintileScores(values: readonly number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const below = (v: number) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return values.map((v) => score(below(v), values.length));
}

export const rfmSegmentCodes = [
  'champions', 'loyal', 'potential_loyalists', 'new', 'promising', 'need_attention', 'about_to_sleep', 'at_risk', 'cannot_lose', 'hibernating', 'lost',
] as const;
export type RfmSegment = (typeof rfmSegmentCodes)[number];

export const rfmSegmentNames: Record<RfmSegment, { ru: string; en: string }> = {
  champions: { ru: 'Чемпионы', en: 'Champions' },
  loyal: { ru: 'Лояльные', en: 'Loyal' },
  potential_loyalists: { ru: 'Потенциально лояльные', en: 'Potential loyalists' },
  new: { ru: 'Новички', en: 'New customers' },
  promising: { ru: 'Перспективные', en: 'Promising' },
  need_attention: { ru: 'Требуют внимания', en: 'Need attention' },
  about_to_sleep: { ru: 'Засыпающие', en: 'About to sleep' },
  at_risk: { ru: 'Под угрозой ухода', en: 'At risk' },
  cannot_lose: { ru: 'Нельзя потерять', en: 'Cannot lose them' },
  hibernating: { ru: 'Спящие', en: 'Hibernating' },
  lost: { ru: 'Потерянные', en: 'Lost' },
};

// Rows by recency 5 (bought lately) to 1, columns by frequency 1 to 5: the usual grid of named cells.
const grid: RfmSegment[][] = [
  ['new', 'potential_loyalists', 'potential_loyalists', 'champions', 'champions'],
  ['promising', 'potential_loyalists', 'potential_loyalists', 'loyal', 'loyal'],
  ['about_to_sleep', 'about_to_sleep', 'need_attention', 'loyal', 'loyal'],
  ['hibernating', 'hibernating', 'at_risk', 'at_risk', 'cannot_lose'],
  ['lost', 'lost', 'at_risk', 'at_risk', 'cannot_lose'],
];

/** The named cell of a recency and a frequency score. */
export const rfmSegment = (recency: number, frequency: number): RfmSegment => grid[5 - recency]![frequency - 1]!;
