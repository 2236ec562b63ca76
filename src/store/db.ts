import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.ts';

/** What flows and queries need from a database: plain SQL with parameters, and transactions. */
export interface Queryable {
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]>;
}

export interface Db extends Queryable {
  readonly engine: 'pglite' | 'postgres';
  transaction<T>(fn: (tx: Queryable) => Promise<T>, options?: TransactionOptions): Promise<T>;
  close(): Promise<void>;
}

export interface TransactionOptions {
  /**
   * Plan the transaction's statements once per connection (PostgreSQL's generic plans) rather than for each call's
   * values: for the few hot statements of the sale path, whose planning costs more than their execution.
   */
  genericPlans?: boolean;
}

/**
 * Runs a report's statements in one transaction whose sorts and hashes may take 64 MB before they spill to disk:
 * PostgreSQL's default of 4 MB writes a year of receipts grouped by member, or a million members ranked for RFM,
 * out to temporary files. Only these statements get it, not every connection's every query. Its statements read one
 * snapshot, so that what a report reads of a job's progress matches the rows it reads after.
 */
export function asReport<T>(db: Db, work: (tx: Queryable) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.query('set transaction isolation level repeatable read, read only');
    await reportMemory(tx);
    return work(tx);
  });
}

/** Gives the rest of the transaction `tx` a report's memory for sorts and hashes (see `asReport`). */
export const reportMemory = (tx: Queryable) => tx.query("set local work_mem = '64MB'");

export interface OpenDbOptions {
  /** PostgreSQL connection string; when absent the embedded PGlite engine is used. */
  databaseUrl?: string | undefined;
  /** PGlite data directory; `memory://` keeps everything in memory (tests). */
  dataDir?: string;
  poolSize?: number;
}

const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;

export async function openDb(options: OpenDbOptions): Promise<Db> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options.poolSize ?? 10) : openPglite(options.dataDir ?? 'memory://');
}

// Every statement gets a stable name, so node-postgres prepares it once per connection.
const statementNames = new Map<string, string>();
function statementName(sql: string): string {
  let name = statementNames.get(sql);
  if (!name) {
    name = 'k' + createHash('sha1').update(sql).digest('hex').slice(0, 16);
    statementNames.set(sql, name);
  }
  return name;
}

