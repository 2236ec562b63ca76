import { actorOf, type Principal } from '../domain/access.ts';
import { savePreferences, type MessagePreferences } from '../store/message-preferences.ts';
import { newId } from '../store/ids.ts';
import { recordAudit } from '../store/rules.ts';
import type { Deps } from './deps.ts';
import { fail, ok, type Outcome } from './outcome.ts';
import { findChannel } from '../store/messages.ts';
import { forgetPushSubscriptions, savePushSubscription, type PushSubscription } from '../store/push.ts';
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

/**
 * Keeps a browser the member subscribed to web push with (its PushSubscription, made with the programme's VAPID
 * public key): pushes go to each such browser. Refused while the programme has no push channel, whose key it needs.
 */
export async function subscribeToPush(deps: Deps, programId: string, memberId: string, input: Omit<PushSubscription, 'createdAt'>): Promise<Outcome<{ endpoint: string; createdAt: string }>> {
  return inTransaction(deps.db, async (tx) => {
    const found = await memberToChange(tx, programId, memberId);
    if (!found.ok) return found;
    if (!(await findChannel(tx, programId, 'push'))) return fail('conflict', 'the programme has no push channel: set it up to have the key browsers subscribe with');
    const now = deps.now();
    await savePushSubscription(tx, programId, memberId, { ...input, createdAt: now });
    return ok({ endpoint: input.endpoint, createdAt: now.toISOString() });
  });
}

/** Forgets a browser of the member's (one endpoint), or all of them. */
export async function unsubscribeFromPush(deps: Deps, programId: string, memberId: string, endpoint: string | null): Promise<Outcome<{ forgotten: boolean }>> {
  return inTransaction(deps.db, async (tx) => {
    const found = await memberToChange(tx, programId, memberId);
    if (!found.ok) return found;
    return ok({ forgotten: await forgetPushSubscriptions(tx, programId, memberId, endpoint === null ? null : [endpoint]) });
  });
}
