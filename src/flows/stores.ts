import { actorOf, type Principal } from '../domain/access.ts';
import { newId } from '../store/ids.ts';
import { recordAudit } from '../store/rules.ts';
import { findStore, upsertStore, type Store } from '../store/stores.ts';
import type { Deps } from './deps.ts';
import { findPartner, upsertPartner, type Partner } from '../store/partners.ts';
import { fail, ok } from './outcome.ts';
import { inTransaction, requestHash } from './transaction.ts';

/** Registers or changes a store (a partner's store names its partner); a change is recorded in the audit trail with the key as the actor. */
export async function saveStore(deps: Deps, programId: string, store: Store, by: Principal) {
  return inTransaction(deps.db, async (tx) => {
    const now = deps.now();
    if (store.partner && !(await findPartner(tx, programId, store.partner)))
      return fail('partner_not_found', `no partner ${store.partner}: add it with PUT /v1/partners/${store.partner} first`);
    const was = await findStore(tx, programId, store.code);
    const saved = await upsertStore(tx, programId, store, now);
    if (requestHash(was) === requestHash(saved)) return ok(saved);
    const action = was ? 'change' : 'create';
    await recordAudit(tx, programId, { id: newId('aud'), actor: actorOf(by), action, entity: 'store', entityId: store.code, before: was, after: saved, at: now });
    return ok(saved);
  });
}

/** Registers or renames a partner of the coalition; recorded in the audit trail. */
export async function savePartner(deps: Deps, programId: string, partner: Partner, by: Principal) {
  return inTransaction(deps.db, async (tx) => {
    const now = deps.now();
    const was = await findPartner(tx, programId, partner.code);
    const saved = await upsertPartner(tx, programId, partner, now);
    if (was?.name === saved.name) return ok(saved);
    const action = was ? 'change' : 'create';
    await recordAudit(tx, programId, { id: newId('aud'), actor: actorOf(by), action, entity: 'partner', entityId: partner.code, before: was, after: saved, at: now });
    return ok(saved);
  });
}
