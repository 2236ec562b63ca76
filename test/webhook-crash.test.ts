import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/store/db.ts';
import { newProgramme, openOwnTestDb, type Programme } from './harness.ts';
import { freePort } from './ports.ts';

// The server is killed while deliveries are on the wire: every event still arrives, a repeat only with its own id.
const repo = fileURLToPath(new URL('..', import.meta.url));
const secret = `whsec_${Buffer.alloc(32, 9).toString('base64')}`;
const own = () => {
  const url = new URL(process.env.DATABASE_URL as string);
  url.pathname = '/kopilka_test_webhook_crash';
  return url.toString();
};

const until = async (what: () => Promise<boolean>, ms: number) => {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) if (await what()) return true;
  return false;
};

describe.skipIf(!process.env.DATABASE_URL)('webhooks when the server is killed mid-delivery (PostgreSQL)', () => {
  let db: Db;
  let p: Programme;
  const children: ChildProcess[] = [];
  let receiverPort: number;
  let serverPort: number;

  beforeAll(async () => {
    db = await openOwnTestDb('webhook_crash');
    p = await newProgramme(db, {}, new Date().toISOString());
    [receiverPort, serverPort] = [await freePort(), await freePort()];
    const receiver = spawn(process.execPath, ['--import', 'tsx', 'test/webhook-receiver.ts'], { cwd: repo, env: { ...process.env, PORT: String(receiverPort), WEBHOOK_SECRET: secret }, stdio: ['ignore', 'pipe', 'inherit'] });
    children.push(receiver);
    await new Promise<void>((resolve) => receiver.stdout?.once('data', () => resolve()));
  }, 60_000);
  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await db?.close();
  });

  const serve = async () => {
    const server = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'serve'], {
      cwd: repo,
      env: { ...process.env, DATABASE_URL: own(), PORT: String(serverPort), KOPILKA_WEBHOOK_TIMEOUT_MS: '5000' },
      stdio: 'ignore',
    });
    children.push(server);
    expect(await until(() => fetch(`http://127.0.0.1:${serverPort}/health`).then((r) => r.ok, () => false), 30_000)).toBe(true);
    return server;
  };
  const receiver = (path: string) => fetch(`http://127.0.0.1:${receiverPort}${path}`);

  it('delivers every event once the server is back, repeating only what was on the wire', async () => {
    const hook = await p.call('POST', '/v1/webhooks', { url: `http://127.0.0.1:${receiverPort}/hooks`, eventTypes: ['member.created'], secret });
    expect(hook.status).toBe(201);
    await fetch(`http://127.0.0.1:${receiverPort}/mode`, { method: 'POST', body: JSON.stringify({ mode: 'slow' }) });
    const members = [];
    for (let i = 0; i < 20; i++) members.push((await p.call('POST', '/v1/members', { name: `M${i}` }, { role: 'pos' })).body.member.id);

    const first = await serve();
    expect(await until(async () => Number(await (await receiver('/in-flight')).text()) > 0, 30_000)).toBe(true);
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));
    await serve();

    // What was on the wire when the server died was never recorded as delivered: it is sent again once its lease runs out.
    const delivered = async () => Number((await db.query<{ n: number }>(`select count(*)::int as n from webhook_deliveries where status = 'delivered'`))[0]?.n);
    expect(await until(async () => (await delivered()) === 20, 60_000)).toBe(true);
    const received = (await (await receiver('/received')).json()) as { id: string; verified: boolean; memberId: string }[];
    expect(received.every((g) => g.verified)).toBe(true);
    expect(new Set(received.map((g) => g.memberId))).toEqual(new Set(members));
    // A repeat carries the id of the event it repeats.
    const idOf = new Map<string, string>();
    for (const g of received) {
      expect(idOf.get(g.memberId) ?? g.id).toBe(g.id);
      idOf.set(g.memberId, g.id);
    }
    expect(received.length).toBeGreaterThan(20);
  }, 120_000);
});
