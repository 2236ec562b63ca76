// A webhook receiver as an integrator would run it, in a process of its own: it verifies each delivery's
// Standard Webhooks signature and keeps what it got. POST /mode {"mode": "ok" | "fail-first" | "slow"} sets how it answers.
import { createServer } from 'node:http';
import { Webhook } from 'standardwebhooks';

const secret = process.env.WEBHOOK_SECRET as string;
const received: { id: string; verified: boolean; type: string; memberId: string | null; seq: number }[] = [];
let mode = 'ok';
let inFlight = 0;
const failed = new Set<string>();

const server = createServer((req, res) => {
  let body = '';
  req.on('data', (chunk: Buffer) => (body += chunk));
  req.on('end', () => {
    if (req.url === '/mode') {
      mode = JSON.parse(body).mode;
      return res.end('ok');
    }
    if (req.url === '/received') return res.end(JSON.stringify(received));
    if (req.url === '/in-flight') return res.end(String(inFlight));
    let verified = false;
    try {
      new Webhook(secret).verify(body, req.headers as Record<string, string>);
      verified = true;
    } catch {
      verified = false;
    }
    const event = JSON.parse(body);
    const id = req.headers['webhook-id'] as string;
    if (mode === 'fail-first' && !failed.has(id)) {
      failed.add(id);
      res.statusCode = 500;
      return res.end('try again');
    }
    const answer = () => {
      inFlight -= 1;
      received.push({ id, verified, type: event.type, memberId: event.memberId, seq: event.seq });
      res.end('thanks');
    };
    inFlight += 1;
    if (mode === 'slow') setTimeout(answer, 2_000);
    else answer();
  });
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write('listening\n'));
