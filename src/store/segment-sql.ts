import { fieldSpec, type SegmentLeaf, type SegmentRule } from '../domain/segments.ts';
import { rfmSegment } from '../domain/rfm.ts';
import { DateTime } from 'luxon';
import { foldedPart, type Folded } from './member-days.ts';
import { lineCatalogueJoin, lineNameSql } from './receipt-lines.ts';
import { recencyFrom, rfmScoreSql } from './rfm.ts';

/**
 * A segment's rule as SQL over `members m`: a condition, and the grouped tables it reads (one per behaviour
 * condition, each scanned once and hash-joined by member), so a million members cost a few scans, never a query
 * each. Parameters start after the statement's own: $1 the programme, $2 its time zone, $3 the moment evaluated.
 */
export interface SegmentSql {
  ctes: string[];
  joins: string[];
  where: string;
  params: unknown[];
}

/**
 * The receipts' own columns and, joined by hash, what was returned of each (returns are few: all of the
 * programme's grouped at once cost less than looking each receipt up).
 */
const netOfReturns = `receipts r left join (select receipt_id, sum(amount) as amount from returns where program_id = $1 group by receipt_id) t
  on t.receipt_id = r.id`;
/** Paid on a receipt, net of what was returned of it. */
const paid = `r.total - r.points_discount - r.campaign_discount - coalesce(t.amount, 0)`;

const lineField = { bought_category: 'category', bought_brand: 'brand' } as const;

/** What a rule's SQL reads besides the rule: the programme's state its conditions are evaluated against. */
export interface SegmentContext {
  /** The moment evaluated ($3) and the programme's time zone ($2). */
  at: Date;
  timezone: string;
  /** The parameter holding the only members evaluated, or null for all. */
  only?: string | null;
  /** The programme's RFM cuts (src/store/rfm.ts), null when nobody has bought; needed by RFM conditions. */
  rfmCuts?: number[] | null;
  /** The days folded into the members' buying days, for purchases and money in a window; null when none are. */
  folded?: Folded | null;
}

