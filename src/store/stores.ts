import type { Queryable } from './db.ts';

export interface Store {
  code: string;
  name: string;
  city: string | null;
  channel: 'till' | 'online' | 'app' | 'partner';
}

type Row = { code: string; name: string; city: string | null; channel: Store['channel'] };
const toStore = (r: Row): Store => ({ code: r.code, name: r.name, city: r.city, channel: r.channel });

export async function upsertStore(db: Queryable, programId: string, store: Store, now: Date): Promise<Store> {
  const [row] = await db.query<Row>(
    `insert into stores (program_id, code, name, city, channel, created_at, updated_at) values ($1, $2, $3, $4, $5, $6, $6)
     on conflict (program_id, code) do update set name = excluded.name, city = excluded.city, channel = excluded.channel,
       updated_at = excluded.updated_at
     returning code, name, city, channel`,
    [programId, store.code, store.name, store.city, store.channel, now],
  );
  return toStore(row as Row);
}

export async function findStore(db: Queryable, programId: string, code: string): Promise<Store | null> {
  const [row] = await db.query<Row>('select code, name, city, channel from stores where program_id = $1 and code = $2', [
    programId,
    code,
  ]);
  return row ? toStore(row) : null;
}

export async function listStores(db: Queryable, programId: string): Promise<Store[]> {
  const rows = await db.query<Row>('select code, name, city, channel from stores where program_id = $1 order by code', [programId]);
  return rows.map(toStore);
}
