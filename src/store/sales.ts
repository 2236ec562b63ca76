import type { Lot } from '../domain/ledger.ts';
import type { Usage } from '../domain/rules/context.ts';
import { receiptKey, usageKey, type SaleBook, type SaleItem, type SaleWrite, type Seen } from '../domain/sale-book.ts';
import type { Channel } from '../domain/rules/context.ts';
import { packAnswer } from '../domain/stored-answer.ts';
import type { Queryable } from './db.ts';
import { eventsCte, eventsParam } from './events.ts';
import { lotFromJson, postingValues, type LotJson } from './ledger.ts';
import { qualifyingValueSql, type Member, listMembersWhere } from './members.ts';
import { lineValues, productsSql, type Product } from './receipt-lines.ts';
import { keptAnswer, keptAnswerSql, type KeptAnswer } from './receipts.ts';
import { toVersioned, type SettingsRow } from './programs.ts';
import { BUDGET_SLOTS, budgetSlotOf, latestRulesVersionSql } from './rules.ts';
import type { VersionedSettings } from '../domain/settings.ts';
import type { LineRecord } from '../domain/receipt.ts';

// The reads and the one write of the sale path: a few round trips for one receipt or a whole batch.

/** The programme's settings, which of the stores exist, the published rules version and the cards named: one round trip. */
export async function batchContext(
  db: Queryable,
  programId: string,
  storeCodes: string[],
  cardNumbers: string[],
): Promise<{ settings: VersionedSettings; stores: Map<string, SaleItem['store']>; rulesVersion: number; cards: Map<string, { memberId: string; status: string }> }> {
  const [row] = await db.query<SettingsRow & { stores: { code: string; partner: string | null; channel: Channel | null }[]; rules_version: number; cards: { number: string; member_id: string; status: string }[] }>(
    `select program_id, version, settings,
       (select coalesce(json_agg(json_build_object('code', code, 'partner', partner_code, 'channel', channel)), '[]')
        from stores where program_id = $1 and code = any($2::text[])) as stores,
       ${latestRulesVersionSql('$1')} as rules_version,
       (select coalesce(json_agg(json_build_object('number', number, 'member_id', member_id, 'status', status)), '[]')
        from cards where program_id = $1 and number = any($3::text[])) as cards
     from program_settings where program_id = $1 order by version desc limit 1`,
    [programId, storeCodes, cardNumbers],
  );
  if (!row) throw new Error(`programme ${programId} has no settings`);
  return {
    settings: toVersioned(row),
    // Each store with its channel and the partner that owns it (null: the programme's own).
    stores: new Map(row.stores.map((st) => [st.code, { partner: st.partner, channel: st.channel }])),
    rulesVersion: row.rules_version,
    cards: new Map(row.cards.map((c) => [c.number, { memberId: c.member_id, status: c.status }])),
  };
}

/** Locks every member the batch names, in id order (the lock order all flows keep). */
export async function lockMembers(db: Queryable, programId: string, keys: { ids: string[]; phones: string[]; externalIds: string[] }): Promise<Member[]> {
  return listMembersWhere(
    db,
    'program_id = $1 and (id = any($2::text[]) or phone = any($3::text[]) or external_id = any($4::text[])) order by id for update',
    [programId, keys.ids, keys.phones, keys.externalIds],
  );
}

const lotColumns = 'o.member_id, o.id, o.state, o.amount, o.remaining, o.activates_at, o.expires_at, o.created_at';

/** What a sale reads of one member once they are locked. */
export interface MemberView {
  /** Pending lots, those expiring by `soon`, and the first in spending order that cover what the member spends. */
  lots: Lot[];
  qualifying: number | null;
  usage: Map<string, Usage>;
  referralPending: boolean;
}

/**
 * What a list of sales needs once its members are locked, in one round trip: earlier answers to the same
 * (store, number), the members' open lots, qualifying values in the tier window, use of limited
 * campaigns in their periods, pending referrals, what is left of budgets, and the presented coupons.
 */
