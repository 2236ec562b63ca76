import { actorOf, type Principal } from '../domain/access.ts';
import { newId } from '../store/ids.ts';
import { recordAudit } from '../store/rules.ts';
import { findStore, upsertStore, type Store } from '../store/stores.ts';
import type { Deps } from './deps.ts';
import { ok } from './outcome.ts';
import { inTransaction, requestHash } from './transaction.ts';

/** Registers or changes a store; a change is recorded in the audit trail with the key as the actor. */
export async function saveStore(deps: Deps, programId: string, store: Store, by: Principal) {
  return inTransaction(deps.db, async (tx) => {
    const now = deps.now();
    const was = await findStore(tx, programId, store.code);
    const saved = await upsertStore(tx, programId, store, now);
    if (requestHash(was) === requestHash(saved)) return ok(saved);
    const action = was ? 'change' : 'create';
    await recordAudit(tx, programId, { id: newId('aud'), actor: actorOf(by), action, entity: 'store', entityId: store.code, before: was, after: saved, at: now });
    return ok(saved);
  });
}
