import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { freePort } from './ports.ts';

/**
 * A shop's SMTP server for tests: it takes the login shop / секрет (or none), refuses nobody@ for good, and keeps
 * what it receives, parsed as a mail client would, with the bytes as they came. `restart` brings it back on the same port after `stop`.
 */
export async function smtpPeer() {
  const received: (ParsedMail & { raw: Buffer })[] = [];
  const port = await freePort();
  const make = () =>
    new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onAuth: (auth, _session, done) => (auth.username === 'shop' && auth.password === 'секрет' ? done(null, { user: 'shop' }) : done(new Error('Invalid username or password'))),
      onRcptTo: (address, _session, done) => (address.address.startsWith('nobody@') ? done(Object.assign(new Error('5.1.1 No such user'), { responseCode: 550 })) : done()),
      onData: (stream, _session, done) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks);
          simpleParser(raw).then((mail) => {
            received.push(Object.assign(mail, { raw }));
            done();
          }, done);
        });
      },
    });
  // A sender killed mid-mail resets its connection: the server notes it, as a real one logs and carries on.
  const tolerant = (made: SMTPServer) => made.on('error', () => undefined);
  let server = tolerant(make());
  const listen = () => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const stop = () => new Promise<void>((resolve) => server.close(() => resolve()));
  await listen();
  return {
    port,
    received,
    stop,
    async restart() {
      server = tolerant(make());
      await listen();
    },
  };
}

/** A header as it came, such as `List-Unsubscribe: <…>`; mailparser folds the List-* ones into one of its own. */
export const header = (mail: ParsedMail | undefined, name: string) => mail?.headerLines.find((h) => h.key === name)?.line.replace(/\r\n[ \t]+/g, ' ');
