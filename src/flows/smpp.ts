import smpp, { type Pdu, type Session } from 'smpp';
import { deliveryReport, smsParts, type DeliveryReport } from '../domain/messages/sms.ts';
import type { Queryable } from '../store/db.ts';
import { isGateway, type SmsSettings, type StoredChannel } from '../store/messages.ts';
import { recordDeliveryReport } from '../store/sms.ts';
import { unseal } from '../store/secrets.ts';

/** How long the SMSC may keep us waiting to connect and bind, or to answer a submit. */
const TIMEOUT_MS = Number(process.env.KOPILKA_SMPP_TIMEOUT_MS) || 10_000;

/** Answers the SMSC would have us try again later for: throttled, its queue full. */
const TRY_LATER = new Set([0x58, 0x14]);

const refused = (what: string, status: number) => `the SMSC refused ${what} (command status 0x${status.toString(16).padStart(2, '0')})`;

/** The SMSC refused a part: for now (`later`) or for good. */
export class SmscRefusal extends Error {
  constructor(
    readonly status: number,
    readonly accepted: number,
  ) {
    super(refused('the message', status));
  }

  get later() {
    return TRY_LATER.has(this.status);
  }
}

/**
 * Opens a session to the SMSC and binds as a transceiver, so that its delivery receipts come back on the same
 * session: each is acknowledged and passed to `onReport`. Fails within the timeout if the SMSC does not answer
 * or refuses the account.
 */
export function bindSmsc(settings: SmsSettings, password: string | null, onReport: (report: DeliveryReport) => void = () => undefined): Promise<Session> {
  return new Promise((resolve, reject) => {
    let bound = false;
    const session = smpp.connect({ host: settings.host, port: settings.port, tls: settings.tls, auto_enquire_link_period: 30_000 }, () => {
      // Each PDU goes at once: a submit waiting for the SMSC's acknowledgement of the last packet would add tens of
      // milliseconds a message.
      session.socket.setNoDelay(true);
      session.bind_transceiver({ system_id: settings.systemId, password: password ?? '' }, (pdu) => {
        clearTimeout(timer);
        if (pdu.command_status !== 0) {
          session.destroy();
          return reject(new Error(refused('the bind', pdu.command_status)));
        }
        bound = true;
        resolve(session);
      });
    });
    const timer = setTimeout(() => {
      session.destroy();
      reject(new Error(`the SMSC ${settings.host}:${settings.port} did not answer within ${TIMEOUT_MS} ms`));
    }, TIMEOUT_MS);
    session.on('error', (error: Error) => {
      clearTimeout(timer);
      if (!bound) reject(error);
    });
    session.on('deliver_sm', (pdu: Pdu) => {
      session.send(pdu.response());
      // Bit 2 of esm_class marks a delivery receipt (SMPP 3.4, 5.2.12); anything else is a member's reply.
      if (((pdu.esm_class as number) & 0x04) === 0) return;
      const text = (pdu.short_message as { message?: unknown } | undefined)?.message;
      const report = deliveryReport(typeof text === 'string' ? text : '', pdu.receipted_message_id as string | undefined, pdu.message_state as number | undefined);
      if (report) onReport(report);
    });
    session.on('enquire_link', (pdu: Pdu) => session.send(pdu.response()));
    session.on('unbind', (pdu: Pdu) => {
      session.send(pdu.response());
      session.close();
    });
  });
}

/** Checks that the SMSC answers and takes the account, then unbinds; the reason when it does not. */
export async function checkSmsc(settings: SmsSettings, password: string | null): Promise<string | null> {
  try {
    const session = await bindSmsc(settings, password);
    await new Promise<void>((resolve) => session.unbind({}, () => resolve()));
    session.close();
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

/** The sender as the SMSC takes it: a number (international) or an alphanumeric name. */
const source = (addr: string) =>
  /^\+?\d+$/.test(addr) ? { source_addr_ton: 1, source_addr_npi: 1, source_addr: addr.replace('+', '') } : { source_addr_ton: 5, source_addr_npi: 0, source_addr: addr };

/**
 * Submits a text to a phone (E.164), in parts if it is longer than one SMS, each asking for a delivery receipt;
 * `reference` ties the parts together for the phone. Resolves to the SMSC's ids of the parts; a refusal names how
 * many parts the SMSC had taken before it.
 */
export async function submitSms(session: Session, settings: SmsSettings, to: string, text: string, reference: number): Promise<string[]> {
  const { encoding, parts } = smsParts(text);
  const ids: string[] = [];
  for (const [i, part] of parts.entries()) {
    const pdu = await new Promise<Pdu>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the SMSC did not answer the submit within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
      session.submit_sm(
        {
          ...source(settings.sourceAddr),
          dest_addr_ton: 1,
          dest_addr_npi: 1,
          destination_addr: to.replace('+', ''),
          data_coding: encoding === 'ucs2' ? 0x08 : 0x00,
          registered_delivery: 1,
          // A part carries the concatenation header: reference, number of parts, its number (3GPP TS 23.040, 9.2.3.24.1).
          short_message: parts.length === 1 ? part : { udh: Buffer.from([0x05, 0x00, 0x03, reference & 0xff, parts.length, i + 1]), message: part },
        },
        (answer) => {
          clearTimeout(timer);
          resolve(answer);
        },
      );
    });
    if (pdu.command_status !== 0) throw new SmscRefusal(pdu.command_status, ids.length);
    ids.push(String(pdu.message_id));
  }
  return ids;
}

/** The bound SMSC sessions, one per programme, bound anew when its channel changes or the session drops. */
export type SmsLinks = Map<string, { updatedAt: number; session: Promise<Session>; settings: SmsSettings }>;

/** The programme's bound SMSC session for its SMS channel, its delivery receipts recorded as they come; null when the channel is a gateway. */
export async function smscFor(db: Queryable, links: SmsLinks, programId: string, channel: StoredChannel<'sms'>, now: () => Date) {
  if (isGateway(channel.settings)) return null;
  const settings = channel.settings;
  const held = links.get(programId);
  if (held && held.updatedAt === channel.updatedAt.getTime()) return { session: await held.session, settings: held.settings };
  if (held) void held.session.then((s) => s.close(), () => undefined);
  const onReport = (report: DeliveryReport) => void recordDeliveryReport(db, programId, report, now()).catch((error: unknown) => console.error('delivery receipt not recorded', error));
  const session = bindSmsc(settings, channel.secret ? unseal(channel.secret) : null, onReport);
  const made = { updatedAt: channel.updatedAt.getTime(), session, settings };
  links.set(programId, made);
  const forget = () => {
    if (links.get(programId) === made) links.delete(programId);
  };
  session.then((s) => s.on('close', forget), forget);
  return { session: await session, settings };
}

/** Unbinds and closes every session. */
export async function closeSmsLinks(links: SmsLinks): Promise<void> {
  await Promise.all([...links.values()].map((l) => l.session.then((s) => s.close(), () => undefined)));
  links.clear();
}
