// The bench's SMTP server and SMSC, in a process of their own so the bench's work does not slow them: the SMTP
// server takes every mail without parsing it; the SMSC binds any account, answers each submit_sm with an id and
// sends its delivery receipt, as an operator's does. GET on the HTTP port answers how many mails and submits came.
// Prints the three ports as JSON when listening.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import smpp, { type Pdu } from 'smpp';
import { SMTPServer } from 'smtp-server';

let received = 0;
let submitted = 0;
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData: (stream, _session, done) => {
    stream.resume();
    stream.on('end', () => {
      received += 1;
      done();
    });
  },
});
smtp.on('error', () => undefined);
const smsc = smpp.createServer((session) => {
  session.socket.setNoDelay(true);
  session.on('error', () => undefined);
  for (const command of ['bind_transceiver', 'enquire_link']) session.on(command, (pdu: Pdu) => session.send(pdu.response()));
  session.on('unbind', (pdu: Pdu) => {
    session.send(pdu.response());
    session.close();
  });
  session.on('submit_sm', (pdu: Pdu) => {
    const id = (++submitted).toString(16);
    session.send(pdu.response({ message_id: id }));
    session.deliver_sm({ source_addr: pdu.destination_addr, destination_addr: pdu.source_addr, esm_class: 0x04, short_message: `id:${id} sub:001 dlvrd:001 submit date:2612051200 done date:2612051200 stat:DELIVRD err:000 text:` });
  });
});
const http = createServer((_req, res) => res.end(JSON.stringify({ received, submitted })));
smtp.listen(0, '127.0.0.1', () =>
  smsc.listen(0, '127.0.0.1', () =>
    http.listen(0, '127.0.0.1', () =>
      console.log(JSON.stringify({ smtp: (smtp.server.address() as AddressInfo).port, smsc: (smsc.address() as { port: number }).port, http: (http.address() as AddressInfo).port })),
    ),
  ),
);