export function segmentSql(rule: SegmentRule, firstParam: number, context: SegmentContext): SegmentSql {
  const { at, timezone, only = null, rfmCuts = null, folded = null } = context;
  const out: SegmentSql = { ctes: [], joins: [], where: '', params: [] };
  const p = (value: unknown) => `$${firstParam + out.params.push(value) - 1}`;
  const scope = only ? ` and member_id = any(${only})` : '';
  // The member's RFM scores, read against the programme's cuts (`rfmCuts`, null when nobody has bought).
  let rfm: ReturnType<typeof rfmScoreSql> | null = null;
  const scores = () => (rfm ??= rfmScoreSql('m', `${p(rfmCuts)}::int8[]`, `${p(rfmCuts && recencyFrom(rfmCuts, timezone))}::timestamptz[]`));
  const table = (sql: string) => {
    const name = `w${out.ctes.length}`;
    // Grouped and joined by the member's id as bytes: ordering by a language's collation costs far more, and
    // equality is the same either way.
    out.ctes.push(`${name} as (${sql})`);
    out.joins.push(`left join ${name} on ${name}.member_id = m.id collate "C"`);
    return name;
  };
  /**
   * The first instant of the last N days: today and the N days before it, whole, in the programme's zone (so a
   * member who bought in the last N days is one whose days since the purchase are at most N).
   */
  const lastDays = (days: number) => DateTime.fromJSDate(at, { zone: timezone }).startOf('day').minus({ days });
  /** The window as a condition on `column`: the last N days, or dates inclusive in the programme's zone. */
  const window = (leaf: SegmentLeaf, column: string) =>
    leaf.days !== undefined
      ? ` and ${column} >= ${p(lastDays(leaf.days).toJSDate())}::timestamptz`
      : leaf.from !== undefined
        ? ` and ${column} >= (${p(leaf.from)}::date)::timestamp at time zone $2 and ${column} < (${p(leaf.to)}::date + 1)::timestamp at time zone $2`
        : '';
  const compare = (expr: string, leaf: SegmentLeaf, cast: string): string => {
    const v = leaf.value;
    switch (leaf.op) {
      case 'eq': return `${expr} = ${p(v)}${cast}`;
      case 'ne': return `${expr} is distinct from ${p(v)}${cast}`;
      case 'gt': return `${expr} > ${p(v)}${cast}`;
      case 'gte': return `${expr} >= ${p(v)}${cast}`;
      case 'lt': return `${expr} < ${p(v)}${cast}`;
      case 'lte': return `${expr} <= ${p(v)}${cast}`;
      case 'between': {
        const [a, b] = v as [unknown, unknown];
        return `${expr} between ${p(a)}${cast} and ${p(b)}${cast}`;
      }
      case 'in': return `${expr} = any(${p((v as unknown[]).map(String))}::text[])`;
      case 'not_in': return `coalesce(${expr} <> all(${p((v as unknown[]).map(String))}::text[]), true)`;
      case 'is_set': return `${expr} is not null`;
      case 'not_set': return `${expr} is null`;
      default: throw new Error(`unchecked operator ${leaf.op}`);
    }
  };
  /** A member is in when the grouped table has a row for them (`in`), or when it has none (`not_in`). */
  const presence = (name: string, leaf: SegmentLeaf) => `${name}.member_id is ${leaf.op === 'not_in' || leaf.value === false ? '' : 'not '}null`;

  const leafSql = (leaf: SegmentLeaf): string => {
    const spec = fieldSpec(leaf.field);
    if (!spec) throw new Error(`unchecked field ${leaf.field}`);
    if (leaf.field.startsWith('attribute.')) {
      const value = `(m.attributes -> ${p(leaf.field.slice('attribute.'.length))})`;
      if (leaf.op === 'is_set' || leaf.op === 'not_set') return `${value} is ${leaf.op === 'is_set' ? 'not ' : ''}null`;
      if (leaf.op === 'in' || leaf.op === 'not_in') {
        const within = `${value} in (select jsonb_array_elements(${p(JSON.stringify(leaf.value))}::jsonb))`;
        return leaf.op === 'in' ? `coalesce(${within}, false)` : `not coalesce(${within}, false)`;
      }
      if (leaf.op === 'eq' || leaf.op === 'ne') return `${value} ${leaf.op === 'eq' ? '=' : 'is distinct from'} ${p(JSON.stringify(leaf.value))}::jsonb`;
      return compare(`case when jsonb_typeof(${value}) = 'number' then (${value} #>> '{}')::numeric end`, leaf, '::numeric');
    }
    const today = `($3::timestamptz at time zone $2)::date`;
    switch (leaf.field) {
      case 'gender': return compare('m.gender', leaf, '::text');
      case 'city': return compare('m.city', leaf, '::text');
      case 'tier': return compare('m.tier_code', leaf, '::text');
      case 'source': return compare('m.source', leaf, '::text');
      case 'channel': return compare('m.channel', leaf, '::text');
      case 'age': return compare(`extract(year from age(${today}, m.birth_date))`, leaf, '::numeric');
      case 'birthday_month': return compare('extract(month from m.birth_date)', leaf, '::numeric');
      case 'registered': return compare('(m.created_at at time zone $2)::date', leaf, '::date');
      case 'consent.email':
      case 'consent.sms':
      case 'consent.push':
        return `coalesce((m.consents ->> ${p(leaf.field.slice('consent.'.length))})::boolean, false) = ${p(leaf.value)}::boolean`;
      case 'average_check': return compare('m.paid_total / nullif(m.purchases, 0)', leaf, '::numeric');
      case 'days_since_purchase': return compare(`${today} - (m.last_purchase_at at time zone $2)::date`, leaf, '::numeric');
      case 'points_balance': return compare('m.points_available', leaf, '::numeric');
      case 'purchases':
      case 'paid': {
        if (leaf.days === undefined && leaf.from === undefined) return compare(leaf.field === 'paid' ? 'm.paid_total' : 'm.purchases', leaf, '::numeric');
        const grouped = (within: string) => `select r.member_id collate "C" as member_id, count(*) as purchases, sum(${paid}) as paid from ${netOfReturns}
          where r.program_id = $1 and r.member_id is not null and r.status = 'confirmed' and (${within})${scope.replace('member_id', 'r.member_id')}
          group by 1`;
        const span = leaf.days !== undefined
          ? { from: lastDays(leaf.days).toJSDate(), to: null }
          : { from: DateTime.fromISO(leaf.from!, { zone: timezone }).toJSDate(), to: DateTime.fromISO(leaf.to!, { zone: timezone }).plus({ days: 1 }).toJSDate() };
        const between = (a: Date, b: Date | null) => `r.purchased_at >= ${p(a)}::timestamptz${b ? ` and r.purchased_at < ${p(b)}::timestamptz` : ''}`;
        // The buying days before a day: the number of days listed up to the day before it.
        const before = (day: DateTime) => `width_bucket(${p(day.toISODate())}::date - date '2000-01-01' - 1, days)`;
        const { first, last } = foldedPart(span, timezone, folded?.until);
        const total = leaf.field === 'paid' ? 'm.paid_total' : 'm.purchases';
        // The last N days, all folded before them: the member's running totals (which the sale path keeps) less
        // those of their buying days before the window (migration 046), found by counting the days before it. No
        // receipt is read.
        if (folded && !span.to && span.from <= folded.until.toJSDate()) {
          // Only the buyers with days before the window have anything to take off: the others are left out of the
          // hash (it carries their lists, since the planner reads the elements after the join).
          const held = table(`select member_id collate "C" as member_id, receipts[k] as purchases, paid[k] as paid
            from member_totals, lateral (select ${before(first)} as k) b where program_id = $1 and b.k > 0${scope}`);
          return compare(`${total} - coalesce(${held}.${leaf.field}, 0)`, leaf, '::numeric');
        }
        if (!folded || last <= first) {
          const w = table(grouped(between(span.from, span.to)));
          return compare(`coalesce(${w}.${leaf.field}, 0)`, leaf, '::numeric');
        }
        // A period (whole days): its folded days from the running totals at its last folded day less those before
        // its first, the days after the last folded one from its receipts.
        const held = table(`select member_id collate "C" as member_id, receipts[k.b] - coalesce(receipts[k.a], 0) as purchases, paid[k.b] - coalesce(paid[k.a], 0) as paid
          from member_totals, lateral (select ${before(first)} as a, ${before(last)} as b) k
          where program_id = $1 and k.b > k.a${scope}`);
        const edge = table(grouped(last.toJSDate() < span.to! ? between(last.toJSDate(), span.to) : 'false'));
        return compare(`coalesce(${held}.${leaf.field}, 0) + coalesce(${edge}.${leaf.field}, 0)`, leaf, '::numeric');
      }
      case 'points_expiring': {
        const w = table(`select member_id collate "C" as member_id, sum(remaining) as points from lots
          where program_id = $1 and state = 'active' and remaining > 0 and expires_at < $3::timestamptz + ${p(leaf.days)}::int * interval '1 day'${scope}
          group by 1`);
        return compare(`coalesce(${w}.points, 0)`, leaf, '::numeric');
      }
      case 'bought_category':
      case 'bought_sku':
      case 'bought_brand': {
        // A line named as the catalogue names its product carries only the SKU (src/store/receipt-lines.ts).
        const value = leaf.field === 'bought_sku' ? `l ->> 0` : lineNameSql(lineField[leaf.field]);
        const catalogue = leaf.field === 'bought_sku' ? '' : ` ${lineCatalogueJoin}`;
        const wanted = p(leaf.value);
        const inLines = `exists (select 1 from json_array_elements(r.lines) l${catalogue} where ${value} = any(${wanted}::text[]))`;
        // A category is read from the receipt's own list of them where it has one (receipts since migration 035).
        const bought = leaf.field === 'bought_category' ? `case when r.categories is null then ${inLines} else r.categories && ${wanted}::text[] end` : inLines;
        // A category over the folded days, lifetime or in the last N days, is read from the buyers' last day of
        // each category (migration 046), and only the rest of the window from the receipts.
        if (leaf.field === 'bought_category' && leaf.from === undefined && folded) {
          // The window starts on a day's first instant, so the days not folded yet are all the receipts read.
          const first = leaf.days !== undefined ? lastDays(leaf.days) : folded.since;
          if (folded.until > first) {
            const lastDay = `greatest(${(leaf.value as string[]).map((v) => `(bought ->> ${p(v)}::text)::int`).join(', ')})`;
            const held = table(`select member_id collate "C" as member_id from member_totals
              where program_id = $1${scope} and ${lastDay} >= ${p(first.toISODate())}::date - date '2000-01-01'`);
            const edge = table(`select distinct r.member_id collate "C" as member_id from receipts r
              where r.program_id = $1 and r.member_id is not null and r.status = 'confirmed' and r.purchased_at >= ${p(folded.until.toJSDate())}::timestamptz${scope.replace('member_id', 'r.member_id')}
                and ${bought}`);
            const present = `(${held}.member_id is not null or ${edge}.member_id is not null)`;
            return leaf.op === 'not_in' ? `not ${present}` : present;
          }
        }
        const w = table(`select distinct r.member_id collate "C" as member_id from receipts r
          where r.program_id = $1 and r.member_id is not null and r.status = 'confirmed'${window(leaf, 'r.purchased_at')}${scope.replace('member_id', 'r.member_id')}
            and ${bought}`);
        return presence(w, leaf);
      }
      case 'used_coupon': {
        // Dated by the purchase it was used on.
        const w = table(`select distinct x.member_id collate "C" as member_id from coupon_redemptions x join receipts r on r.program_id = x.program_id and r.id = x.receipt_id
          where x.program_id = $1 and x.member_id is not null and x.restored_at is null${window(leaf, 'r.purchased_at')}${scope.replace('member_id', 'x.member_id')}`);
        return presence(w, leaf);
      }
      case 'campaign': {
        const w = table(`select distinct member_id collate "C" as member_id from campaign_grants
          where program_id = $1 and member_id is not null and reversed_at is null and campaign = any(${p(leaf.value)}::text[])${window(leaf, 'created_at')}${scope}`);
        return presence(w, leaf);
      }
      case 'action': {
        const w = table(`select distinct member_id collate "C" as member_id from member_events
          where program_id = $1 and type = any(${p(leaf.value)}::text[])${window(leaf, 'occurred_at')}${scope}`);
        return presence(w, leaf);
      }
      case 'segment': {
        const w = table(`select distinct member_id collate "C" as member_id from segment_members where program_id = $1 and segment = any(${p(leaf.value)}::text[])${scope}`);
        return presence(w, leaf);
      }
      case 'rfm_segment': {
        // The named cells as the pairs of recency and frequency scores they are made of.
        const wanted = new Set(leaf.value as string[]);
        const cells = pairs.filter(([r, f]) => wanted.has(rfmSegment(r, f))).map(([r, f]) => r * 10 + f);
        const { r, f } = scores();
        const inCell = `coalesce((${r}) * 10 + (${f}) = any(${p(cells)}::int[]), false)`;
        return leaf.op === 'in' ? inCell : `not ${inCell}`;
      }
      case 'rfm_recency':
      case 'rfm_frequency':
      case 'rfm_money':
        return compare(`(${scores()[leaf.field.slice(4, 5) as 'r' | 'f' | 'm']})`, leaf, '::numeric');
    }
    throw new Error(`no SQL for field ${leaf.field}`);
  };

  const node = (n: SegmentRule): string => {
    if ('all' in n) return n.all.length ? `(${n.all.map(node).join(' and ')})` : 'true';
    if ('any' in n) return `(${n.any.map(node).join(' or ')})`;
    if ('not' in n) return `not coalesce(${node(n.not)}, false)`;
    return `coalesce(${leafSql(n)}, false)`;
  };
  out.where = node(rule);
  return out;
}

const pairs: [number, number][] = [1, 2, 3, 4, 5].flatMap((r) => [1, 2, 3, 4, 5].map((f) => [r, f] as [number, number]));
