/**
 * The programme's key figures from counts and sums, one formula each (the README's Metrics section says them in
 * words). A share or a mean of nothing is null, never 0: no receipts is not a participation of 0 %.
 */

/** What a period's confirmed receipts and buying members add up to. */
export interface SalesTally {
  receipts: number;
  memberReceipts: number;
  /** Kopecks: the receipts' totals. */
  revenue: number;
  memberRevenue: number;
  /** Members with at least one receipt in the period. */
  activeMembers: number;
  /** Of them, those with two receipts or more. */
  repeatMembers: number;
}

export interface Kpis {
  receipts: { all: number; members: number; anonymous: number };
  revenue: { all: number; members: number; anonymous: number };
  /** Members' share of receipts and of revenue. */
  participation: { receipts: number | null; revenue: number | null };
  /** Kopecks per receipt, members' and anonymous. */
  averageCheck: { members: number | null; anonymous: number | null };
  activeMembers: number;
  /** Receipts per active member. */
  frequency: number | null;
  /** Share of active members who bought twice or more. */
  repeatRate: number | null;
}

const share = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

export function kpis(t: SalesTally): Kpis {
  const anonymousReceipts = t.receipts - t.memberReceipts;
  const anonymousRevenue = t.revenue - t.memberRevenue;
  return {
    receipts: { all: t.receipts, members: t.memberReceipts, anonymous: anonymousReceipts },
    revenue: { all: t.revenue, members: t.memberRevenue, anonymous: anonymousRevenue },
    participation: { receipts: share(t.memberReceipts, t.receipts), revenue: share(t.memberRevenue, t.revenue) },
    averageCheck: { members: share(t.memberRevenue, t.memberReceipts), anonymous: share(anonymousRevenue, anonymousReceipts) },
    activeMembers: t.activeMembers,
    frequency: share(t.memberReceipts, t.activeMembers),
    repeatRate: share(t.repeatMembers, t.activeMembers),
  };
}

/** Churn: of the members who bought in the period before, the share who did not buy in this one. */
export const churnRate = (activeBefore: number, stayed: number): number | null => share(activeBefore - stayed, activeBefore);

/** A cohort's row of the retention triangle: the share of its members who bought in each month since the first. */
export const retentionRow = (size: number, buyersByAge: readonly number[]): (number | null)[] => buyersByAge.map((n) => share(n, size));
