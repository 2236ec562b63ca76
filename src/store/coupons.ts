import type { Coupon } from '../domain/coupons.ts';
import type { Queryable } from './db.ts';

type Row = {
  code: string;
  campaign: string;
  member_id: string | null;
  max_uses: number | null;
  per_member: number | null;
  uses: number;
  valid_from: Date | null;
  valid_to: Date | null;
  batch: string | null;
  created_at: Date;
};
// At the till the use counter matters only for codes with a limit, which keep it on their row.
const columnsAtTill = 'code, campaign, member_id, max_uses, per_member, valid_from, valid_to, batch, created_at, uses';
// Unlimited promo codes are not counted on their own row (every till would queue on it): their uses are counted here.
const columns = `code, campaign, member_id, max_uses, per_member, valid_from, valid_to, batch, created_at,
  case when max_uses is not null then uses else (select count(*)::int from coupon_redemptions u
    where u.program_id = coupons.program_id and u.code = coupons.code and u.restored_at is null) end as uses`;
const toCoupon = (r: Row) => ({
  code: r.code,
  campaign: r.campaign,
  memberId: r.member_id,
  maxUses: r.max_uses,
  perMember: r.per_member,
  uses: r.uses,
  validFrom: r.valid_from,
  validTo: r.valid_to,
  batch: r.batch,
  createdAt: r.created_at,
});
export type StoredCoupon = ReturnType<typeof toCoupon>;

/** The coupons among `codes`, and how often `memberId` has used each (restored uses don't count). */
export async function couponsFor(db: Queryable, programId: string, codes: string[], memberId: string | null) {
  const rows = await db.query<Row & { member_uses: number }>(
    `select ${columnsAtTill}, (select count(*)::int from coupon_redemptions r where r.program_id = coupons.program_id and r.code = coupons.code
        and r.member_id = $3 and r.restored_at is null) as member_uses
     from coupons where program_id = $1 and code = any($2::text[])`,
    [programId, codes, memberId],
  );
  return new Map(rows.map((r) => [r.code, { coupon: toCoupon(r) as Coupon, memberUses: r.member_uses }]));
}

/**
 * Records a use, in one statement. A coupon with a use limit is counted under its row lock, so two tills can
 * never both use the last one; an unlimited promo code's row is not touched (every till would queue on it).
 * False when a limited coupon is used up meanwhile.
 */
export async function redeemCoupon(db: Queryable, programId: string, c: { code: string; receiptId: string; memberId: string | null; at: Date }) {
  const [row] = await db.query<{ ok: boolean }>(
    `with counted as (
       update coupons set uses = uses + 1 where program_id = $1 and code = $2 and max_uses is not null and uses < max_uses returning code),
     verdict as (
       select exists (select 1 from counted)
         or exists (select 1 from coupons where program_id = $1 and code = $2 and max_uses is null) as ok),
     used as (
       insert into coupon_redemptions (program_id, code, receipt_id, member_id, created_at)
       select $1, $2, $3, $4, $5 from verdict where ok)
     select ok from verdict`,
    [programId, c.code, c.receiptId, c.memberId, c.at],
  );
  return row?.ok ?? false;
}

/** Gives back the coupons a receipt used, when the whole receipt is returned or cancelled. */
export async function restoreCoupons(db: Queryable, programId: string, receiptId: string, at: Date): Promise<string[]> {
  const rows = await db.query<{ code: string }>(
    `with restored as (
       update coupon_redemptions set restored_at = $3 where program_id = $1 and receipt_id = $2 and restored_at is null returning code),
     counted as (
       update coupons c set uses = c.uses - 1 from restored r where c.program_id = $1 and c.code = r.code and c.max_uses is not null)
     select code from restored order by code`,
    [programId, receiptId, at],
  );
  return rows.map((r) => r.code);
}

export interface NewCoupon {
  code: string;
  campaign: string;
  batch: string | null;
  memberId: string | null;
  maxUses: number | null;
  perMember: number | null;
  validFrom: Date | null;
  validTo: Date | null;
  issuedByReceipt: string | null;
}

