import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import smpp, { type Pdu, type Session } from 'smpp';

// An SMSC for the tests: the `smpp` package's server side, binding one account, taking submit_sm with an id of its
// own and sending a delivery receipt for each part on the same session, as an operator's SMSC does.

export interface Submitted {
  id: string;
  to: string;
  from: string;
  dataCoding: number;
  /** The concatenation header's reference, number of parts and this part's number; null for a single SMS. */
  concat: { reference: number; parts: number; part: number } | null;
  text: string;
}

export interface SmppPeer {
  port: number;
  submitted: Submitted[];
  /** The texts as the phones put them together: single messages, and each complete set of parts in order. */
  texts(): { to: string; text: string }[];
  /** How many receipts it has sent. */
  receipted: number;
  /** What the receipt of a part says: DELIVRD, UNDELIV…; null sends none. */
  receipts: (part: Submitted) => string | null;
  /** Refuses submits to this number with this command status. */
  refuse: Map<string, number>;
  close(): Promise<void>;
}

export async function startSmppPeer(account: { systemId: string; password: string }): Promise<SmppPeer> {
  const submitted: Submitted[] = [];
  const sessions = new Set<Session>();
  // Ids unique across SMSCs, as an operator's are over the time its receipts may take.
  const prefix = randomBytes(4).toString('hex');
  let next = 0;
  const peer: Omit<SmppPeer, 'port' | 'close'> = {
    submitted,
    receipted: 0,
    receipts: () => 'DELIVRD',
    refuse: new Map(),
    texts() {
      const out: { to: string; text: string }[] = [];
      const sets = new Map<string, Submitted[]>();
      for (const s of submitted) {
        if (!s.concat) out.push({ to: s.to, text: s.text });
        else sets.set(`${s.to}:${s.concat.reference}`, [...(sets.get(`${s.to}:${s.concat.reference}`) ?? []), s]);
      }
      for (const parts of sets.values()) {
        if (parts.length !== parts[0]!.concat!.parts) continue;
        out.push({ to: parts[0]!.to, text: [...parts].sort((a, b) => a.concat!.part - b.concat!.part).map((p) => p.text).join('') });
      }
      return out;
    },
  };
  const server = smpp.createServer((session) => {
    sessions.add(session);
    session.on('close', () => sessions.delete(session));
    session.on('error', () => sessions.delete(session));
    session.on('bind_transceiver', (pdu: Pdu) => {
      const ok = pdu.system_id === account.systemId && pdu.password === account.password;
      session.send(pdu.response(ok ? {} : { command_status: smpp.ESME_RBINDFAIL }));
      if (!ok) session.close();
    });
    session.on('enquire_link', (pdu: Pdu) => session.send(pdu.response()));
    session.on('unbind', (pdu: Pdu) => {
      session.send(pdu.response());
      session.close();
    });
    session.on('submit_sm', (pdu: Pdu) => {
      const to = String(pdu.destination_addr);
      const refused = peer.refuse.get(to);
      if (refused) return session.send(pdu.response({ command_status: refused }));
      const id = `${prefix}${(++next).toString(16).padStart(8, '0')}`;
      const message = pdu.short_message as { udh?: Buffer[]; message: string };
      const header = message.udh?.find((ie) => ie[0] === 0x00);
      const part: Submitted = {
        id, to, from: String(pdu.source_addr), dataCoding: Number(pdu.data_coding), text: message.message,
        concat: header ? { reference: header[2]!, parts: header[3]!, part: header[4]! } : null,
      };
      submitted.push(part);
      session.send(pdu.response({ message_id: id }));
      const state = peer.receipts(part);
      if (state && Number(pdu.registered_delivery) & 1) {
        peer.receipted += 1;
        setImmediate(() =>
          session.deliver_sm({
            source_addr: to, destination_addr: String(pdu.source_addr), esm_class: 0x04,
            short_message: `id:${id} sub:001 dlvrd:${state === 'DELIVRD' ? '001' : '000'} submit date:2612051200 done date:2612051201 stat:${state} err:000 text:`,
          }),
        );
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return Object.assign(peer, {
    port: (server.address() as AddressInfo).port,
    close: async () => {
      for (const s of sessions) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  }) as SmppPeer;
}
