import type { Queryable } from './db.ts';

export interface Store {
  code: string;
  name: string;
  city: string | null;
  channel: 'till' | 'online' | 'app' | 'partner';
  /** The partner that owns the store; none for the programme's own stores. */
  partner?: string | null;
}

type Row = { code: string; name: string; city: string | null; channel: Store['channel']; partner_code: string | null };
/** A store as stored: the partner named, null for the programme's own. */
export type StoredStore = Store & { partner: string | null };
const toStore = (r: Row): StoredStore => ({ code: r.code, name: r.name, city: r.city, channel: r.channel, partner: r.partner_code });
const columns = 'code, name, city, channel, partner_code';

export async function upsertStore(db: Queryable, programId: string, store: Store, now: Date): Promise<StoredStore> {
  const [row] = await db.query<Row>(
    `insert into stores (program_id, code, name, city, channel, partner_code, created_at, updated_at) values ($1, $2, $3, $4, $5, $6, $7, $7)
     on conflict (program_id, code) do update set name = excluded.name, city = excluded.city, channel = excluded.channel,
       partner_code = excluded.partner_code, updated_at = excluded.updated_at
     returning ${columns}`,
    [programId, store.code, store.name, store.city, store.channel, store.partner ?? null, now],
  );
  return toStore(row as Row);
}

export async function findStore(db: Queryable, programId: string, code: string): Promise<StoredStore | null> {
  const [row] = await db.query<Row>(`select ${columns} from stores where program_id = $1 and code = $2`, [
    programId,
    code,
  ]);
  return row ? toStore(row) : null;
}

export async function listStores(db: Queryable, programId: string): Promise<StoredStore[]> {
  const rows = await db.query<Row>(`select ${columns} from stores where program_id = $1 order by code`, [programId]);
  return rows.map(toStore);
}
