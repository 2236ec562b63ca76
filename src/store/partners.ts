import type { Queryable } from './db.ts';

/** A partner of a coalition: an organisation that owns stores of the programme. */
export interface Partner {
  code: string;
  name: string;
}

export async function upsertPartner(db: Queryable, programId: string, partner: Partner, now: Date): Promise<Partner> {
  const [row] = await db.query<Partner>(
    `insert into partners (program_id, code, name, created_at, updated_at) values ($1, $2, $3, $4, $4)
     on conflict (program_id, code) do update set name = excluded.name, updated_at = excluded.updated_at
     returning code, name`,
    [programId, partner.code, partner.name, now],
  );
  return row as Partner;
}

export async function findPartner(db: Queryable, programId: string, code: string): Promise<Partner | null> {
  const [row] = await db.query<Partner>('select code, name from partners where program_id = $1 and code = $2', [programId, code]);
  return row ?? null;
}

export async function listPartners(db: Queryable, programId: string): Promise<(Partner & { stores: string[] })[]> {
  return db.query(
    `select p.code, p.name, array(select s.code from stores s where s.program_id = p.program_id and s.partner_code = p.code order by s.code) as stores
     from partners p where p.program_id = $1 order by p.code`,
    [programId],
  );
}
