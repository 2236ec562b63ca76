import { linkSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, join, resolve } from 'node:path';

/** The file inside a PGlite data directory that names the one process using it. */
export const LOCK_FILE = 'kopilka.lock';

/** Who holds a data directory, as its lock file says. */
export interface DataDirOwner {
  pid: number;
  hostname: string;
  command: string;
  since: string;
}

export interface DataDirLock {
  readonly path: string;
  /** Removes the lock file if it is still ours; calling it again does nothing. */
  release(): void;
}

/** Thrown when another live process (or this one) already has the data directory open. */
export class DataDirInUseError extends Error {
  readonly code = 'data_dir_in_use';
  constructor(
    readonly dataDir: string,
    readonly owner: DataDirOwner,
    readonly lockFile: string,
  ) {
    super(
      `the data directory ${dataDir} is in use by process ${owner.pid} (${owner.command}, since ${owner.since}); ` +
        `stop it, or use the HTTP API while it runs`,
    );
    this.name = 'DataDirInUseError';
  }
}

// Lock files this process holds: a second open of the same directory in one process corrupts it too.
const held = new Set<string>();

/**
 * Takes the data directory for this process: two PGlite instances on one directory corrupt it.
 * Throws DataDirInUseError when a live process holds it; a lock left by a dead process is taken over.
 */
export function lockDataDir(dataDir: string): DataDirLock {
  const path = join(resolve(dataDir), LOCK_FILE);
  const text = JSON.stringify(describeThisProcess()) + '\n';
  for (let attempt = 0; attempt < 5; attempt++) {
    if (tryCreate(path, text)) return hold(path, text);
    const found = readLock(path);
    if (!found) continue; // its owner released it meanwhile
    if (found.owner && ownerIsAlive(path, found.owner)) throw new DataDirInUseError(dataDir, found.owner, path);
    setAsideStale(path, found.text);
  }
  throw new Error(`could not lock the data directory ${dataDir}: its lock file ${path} keeps changing`);
}

function describeThisProcess(): DataDirOwner {
  const script = basename(process.argv[1] ?? 'node');
  const name = /^(cli\.ts|kopilka(\.js)?)$/.test(script) ? 'kopilka' : script;
  return { pid: process.pid, hostname: hostname(), command: [name, ...process.argv.slice(2)].join(' ').slice(0, 200), since: new Date().toISOString() };
}

function tryCreate(path: string, text: string): boolean {
  try {
    writeFileSync(path, text, { flag: 'wx' }); // O_CREAT | O_EXCL: of two processes, exactly one creates it
    return true;
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    throw error;
  }
}

/** The lock file's text and its owner (null when unreadable: a process died while writing it); null when there is none. */
function readLock(path: string): { text: string; owner: DataDirOwner | null } | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null;
    throw error;
  }
  return { text, owner: parseOwner(text) };
}

function parseOwner(text: string): DataDirOwner | null {
  try {
    const owner = JSON.parse(text) as Partial<DataDirOwner>;
    if (!Number.isInteger(owner.pid) || (owner.pid as number) <= 0) return null;
    return { pid: owner.pid as number, hostname: String(owner.hostname ?? '?'), command: String(owner.command ?? '?'), since: String(owner.since ?? '?') };
  } catch {
    return null;
  }
}

function ownerIsAlive(path: string, owner: DataDirOwner): boolean {
  // Our own pid in a lock we do not hold is a previous life (a container restarted with the same pid).
  if (owner.pid === process.pid) return held.has(path);
  return processAlive(owner.pid);
}

/** Whether a process of this machine still runs (EPERM: it does, under another user). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) !== 'ESRCH';
  }
}

/** Moves a stale lock away; rename is atomic, so when two processes take over at once only one moves it. */
function setAsideStale(path: string, staleText: string): void {
  const aside = `${path}.stale-${process.pid}`;
  try {
    renameSync(path, aside);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return;
    throw error;
  }
  // Another process took over between our read and the rename: give its fresh lock back.
  if (readFileSync(aside, 'utf8') !== staleText) putBack(aside, path);
  unlinkSync(aside);
}

function putBack(aside: string, path: string): void {
  try {
    linkSync(aside, path);
  } catch (error) {
    if (errorCode(error) !== 'EEXIST') throw error;
  }
}

function hold(path: string, text: string): DataDirLock {
  held.add(path);
  const release = () => {
    process.off('exit', release);
    if (!held.delete(path)) return;
    if (readLock(path)?.text === text) unlinkQuietly(path);
  };
  // A CLI command that exits (or is made to by commander) without closing the database still frees the directory.
  process.on('exit', release);
  return { path, release };
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw error;
  }
}

const errorCode = (error: unknown): string | undefined => (error as NodeJS.ErrnoException | null)?.code;
