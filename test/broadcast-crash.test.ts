import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupOf } from '../src/domain/messages/split.ts';
import type { Db } from '../src/store/db.ts';
import { newProgramme, openOwnTestDb, type Programme } from './harness.ts';
import { freePort } from './ports.ts';
import { smtpPeer } from './smtp-peer.ts';

// A broadcast to 10,000 members, the server killed (SIGKILL) while it is going out: after a restart every member who
// may get it has got exactly one message (a repeat only with the same Message-ID), and no one in the control group any.
const repo = fileURLToPath(new URL('..', import.meta.url));
const own = () => {
  const url = new URL(process.env.DATABASE_URL as string);
  url.pathname = '/kopilka_test_broadcast_crash';
  return url.toString();
};
const until = async (what: () => Promise<boolean>, ms: number) => {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) if (await what()) return true;
  return false;
};
const MEMBERS = 10_000;

describe.skipIf(!process.env.DATABASE_URL)('a broadcast when the server is killed half-way (PostgreSQL)', () => {
  let db: Db;
  let p: Programme;
  let smtp: Awaited<ReturnType<typeof smtpPeer>>;
  let serverPort: number;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    db = await openOwnTestDb('broadcast_crash');
    p = await newProgramme(db, { quietHours: null }, new Date().toISOString());
    smtp = await smtpPeer();
    serverPort = await freePort();
    // Members as the demo makes them, nine in ten consenting to e-mail; all of them in one list segment.
    await db.query(
      `insert into members (program_id, id, email, name, consents, created_at, updated_at)
       select $1, 'mem_' || lpad(g::text, 6, '0'), 'm' || g || '@example.ru', 'Участник ' || g,
         jsonb_build_object('email', g % 10 <> 0, 'sms', false, 'push', false), now(), now()
       from generate_series(1, ${MEMBERS}) g`,
      [p.programId],
    );
    expect((await p.call('PUT', '/v1/segments/all', { name: 'Все', kind: 'static' }, { role: 'marketer' })).status).toBe(200);
    const ids = Array.from({ length: MEMBERS }, (_, i) => `mem_${String(i + 1).padStart(6, '0')}`);
    const upload = await p.app.request('/v1/segments/all/members', { method: 'PUT', headers: { authorization: `Bearer ${p.keys.marketer}`, 'content-type': 'text/csv' }, body: `id\r\n${ids.join('\r\n')}\r\n` });
    expect(upload.status).toBe(200);
    expect((await p.call('PUT', '/v1/messaging/channels/email', { host: '127.0.0.1', port: smtp.port, secure: false, from: 'bonus@shop.example.ru' }, { role: 'marketer' })).status).toBe(200);
    for (const code of ['a', 'b'])
      expect((await p.call('PUT', `/v1/messaging/templates/${code}`, { channel: 'email', event: 'broadcast', subject: { ru: `Вариант ${code}, {{name}}` }, text: { ru: 'Весна' } }, { role: 'marketer' })).status).toBe(200);
  }, 120_000);
  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await smtp?.stop();
    await db?.close();
  });

  const serve = async () => {
    const server = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'serve'], {
      cwd: repo,
      // Short SMTP timeouts, so a message the killed server had leased is taken over within seconds.
      env: { ...process.env, DATABASE_URL: own(), PORT: String(serverPort), KOPILKA_SMTP_TIMEOUT_MS: '300' },
      stdio: 'ignore',
    });
    children.push(server);
    expect(await until(() => fetch(`http://127.0.0.1:${serverPort}/health`).then((r) => r.ok, () => false), 30_000)).toBe(true);
    return server;
  };

  it('sends each member who may get it exactly one message after a restart, and the control group none', async () => {
    expect((await p.call('PUT', '/v1/messaging/broadcasts/crash', { name: 'Сбой', segment: 'all', variants: ['a', 'b'], controlPercent: 10 }, { role: 'marketer' })).status).toBe(200);
    const first = await serve();
    expect(await until(async () => smtp.received.length >= 2_000, 120_000)).toBe(true);
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));
    const atKill = smtp.received.length;
    expect(atKill).toBeLessThan(8_000);
    await serve();
    const left = async () => Number((await db.query<{ n: number }>(`select count(*)::int as n from messages where origin = 'broadcast:crash' and status = 'queued'`))[0]?.n);
    expect(await until(async () => (await left()) === 0, 150_000)).toBe(true);

    const rows = await db.query<{ member_id: string; id: string; status: string; variant: string | null }>(`select member_id, id, status, variant from messages where origin = 'broadcast:crash'`);
    const consenting = Array.from({ length: MEMBERS }, (_, i) => i + 1).filter((g) => g % 10 !== 0).map((g) => `mem_${String(g).padStart(6, '0')}`);
    expect(rows.map((r) => r.member_id).sort()).toEqual(consenting);
    for (const r of rows) {
      const group = groupOf('crash', r.member_id, 10, 2);
      expect([r.status, r.variant]).toEqual(group === 'control' ? ['control', null] : ['sent', 'AB'[group]]);
    }
    const sent = rows.filter((r) => r.status === 'sent');
    const byMessage = new Map<string, number>();
    for (const mail of smtp.received) byMessage.set(mail.messageId ?? '', (byMessage.get(mail.messageId ?? '') ?? 0) + 1);
    // Every message that was sent arrived, under its own Message-ID, and nothing else did: none to the control group.
    expect([...byMessage.keys()].sort()).toEqual(sent.map((r) => `<${r.id}@kopilka>`).sort());
    const addressed = new Map(smtp.received.map((m) => [m.messageId, m.to && 'text' in m.to ? m.to.text : '']));
    for (const r of sent) expect(addressed.get(`<${r.id}@kopilka>`)).toBe(`m${Number(r.member_id.slice(4))}@example.ru`);
    // A repeat is only of what was on the wire when the server died: at most one round of leased messages.
    const repeats = smtp.received.length - byMessage.size;
    expect(repeats).toBeLessThanOrEqual(50);
    console.log(`broadcast crash: ${sent.length} sent, ${rows.length - sent.length} held back, ${atKill} received before the kill, ${repeats} repeated`);
  }, 400_000);
});
