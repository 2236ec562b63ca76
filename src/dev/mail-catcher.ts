import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * An SMTP server for trying messages on one machine: it takes every mail, with or without a login, and prints who
 * it is for, the subject, the unsubscribe header and the text. Not for production: it keeps and forwards nothing.
 */
export async function startMailCatcher(port: number, host = '127.0.0.1', print: (text: string) => void = console.log) {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth: (auth, _session, done) => done(null, { user: auth.username }),
    onData: (stream, _session, done) => {
      simpleParser(stream).then((mail) => {
        const to = Array.isArray(mail.to) ? mail.to.map((a) => a.text).join(', ') : mail.to?.text;
        const unsubscribe = mail.headerLines.find((h) => h.key === 'list-unsubscribe')?.line.replace(/\r\n[ \t]+/g, ' ');
        print([`── ${mail.date?.toISOString() ?? ''} to ${to ?? '?'}`, `Subject: ${mail.subject ?? ''}`, ...(unsubscribe ? [unsubscribe] : []), '', (mail.text ?? '').trim(), ''].join('\n'));
        done();
      }, done);
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return server;
}
