import type { ConsentRecord } from '../domain/consents.ts';
import type { Queryable } from './db.ts';

/** Writes consent records, in the transaction that changes the member's consents. */
export async function recordConsents(tx: Queryable, programId: string, records: ConsentRecord[]): Promise<void> {
  if (records.length === 0) return;
  await tx.query(
    `insert into consent_records (program_id, id, member_id, channel, granted, at, via, wording, store_code, ip, actor)
     select $1, r.id, r.member_id, r.channel, r.granted, r.at, r.via, r.wording, r.store_code, r.ip, r.actor
     from jsonb_to_recordset($2::jsonb) as r(id text, member_id text, channel text, granted boolean, at timestamptz, via text, wording text, store_code text, ip text, actor text)`,
    [
      programId,
      JSON.stringify(records.map((r) => ({ id: r.id, member_id: r.memberId, channel: r.channel, granted: r.granted, at: r.at, via: r.via, wording: r.wording, store_code: r.storeCode, ip: r.ip, actor: r.actor }))),
    ],
  );
}

/** A member's consent records, oldest first. */
export async function consentRecords(db: Queryable, programId: string, memberId: string): Promise<ConsentRecord[]> {
  const rows = await db.query<{ id: string; member_id: string; channel: ConsentRecord['channel']; granted: boolean; at: Date; via: ConsentRecord['via']; wording: string | null; store_code: string | null; ip: string | null; actor: string }>(
    `select id, member_id, channel, granted, at, via, wording, store_code, ip, actor from consent_records
     where program_id = $1 and member_id = $2 order by at, id`,
    [programId, memberId],
  );
  return rows.map((r) => ({ id: r.id, memberId: r.member_id, channel: r.channel, granted: r.granted, at: new Date(r.at), via: r.via, wording: r.wording, storeCode: r.store_code, ip: r.ip, actor: r.actor }));
}

/** Clears the IP addresses in an erased member's consent records: the grants and withdrawals stay, as proof. */
export async function forgetConsentAddresses(tx: Queryable, programId: string, memberId: string): Promise<void> {
  await tx.query('update consent_records set ip = null where program_id = $1 and member_id = $2 and ip is not null', [programId, memberId]);
}
