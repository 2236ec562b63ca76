// The bench's SMTP peer, in a process of its own so the bench's work does not slow it: it takes every mail without
// parsing it, and GET /count on its HTTP port answers how many came. Prints both ports as JSON when listening.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

let received = 0;
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
const http = createServer((_req, res) => res.end(JSON.stringify({ received })));
smtp.listen(0, '127.0.0.1', () =>
  http.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ smtp: (smtp.server.address() as AddressInfo).port, http: (http.address() as AddressInfo).port }))),
);
