import { actorOf, type Principal } from '../domain/access.ts';
import { savePreferences, type MessagePreferences } from '../store/message-preferences.ts';
import { newId } from '../store/ids.ts';
import { recordAudit } from '../store/rules.ts';
import type { Deps } from './deps.ts';
import { ok, type Outcome } from './outcome.ts';
import { memberToChange } from './personal-data.ts';
import { inTransaction } from './transaction.ts';

/** Sets the member's own choice of topics and weekly maximum; their consents per channel stay where they are kept. */
export async function setMessagePreferences(deps: Deps, programId: string, memberId: string, input: MessagePreferences, by: Principal): Promise<Outcome<MessagePreferences>> {
  return inTransaction(deps.db, async (tx) => {
    const found = await memberToChange(tx, programId, memberId);
    if (!found.ok) return found;
    const now = deps.now();
    const preferences = { mutedTopics: [...new Set(input.mutedTopics)].sort(), weeklyMax: input.weeklyMax };
    await savePreferences(tx, programId, memberId, preferences, now);
    await recordAudit(tx, programId, { id: newId('aud'), actor: actorOf(by), at: now, action: 'set message preferences', entity: 'member', entityId: memberId, before: null, after: preferences });
    return ok(preferences);
  });
}
