import { randomBytes } from 'node:crypto';
import { settingsSchema, type ProgramSettings, type VersionedSettings } from '../domain/settings.ts';
import type { Db, Queryable } from '../store/db.ts';
import { newId } from '../store/ids.ts';
import { insertApiKey, type Role } from '../store/keys.ts';
import { appendSettings, insertProgram, labelProgram, loadSettings } from '../store/programs.ts';
import { recordAudit } from '../store/rules.ts';
import type { Deps } from './deps.ts';
import { fail, ok, type Outcome } from './outcome.ts';
import { inTransaction } from './transaction.ts';

/** Creates a programme with its first settings version. */
export async function createProgram(deps: Deps, input: { name: string; settings?: unknown }): Promise<Outcome<{ id: string } & VersionedSettings>> {
  const parsed = settingsSchema.safeParse(input.settings ?? {});
  if (!parsed.success) return fail('validation_failed', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const id = newId('prg');
  await labelProgram(deps.db, id);
  return inTransaction(deps.db, async (tx) => {
    const now = deps.now();
    await insertProgram(tx, { id, name: input.name, createdAt: now });
    await appendSettings(tx, id, { version: 1, settings: parsed.data, actor: 'system', createdAt: now });
    return ok({ id, version: 1, settings: parsed.data });
  });
}

/** Creates an API key for one programme and one role; the secret is shown once and stored hashed. */
export async function createApiKey(db: Db | Queryable, programId: string, role: Role, name: string, now: Date, pii = false, partner: string | null = null) {
  const secret = `kop_${randomBytes(32).toString('base64url')}`;
  const id = newId('key');
  await insertApiKey(db, { id, programId, role, name, pii, partner, secret, createdAt: now });
  return { id, programId, role, name, pii, partner, secret, createdAt: now };
}

/** Applies a partial change to the settings in force and appends it as a new version. */
export async function changeSettings(deps: Deps, programId: string, patch: Partial<ProgramSettings>, actor: string) {
  // A misspelt setting would otherwise be dropped silently and still record a new version.
  const unknown = Object.keys(patch).filter((k) => !Object.hasOwn(settingsSchema.shape, k));
  if (unknown.length > 0)
    return fail('validation_failed', `unknown settings: ${unknown.join(', ')}`, { errors: unknown.map((path) => ({ path, message: 'unknown setting' })) });
  return inTransaction(deps.db, async (tx) => {
    await tx.query('select id from programs where id = $1 for update', [programId]);
    const current = await loadSettings(tx, programId);
    const parsed = settingsSchema.safeParse({ ...current.settings, ...patch });
    if (!parsed.success)
      return fail('validation_failed', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '), {
        errors: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      });
    // A change that changes nothing is not a new version.
    if (JSON.stringify(parsed.data) === JSON.stringify(current.settings)) return ok(current);
    const next = { version: current.version + 1, settings: parsed.data };
    const now = deps.now();
    await appendSettings(tx, programId, { ...next, actor, createdAt: now });
    const changed = (Object.keys(parsed.data) as (keyof ProgramSettings)[]).filter(
      (k) => JSON.stringify(parsed.data[k]) !== JSON.stringify(current.settings[k]),
    );
    await recordAudit(tx, programId, {
      id: newId('aud'),
      actor,
      action: 'change',
      entity: 'settings',
      entityId: String(next.version),
      before: Object.fromEntries(changed.map((k) => [k, current.settings[k]])),
      after: Object.fromEntries(changed.map((k) => [k, parsed.data[k]])),
      at: now,
    });
    return ok(next);
  });
}
