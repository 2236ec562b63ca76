/** Exact integer arithmetic for points and money: the programme's one rounding mode and fair allocation. */

export type RoundingMode = 'floor' | 'half_up' | 'ceil';

/** Rounds the non-negative fraction numerator/denominator to an integer with the programme's mode. */
export function roundFraction(numerator: bigint, denominator: bigint, mode: RoundingMode): bigint {
  const whole = numerator / denominator;
  const rest = numerator % denominator;
  if (rest === 0n) return whole;
  if (mode === 'floor') return whole;
  if (mode === 'ceil') return whole + 1n;
  return rest * 2n >= denominator ? whole + 1n : whole;
}

/**
 * Splits `total` into integer parts proportional to `weights` (largest remainder, ties to the earlier part).
 * The parts always add up to `total`; a part never exceeds ceil(total * weight / sum).
 */
export function allocate(total: bigint, weights: readonly bigint[]): bigint[] {
  // The same split in floating-point integers when every product stays exact: the common, much cheaper case.
  const small = weights.map(Number);
  const smallSum = small.reduce((a, b) => a + b, 0);
  if (smallSum * Number(total) < 2 ** 52 && smallSum < 2 ** 52) {
    if (smallSum === 0 || total === 0n) return weights.map(() => 0n);
    return allocateSmall(Number(total), small, smallSum).map(BigInt);
  }
  const sum = weights.reduce((a, b) => a + b, 0n);
  if (sum === 0n || total === 0n) return weights.map(() => 0n);
  const parts = weights.map((w) => (total * w) / sum);
  let left = total - parts.reduce((a, b) => a + b, 0n);
  const order = weights
    .map((w, i) => ({ i, rest: (total * w) % sum }))
    .filter((x) => x.rest > 0n)
    .sort((a, b) => (a.rest === b.rest ? a.i - b.i : a.rest > b.rest ? -1 : 1));
  for (const { i } of order) {
    if (left === 0n) break;
    parts[i] = (parts[i] as bigint) + 1n;
    left -= 1n;
  }
  return parts;
}

/** `allocate` for integer amounts held as numbers (kopecks, points); exact whatever their size. */
export function allocateNumbers(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0 || total === 0) return weights.map(() => 0);
  if (sum * total < 2 ** 52) return allocateSmall(total, weights, sum);
  return allocate(BigInt(total), weights.map(BigInt)).map(Number);
}

function allocateSmall(total: number, weights: readonly number[], sum: number): number[] {
  const parts = new Array<number>(weights.length);
  let left = total;
  for (let i = 0; i < weights.length; i++) {
    const part = Math.floor((total * weights[i]!) / sum);
    parts[i] = part;
    left -= part;
  }
  if (left === 0) return parts;
  const rests = weights.map((w) => (total * w) % sum);
  const order: number[] = [];
  for (let i = 0; i < weights.length; i++) if (rests[i]! > 0) order.push(i);
  order.sort((a, b) => rests[b]! - rests[a]! || a - b);
  for (let k = 0; k < left; k++) parts[order[k]!]! += 1;
  return parts;
}

/** The share of `amount` that belongs to units `from`..`to` of `count`, so shares of a full split add up exactly. */
export function proportionalSlice(amount: number, count: number, from: number, to: number): number {
  const a = BigInt(amount);
  const c = BigInt(count);
  return Number((a * BigInt(to)) / c - (a * BigInt(from)) / c);
}

/** Quantities travel as decimals (0.756 kg) and are computed as integer thousandths. */
export const toMilli = (quantity: number): number => Math.round(quantity * 1000);
export const fromMilli = (milli: number): number => milli / 1000;
