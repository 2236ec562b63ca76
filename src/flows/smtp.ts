import nodemailer from 'nodemailer';
import type { Queryable } from '../store/db.ts';
import { findChannel, type EmailSettings } from '../store/messages.ts';
import { unseal } from '../store/secrets.ts';

/** How long the SMTP server may keep us waiting to connect or greet (the transfer, three times that). */
const TIMEOUT_MS = Number(process.env.KOPILKA_SMTP_TIMEOUT_MS) || 10_000;

/** The longest one mail may take: connecting, the server's greeting, and the transfer. */
export const SENDING_MAX_MS = 5 * TIMEOUT_MS;

/** How many mails of a programme are on the wire at once, each on a connection of its own. */
export const SENDING_CONNECTIONS = 5;

export const transportOf = (settings: EmailSettings, password: string | null, dkimKey: string | null = null) =>
  nodemailer.createTransport({
    ...(settings.dkim && dkimKey ? { dkim: { domainName: settings.dkim.domain, keySelector: settings.dkim.selector, privateKey: dkimKey } } : {}),
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    // A few connections kept open and reused: a broadcast's mails go one after another on each.
    pool: true,
    maxConnections: SENDING_CONNECTIONS,
    ...(settings.user ? { auth: { user: settings.user, pass: password ?? '' } } : {}),
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: 3 * TIMEOUT_MS,
  });

/** The open SMTP connections, one per programme, remade when its channel changes. */
export type Transports = Map<string, { updatedAt: number; transport: ReturnType<typeof transportOf>; settings: EmailSettings }>;

/** The programme's SMTP connection, made anew if its channel changed since; null when it has none. */
export async function transportFor(db: Queryable, transports: Transports, programId: string) {
  const channel = await findChannel(db, programId, 'email');
  if (!channel) return null;
  const held = transports.get(programId);
  if (held && held.updatedAt === channel.updatedAt.getTime()) return held;
  held?.transport.close();
  const made = { updatedAt: channel.updatedAt.getTime(), transport: transportOf(channel.settings, channel.secret ? unseal(channel.secret) : null, channel.dkimKey ? unseal(channel.dkimKey) : null), settings: channel.settings };
  transports.set(programId, made);
  return made;
}
