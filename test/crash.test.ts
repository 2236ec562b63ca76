import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { systemPrincipal } from '../src/domain/access.ts';
import { adjustPoints } from '../src/flows/adjustments.ts';
import { registerMember } from '../src/flows/members.ts';
import { createApiKey, createProgram } from '../src/flows/programs.ts';
import type { Db } from '../src/store/db.ts';
import { upsertStore } from '../src/store/stores.ts';
import { openOwnTestDb } from './harness.ts';
import { freePort } from './ports.ts';

/**
 * Crash safety on PostgreSQL: a real server under load is killed with SIGKILL several times. Every answered
 * request must be in the database exactly once, unanswered ones entirely or not at all, and their retries
 * must succeed idempotently with the ledger balanced. The server runs the scheduled jobs over every programme on
 * real time: it gets a database of its own, where they cannot touch the programmes other files are using.
 */
const own = () => {
  const url = new URL(process.env.DATABASE_URL as string);
  url.pathname = '/kopilka_test_crash';
  return url.toString();
};
describe.skipIf(!process.env.DATABASE_URL)('crash safety (kill -9 under load)', () => {
  let db: Db;
  let server: ChildProcess | null = null;
  afterAll(async () => {
    server?.kill('SIGKILL');
    await db?.close();
  });

  interface Sent {
    path: string;
    body: unknown;
    key: string;
    answered: number | null;
  }

  it('loses nothing acknowledged and applies nothing twice', async () => {
    db = await openOwnTestDb('crash');
    const deps = { db, now: () => new Date() };
    const created = await createProgram(deps, { name: 'crash', settings: { pendingDays: 0 } });
    if (!created.ok) throw new Error(created.message);
    const programId = created.value.id;
    await upsertStore(db, programId, { code: 'S1', name: 'S1', city: null, channel: 'till' }, new Date());
    const pos = (await createApiKey(db, programId, 'pos', 'till', new Date())).secret;
    const members: string[] = [];
    for (let i = 0; i < 10; i++) {
      const m = await registerMember(deps, programId, { name: `m${i}` }, systemPrincipal('test'));
      if (!m.ok) throw new Error(m.message);
      members.push(m.value.member.id);
      await adjustPoints(deps, programId, m.value.member.id, { points: 100_000, reason: 'start' }, 'test');
    }

    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    // Started anew after each kill; a minute to answer, as a machine busy with the other test files may need. A
    // server that exits instead fails the test at once with what it said.
    const start = async () => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'serve'], {
        env: { ...process.env, DATABASE_URL: own(), PORT: String(port) },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      server = child;
      let said = '';
      child.stderr?.on('data', (chunk: Buffer) => (said = (said + chunk.toString()).slice(-4_000)));
      for (let i = 0; i < 600; i++) {
        if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the server exited (${child.exitCode ?? child.signalCode}) before it answered: ${said}`);
        try {
          if ((await fetch(`${base}/health`)).ok) return;
        } catch {
          /* starting */
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`server did not start within a minute: ${said}`);
    };
    const post = async (s: Sent) => {
      try {
        const res = await fetch(base + s.path, {
          method: 'POST',
          headers: { authorization: `Bearer ${pos}`, 'content-type': 'application/json', 'idempotency-key': s.key },
          body: JSON.stringify(s.body),
        });
        await res.text();
        return res.status;
      } catch {
        return null;
      }
    };

    const sent: Sent[] = [];
    const confirmed: { id: string; lines: number }[] = [];
    let running = true;
    let n = 0;
    const worker = async () => {
      while (running) {
        const i = n++;
        let s: Sent;
        const target = confirmed[Math.floor(Math.random() * confirmed.length)];
        if (i % 3 === 2 && target) {
          s = { path: `/v1/receipts/${target.id}/returns`, body: { lines: [{ lineNo: 1, quantity: 1 }] }, key: `ret-${i}`, answered: null };
        } else {
          const lines = [
            { sku: 'A', quantity: 3, price: 10_000, amount: 30_000 },
            { sku: 'B', quantity: 1, price: 5_000, amount: 5_000 },
          ];
          const body = { storeCode: 'S1', number: `c-${i}`, member: { id: members[i % members.length] }, lines, total: 35_000, pointsToSpend: i % 2 ? 50 : 0 };
          s = { path: '/v1/receipts', body, key: `rcp-${i}`, answered: null };
        }
        sent.push(s);
        s.answered = await post(s);
        if (s.answered === 201 && s.path === '/v1/receipts') confirmed.push({ id: await receiptId(s), lines: 2 });
        if (s.answered === null) await new Promise((r) => setTimeout(r, 50));
      }
    };
    const receiptId = async (s: Sent) => {
      const [row] = await db.query<{ id: string }>('select id from receipts where program_id = $1 and number = $2', [programId, (s.body as { number: string }).number]);
      return row?.id ?? '';
    };

    await start();
    const workers = Array.from({ length: 8 }, worker);
    for (let crash = 0; crash < 3; crash++) {
      await new Promise((r) => setTimeout(r, 1000 + Math.random() * 1500));
      server?.kill('SIGKILL');
      await new Promise((r) => setTimeout(r, 300));
      await start();
    }
    await new Promise((r) => setTimeout(r, 1000));
    running = false;
    await Promise.all(workers);

    const unanswered = sent.filter((s) => s.answered === null);
    const answered = sent.filter((s) => s.answered !== null && s.answered < 300);
    expect(answered.length).toBeGreaterThan(50);
    expect(unanswered.length).toBeGreaterThan(0);
    expect(sent.every((s) => s.answered === null || s.answered < 500)).toBe(true);

    // Every acknowledged receipt is there exactly once.
    const numbers = async (list: Sent[]) => list.filter((s) => s.path === '/v1/receipts').map((s) => (s.body as { number: string }).number);
    const ackNumbers = await numbers(answered);
    const stored = await db.query<{ number: string; n: number }>(
      'select number, count(*)::int as n from receipts where program_id = $1 and number = any($2::text[]) group by number',
      [programId, ackNumbers],
    );
    expect(stored.length).toBe(ackNumbers.length);
    expect(stored.every((r) => r.n === 1)).toBe(true);

    // Unanswered requests are all-or-nothing: a stored receipt has its lines and its one ledger entry.
    const partial = await db.query<{ id: string }>(
      `select r.id from receipts r where r.program_id = $1 and (
         not exists (select 1 from receipt_lines l where l.program_id = r.program_id and l.receipt_id = r.id)
         or (select count(*) from journal_entries e where e.program_id = r.program_id and e.receipt_id = r.id and e.kind = 'receipt') <> 1)`,
      [programId],
    );
    expect(partial).toEqual([]);

    // Retrying the unanswered requests with their keys succeeds and changes nothing twice.
    for (const s of unanswered) {
      const status = await post(s);
      expect([201, 422]).toContain(status);
    }
    const again = await Promise.all(answered.map(async (s) => post(s)));
    expect(again).toEqual(answered.map((s) => s.answered));
    const receipts = await db.query<{ n: number }>('select count(*)::int as n from receipts where program_id = $1', [programId]);
    const confirmsSent = new Set(sent.filter((s) => s.path === '/v1/receipts').map((s) => (s.body as { number: string }).number));
    expect(receipts[0]?.n).toBe(confirmsSent.size);

    // The ledger balances and the cached balances agree with it.
    const unbalanced = await db.query('select entry_id from postings where program_id = $1 group by entry_id having sum(amount) <> 0', [programId]);
    expect(unbalanced).toEqual([]);
    const disagree = await db.query(
      `select m.id from members m,
         lateral (select coalesce(sum(amount) filter (where account = 'member:available'), 0) as available,
                         coalesce(sum(amount) filter (where account = 'member:pending'), 0) as pending
                  from postings p where p.program_id = m.program_id and p.member_id = m.id) l
       where m.program_id = $1 and (m.points_available <> l.available or m.points_pending <> l.pending)`,
      [programId],
    );
    expect(disagree).toEqual([]);
  });
});