/** Inserts coupons; codes that already exist are skipped and returned, so the caller can draw new ones. */
export async function insertCoupons(db: Queryable, programId: string, coupons: NewCoupon[], at: Date): Promise<Set<string>> {
  if (!coupons.length) return new Set();
  const col = <T>(f: (c: NewCoupon) => T) => coupons.map(f);
  const inserted = await db.query<{ code: string }>(
    `insert into coupons (program_id, code, campaign, batch, member_id, max_uses, per_member, valid_from, valid_to, issued_by_receipt, created_at)
     select $1, c.* , $11 from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::int[], $8::timestamptz[],
       $9::timestamptz[], $10::text[]) as c
     on conflict (program_id, code) do nothing returning code`,
    [
      programId,
      col((c) => c.code),
      col((c) => c.campaign),
      col((c) => c.batch),
      col((c) => c.memberId),
      col((c) => c.maxUses),
      col((c) => c.perMember),
      col((c) => c.validFrom),
      col((c) => c.validTo),
      col((c) => c.issuedByReceipt),
      at,
    ],
  );
  const done = new Set(inserted.map((r) => r.code));
  return new Set(coupons.map((c) => c.code).filter((code) => !done.has(code)));
}

export async function listCoupons(db: Queryable, programId: string, f: { batch?: string | undefined; campaign?: string | undefined; memberId?: string | undefined; after?: string | undefined; limit: number }) {
  const rows = await db.query<Row>(
    `select ${columns} from coupons where program_id = $1 and ($2::text is null or batch = $2) and ($3::text is null or campaign = $3)
       and ($4::text is null or member_id = $4) and ($5::text is null or code > $5) order by code limit $6`,
    [programId, f.batch ?? null, f.campaign ?? null, f.memberId ?? null, f.after ?? null, f.limit],
  );
  return rows.map(toCoupon);
}

/** The coupons bound to a member that they may use at `now`: valid then and not used up, soonest to expire first. */
export async function usableCouponsOf(db: Queryable, programId: string, memberId: string, now: Date) {
  const rows = await db.query<{ code: string; campaign: string; valid_to: Date | null }>(
    `select code, campaign, valid_to from coupons where program_id = $1 and member_id = $2 and (valid_from is null or valid_from <= $3)
       and (valid_to is null or valid_to > $3) and (max_uses is null or uses < max_uses)
       and (per_member is null or per_member > (select count(*) from coupon_redemptions u where u.program_id = $1 and u.code = coupons.code and u.member_id = $2 and u.restored_at is null))
     order by valid_to nulls last, code limit 20`,
    [programId, memberId, now],
  );
  return rows.map((r) => ({ code: r.code, campaign: r.campaign, validTo: r.valid_to && new Date(r.valid_to) }));
}

export async function findCoupon(db: Queryable, programId: string, code: string) {
  const [row] = await db.query<Row>(`select ${columns} from coupons where program_id = $1 and code = $2`, [programId, code]);
  return row ? toCoupon(row) : null;
}

/** Batches generated by hand, newest first: their terms as recorded when made, and how many of their coupons were used. */
export async function listCouponBatches(db: Queryable, programId: string, f: { campaign?: string | undefined; before?: string | undefined; limit: number }) {
  const rows = await db.query<{ id: string; batch: string; actor: string; terms: Record<string, unknown>; created_at: Date; used: number | null; uses: number | null }>(
    `select a.id, a.entity_id as batch, a.actor, a.after as terms, a.created_at, u.used, u.uses
     from audit_log a
     left join lateral (select count(*) filter (where c.uses > 0) as used, sum(c.uses) as uses from coupons c
       where c.program_id = a.program_id and c.batch = a.entity_id) u on true
     where a.program_id = $1 and a.entity = 'coupon_batch' and ($2::text is null or a.after->>'campaign' = $2) and ($3::text is null or a.id < $3)
     order by a.id desc limit $4`,
    [programId, f.campaign ?? null, f.before ?? null, f.limit],
  );
  return rows.map((r) => ({ ...r, used: Number(r.used ?? 0), uses: Number(r.uses ?? 0) }));
}
