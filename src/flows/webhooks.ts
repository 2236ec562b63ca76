import { randomBytes } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import { actorOf, type Principal } from '../domain/access.ts';
import { newId } from '../store/ids.ts';
import { recordAudit } from '../store/rules.ts';
import { insertWebhook, type Webhook } from '../store/webhooks.ts';
import type { Deps } from './deps.ts';
import { fail, ok, type Outcome } from './outcome.ts';
import { inTransaction } from './transaction.ts';

export interface WebhookInput {
  url: string;
  eventTypes: string[];
  /** `whsec_` and at least 24 random bytes in base64; one is made when none is given. */
  secret?: string | undefined;
}

const loopback = new Set(['localhost', '127.0.0.1', '[::1]', '::1', '0.0.0.0']);
const sameServer = (a: URL, b: URL) =>
  (a.hostname === b.hostname || (loopback.has(a.hostname) && loopback.has(b.hostname))) && (a.port || defaultPort(a)) === (b.port || defaultPort(b));
const defaultPort = (u: URL) => (u.protocol === 'https:' ? '443' : '80');

/** A URL webhooks can go to: http(s) only, not this server itself, a host that resolves. */
export async function checkWebhookUrl(url: string, server: string): Promise<Outcome<URL>> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return fail('validation_failed', 'url: not a URL', { field: 'url' });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return fail('validation_failed', 'url: only http and https URLs receive webhooks', { field: 'url' });
  if (parsed.username || parsed.password) return fail('validation_failed', 'url: credentials do not belong in the URL; verify the signature instead', { field: 'url' });
  if (sameServer(parsed, new URL(server))) return fail('validation_failed', 'url: that is this Kopilka server itself', { field: 'url' });
  try {
    await lookup(parsed.hostname.replace(/^\[|\]$/g, ''));
  } catch {
    return fail('webhook_unreachable', `url: the host ${parsed.hostname} does not resolve`, { field: 'url' });
  }
  return ok(parsed);
}

/** A secret as Standard Webhooks shares it: `whsec_` and base64 of 24 to 64 random bytes. */
function secretFault(secret: string): string | null {
  const match = /^whsec_([A-Za-z0-9+/]+={0,2})$/.exec(secret);
  const bytes = match ? Buffer.from(match[1] as string, 'base64').length : 0;
  return bytes >= 24 && bytes <= 64 ? null : 'secret: whsec_ and the base64 of 24 to 64 random bytes';
}

/** Subscribes a URL to the programme's events; the secret is in the answer once. Recorded in the audit trail. */
export async function createWebhook(deps: Deps, programId: string, input: WebhookInput, server: string, by: Principal): Promise<Outcome<Webhook & { secret: string }>> {
  const url = await checkWebhookUrl(input.url, server);
  if (!url.ok) return url;
  const secretProblem = input.secret === undefined ? null : secretFault(input.secret);
  if (secretProblem) return fail('validation_failed', secretProblem, { field: 'secret' });
  const secret = input.secret ?? `whsec_${randomBytes(32).toString('base64')}`;
  return inTransaction(deps.db, async (tx) => {
    const now = deps.now();
    const made = await insertWebhook(tx, programId, { id: newId('whk'), url: url.value.toString(), eventTypes: input.eventTypes, secret, createdAt: now });
    await recordAudit(tx, programId, { id: newId('aud'), actor: actorOf(by), action: 'create', entity: 'webhook', entityId: made.id, before: null, after: { url: made.url, eventTypes: made.eventTypes }, at: now });
    return ok({ ...made, secret });
  });
}
