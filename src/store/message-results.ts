import type { Queryable } from './db.ts';

/** What became of one group of a broadcast or trigger (a variant, or the control group), and what its members bought after. */
export interface GroupFigures {
  /** The variant's letter, or null for the control group. */
  variant: string | null;
  members: number;
  /** Waiting to go: for quiet hours to end, a cap's next day, another try. */
  queued: number;
  sent: number;
  /** Known to have arrived: an SMS whose every part the SMSC reported delivered; an e-mail or push the receiving server or push service took. */
  delivered: number;
  failed: number;
  skipped: number;
  opened: number;
  clicked: number;
  unsubscribed: number;
  /** Members who bought within the conversion window after their message was due. */
  converted: number;
  /** What the group's members paid in that window (kopecks), in all and squared per member. */
  revenue: number;
  revenueSquares: number;
}

/**
 * The figures of each group of an origin (`broadcast:CODE`, `trigger:CODE`): its messages by what became of them,
 * and each member's confirmed receipts in the `days` after their message was due. The control group's members
 * count from the same moment, so the two are compared over the same days.
 */
export async function groupFigures(db: Queryable, programId: string, origin: string, days: number): Promise<GroupFigures[]> {
  const rows = await db.query<Record<string, string | number | null>>(
    `select m.variant, count(*)::int as members,
       count(*) filter (where m.status = 'queued')::int as queued,
       count(*) filter (where m.status = 'sent')::int as sent,
       count(*) filter (where m.status = 'sent' and (m.channel <> 'sms' or m.delivery = 'delivered'))::int as delivered,
       count(*) filter (where m.status in ('failed', 'bounced'))::int as failed,
       count(*) filter (where m.status = 'skipped')::int as skipped,
       count(m.opened_at)::int as opened, count(m.clicked_at)::int as clicked, count(m.unsubscribed_at)::int as unsubscribed,
       count(*) filter (where r.paid > 0)::int as converted,
       coalesce(sum(r.paid), 0)::bigint as revenue, coalesce(sum(r.paid::numeric * r.paid), 0)::text as squares
     from messages m
     left join lateral (
       select sum(total) as paid from receipts
       where program_id = m.program_id and member_id = m.member_id and status = 'confirmed'
         and purchased_at >= m.due_at and purchased_at < m.due_at + make_interval(days => $3)
     ) r on true
     where m.program_id = $1 and m.origin = $2
     group by m.variant order by m.variant nulls first`,
    [programId, origin, days],
  );
  return rows.map((r) => ({
    variant: r.variant as string | null,
    members: Number(r.members),
    queued: Number(r.queued),
    sent: Number(r.sent),
    delivered: Number(r.delivered),
    failed: Number(r.failed),
    skipped: Number(r.skipped),
    opened: Number(r.opened),
    clicked: Number(r.clicked),
    unsubscribed: Number(r.unsubscribed),
    converted: Number(r.converted),
    revenue: Number(r.revenue),
    revenueSquares: Number(r.squares),
  }));
}