export async function saleView(
  db: Queryable,
  programId: string,
  want: {
    keys: { storeCode: string; number: string }[];
    memberIds: string[];
    /** Points each member's receipts ask to spend: enough lots to cover them are read, with every lot pending or expiring by `soon`. */
    spending: number[];
    /** At most this many lots a member in spending order (null: all); `truncated` tells whether that was too few. */
    spendable: number | null;
    soon: Date;
    /** Members whose tier may still go up: their qualifying value in the window is read. */
    qualifying: string[];
    window: { metric: 'points_earned' | 'amount_spent'; since: Date } | null;
    usage: { memberId: string; campaign: string; since: Date | null; until: Date | null }[];
    budgets: string[];
    coupons: string[];
    /** The skus sold: how the catalogue names them is read. */
    skus: string[];
  },
): Promise<{
  seen: Map<string, Seen>;
  members: Map<string, MemberView>;
  budgets: SaleBook['budgets'];
  coupons: SaleBook['coupons'];
  products: Map<string, Product>;
  truncated: boolean;
}> {
  const [row] = await db.query<{
    seen: { storeCode: string; number: string; requestHash: string; kept: KeptAnswer }[];
    lots: LotJson[];
    truncated: boolean;
    qualifying: { memberId: string; value: number }[];
    usage: { memberId: string; campaign: string; since: string | null; until: string | null; points: number; discount: number; uses: number }[];
    referrals: string[];
    budgets: { campaign: string; points: number; discount: number }[];
    coupons: {
      code: string;
      campaign: string;
      memberId: string | null;
      maxUses: number | null;
      perMember: number | null;
      uses: number;
      validFrom: string | null;
      validTo: string | null;
      byMember: Record<string, number> | null;
    }[];
    products: Record<string, Product> | null;
  }>(
    `with open as (
       -- Read by the index of open lots, whatever the member's history: pending lots, those expiring by $14, and the
       -- next in spending order while they do not yet cover what the member spends (at most $16 of them).
       select o.* from unnest($4::text[], $15::bigint[]) as n(member_id, spending)
       cross join lateral (
         select ${lotColumns}, null::bigint as k from lots o
         where o.program_id = $1 and o.member_id = n.member_id and o.state = 'pending' and o.remaining > 0
         union all
         select ${lotColumns}, null from lots o
         where o.program_id = $1 and o.member_id = n.member_id and o.remaining > 0 and o.expires_at <= $14 and o.state <> 'pending'
         union all
         select ${lotColumns}, o.k from (
           select o.*, sum(o.remaining) over w - o.remaining as before, row_number() over w as k
           from (select * from lots o where o.program_id = $1 and o.member_id = n.member_id and o.remaining > 0 and o.state = 'active'
                   and (o.expires_at is null or o.expires_at > $14) and n.spending > 0
                 order by o.expires_at nulls last, o.created_at, o.id collate "C" limit $16) o
           window w as (order by o.expires_at nulls last, o.created_at, o.id collate "C")) o
         where o.before < n.spending) o)
     select
       (select coalesce(json_agg(json_build_object('storeCode', r.store_code, 'number', r.number, 'requestHash', encode(r.request_hash, 'hex'),
          'kept', ${keptAnswerSql('r')})), '[]')
        from receipts r join unnest($2::text[], $3::text[]) as k(store_code, number) on r.store_code = k.store_code and r.number = k.number
        where r.program_id = $1) as seen,
       (select coalesce(json_agg(json_build_object('memberId', member_id, 'id', id, 'state', state, 'amount', amount,
          'remaining', remaining, 'activatesAt', activates_at, 'expiresAt', expires_at, 'createdAt', created_at)), '[]')
        from open) as lots,
       exists (select 1 from open where k = $16) as truncated,
       case when $5::text is null then '[]'::json
         else (select coalesce(json_agg(json_build_object('memberId', m.id, 'value', ${qualifyingValueSql('m.id', '$5', '$6')})), '[]')
               from unnest($13::text[]) as m(id))
       end as qualifying,
       (select coalesce(json_agg(json_build_object('memberId', u.member_id, 'campaign', u.campaign, 'since', u.since, 'until', u.until,
          'points', u.points, 'discount', u.discount, 'uses', u.uses)), '[]')
        from (select p.member_id, p.campaign, p.since, p.until, coalesce(sum(g.points), 0) as points,
                coalesce(sum(g.discount), 0) as discount, count(*)::int as uses
              from unnest($7::text[], $8::text[], $9::timestamptz[], $10::timestamptz[]) as p(member_id, campaign, since, until)
              join campaign_grants g on g.program_id = $1 and g.member_id = p.member_id and g.campaign = p.campaign
                and (p.since is null or g.created_at >= p.since) and (p.until is null or g.created_at < p.until) and g.reversed_at is null
              group by p.member_id, p.campaign, p.since, p.until) u) as usage,
       array(select referee_id from referrals where program_id = $1 and referee_id = any($4::text[]) and status = 'pending') as referrals,
       (select coalesce(json_agg(json_build_object('campaign', campaign, 'points', points, 'discount', discount)), '[]')
        from (select campaign, sum(points_left) as points, sum(discount_left) as discount from campaign_budgets
              where program_id = $1 and campaign = any($11::text[]) group by campaign) b) as budgets,
       (select coalesce(json_agg(json_build_object('code', c.code, 'campaign', c.campaign, 'memberId', c.member_id, 'maxUses', c.max_uses,
          'perMember', c.per_member, 'uses', c.uses, 'validFrom', c.valid_from, 'validTo', c.valid_to,
          'byMember', (select json_object_agg(u.member_id, u.n) from (select r.member_id, count(*) as n from coupon_redemptions r
             where r.program_id = $1 and r.code = c.code and r.member_id = any($4::text[]) and r.restored_at is null
             group by r.member_id) u))), '[]')
        from coupons c where c.program_id = $1 and c.code = any($12::text[])) as coupons,
       ${productsSql('$17::text[]')} as products`,
    [
      programId,
      want.keys.map((k) => k.storeCode),
      want.keys.map((k) => k.number),
      want.memberIds,
      want.window?.metric ?? null,
      want.window?.since ?? null,
      want.usage.map((u) => u.memberId),
      want.usage.map((u) => u.campaign),
      want.usage.map((u) => u.since),
      want.usage.map((u) => u.until),
      want.budgets,
      want.coupons,
      want.qualifying,
      want.soon,
      want.spending,
      want.spendable,
      want.skus,
    ],
  );
  const members = new Map<string, MemberView>(
    want.memberIds.map((id) => [id, { lots: [], qualifying: null, usage: new Map(), referralPending: false }]),
  );
  const of = (id: string) => members.get(id) as MemberView;
  for (const l of row?.lots ?? []) of(l.memberId).lots.push(lotFromJson(l));
  for (const q of row?.qualifying ?? []) of(q.memberId).qualifying = Number(q.value);
  const time = (t: string | null) => (t ? new Date(t) : null);
  for (const u of row?.usage ?? [])
    of(u.memberId).usage.set(usageKey(u.campaign, time(u.since), time(u.until)), { points: Number(u.points), discount: Number(u.discount), uses: u.uses });
  for (const id of row?.referrals ?? []) of(id).referralPending = true;
  return {
    seen: new Map((row?.seen ?? []).map((r) => [receiptKey(r.storeCode, r.number), { requestHash: r.requestHash, response: keptAnswer(r.kept) }])),
    members,
    truncated: row?.truncated ?? false,
    budgets: new Map((row?.budgets ?? []).map((b) => [b.campaign, { points: Number(b.points), discount: Number(b.discount) }])),
    products: new Map(Object.entries(row?.products ?? {})),
    coupons: new Map(
      (row?.coupons ?? []).map((c) => [
        c.code,
        {
          coupon: { code: c.code, campaign: c.campaign, memberId: c.memberId, maxUses: c.maxUses, perMember: c.perMember, uses: c.uses, validFrom: time(c.validFrom), validTo: time(c.validTo) },
          memberUses: new Map(Object.entries(c.byMember ?? {}).map(([m, n]) => [m, Number(n)])),
        },
      ]),
    ),
  };
}