function openPostgres(connectionString: string, max: number): Db {
  const typeParsers = {
    getTypeParser(oid: number, format?: string) {
      if (oid === INT8 || oid === NUMERIC) return (v: string) => Number(v);
      if (oid === DATE) return (v: string) => v;
      return pg.types.getTypeParser(oid, format as 'text');
    },
  };
  // A database that does not answer fails requests within seconds instead of queueing them forever. No JIT: a
  // report's statement estimated dear would spend 300 ms compiling to save a few.
  const pool = new pg.Pool({
    connectionString, max, connectionTimeoutMillis: 5_000, keepAlive: true, keepAliveInitialDelayMillis: 10_000, types: typeParsers as pg.CustomTypesConfig, options: '-c jit=off',
  });
  pool.on('error', () => {
    /* an idle client lost its connection; the pool replaces it */
  });
  // Every client listens for errors from its first moment: a checked-out client has no listener of the pool's, and a
  // lost connection would otherwise kill the process. The error also fails the query in flight or the next one.
  pool.on('connect', (client) => client.on('error', () => undefined));
  const run = async <R>(client: pg.Pool | pg.PoolClient, sql: string, params: unknown[] = []) =>
    (await client.query({ name: statementName(sql), text: sql, values: params })).rows as R[];
  return {
    engine: 'postgres',
    query: <R>(sql: string, params?: unknown[]) => run<R>(pool, sql, params).catch(unavailable(false)),
    async transaction(fn, options) {
      const client = await pool.connect().catch(unavailable(false));
      let committing = false;
      let broken: Error | undefined;
      try {
        await client.query(options?.genericPlans ? 'BEGIN; SET LOCAL plan_cache_mode = force_generic_plan' : 'BEGIN');
        const result = await fn({ query: (sql, params) => run(client, sql, params) });
        committing = true;
        await client.query('COMMIT');
        return result;
      } catch (error) {
        if (!isConnectionFault(error)) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw error;
        }
        broken = error as Error;
        throw new DatabaseUnavailable(committing, error);
      } finally {
        // A broken client is closed rather than handed to the next request.
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}

/**
 * The connection to the database broke or could not be made. `maybeCommitted` when it broke while COMMIT was
 * on its way: the transaction may or may not have been applied, so only an idempotent retry is safe.
 */
export class DatabaseUnavailable extends Error {
  constructor(
    readonly maybeCommitted: boolean,
    override readonly cause: unknown,
  ) {
    super(`database unavailable: ${(cause as Error)?.message ?? String(cause)}`);
  }
}

const unavailable = (maybeCommitted: boolean) => (error: unknown) => {
  throw isConnectionFault(error) ? new DatabaseUnavailable(maybeCommitted, error) : error;
};

const refusals: Record<string, string> = {
  '22021': 'text must not contain the NUL character (\\u0000)',
  '22P05': 'text must not contain the NUL character (\\u0000)',
  '22008': 'a date is out of the supported range',
  '22009': 'a date is out of the supported range',
};

/** Why the database refused a value it was given (the transaction rolled back), or null for any other error. */
export const databaseRefusal = (error: unknown): string | null => refusals[(error as { code?: string } | null)?.code ?? ''] ?? null;

/** Errors of a lost or refused connection (SQLSTATE class 08, a server shutting down), not of the statement. */
export function isConnectionFault(error: unknown): boolean {
  if (error instanceof DatabaseUnavailable) return true;
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (code.startsWith('08') || ['57P01', '57P02', '57P03', '53300'].includes(code))) return true;
  if (typeof code === 'string' && ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND'].includes(code)) return true;
  return typeof message === 'string' && /Connection terminated|connection error|not queryable|timeout exceeded when trying to connect/i.test(message);
}

/**
 * PGlite runs in this thread and its queries resolve without giving I/O a turn: a chain of them (a group of receipts,
 * a job) would hold every other request until it ends. Each statement first lets waiting requests in.
 */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

async function openPglite(dataDir: string): Promise<Db> {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  // One process owns a data directory: a second PGlite on it corrupts the database.
  const lock = dataDir.startsWith('memory://') ? null : lockDataDir(dataDir);
  const parsers = {
    [INT8]: (v: string) => Number(v),
    [NUMERIC]: (v: string) => Number(v),
    [DATE]: (v: string) => v,
  };
  // Loaded only when used: a server on PostgreSQL does not carry the embedded engine (some 40 MB).
  const { PGlite } = await import('@electric-sql/pglite');
  // Trigram indexes let the console find members by part of their name.
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  // Its buffer pool lives in the server's own memory: 32 MB rather than 128 takes some 100 MB off the server and,
  // measured on a 2,000-member demo, nothing off its confirms (the files it reads are in the OS's cache).
  const startParams = [...PGlite.defaultStartParams, '-c', 'shared_buffers=32MB'];
  const db = await PGlite.create(dataDir, { parsers: parsers as Record<number, (v: string) => unknown>, startParams, extensions: { pg_trgm } }).catch((error: unknown) => {
    lock?.release();
    throw error;
  });
  // ANALYZE runs in the server's thread here: a sample a tenth of the default size is as good for these plans and
  // takes a tenth of the time (90 ms rather than a second on 100,000 receipt lines), so tills are not held up.
  await db.exec('set default_statistics_target = 10');
  return {
    engine: 'pglite',
    query: async (sql, params) => {
      await turn();
      return (await db.query(sql, params ?? [])).rows as never;
    },
    transaction: (fn) =>
      db.transaction((tx) =>
        fn({
          query: async (sql, params) => {
            await turn();
            return (await tx.query(sql, params ?? [])).rows as never;
          },
        }),
      ),
    close: () => db.close().finally(() => lock?.release()),
  };
}
