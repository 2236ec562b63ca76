import type { DeliveryReport } from '../domain/messages/sms.ts';
import type { Db, Queryable } from './db.ts';

// The parts of the SMS messages the SMSC took, and what its delivery receipts said of them (migration 051).

/**
 * A message's delivery from its parts: delivered once each part is, undelivered once any is reported lost. Under
 * the message's row lock, taken before, so that of two receipts of its parts recorded at once the second counts
 * the first.
 */
async function settleDelivery(tx: Queryable, programId: string, messageId: string, at: Date): Promise<void> {
  await tx.query('select 1 from messages where program_id = $1 and id = $2 for update', [programId, messageId]);
  await tx.query(
    `with p as (
       select count(*) filter (where state = 'DELIVRD') as delivered, count(*) filter (where state is not null and state <> 'DELIVRD') as lost
       from sms_parts where program_id = $1 and message_id = $2)
     update messages m set
       delivery = case when p.lost > 0 then 'undelivered' when p.delivered >= m.parts then 'delivered' end,
       delivered_at = case when p.lost = 0 and p.delivered >= m.parts then coalesce(m.delivered_at, $3) end
     from p where m.program_id = $1 and m.id = $2`,
    [programId, messageId, at],
  );
}

/**
 * The ids the SMSC gave a message's parts, in order; receipts that came first are counted now. The parts' rows are
 * locked before the message's, as a receipt locks them, so that the two never wait for each other.
 */
export async function recordSmsParts(db: Db, programId: string, messageId: string, smscIds: string[], at: Date): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(
      `insert into sms_parts (program_id, smsc_id, message_id) select $1, unnest($2::text[]), $3
       on conflict (program_id, smsc_id) do update set message_id = excluded.message_id`,
      [programId, smscIds, messageId],
    );
    await tx.query('update messages set parts = $3 where program_id = $1 and id = $2', [programId, messageId, smscIds.length]);
    await settleDelivery(tx, programId, messageId, at);
  });
}

/** A delivery receipt: its part's state, and with it its message's delivery if the part is known already. */
export async function recordDeliveryReport(db: Db, programId: string, report: DeliveryReport, at: Date): Promise<void> {
  if (!report.state) return;
  await db.transaction(async (tx) => {
    const [part] = await tx.query<{ message_id: string | null }>(
      `insert into sms_parts (program_id, smsc_id, state) values ($1, $2, $3)
       on conflict (program_id, smsc_id) do update set state = excluded.state
       returning message_id`,
      [programId, report.smscId, report.state],
    );
    if (part?.message_id) await settleDelivery(tx, programId, part.message_id, at);
  });
}