// An escaped UTF-16 surrogate after an even number of backslashes: JSON.stringify escapes only lone ones.
const LONE_SURROGATE = /(?<!\\)((?:\\\\)*)\\ud[89a-f][0-9a-f]{2}/g;

/**
 * JSON text PostgreSQL accepts. JSON.stringify writes a lone surrogate (half of an emoji a till cut off) as an
 * escape PostgreSQL refuses; it is stored as U+FFFD instead, as in any text parameter.
 */
const jsonParam = (value: unknown): string => {
  const text = JSON.stringify(value);
  return text.includes('\\ud') ? text.replace(LONE_SURROGATE, '$1\\ufffd') : text;
};

export interface WrittenSales {
  /** Receipts inserted: fewer than planned means a concurrent copy of one won the race. */
  receipts: number;
  /** Limited coupons whose uses were counted: fewer means one was used up meanwhile. */
  limitedCoupons: number;
  /** Coupons issued: fewer means a drawn code was taken. */
  issued: number;
  referrals: number;
  /** Campaigns whose budget one counter row covered; the others are taken by `takeBudget`. */
  budgets: string[];
}

/**
 * Writes a list of planned sales in one statement.
 * New rows travel as one JSON parameter per table: serialising is native, where array parameters are escaped
 * element by element. The updates join arrays instead: the planner sizes an array, while it takes any JSON set
 * for 100 rows and would scan the members and lots tables whole to join them.
 */
