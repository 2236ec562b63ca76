import { planDueBroadcasts } from '../flows/broadcasts.ts';
import { planCalendarMessages } from '../flows/calendar-messages.ts';
import type { Deps } from '../flows/deps.ts';
import { planMessages } from '../flows/messaging.ts';
import { sendDueMessages } from '../flows/sending.ts';
import { closeLinks, newLinks, type Links } from '../flows/links.ts';
import { programmesWithTriggers } from '../store/messages.ts';

/**
 * One round of messages: the broadcasts whose time has come are planned, each programme with a trigger on plans
 * its next events of the feed and (once a day) its calendar triggers into messages, then what is due is sent. Returns how many broadcasts were planned,
 * events read and messages tried: while that is not 0, more may wait. Of every programme, or of the one given.
 */
export async function messagesOnce(deps: Deps, transports: Links, only: string | null = null): Promise<number> {
  let done = await planDueBroadcasts(deps, only);
  for (const programId of await programmesWithTriggers(deps.db, only)) done += (await planMessages(deps, programId)) + (await planCalendarMessages(deps, programId));
  return done + (await sendDueMessages(deps, transports, 50, only));
}

/** Plans and sends messages (of every programme, or of the one given) every `idleMs` while there is nothing to do, at once while there is. */
export function startMessenger(deps: Deps, idleMs = 1_000, only: string | null = null) {
  const transports = newLinks();
  let stopping = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  const tick = () => {
    running = (async () => {
      while (!stopping && (await messagesOnce(deps, transports, only)) > 0);
    })()
      .catch((error: unknown) => console.error('messages failed', error))
      .finally(() => {
        running = null;
        if (!stopping) timer = setTimeout(tick, idleMs);
      });
  };
  tick();
  return {
    stop: async () => {
      stopping = true;
      if (timer) clearTimeout(timer);
      await running;
      await closeLinks(transports);
    },
  };
}
