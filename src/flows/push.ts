import webpush, { WebPushError } from 'web-push';
import type { PushSettings } from '../store/messages.ts';
import type { PushSubscription } from '../store/push.ts';

/** How long a push service may keep us waiting to take a push. */
const TIMEOUT_MS = Number(process.env.KOPILKA_PUSH_TIMEOUT_MS) || 10_000;

/** How long a push service keeps a push for a browser that is offline: a day, as a message waits out its failures. */
const KEPT_SECONDS = 24 * 3_600;

/** A programme's VAPID key pair (RFC 8292), base64url: the public key browsers subscribe with, the private key pushes are signed with. */
export const newVapidKeys = (): { publicKey: string; privateKey: string } => webpush.generateVAPIDKeys();

/** What the push services answered: the endpoints that took the push, those gone for good, and why the rest did not. */
export interface Pushed {
  taken: string[];
  /** The browser unsubscribed or the subscription expired (404, 410): forget it. */
  gone: string[];
  /** A refusal for good (a 4xx but 429), and a failure worth another try (429, 5xx, no answer): the last reason of each. */
  refused: string | null;
  later: string | null;
}

/**
 * Pushes a payload to each of the member's browsers at once, encrypted to each (RFC 8291) and signed with the
 * programme's VAPID key (RFC 8292).
 */
export async function pushTo(subscriptions: PushSubscription[], settings: PushSettings, privateKey: string, payload: string): Promise<Pushed> {
  const pushed: Pushed = { taken: [], gone: [], refused: null, later: null };
  await Promise.all(
    subscriptions.map(async (s) => {
      try {
        await webpush.sendNotification({ endpoint: s.endpoint, keys: s.keys }, payload, {
          vapidDetails: { subject: settings.subject, publicKey: settings.publicKey, privateKey },
          TTL: KEPT_SECONDS,
          timeout: TIMEOUT_MS,
        });
        pushed.taken.push(s.endpoint);
      } catch (error) {
        const status = error instanceof WebPushError ? error.statusCode : null;
        const reason = `the push service ${new URL(s.endpoint).host} ${status ? `answered ${status}${error instanceof WebPushError && error.body ? `: ${String(error.body).slice(0, 200)}` : ''}` : `did not take the push: ${(error as Error).message}`}`;
        if (status === 404 || status === 410) pushed.gone.push(s.endpoint);
        else if (status && status >= 400 && status < 500 && status !== 429) pushed.refused = reason;
        else pushed.later = reason;
      }
    }),
  );
  return pushed;
}
