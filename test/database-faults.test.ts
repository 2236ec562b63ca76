import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../src/server.ts';
import { openDb, type Db } from '../src/store/db.ts';
import { expectLedgerAgrees } from './checks.ts';
import { engine, line, newProgramme, openTestDb, receipt, type Programme } from './harness.ts';

// A lost or unreachable database fails only the requests using it (503), never the process; every 2xx is stored once.
const url = new URL(process.env.DATABASE_URL ?? 'postgres://localhost/test');

/** A TCP proxy to PostgreSQL that can drop every connection and refuse new ones, then recover. */
async function faultyLink() {
  const pairs = new Set<[Socket, Socket]>();
  let down = false;
  const server: Server = createServer((client) => {
    if (down) return void client.destroy();
    const upstream = connect(Number(url.port || 5432), url.hostname);
    const pair: [Socket, Socket] = [client, upstream];
    pairs.add(pair);
    const end = () => {
      client.destroy();
      upstream.destroy();
      pairs.delete(pair);
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const target = new URL(url);
  target.hostname = '127.0.0.1';
  target.port = String(port);
  const cut = () => {
    down = true;
    for (const [a, b] of pairs) {
      a.destroy();
      b.destroy();
    }
    pairs.clear();
  };
  return {
    url: target.toString(),
    cut,
    restore: () => void (down = false),
    close: () => (cut(), new Promise<void>((resolve) => server.close(() => resolve()))),
  };
}

describe.skipIf(engine !== 'postgres')('database faults', () => {
  let db: Db;
  let p: Programme;
  const members: string[] = [];

  beforeAll(async () => {
    db = await openTestDb();
    p = await newProgramme(db, { earn: { kind: 'percent', percent: 5 }, pendingDays: 0 });
    for (let i = 0; i < 8; i++) members.push((await p.call('POST', '/v1/members', { name: `Fault ${i}` })).body.member.id);
  });
  afterAll(() => db.close());

  /** A server of its own on a database link of its own, named so its backends can be told apart. */
  async function serverOn(databaseUrl: string) {
    const link = new URL(databaseUrl);
    link.searchParams.set('application_name', `kopilka-faults-${p.programId}`);
    const serverDb = await openDb({ databaseUrl: link.toString(), poolSize: 8 });
    const running = startServer({ db: serverDb, now: () => p.now() }, { port: 0, jobIntervalMs: 0, statistics: false });
    await new Promise((resolve) => running.server.once('listening', resolve));
    const base = `http://127.0.0.1:${(running.server.address() as AddressInfo).port}`;
    const call = async (method: string, path: string, body?: unknown) => {
      const res = await fetch(base + path, {
        method,
        headers: { authorization: `Bearer ${p.keys.pos}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as any, retryAfter: res.headers.get('retry-after') };
    };
    return { call, close: async () => (await running.close(), await serverDb.close()) };
  }

  /** Confirms receipts from 8 tills until `stop`; returns each receipt's last answer. */
  async function tills(call: Awaited<ReturnType<typeof serverOn>>['call'], prefix: string, until: () => boolean) {
    const answers = new Map<string, number>();
    await Promise.all(
      members.map(async (memberId, till) => {
        for (let n = 0; !until() || n < 3; n++) {
          const number = `${prefix}-${till}-${n}`;
          const res = await call('POST', '/v1/receipts', receipt(number, [line('MILK', 10000)], { member: { id: memberId } }));
          answers.set(number, res.status);
          if (res.status !== 201) {
            expect({ status: res.status, code: res.body.code }).toEqual({ status: 503, code: 'database_unavailable' });
            expect(res.retryAfter).toBeTruthy();
          }
        }
      }),
    );
    return answers;
  }

  async function expectStoredOnce(answers: Map<string, number>) {
    const rows = await db.query<{ number: string; n: number }>(
      'select number, count(*)::int as n from receipts where program_id = $1 and number = any($2) group by number',
      [p.programId, [...answers.keys()]],
    );
    const stored = new Map(rows.map((r) => [r.number, r.n]));
    for (const [number, status] of answers) if (status === 201) expect({ number, stored: stored.get(number) }).toEqual({ number, stored: 1 });
    for (const memberId of members) await expectLedgerAgrees(p, memberId);
  }

  it('survives its backends being terminated again and again under confirm load', async () => {
    const server = await serverOn(process.env.DATABASE_URL as string);
    let kills = 0;
    const killer = (async () => {
      while (kills < 10) {
        await new Promise((resolve) => setTimeout(resolve, 150));
        await db.query("select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1", [`kopilka-faults-${p.programId}`]);
        kills++;
      }
    })();
    const answers = await tills(server.call, 'K', () => kills >= 10);
    await killer;
    const statuses = [...answers.values()];
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThan(0);
    // After the faults, without a restart, every till is served again.
    expect((await server.call('POST', '/v1/receipts', receipt('K-after', [line('MILK', 100)], { member: { id: members[0] } }))).status).toBe(201);
    await expectStoredOnce(answers);
    await server.close();
  });

  it('answers 503 while the database is unreachable and recovers by itself', async () => {
    const link = await faultyLink();
    const server = await serverOn(link.url);
    expect((await server.call('GET', '/health/ready')).status).toBe(200);
    let restored = false;
    const load = tills(server.call, 'U', () => restored);
    await new Promise((resolve) => setTimeout(resolve, 300));
    link.cut();
    const ready = await server.call('GET', '/health/ready');
    expect({ status: ready.status, code: ready.body.code }).toEqual({ status: 503, code: 'database_unavailable' });
    const health = await server.call('GET', '/health');
    expect({ status: health.status, database: health.body.database }).toEqual({ status: 200, database: 'unavailable' });
    const during = await server.call('POST', '/v1/receipts', receipt('U-during', [line('MILK', 100)], { member: { id: members[1] } }));
    expect({ status: during.status, code: during.body.code }).toEqual({ status: 503, code: 'database_unavailable' });
    // A batch answers each receipt, and stops trying the database once it is gone.
    const receipts = Array.from({ length: 20 }, (_, i) => receipt(`U-batch-${i}`, [line('MILK', 100)], { member: { id: members[2] } }));
    const batch = await server.call('POST', '/v1/receipts/batch', { receipts });
    expect(batch.status).toBe(200);
    expect(new Set(batch.body.results.map((r: { status: number; problem?: { code: string } }) => `${r.status} ${r.problem?.code}`))).toEqual(new Set(['503 database_unavailable']));
    await new Promise((resolve) => setTimeout(resolve, 3000));
    link.restore();
    restored = true;
    const answers = await load;
    expect((await server.call('GET', '/health/ready')).status).toBe(200);
    expect((await server.call('POST', '/v1/receipts', receipt('U-after', [line('MILK', 100)], { member: { id: members[1] } }))).status).toBe(201);
    await expectStoredOnce(answers);
    await server.close();
    await link.close();
  });
});
