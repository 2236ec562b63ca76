import type { DeliveryReport } from '../domain/messages/sms.ts';
import type { Queryable } from './db.ts';

// The parts of the SMS messages the SMSC took, and what its delivery receipts said of them (migrations 051, 052).

/**
 * An SMS the SMSC took, in one statement: its parts written with the ids the SMSC gave them, in order (or taking the
 * message, when a receipt came first), and the message marked sent with its text, its number of parts, the parts
 * reported delivered so far and its delivery. A receipt recorded after counts itself in (below).
 */
export async function recordSmsSent(db: Queryable, programId: string, messageId: string, sent: { at: Date; to: string; text: string | null }, smscIds: string[]): Promise<void> {
  await db.query(
    `with parts as (
       insert into sms_parts (program_id, smsc_id, message_id) select $1, unnest($2::text[]), $3
       on conflict (program_id, smsc_id) do update set message_id = excluded.message_id
       returning state),
     p as (select count(*) filter (where state = 'DELIVRD') as delivered, count(*) filter (where state is not null and state <> 'DELIVRD') as lost from parts)
     update messages m set status = 'sent', attempts = m.attempts + 1, leased_until = null, sent_at = $4, reason = null,
       to_address = $5, body = coalesce($6, m.body),
       parts = cardinality($2::text[]), delivered_parts = p.delivered,
       delivery = case when p.lost > 0 then 'undelivered' when p.delivered >= cardinality($2::text[]) then 'delivered' end,
       delivered_at = case when p.lost = 0 and p.delivered >= cardinality($2::text[]) then $4::timestamptz end
     from p where m.program_id = $1 and m.id = $3`,
    [programId, smscIds, messageId, sent.at, sent.to, sent.text],
  );
}

/**
 * A delivery receipt, in one statement: its part takes the state, and if that changed it and the part's message is
 * known, the message counts it. The count is added to the message's row as it stands when locked (a receipt that
 * waited for its part's row to be written reads the message as that wrote it), so receipts of two parts at once
 * both count; a receipt sent again changes nothing. Delivered once every part is, undelivered once one is
 * reported lost.
 */
export async function recordDeliveryReport(db: Queryable, programId: string, report: DeliveryReport, at: Date): Promise<void> {
  if (!report.state) return;
  await db.query(
    `with part as (
       insert into sms_parts (program_id, smsc_id, state) values ($1, $2, $3)
       on conflict (program_id, smsc_id) do update set state = excluded.state where sms_parts.state is distinct from excluded.state
       returning message_id)
     update messages m set
       delivered_parts = m.delivered_parts + ($3 = 'DELIVRD')::int,
       delivery = case when $3 <> 'DELIVRD' or m.delivery = 'undelivered' then 'undelivered' when m.delivered_parts + 1 >= m.parts then 'delivered' end,
       delivered_at = case when $3 = 'DELIVRD' and m.delivery is null and m.delivered_parts + 1 >= m.parts then $4::timestamptz else m.delivered_at end
     from part where m.program_id = $1 and m.id = part.message_id`,
    [programId, report.smscId, report.state, at],
  );
}
