import { settingsSchema, type VersionedSettings } from '../domain/settings.ts';
import type { Queryable } from './db.ts';

export async function insertProgram(db: Queryable, program: { id: string; name: string; createdAt: Date }): Promise<void> {
  await db.query('insert into programs (id, name, created_at) values ($1, $2, $3)', [program.id, program.name, program.createdAt]);
}

export async function findProgram(db: Queryable, id: string): Promise<{ id: string; name: string } | null> {
  const [row] = await db.query<{ id: string; name: string }>('select id, name from programs where id = $1', [id]);
  return row ?? null;
}

export async function listPrograms(db: Queryable): Promise<{ id: string; name: string }[]> {
  return db.query('select id, name from programs order by created_at, id');
}

type SettingsRow = { version: number; settings: unknown };
const toVersioned = (row: SettingsRow): VersionedSettings => ({ version: row.version, settings: settingsSchema.parse(row.settings) });

/** The settings in force now, or those of a given version (a receipt is reversed under its own). */
export async function loadSettings(db: Queryable, programId: string, version?: number): Promise<VersionedSettings> {
  const [row] =
    version === undefined
      ? await db.query<SettingsRow>(
          'select version, settings from program_settings where program_id = $1 order by version desc limit 1',
          [programId],
        )
      : await db.query<SettingsRow>('select version, settings from program_settings where program_id = $1 and version = $2', [
          programId,
          version,
        ]);
  if (!row) throw new Error(`programme ${programId} has no settings version ${version ?? 'at all'}`);
  return toVersioned(row);
}

export async function appendSettings(
  db: Queryable,
  programId: string,
  entry: VersionedSettings & { actor: string; createdAt: Date },
): Promise<void> {
  await db.query(
    'insert into program_settings (program_id, version, settings, actor, created_at) values ($1, $2, $3, $4, $5)',
    [programId, entry.version, JSON.stringify(entry.settings), entry.actor, entry.createdAt],
  );
}

/** One round trip for a receipt: the settings in force and whether the store exists. */
export async function receiptContext(db: Queryable, programId: string, storeCode: string): Promise<(VersionedSettings & { storeExists: boolean }) | null> {
  const [row] = await db.query<SettingsRow & { store_exists: boolean }>(
    `select version, settings, exists (select 1 from stores where program_id = $1 and code = $2) as store_exists
     from program_settings where program_id = $1 order by version desc limit 1`,
    [programId, storeCode],
  );
  return row ? { ...toVersioned(row), storeExists: row.store_exists } : null;
}
