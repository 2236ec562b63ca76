/**
 * The points ledger of one member, as a draft: operations append balanced postings and move lots,
 * and the flow writes the result in one transaction. Pure: time and ids come in as arguments.
 */

export type Account =
  | 'member:available'
  | 'member:pending'
  | 'program:issuance'
  | 'program:redemption'
  | 'program:expiry'
  | 'program:adjustment'
  | 'program:referral';

export interface Lot {
  id: string;
  state: 'pending' | 'active' | 'expired';
  amount: number;
  remaining: number;
  activatesAt: Date;
  expiresAt: Date | null;
  createdAt: Date;
}

/** A posting with no lot on member:available is debt: points clawed back after they were spent. */
export interface Posting {
  account: Account;
  lotId: string | null;
  amount: number;
}

export interface LedgerDraft {
  lots: Map<string, Lot>;
  newLots: Set<string>;
  changedLots: Set<string>;
  postings: Posting[];
  available: number;
  pending: number;
  /**
   * Points in active lots the draft did not load (they expire later than any it may need to spend): they count
   * towards the member's debt, nothing else.
   */
  activeElsewhere: number;
}

export interface Balance {
  available: number;
  pending: number;
}

export function openDraft(balance: Balance, openLots: readonly Lot[], activeElsewhere = 0): LedgerDraft {
  return {
    lots: new Map(openLots.map((l) => [l.id, { ...l }])),
    newLots: new Set(),
    changedLots: new Set(),
    postings: [],
    available: balance.available,
    pending: balance.pending,
    activeElsewhere,
  };
}

function post(draft: LedgerDraft, account: Account, lotId: string | null, amount: number): void {
  if (amount === 0) return;
  draft.postings.push({ account, lotId, amount });
  if (account === 'member:available') draft.available += amount;
  if (account === 'member:pending') draft.pending += amount;
}

function touch(draft: LedgerDraft, lot: Lot, delta: number): void {
  lot.remaining += delta;
  if (!draft.newLots.has(lot.id)) draft.changedLots.add(lot.id);
}

const memberAccount = (lot: Lot): Account => (lot.state === 'pending' ? 'member:pending' : 'member:available');

/** Points the member owes: clawed back after being spent, repaid from the next points that become available. */
export function debtOf(draft: LedgerDraft): number {
  let active = draft.activeElsewhere;
  for (const lot of draft.lots.values()) if (lot.state === 'active') active += lot.remaining;
  return active - draft.available;
}

