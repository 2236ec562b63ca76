// How a broadcast's group did against its control group: the difference and its 95% confidence interval.

const Z95 = 1.959964;

export interface Interval {
  /** The group's figure less the control group's. */
  difference: number;
  low: number;
  high: number;
}

/**
 * The difference between two shares (converted members of a group and of the control group) with the Wald 95%
 * interval over their unpooled standard errors. Null when either group is empty.
 */
export function shareLift(converted: number, members: number, controlConverted: number, controlMembers: number): Interval | null {
  if (members === 0 || controlMembers === 0) return null;
  const p = converted / members;
  const q = controlConverted / controlMembers;
  const se = Math.sqrt((p * (1 - p)) / members + (q * (1 - q)) / controlMembers);
  return { difference: p - q, low: p - q - Z95 * se, high: p - q + Z95 * se };
}

export interface Spread {
  members: number;
  sum: number;
  sumOfSquares: number;
}

/**
 * The difference between two means (revenue per member, every member counted, buyers or not) with the 95% interval
 * over Welch's standard error (normal quantile: the groups are large). Null when a group has fewer than two members.
 */
export function meanLift(group: Spread, control: Spread): Interval | null {
  if (group.members < 2 || control.members < 2) return null;
  const mean = (s: Spread) => s.sum / s.members;
  const variance = (s: Spread) => Math.max(0, (s.sumOfSquares - (s.sum * s.sum) / s.members) / (s.members - 1));
  const difference = mean(group) - mean(control);
  const se = Math.sqrt(variance(group) / group.members + variance(control) / control.members);
  return { difference, low: difference - Z95 * se, high: difference + Z95 * se };
}
