import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { DataDirInUseError, LOCK_FILE, lockDataDir, type DataDirLock } from './data-dir-lock.ts';
import { openDb } from './db.ts';

const root = mkdtempSync(join(tmpdir(), 'kopilka-lock-'));
let n = 0;
const freshDir = () => mkdtempSync(join(root, `dir${n++}-`));
const lockFile = (dir: string) => join(dir, LOCK_FILE);
const owner = (dir: string) => JSON.parse(readFileSync(lockFile(dir), 'utf8'));

const locks: DataDirLock[] = [];
const children: ChildProcess[] = [];
afterEach(() => {
  locks.splice(0).forEach((lock) => lock.release());
  children.splice(0).forEach((child) => child.kill('SIGKILL'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const lock = (dir: string) => {
  const taken = lockDataDir(dir);
  locks.push(taken);
  return taken;
};

/** The error lockDataDir throws, or a failure when it did not throw. */
function refusal(dir: string): DataDirInUseError {
  try {
    lock(dir);
  } catch (error) {
    if (error instanceof DataDirInUseError) return error;
    throw error;
  }
  throw new Error(`the second lock of ${dir} was granted`);
}

/** Another process that takes the lock (exiting right away when `thenExit`), resolved once it holds it. */
async function otherProcessLocks(dir: string, thenExit = false): Promise<ChildProcess> {
  const code = `import { lockDataDir } from ${JSON.stringify(new URL('./data-dir-lock.ts', import.meta.url).href)}; lockDataDir(${JSON.stringify(dir)}); console.log('locked'); ${thenExit ? '' : 'setInterval(() => {}, 1000);'}`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('locked') && resolve());
    child.on('exit', (code) => (thenExit ? resolve() : reject(new Error(`the locking process exited with ${code}`))));
  });
  return child;
}

const exited = (child: ChildProcess) => new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.on('exit', resolve)));

describe('the data directory lock', () => {
  it('writes who holds the directory, and release removes it', () => {
    const dir = freshDir();
    const taken = lock(dir);
    expect(taken.path).toBe(lockFile(dir));
    expect(owner(dir)).toMatchObject({ pid: process.pid, hostname: hostname(), command: expect.any(String), since: expect.any(String) });
    taken.release();
    expect(existsSync(lockFile(dir))).toBe(false);
    taken.release(); // twice is harmless
  });

  it('refuses a second open in the same process, naming the owner', () => {
    const dir = freshDir();
    lock(dir);
    const error = refusal(dir);
    expect(error.owner.pid).toBe(process.pid);
    expect(error.message).toMatch(new RegExp(`^the data directory ${dir} is in use by process ${process.pid} \\(.+, since \\d{4}-.+\\); stop it, or use the HTTP API while it runs$`));
  });

  it('refuses while another live process holds it, and takes it over once that process is killed', async () => {
    const dir = freshDir();
    const other = await otherProcessLocks(dir);
    expect(refusal(dir).message).toContain(`in use by process ${other.pid} `);
    expect(owner(dir).pid).toBe(other.pid);
    other.kill('SIGKILL'); // no exit handler runs: the lock stays behind, stale
    await exited(other);
    expect(owner(dir).pid).toBe(other.pid);
    lock(dir);
    expect(owner(dir).pid).toBe(process.pid);
  });

  it('takes over a stale lock left by a process that is gone', () => {
    const dir = freshDir();
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    writeFileSync(lockFile(dir), JSON.stringify({ pid: gone, hostname: hostname(), command: 'kopilka serve', since: '2026-01-01T00:00:00.000Z' }));
    lock(dir);
    expect(owner(dir).pid).toBe(process.pid);
  });

  it('takes over a lock file that a process died while writing', () => {
    const dir = freshDir();
    writeFileSync(lockFile(dir), '');
    lock(dir);
    expect(owner(dir).pid).toBe(process.pid);
  });

  it('is removed when its process exits without releasing it', async () => {
    const dir = freshDir();
    await exited(await otherProcessLocks(dir, true));
    expect(existsSync(lockFile(dir))).toBe(false);
  });

  it('does not remove a lock that another process has taken since', () => {
    const dir = freshDir();
    const taken = lock(dir);
    const someoneElse = JSON.stringify({ pid: process.ppid, hostname: hostname(), command: 'kopilka serve', since: new Date().toISOString() });
    writeFileSync(lockFile(dir), someoneElse);
    taken.release();
    expect(readFileSync(lockFile(dir), 'utf8')).toBe(someoneElse);
  });
});

describe.skipIf(!!process.env.DATABASE_URL)('openDb on a PGlite data directory', () => {
  it('holds the lock while open, refuses a second open, and frees the directory on close', async () => {
    const dir = freshDir();
    const db = await openDb({ dataDir: dir });
    try {
      expect(owner(dir).pid).toBe(process.pid);
      await expect(openDb({ dataDir: dir })).rejects.toThrow(`in use by process ${process.pid}`);
    } finally {
      await db.close();
    }
    expect(existsSync(lockFile(dir))).toBe(false);
  });
});
