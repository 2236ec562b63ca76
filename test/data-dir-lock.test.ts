import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../src/store/data-dir-lock.ts';
import { openDb, type Db } from '../src/store/db.ts';
import { line, receipt } from './harness.ts';
import { freePort } from './ports.ts';

const repo = fileURLToPath(new URL('..', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'kopilka-owner-'));
const dataDir = join(root, 'data');
const env = { ...process.env, KOPILKA_DATA_DIR: dataDir, DATABASE_URL: '' };

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `kopilka <args>` on the test's data directory, as a user would from a second terminal. */
function kopilka(args: string[], timeout = 60_000): Promise<Finished> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { cwd: repo, env, timeout }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
    );
  });
}

let server: ChildProcess | null = null;
afterAll(() => {
  server?.kill('SIGKILL');
  rmSync(root, { recursive: true, force: true });
});

/** Starts `kopilka serve` on the data directory and resolves once /health answers. */
async function serve(port: number): Promise<{ child: ChildProcess; exited: Promise<number | null> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'serve'], { cwd: repo, env: { ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`kopilka serve exited with ${child.exitCode}:\n${output}`);
    if (await fetch(`http://127.0.0.1:${port}/health`).then((res) => res.ok, () => false)) return { child, exited };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`kopilka serve did not answer /health in 30 s:\n${output}`);
}

/** Counts the table's rows once by reading the table and once through an index: a broken index disagrees. */
async function countBothWays(db: Db, table: string): Promise<{ byTable: number; byIndex: number }> {
  const count = async (settings: Record<string, 'on' | 'off'>, plan: RegExp) => {
    for (const [name, value] of Object.entries(settings)) await db.query(`set ${name} = ${value}`);
    const explained = await db.query<{ 'QUERY PLAN': string }>(`explain select count(*) from ${table}`);
    expect(explained.map((row) => row['QUERY PLAN']).join('\n')).toMatch(plan);
    const [row] = await db.query<{ n: number }>(`select count(*)::int as n from ${table}`);
    return row!.n;
  };
  const byTable = await count({ enable_seqscan: 'on', enable_indexscan: 'off', enable_indexonlyscan: 'off', enable_bitmapscan: 'off' }, /Seq Scan/);
  const byIndex = await count({ enable_seqscan: 'off', enable_indexscan: 'on', enable_indexonlyscan: 'on', enable_bitmapscan: 'on' }, /Index/);
  await db.query('reset all');
  return { byTable, byIndex };
}

