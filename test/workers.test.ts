import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/store/db.ts';
import { line, newProgramme, openOwnTestDb, receipt, type Programme } from './harness.ts';
import { freePort } from './ports.ts';

// `kopilka serve --workers N`: several processes on one PostgreSQL database and one port.
const repo = fileURLToPath(new URL('..', import.meta.url));
const own = () => {
  const url = new URL(process.env.DATABASE_URL as string);
  url.pathname = '/kopilka_test_workers';
  return url.toString();
};

function kopilka(args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { cwd: repo, env: { ...process.env, ...env }, timeout: 60_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, output: stdout + stderr }),
    );
  });
}

/** The live child processes of `pid` (none: an empty list), but for a TypeScript loader's esbuild service. */
const workersOf = (pid: number) =>
  spawnSync('ps', ['-o', 'pid=,args=', '--ppid', String(pid)], { encoding: 'utf8' })
    .stdout.split('\n')
    .filter((line) => line.trim() && !line.includes('esbuild'))
    .map((line) => Number(line.trim().split(/\s+/)[0]));

describe.skipIf(!process.env.DATABASE_URL)('several server processes (PostgreSQL)', () => {
  let db: Db;
  let p: Programme;
  let server: ChildProcess;
  let base: string;
  let memberId: string;
  /** What the server printed: a line for each worker that took up the port. */
  let said = '';
  const serving = () => [...said.matchAll(/worker (\d+) is serving/g)].map((m) => Number(m[1]));

  beforeAll(async () => {
    db = await openOwnTestDb('workers');
    // A programme already there: the server makes no demo.
    p = await newProgramme(db, { pendingDays: 0 }, new Date().toISOString());
    memberId = (await p.call('POST', '/v1/members', { name: 'Покупатель' })).body.member.id;
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'serve', '--workers', '2'], {
      cwd: repo,
      env: { ...process.env, DATABASE_URL: own(), PORT: String(port) },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    server.stdout?.on('data', (chunk: Buffer) => (said += chunk.toString()));
    // Both workers serve before a test kills one: a worker still starting holds no share of the port.
    for (let i = 0; i < 600 && serving().length < 2; i++) await new Promise((r) => setTimeout(r, 100));
    for (let i = 0; i < 300; i++) {
      if (await fetch(`${base}/health`).then((r) => r.ok, () => false)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
  }, 90_000);
  afterAll(async () => {
    server?.kill('SIGKILL');
    for (const pid of workersOf(server.pid as number)) process.kill(pid, 'SIGKILL');
    await db?.close();
  });

  const sell = (n: number) =>
    fetch(`${base}/v1/receipts`, {
      method: 'POST',
      headers: { authorization: `Bearer ${p.keys.pos}`, 'content-type': 'application/json' },
      body: JSON.stringify(receipt(`W-${n}`, [line('TV', 100_000)], { member: { id: memberId } })),
    }).then((r) => r.status);

  it('serves on one port from each worker, runs each job once, and starts again a worker that dies', async () => {
    expect(workersOf(server.pid as number)).toHaveLength(2);
    expect(serving().sort()).toEqual(workersOf(server.pid as number).sort());
    expect(await Promise.all(Array.from({ length: 40 }, (_, i) => sell(i)))).toEqual(Array(40).fill(201));
    // Both workers looked at the schedule as they started: the jobs over every programme ran once.
    const [activation] = await db.query<{ runs: number }>(`select runs from job_schedule where job = 'activation' and scope = ''`);
    expect(Number(activation?.runs)).toBe(1);

    const [victim] = workersOf(server.pid as number);
    process.kill(victim as number, 'SIGKILL');
    // Connections to the dead worker are gone (a till would send again); new ones reach the one left.
    await new Promise((r) => setTimeout(r, 300));
    expect(await Promise.all(Array.from({ length: 10 }, (_, i) => sell(100 + i)))).toEqual(Array(10).fill(201));
    const replaced = () => workersOf(server.pid as number).filter((pid) => pid !== victim).length === 2;
    for (let i = 0; i < 100 && !replaced(); i++) await new Promise((r) => setTimeout(r, 100));
    expect(replaced()).toBe(true);
    const [sold] = await db.query<{ n: number }>('select count(*)::int as n from receipts where program_id = $1', [p.programId]);
    expect(sold?.n).toBe(50);
  }, 60_000);

  it('refuses a number of workers that is not one or more, and several workers on the embedded database', async () => {
    const none = await kopilka(['serve', '--workers', '0'], { DATABASE_URL: own(), PORT: '0' });
    expect(none).toMatchObject({ code: 1 });
    expect(none.output).toMatch(/--workers must be a whole number from 1 to 64/);
    const embedded = await kopilka(['serve', '--workers', '2'], { DATABASE_URL: '', KOPILKA_DATA_DIR: '/nonexistent/kopilka', PORT: '0' });
    expect(embedded).toMatchObject({ code: 1 });
    expect(embedded.output).toMatch(/--workers needs PostgreSQL/);
  });
});
