import { createApp } from '../src/api/app.ts';
import type { Deps } from '../src/flows/deps.ts';
import { createApiKey, createProgram } from '../src/flows/programs.ts';
import { openDb, type Db } from '../src/store/db.ts';
import { roles, type Role } from '../src/store/keys.ts';
import { newId } from '../src/store/ids.ts';
import { migrate } from '../src/store/migrate.ts';
import { labelProgram } from '../src/store/programs.ts';
import { upsertPartner } from '../src/store/partners.ts';
import { upsertStore } from '../src/store/stores.ts';

/** Which engine this run uses: PostgreSQL when DATABASE_URL is set, else an in-memory PGlite. */
export const engine = process.env.DATABASE_URL ? 'postgres' : 'pglite';

export async function openTestDb(): Promise<Db> {
  const db = await openDb({ databaseUrl: process.env.DATABASE_URL, dataDir: 'memory://', poolSize: 60 });
  await migrate(db);
  return db;
}

/**
 * A database of this test file's own: on PostgreSQL a fresh database named after it (for work over every programme,
 * such as scheduled jobs, that must not touch the programmes other files are using); on PGlite one in memory.
 */
export async function openOwnTestDb(name: string): Promise<Db> {
  const url = process.env.DATABASE_URL;
  if (!url) return openTestDb();
  const admin = await openDb({ databaseUrl: url, poolSize: 1 });
  await admin.query(`drop database if exists kopilka_test_${name} with (force)`);
  await admin.query(`create database kopilka_test_${name}`);
  await admin.close();
  const db = await openOwnTestDbAgain(name);
  await migrate(db);
  return db;
}

/** Another connection pool on the database `openOwnTestDb(name)` made: a second server, as far as PostgreSQL can tell. */
export async function openOwnTestDbAgain(name: string): Promise<Db> {
  const own = new URL(process.env.DATABASE_URL as string);
  own.pathname = `/kopilka_test_${name}`;
  return openDb({ databaseUrl: own.toString(), poolSize: 20 });
}

/** Grows `audit_log` by 3,000 rows (some 100 pages), so the planner's statistics of it are stale. */
export async function growAuditLog(db: Db): Promise<void> {
  const programId = newId('prg');
  await labelProgram(db, programId);
  await db.query(
    `insert into audit_log (program_id, id, entity, entity_id, action, actor, before, after, created_at)
     select $1, 'aud_' || g, 'campaign', 'c' || g, 'update', 'test', null, jsonb_build_object('n', repeat('x', 200)), now()
     from generate_series(1, 3000) g`,
    [programId],
  );
}

/** Writes over 128 pages of journal entries of a programme of their own, dated now: a block range of the entries' time index. */
export async function growJournal(db: Db): Promise<void> {
  const programId = newId('prg');
  await labelProgram(db, programId);
  await db.query(
    `insert into journal_entries (program_id, id, member_id, kind, reason, created_at, postings)
     select $1, 'jrn_' || g, 'mem_1', 'adjustment', repeat('x', 200), now(), '[]'
     from generate_series(1, 6000) g`,
    [programId],
  );
}

export interface Programme {
  deps: Deps;
  programId: string;
  keys: Record<Role, string>;
  app: ReturnType<typeof createApp>;
  /** Moves the programme's clock. */
  setNow(at: Date | string): void;
  advanceDays(days: number): void;
  now(): Date;
  call(method: string, path: string, body?: unknown, options?: { role?: Role; key?: string; headers?: Record<string, string> }): Promise<{ status: number; body: any; contentType: string }>;
}

/** A fresh programme (tenant) with a store `S1`, one key per role and a movable clock, served in-process. */
export async function newProgramme(db: Db, settings: Record<string, unknown> = {}, start = '2026-01-15T09:00:00Z'): Promise<Programme> {
  let clock = new Date(start);
  const deps: Deps = { db, now: () => clock };
  const created = await createProgram(deps, { name: 'Test programme', settings });
  if (!created.ok) throw new Error(created.message);
  const programId = created.value.id;
  // The store belongs to partner P1, whose partner key sells there; the other roles sell at any store.
  await upsertPartner(db, programId, { code: 'P1', name: 'Partner one' }, clock);
  await upsertStore(db, programId, { code: 'S1', name: 'Store one', city: 'Москва', channel: 'till', partner: 'P1' }, clock);
  const keys = {} as Record<Role, string>;
  for (const role of roles) keys[role] = (await createApiKey(db, programId, role, role, clock, false, role === 'partner' ? 'P1' : null)).secret;
  const app = createApp(deps);
  return {
    deps,
    programId,
    keys,
    app,
    setNow: (at) => (clock = new Date(at)),
    advanceDays: (days) => (clock = new Date(clock.getTime() + days * 86_400_000)),
    now: () => clock,
    async call(method, path, body, options = {}) {
      const headers: Record<string, string> = { authorization: `Bearer ${options.key ?? keys[options.role ?? 'admin']}`, ...options.headers };
      if (body !== undefined) headers['content-type'] = 'application/json';
      const res = await app.request(path, { method, headers, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null, contentType: res.headers.get('content-type') ?? '' };
    },
  };
}

/**
 * A time zone whose clock reads `hours`:mm now (01:mm unless asked), and the instant its day began: at 01:mm its
 * yesterday ended between one and two hours ago, so the day sums sum it and a write dated in it is more than half an
 * hour late.
 */
export function zoneJustPastMidnight(real = new Date(), hours = 1) {
  // Hours east of UTC that put the local clock at `hours`, within the -12 to +14 that time zones span.
  const east = (hours - real.getUTCHours() + 24) % 24;
  const offset = east > 14 ? east - 24 : east;
  const zone = offset === 0 ? 'Etc/GMT' : offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
  return { zone, midnight: new Date(Date.UTC(real.getUTCFullYear(), real.getUTCMonth(), real.getUTCDate(), real.getUTCHours() - hours)) };
}

/** A receipt line whose amount adds up: price x quantity - discount. */
export function line(sku: string, price: number, quantity = 1, extra: Record<string, unknown> = {}) {
  const discount = (extra.discount as number | undefined) ?? 0;
  return { sku, price, quantity, amount: Math.round(price * quantity) - discount, ...extra };
}

export function receipt(number: string, lines: ReturnType<typeof line>[], extra: Record<string, unknown> = {}) {
  return { storeCode: 'S1', number, lines, total: lines.reduce((a, l) => a + l.amount, 0), ...extra };
}

/**
 * The ways a till's sale reaches the ledger, each answering like `POST /v1/receipts`: grouped with the tills'
 * other receipts (no key), alone (an Idempotency-Key of its own), and as a batch of one.
 */
export const salePaths = {
  grouped: (p: Programme, body: unknown) => p.call('POST', '/v1/receipts', body, { role: 'pos' }),
  single: (p: Programme, body: unknown) =>
    p.call('POST', '/v1/receipts', body, { role: 'pos', headers: { 'idempotency-key': `single-${Math.random().toString(36).slice(2)}` } }),
  batch: async (p: Programme, body: unknown) => {
    const res = await p.call('POST', '/v1/receipts/batch', { receipts: [body] }, { role: 'pos' });
    if (res.status !== 200) return res;
    const [item] = res.body.results;
    return { status: item.status as number, body: item.receipt ?? item.problem, contentType: res.contentType };
  },
} satisfies Record<string, (p: Programme, body: unknown) => ReturnType<Programme['call']>>;
export type SalePath = keyof typeof salePaths;