describe.skipIf(!!process.env.DATABASE_URL)('one process owns the embedded database', () => {
  it('refuses every CLI command while the server runs on the data directory, and the database stays whole', async () => {
    const created = await kopilka(['programs', 'create', '--name', 'First']);
    expect(created, created.stderr).toMatchObject({ code: 0 });
    const programId = /programme (prg_\w+)/.exec(created.stdout)![1]!;
    const adminKey = /admin key \(shown once\): (\S+)/.exec(created.stdout)![1]!;
    const importFile = join(root, 'receipts.jsonl');
    writeFileSync(importFile, JSON.stringify(receipt('IMPORT-1', [line('MILK', 10_000)])) + '\n');

    const port = await freePort();
    const running = await serve(port);
    server = running.child;
    const api = (method: string, path: string, body?: unknown) =>
      fetch(`http://127.0.0.1:${port}${path}`, {
        method,
        headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    expect((await api('PUT', '/v1/stores/S1', { name: 'Store one' })).status).toBe(200);
    const members: string[] = [];
    for (const name of ['Анна', 'Борис', 'Вера']) {
      const registered = await api('POST', '/v1/members', { name });
      expect(registered.status).toBe(201);
      const id = ((await registered.json()) as { member: { id: string } }).member.id;
      expect((await api('POST', `/v1/members/${id}/adjustments`, { points: 100_000, reason: 'welcome' })).status).toBe(201);
      members.push(id);
    }

    // The server keeps confirming receipts (earning and spending points) while the commands are tried.
    let writing = true;
    let confirmed = 0;
    const tills = (async () => {
      for (let n = 0; writing; n++) {
        const sale = receipt(`R${n}`, [line('MILK', 10_000, 2), line('BREAD', 5_000)], { member: { id: members[n % members.length] }, pointsToSpend: 5 });
        const res = await api('POST', '/v1/receipts', sale);
        expect(res.status, await res.text()).toBe(201);
        confirmed++;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    tills.catch(() => undefined); // awaited below; until then a failure must not go unhandled

    const commands = [
      ['migrate'],
      ['programs', 'create', '--name', 'Second'],
      ['programs', 'list'],
      ['keys', 'create', '--program', programId, '--role', 'pos'],
      ['jobs', 'run', 'activation'],
      ['demo', '--members', '1', '--months', '1'],
      ['import', 'receipts', importFile, '--program', programId],
    ];
    const results: Record<string, Finished> = {};
    // Two at a time: the machine is small and shared.
    for (let i = 0; i < commands.length; i += 2)
      await Promise.all(commands.slice(i, i + 2).map(async (args) => (results[args.join(' ')] = await kopilka(args))));
    for (const [command, result] of Object.entries(results)) {
      expect({ command, code: result.code }).toEqual({ command, code: 1 });
      expect(result.stderr, command).toContain(`the data directory ${dataDir} is in use by process ${server.pid} (kopilka serve, since `);
      expect(result.stderr, command).toContain('POST /v1/jobs/{name}/run');
      expect(result.stdout, command).toBe('');
    }

    // What the refusal points to instead: the server runs the job.
    expect((await api('POST', '/v1/jobs/activation/run')).status).toBe(200);
    writing = false;
    await tills;
    expect(confirmed).toBeGreaterThan(0);

    server.kill('SIGTERM');
    expect(await running.exited).toBe(0);
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
    const listed = await kopilka(['programs', 'list']);
    expect(listed, listed.stderr).toMatchObject({ code: 0, stdout: `${programId}\tFirst\n` });

    const db = await openDb({ dataDir });
    try {
      for (const table of ['lots', 'journal_entries', 'receipts']) {
        const counted = await countBothWays(db, table);
        expect(counted.byIndex, table).toBe(counted.byTable);
      }
      const [receipts] = await db.query<{ n: number }>('select count(*)::int as n from receipts where program_id = $1', [programId]);
      expect(receipts!.n).toBe(confirmed);
      // The ledger is the truth: every member's cached balances equal the sums of their postings.
      const disagreeing = await db.query(
        `select m.id, m.points_available, m.points_pending,
           coalesce(sum(p.amount) filter (where p.account = 'member:available'), 0)::int as available,
           coalesce(sum(p.amount) filter (where p.account = 'member:pending'), 0)::int as pending
         from members m left join postings p on p.program_id = m.program_id and p.member_id = m.id
         group by m.program_id, m.id
         having m.points_available <> coalesce(sum(p.amount) filter (where p.account = 'member:available'), 0)
           or m.points_pending <> coalesce(sum(p.amount) filter (where p.account = 'member:pending'), 0)`,
      );
      expect(disagreeing, 'members whose balance disagrees with their postings').toEqual([]);
      const badLots = await db.query(
        `select l.id from lots l left join postings p on p.program_id = l.program_id and p.member_id = l.member_id and p.lot_id = l.id
         group by l.program_id, l.member_id, l.id having l.remaining <> coalesce(sum(p.amount), 0)`,
      );
      expect(badLots, 'lots that disagree with their postings').toEqual([]);
      const unbalanced = await db.query('select entry_id from postings group by program_id, entry_id having sum(amount) <> 0');
      expect(unbalanced, 'journal entries whose postings do not sum to zero').toEqual([]);
    } finally {
      await db.close();
    }
  });
});
