// How a broadcast's group did against its control group: the difference and its 95% confidence interval.

const Z95 = 1.959964;

export interface Interval {
  /** The group's figure less the control group's. */
  difference: number;
  low: number;
  high: number;
}

/** Wilson's score interval of a share: well defined at none and at all converted, unlike the Wald interval. */
function wilson(converted: number, members: number): [number, number] {
  const p = converted / members;
  const centre = p + (Z95 * Z95) / (2 * members);
  const half = Z95 * Math.sqrt((p * (1 - p)) / members + (Z95 * Z95) / (4 * members * members));
  const scale = 1 + (Z95 * Z95) / members;
  return [(centre - half) / scale, (centre + half) / scale];
}

/**
 * The difference between two shares (converted members of a group and of the control group) with its 95% interval
 * by Newcombe's hybrid score method (Newcombe 1998, method 10), from each share's Wilson interval: with no member
 * or every member converted it stays as wide as the groups' sizes allow, where the Wald interval shrinks to a
 * point. Null when either group is empty.
 */
export function shareLift(converted: number, members: number, controlConverted: number, controlMembers: number): Interval | null {
  if (members === 0 || controlMembers === 0) return null;
  const [p, q] = [converted / members, controlConverted / controlMembers];
  const [[pLow, pHigh], [qLow, qHigh]] = [wilson(converted, members), wilson(controlConverted, controlMembers)];
  const difference = p - q;
  return { difference, low: difference - Math.hypot(p - pLow, qHigh - q), high: difference + Math.hypot(pHigh - p, q - qLow) };
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