export async function writeSales(db: Queryable, programId: string, w: SaleWrite, products: ReadonlyMap<string, Product>): Promise<WrittenSales> {
  const budgets = [...w.budgets];
  // Coupon rows are locked in code order, as every writer takes them.
  const limited = [...w.limitedUses].sort(([a], [b]) => (a < b ? -1 : 1));
  // Each receipt's lines go in its row, a line at its number's place.
  const linesOf = new Map<string, LineRecord[]>();
  for (const l of w.lines) {
    const list = linesOf.get(l.receiptId) ?? [];
    list[l.lineNo - 1] = l;
    linesOf.set(l.receiptId, list);
  }
  // A sku the catalogue does not know yet enters it as its first line here names it.
  const newProducts = new Map<string, LineRecord>();
  for (const l of w.lines) if (!products.has(l.sku) && !newProducts.has(l.sku)) newProducts.set(l.sku, l);
  const [row] = await db.query<WrittenSales>(
    `with receipt as (
       insert into receipts (program_id, id, store_code, number, member_id, card_number, status, settings_version, tier_code,
         currency, total, points_spent, points_discount, points_earned, purchased_at, created_at, request_hash, answer,
         rules_version, campaign_discount, created_by, lines, categories)
       select $1, r.id, r."storeCode", r.number, r."memberId", r."cardNumber", r.status, r."settingsVersion", r."tierCode",
         r.currency, r.total, r."pointsSpent", r."pointsDiscount", r."pointsEarned", r."purchasedAt", r."createdAt",
         decode(r."requestHash", 'hex'), r.answer, r."rulesVersion", r."campaignDiscount", r."createdBy", r.lines, r.categories
       from json_to_recordset($2::json) as r(id text, "storeCode" text, number text, "memberId" text, "cardNumber" text,
         status text, "settingsVersion" int, "tierCode" text, currency text, total bigint, "pointsSpent" bigint,
         "pointsDiscount" bigint, "pointsEarned" bigint, "purchasedAt" timestamptz, "createdAt" timestamptz,
         "requestHash" text, answer text, "rulesVersion" int, "campaignDiscount" bigint, "createdBy" text, lines json,
         categories text[])
       on conflict (program_id, store_code, number) do nothing returning id),
     product as (
       insert into products (program_id, sku, name, category, brand, first_sold_at)
       select $1, p.sku, p.name, p.category, p.brand, p.at
       from json_to_recordset($34::json) as p(sku text, name text, category text, brand text, at timestamptz)
       on conflict (program_id, sku) do nothing),
     entry as (
       insert into journal_entries (program_id, id, member_id, kind, receipt_id, created_at, partner_code, postings)
       select $1, e.id, e."memberId", e.kind, e."receiptId", e.at, e.partner, e.postings
       from json_to_recordset($3::json) as e(id text, "memberId" text, kind text, "receiptId" text, at timestamptz, partner text,
         postings json)),
     new_lot as (
       insert into lots (program_id, member_id, id, entry_id, amount, remaining, state, activates_at, expires_at, created_at)
       select $1, l."memberId", l.id, l."entryId", l.amount, l.remaining, l.state, l."activatesAt", l."expiresAt", l."createdAt"
       from json_to_recordset($4::json) as l("memberId" text, id text, "entryId" text, amount bigint, remaining bigint,
         state text, "activatesAt" timestamptz, "expiresAt" timestamptz, "createdAt" timestamptz)),
     changed_lot as (
       update lots set remaining = c.remaining, state = c.state
       from unnest($5::text[], $6::text[], $7::bigint[], $8::text[]) as c(member_id, id, remaining, state)
       where lots.program_id = $1 and lots.member_id = c.member_id and lots.id = c.id),
     member as (
       update members set points_available = m.available, points_pending = m.pending, tier_code = m.tier_code, updated_at = m.at,
         purchases = members.purchases + m.purchases, paid_total = members.paid_total + m.paid,
         points_earned = members.points_earned + m.earned, points_spent = members.points_spent + m.spent,
         first_purchase_at = least(members.first_purchase_at, m.first), last_purchase_at = greatest(members.last_purchase_at, m.last)
       from unnest($9::text[], $10::bigint[], $11::bigint[], $12::text[], $13::timestamptz[], $27::int[], $28::bigint[], $29::bigint[],
         $30::bigint[], $31::timestamptz[], $32::timestamptz[]) as m(id, available, pending, tier_code, at, purchases, paid, earned, spent, first, last)
       where members.program_id = $1 and members.id = m.id),
     month as (
       insert into member_months (program_id, member_id, month, amount_spent, points_earned)
       select $1, q."memberId", q.month, q."amountSpent", q."pointsEarned"
       from json_to_recordset($33::json) as q("memberId" text, month date, "amountSpent" bigint, "pointsEarned" bigint)
       on conflict (program_id, member_id, month) do update set amount_spent = member_months.amount_spent + excluded.amount_spent,
         points_earned = member_months.points_earned + excluded.points_earned),
     tier_change as (
       insert into tier_changes (program_id, member_id, id, from_tier, to_tier, reason, qualifying_value, created_at)
       select $1, t."memberId", t.id, t.from, t.to, t.reason, t.value, t.at
       from json_to_recordset($14::json) as t("memberId" text, id text, "from" text, "to" text, reason text, value bigint,
         at timestamptz)),
     grant_row as (
       insert into campaign_grants (program_id, campaign, source_id, member_id, points, discount, lines, rewards, created_at)
       select $1, g.campaign, g."sourceId", g."memberId", g.points, g.discount, g.lines, g.rewards, g.at
       from json_to_recordset($16::json) as g(campaign text, "sourceId" text, "memberId" text, points bigint, discount bigint,
         lines jsonb, rewards jsonb, at timestamptz)),
     budget as (
       update campaign_budgets b set points_left = b.points_left - t.points, discount_left = b.discount_left - t.discount
       from unnest($17::text[], $18::bigint[], $19::bigint[], $20::int[]) as t(campaign, points, discount, hint)
       where b.program_id = $1 and b.campaign = t.campaign and b.slot = (
         select s.slot from campaign_budgets s where s.program_id = $1 and s.campaign = t.campaign
           and s.points_left >= t.points and s.discount_left >= t.discount
         order by (s.slot + ${BUDGET_SLOTS} - t.hint) % ${BUDGET_SLOTS} limit 1 for update skip locked)
       returning b.campaign),
     coupon_use as (
       update coupons c set uses = c.uses + u.n from unnest($21::text[], $22::int[]) as u(code, n)
       where c.program_id = $1 and c.code = u.code and c.max_uses is not null and c.uses + u.n <= c.max_uses
       returning c.code),
     redemption as (
       insert into coupon_redemptions (program_id, code, receipt_id, member_id, created_at)
       select $1, r.code, r."receiptId", r."memberId", r.at
       from json_to_recordset($23::json) as r(code text, "receiptId" text, "memberId" text, at timestamptz)),
     issued as (
       insert into coupons (program_id, code, campaign, batch, member_id, max_uses, per_member, valid_from, valid_to, issued_by_receipt, created_at)
       select $1, i.code, i.campaign, null, i."memberId", 1, null, i."validFrom", i."validTo", i."receiptId", i."validFrom"
       from json_to_recordset($24::json) as i(code text, campaign text, "memberId" text, "validFrom" timestamptz, "validTo" timestamptz,
         "receiptId" text)
       on conflict (program_id, code) do nothing returning code),
     referral as (
       update referrals f set status = 'qualified', receipt_id = q.receipt_id from unnest($25::text[], $26::text[]) as q(referee_id, receipt_id)
       where f.program_id = $1 and f.referee_id = q.referee_id and f.status = 'pending' returning f.referee_id),
     ${eventsCte('$15')}
     select (select count(*)::int from receipt) as receipts, (select count(*)::int from coupon_use) as "limitedCoupons",
       (select count(*)::int from issued) as issued, (select count(*)::int from referral) as referrals,
       array(select campaign from budget) as budgets`,
    [
      programId,
      jsonParam(
        w.receipts.map(({ response, ...r }) => {
          const lines = linesOf.get(r.id) ?? [];
          const categories = [...new Set(lines.flatMap((l) => (l.category === null ? [] : [l.category])))];
          return { ...r, answer: packAnswer(response, { ...r, lines }), lines: lines.map((l) => lineValues(l, products.get(l.sku))), categories };
        }),
      ),
      jsonParam(w.entries.map((e) => ({ ...e, postings: postingValues(e.postings) }))),
      jsonParam(w.newLots),
      w.changedLots.map((l) => l.memberId),
      w.changedLots.map((l) => l.id),
      w.changedLots.map((l) => l.remaining),
      w.changedLots.map((l) => l.state),
      w.members.map((m) => m.id),
      w.members.map((m) => m.available),
      w.members.map((m) => m.pending),
      w.members.map((m) => m.tierCode),
      w.members.map((m) => m.at),
      jsonParam(w.tierChanges),
      eventsParam(w.events),
      jsonParam(w.grants),
      budgets.map(([c]) => c),
      budgets.map(([, t]) => t.points),
      budgets.map(([, t]) => t.discount),
      budgets.map(([, t]) => budgetSlotOf(t.hint)),
      limited.map(([code]) => code),
      limited.map(([, n]) => n),
      jsonParam(w.redemptions),
      jsonParam(w.issued),
      w.referrals.map((r) => r.refereeId),
      w.referrals.map((r) => r.receiptId),
      w.members.map((m) => m.tally.purchases),
      w.members.map((m) => m.tally.paid),
      w.members.map((m) => m.tally.earned),
      w.members.map((m) => m.tally.spent),
      w.members.map((m) => m.tally.first),
      w.members.map((m) => m.tally.last),
      jsonParam(w.months),
      jsonParam([...newProducts.values()].map((l) => ({ sku: l.sku, name: l.name, category: l.category, brand: l.brand, at: w.receipts[0]?.createdAt }))),
    ],
  );
  return row as WrittenSales;
}
