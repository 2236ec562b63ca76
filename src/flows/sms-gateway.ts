import type { SmsGatewaySettings } from '../store/messages.ts';

// SMS through an aggregator's HTTP API, as most Russian shops send them: a request made from a template of the
// gateway's URL (and body), with the account's header.

/** What a gateway's URL and body may name: the member's number (digits, international), the text, the sender, the message's id. */
export const gatewayPlaceholders = ['to', 'text', 'from', 'id'] as const;
type Placeholder = (typeof gatewayPlaceholders)[number];

/** How long a gateway may keep us waiting to take a message. */
const TIMEOUT_MS = Number(process.env.KOPILKA_SMS_GATEWAY_TIMEOUT_MS) || 10_000;

/** The placeholders a template names that a gateway does not fill. */
export const unknownPlaceholders = (template: string): string[] =>
  [...template.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)].map((m) => m[1] ?? '').filter((name) => !(gatewayPlaceholders as readonly string[]).includes(name));

const fill = (template: string, values: Record<Placeholder, string>, encode: (v: string) => string) =>
  template.replace(/\{\{\s*(to|text|from|id)\s*\}\}/g, (_, name: Placeholder) => encode(values[name]));

/** A header line such as `Authorization: Bearer …` as its name and value; null when it is not one. */
export function headerOf(line: string): [string, string] | null {
  const match = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+):\s*(\S.*)$/.exec(line.trim());
  return match ? [match[1] as string, match[2] as string] : null;
}

/**
 * The request for one SMS: the URL with each value URL-encoded, and by POST the body with each value encoded as
 * its content type needs (JSON string escapes, or form encoding); the account's header goes with it.
 */
export function gatewayRequest(settings: SmsGatewaySettings, header: string | null, sms: { to: string; text: string; id: string }): { url: string; init: RequestInit } {
  const values = { to: sms.to.replace('+', ''), text: sms.text, from: settings.sourceAddr, id: sms.id };
  const url = fill(settings.url, values, encodeURIComponent);
  const auth = header ? headerOf(header) : null;
  const headers: Record<string, string> = { ...(auth ? { [auth[0]]: auth[1] } : {}) };
  if (settings.method === 'GET' || settings.body === null) return { url, init: { method: settings.method, headers } };
  const json = settings.contentType === 'json';
  const body = fill(settings.body, values, json ? (v) => JSON.stringify(v).slice(1, -1) : encodeURIComponent);
  return { url, init: { method: 'POST', headers: { ...headers, 'content-type': json ? 'application/json; charset=utf-8' : 'application/x-www-form-urlencoded; charset=utf-8' }, body } };
}

/** What the gateway made of a message: taken, refused for good (a 4xx but 401, 403, 408, 429), or to be tried again. */
export type GatewayAnswer = { taken: true } | { taken: false; later: boolean; reason: string };

/** Sends one SMS through the gateway. */
export async function sendThroughGateway(settings: SmsGatewaySettings, header: string | null, sms: { to: string; text: string; id: string }): Promise<GatewayAnswer> {
  const { url, init } = gatewayRequest(settings, header, sms);
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
    const answer = (await res.text()).slice(0, 200);
    if (res.ok) return { taken: true };
    const later = res.status >= 500 || [401, 403, 408, 429].includes(res.status);
    return { taken: false, later, reason: `the SMS gateway answered ${res.status}${answer ? `: ${answer}` : ''}` };
  } catch (error) {
    return { taken: false, later: true, reason: `the SMS gateway did not answer: ${(error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : (error as Error).message}` };
  }
}

/** Checks that the gateway's server answers at all (without sending anything); the reason when it does not. */
export async function checkGateway(settings: SmsGatewaySettings): Promise<string | null> {
  try {
    await fetch(new URL(settings.url.replace(/\{\{[^}]*\}\}/g, 'x')).origin, { method: 'HEAD', signal: AbortSignal.timeout(TIMEOUT_MS) });
    return null;
  } catch (error) {
    const cause = (error as Error).cause;
    return cause instanceof Error ? cause.message : (error as Error).message;
  }
}
