import { settingsSchema, type VersionedSettings } from '../domain/settings.ts';
import type { Queryable } from './db.ts';
import { latestRulesVersionSql } from './rules.ts';

/**
 * Makes `id` a label of the type every programme column has (migrations/023_program_labels.sql). It must be done,
 * and committed, before a row names the programme: run it outside the transaction that inserts the programme.
 */
export async function labelProgram(db: Queryable, id: string): Promise<void> {
  if (!/^prg_[0-9A-Z]{26}$/.test(id)) throw new Error(`not a programme id: ${id}`);
  await db.query(`alter type program add value if not exists '${id}'`);
}

export async function insertProgram(db: Queryable, program: { id: string; name: string; createdAt: Date }): Promise<void> {
  await db.query('insert into programs (id, name, created_at) values ($1, $2, $3)', [program.id, program.name, program.createdAt]);
}

export async function findProgram(db: Queryable, id: string): Promise<{ id: string; name: string } | null> {
  // Compared as text: an id that names no programme is no label of the type either.
  const [row] = await db.query<{ id: string; name: string }>('select id, name from programs where id::text = $1', [id]);
  return row ?? null;
}

export async function listPrograms(db: Queryable): Promise<{ id: string; name: string; loading: boolean }[]> {
  return db.query('select id, name, loading_since is not null as loading from programs order by created_at, id');
}

/** SQL that holds for a programme column whose history is not being loaded: scheduled jobs leave those alone. */
export const notLoading = (column: string) => `${column} not in (select id from programs where loading_since is not null)`;

/** Marks a programme as loading its history (`since`, by the process `by`), or as open for business (null). */
export async function setLoading(db: Queryable, programId: string, since: Date | null, by: string | null = null): Promise<void> {
  await db.query('update programs set loading_since = $2, loading_by = $3 where id = $1', [programId, since, since ? by : null]);
}

export async function loadingPrograms(db: Queryable): Promise<{ id: string; by: string | null }[]> {
  return db.query('select id, loading_by as by from programs where loading_since is not null order by id');
}

export async function isLoading(db: Queryable, programId: string): Promise<boolean> {
  const [row] = await db.query<{ loading: boolean }>('select loading_since is not null as loading from programs where id = $1', [programId]);
  return row?.loading ?? false;
}

export type SettingsRow = { program_id: string; version: number; settings: unknown };
// A settings version never changes once written, so its parsed form can be kept for the life of the process.
const parsed = new Map<string, VersionedSettings>();
export const toVersioned = (row: SettingsRow): VersionedSettings => {
  const key = `${row.program_id}:${row.version}`;
  let found = parsed.get(key);
  if (!found) {
    found = { version: row.version, settings: settingsSchema.parse(row.settings) };
    if (parsed.size > 10_000) parsed.clear();
    parsed.set(key, found);
  }
  return found;
};

/** The settings in force now, or those of a given version (a receipt is reversed under its own). */
export async function loadSettings(db: Queryable, programId: string, version?: number): Promise<VersionedSettings> {
  const [row] =
    version === undefined
      ? await db.query<SettingsRow>(
          'select program_id, version, settings from program_settings where program_id = $1 order by version desc limit 1',
          [programId],
        )
      : await db.query<SettingsRow>('select program_id, version, settings from program_settings where program_id = $1 and version = $2', [
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

export interface ReceiptContext extends VersionedSettings {
  storeExists: boolean;
  storeChannel: 'till' | 'online' | 'app' | 'partner' | null;
  /** The partner that owns the store, if one does. */
  storePartner: string | null;
  rulesVersion: number;
}

export type StoreAndRules = { store: { channel: ReceiptContext['storeChannel']; partner: string | null } | null; rules_version: number };
/** Selects the store's channel and partner (null when there is no such store) and the version of the rules in force. */
export const storeAndRulesSql = (program: string, store: string) =>
  `(select json_build_object('channel', channel, 'partner', partner_code) from stores where program_id = ${program} and code = ${store}) as store,
       ${latestRulesVersionSql(program)} as rules_version`;
export const receiptContextOf = (row: SettingsRow & StoreAndRules): ReceiptContext => ({
  ...toVersioned(row),
  storeExists: row.store !== null,
  storeChannel: row.store?.channel ?? null,
  storePartner: row.store?.partner ?? null,
  rulesVersion: row.rules_version,
});

/** One round trip for a receipt with no member: the settings in force, the store and the rules version. */
export async function receiptContext(db: Queryable, programId: string, storeCode: string): Promise<ReceiptContext | null> {
  const [row] = await db.query<SettingsRow & StoreAndRules>(
    `select program_id, version, settings, ${storeAndRulesSql('$1', '$2')}
     from program_settings where program_id = $1 order by version desc limit 1`,
    [programId, storeCode],
  );
  return row ? receiptContextOf(row) : null;
}
