import { actorOf, type Principal, type Role } from '../domain/access.ts';
import { newId } from '../store/ids.ts';
import { findKeyById, otherActiveAdmins, revokeApiKey, type KeyView } from '../store/keys.ts';
import { findPartner } from '../store/partners.ts';
import { recordAudit } from '../store/rules.ts';
import type { Deps } from './deps.ts';
import { fail, ok, type Outcome } from './outcome.ts';
import { createApiKey } from './programs.ts';
import { inTransaction } from './transaction.ts';

export interface KeyInput {
  role: Role;
  name: string;
  /** Personal data for a readonly key; admin, marketer and pos keys have it by role, partner keys never. */
  pii: boolean;
  /** The partner a partner key belongs to (required for one, refused for the other roles). */
  partner?: string | undefined;
}

/** Issues a key of the programme; the secret is in the answer once and stored only hashed. Recorded in the audit trail. */
export async function issueKey(deps: Deps, programId: string, input: KeyInput, by: Principal): Promise<Outcome<KeyView & { secret: string }>> {
  if (input.pii && input.role !== 'readonly')
    return fail('validation_failed', 'pii is a grant for readonly keys: admin, marketer and pos keys see personal data by role, partner keys never', { field: 'pii' });
  if ((input.role === 'partner') !== !!input.partner)
    return fail('validation_failed', 'a partner key names its partner (and only a partner key does)', { field: 'partner' });
  return inTransaction(deps.db, async (tx) => {
    const now = deps.now();
    if (input.partner && !(await findPartner(tx, programId, input.partner)))
      return fail('partner_not_found', `no partner ${input.partner}: add it with PUT /v1/partners/${input.partner} first`);
    const key = await createApiKey(tx, programId, input.role, input.name, now, input.pii, input.partner ?? null);
    const after = { name: key.name, role: key.role, pii: key.pii, partner: key.partner };
    await recordAudit(tx, programId, { id: newId('aud'), actor: actorOf(by), action: 'create', entity: 'key', entityId: key.id, before: null, after, at: now });
    return ok({ id: key.id, ...after, createdAt: now, revokedAt: null, secret: key.secret });
  });
}

/**
 * Revokes a key of the programme (of any programme when `programId` is null: the command line). Revoking a revoked
 * key answers as the first time. Through the API, the programme's last admin key stays: it is the only way back in.
 */
export async function revokeKey(
  deps: Deps,
  programId: string | null,
  id: string,
  by: Principal,
  options: { keepLastAdmin: boolean },
): Promise<Outcome<KeyView & { programId: string }>> {
  return inTransaction(deps.db, async (tx) => {
    // One revocation at a time per programme: two admins must not each revoke the other's last key.
    if (programId) await tx.query('select id from programs where id = $1 for update', [programId]);
    const key = await findKeyById(tx, programId, id);
    if (!key) return fail('key_not_found', `no key ${id}`);
    if (key.revokedAt) return ok(key);
    if (options.keepLastAdmin && key.role === 'admin' && (await otherActiveAdmins(tx, key.programId, key.id)) === 0)
      return fail('conflict', "this is the programme's last admin key; create another admin key first");
    const now = deps.now();
    const revoked = await revokeApiKey(tx, key.id, now);
    const entry = { id: newId('aud'), actor: actorOf(by), action: 'revoke', entity: 'key', entityId: key.id, before: null, after: { revokedAt: now }, at: now };
    await recordAudit(tx, key.programId, entry);
    return ok({ ...revoked, programId: key.programId });
  });
}