/** Soonest expiry first (never-expiring last), then oldest. */
export function spendingOrder(a: Lot, b: Lot): number {
  const ea = a.expiresAt?.getTime() ?? Infinity;
  const eb = b.expiresAt?.getTime() ?? Infinity;
  if (ea !== eb) return ea - eb;
  const ca = a.createdAt.getTime() - b.createdAt.getTime();
  return ca !== 0 ? ca : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export interface NewLot {
  id: string;
  activatesAt: Date;
  expiresAt: Date | null;
}

/** Credits a new lot from a programme account; it is pending until `activatesAt`. */
export function credit(draft: LedgerDraft, points: number, lot: NewLot, from: Account, now: Date): void {
  if (points <= 0) return;
  const pending = lot.activatesAt.getTime() > now.getTime();
  const created: Lot = { ...lot, state: pending ? 'pending' : 'active', amount: points, remaining: points, createdAt: now };
  draft.lots.set(created.id, created);
  draft.newLots.add(created.id);
  post(draft, from, null, -points);
  post(draft, memberAccount(created), created.id, points);
  if (!pending) repayDebt(draft, created);
}

function repayDebt(draft: LedgerDraft, lot: Lot): void {
  const repaid = Math.min(Math.max(0, debtOf(draft)), lot.remaining);
  if (repaid === 0) return;
  touch(draft, lot, -repaid);
  post(draft, 'member:available', lot.id, -repaid);
  post(draft, 'member:available', null, repaid);
}

/** Spends available points soonest-expiry-first. The caller has checked the balance allows it. */
export function spend(draft: LedgerDraft, points: number, to: Account): void {
  let left = points;
  const lots = [...draft.lots.values()].filter((l) => l.state === 'active' && l.remaining > 0).sort(spendingOrder);
  for (const lot of lots) {
    if (left === 0) break;
    const take = Math.min(lot.remaining, left);
    touch(draft, lot, -take);
    post(draft, 'member:available', lot.id, -take);
    left -= take;
  }
  if (left > 0) throw new Error(`ledger: spend of ${points} exceeds active lots by ${left}`);
  post(draft, to, null, points);
}

export interface ClawBack {
  clawedBack: number;
  /** Part taken as debt (negative balance policy "allow"). */
  debt: number;
  /** Part the programme forgave (policy "write_off"). */
  writtenOff: number;
}

/**
 * Takes back earned points: first from the lot the receipt created, then other available lots
 * soonest-expiry-first, then pending lots; what is missing becomes debt or is written off.
 */
export function clawBack(
  draft: LedgerDraft,
  points: number,
  options: { preferLotId: string | null; policy: 'allow' | 'write_off'; to: Account },
): ClawBack {
  let left = points;
  const preferred = options.preferLotId ? draft.lots.get(options.preferLotId) : undefined;
  const others = [...draft.lots.values()].filter((l) => l !== preferred && l.remaining > 0 && l.state !== 'expired');
  const ordered = [
    ...(preferred && preferred.state !== 'expired' ? [preferred] : []),
    ...others.filter((l) => l.state === 'active').sort(spendingOrder),
    ...others.filter((l) => l.state === 'pending').sort(spendingOrder),
  ];
  for (const lot of ordered) {
    if (left === 0) break;
    const take = Math.min(lot.remaining, left);
    if (take === 0) continue;
    touch(draft, lot, -take);
    post(draft, memberAccount(lot), lot.id, -take);
    left -= take;
  }
  const debt = options.policy === 'allow' ? left : 0;
  post(draft, 'member:available', null, -debt);
  post(draft, options.to, null, points - left + debt);
  return { clawedBack: points - left + debt, debt, writtenOff: left - debt };
}

/** Moves a pending lot to available; it first repays any debt. */
export function activate(draft: LedgerDraft, lotId: string): number {
  const lot = draft.lots.get(lotId);
  if (!lot || lot.state !== 'pending') return 0;
  const points = lot.remaining;
  lot.state = 'active';
  touch(draft, lot, 0);
  post(draft, 'member:pending', lot.id, -points);
  post(draft, 'member:available', lot.id, points);
  repayDebt(draft, lot);
  return points;
}

/** Expires what is left of an available lot. */
export function expire(draft: LedgerDraft, lotId: string): number {
  const lot = draft.lots.get(lotId);
  if (!lot || lot.state !== 'active') return 0;
  const points = lot.remaining;
  lot.state = 'expired';
  touch(draft, lot, -points);
  post(draft, 'member:available', lot.id, -points);
  post(draft, 'program:expiry', null, points);
  return points;
}

/** What a till shows as expiring soon: available points whose lots expire within this many days. */
export const EXPIRING_SOON_DAYS = 30;

export interface BalanceSummary {
  available: number;
  pending: number;
  /** Available points whose lots expire within 30 days. */
  expiringSoon: number;
  debt: number;
}

/** What the member has after the draft, as a till shows it. */
export function summarise(draft: LedgerDraft, now: Date): BalanceSummary {
  const soon = now.getTime() + EXPIRING_SOON_DAYS * 86_400_000;
  let expiringSoon = 0;
  for (const lot of draft.lots.values())
    if (lot.state === 'active' && lot.expiresAt && lot.expiresAt.getTime() <= soon) expiringSoon += lot.remaining;
  return { available: draft.available, pending: draft.pending, expiringSoon, debt: debtOf(draft) };
}

/** The soonest expiry among available points, and how many points expire then. */
export function nextExpiry(draft: LedgerDraft): { points: number; at: Date } | null {
  let next: { points: number; at: Date } | null = null;
  for (const lot of draft.lots.values()) {
    if (lot.state !== 'active' || lot.remaining === 0 || !lot.expiresAt) continue;
    if (!next || lot.expiresAt < next.at) next = { points: lot.remaining, at: lot.expiresAt };
    else if (lot.expiresAt.getTime() === next.at.getTime()) next.points += lot.remaining;
  }
  return next;
}

export interface CatchUpStep {
  kind: 'activation' | 'expiry';
  draft: LedgerDraft;
}

const isDue = {
  activation: (now: Date) => (lot: Lot) => lot.state === 'pending' && lot.activatesAt <= now,
  expiry: (now: Date) => (lot: Lot) => lot.state === 'active' && lot.expiresAt !== null && lot.expiresAt <= now,
};

/**
 * The entries that bring a member's lots up to `now`: first pending lots whose return window is over become
 * available (repaying debt), then lots past their expiry expire. Each is its own draft; none when nothing is due.
 */
export function catchUp(balance: Balance, lots: readonly Lot[], now: Date, activeElsewhere = 0): CatchUpStep[] {
  const steps: CatchUpStep[] = [];
  let current = balance;
  let open = lots;
  for (const kind of ['activation', 'expiry'] as const) {
    const draft = openDraft(current, open, activeElsewhere);
    // In the order the lots were made, however they were read: the same lots give the same entry.
    const due = [...draft.lots.values()].filter(isDue[kind](now)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    if (due.length === 0) continue;
    for (const lot of due) (kind === 'activation' ? activate : expire)(draft, lot.id);
    steps.push({ kind, draft });
    open = [...draft.lots.values()];
    current = { available: draft.available, pending: draft.pending };
  }
  return steps;
}

export const changedLots = (draft: LedgerDraft): Lot[] => [...draft.changedLots].map((id) => draft.lots.get(id) as Lot);
export const createdLots = (draft: LedgerDraft): Lot[] => [...draft.newLots].map((id) => draft.lots.get(id) as Lot);
