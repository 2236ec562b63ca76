import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import pg from 'pg';

/** What flows and queries need from a database: plain SQL with parameters, and transactions. */
export interface Queryable {
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]>;
}

export interface Db extends Queryable {
  readonly engine: 'pglite' | 'postgres';
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

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
  const pool = new pg.Pool({ connectionString, max, types: typeParsers as pg.CustomTypesConfig });
  pool.on('error', () => {
    /* an idle client lost its connection; the pool replaces it */
  });
  const run = async <R>(client: pg.Pool | pg.PoolClient, sql: string, params: unknown[] = []) =>
    (await client.query({ name: statementName(sql), text: sql, values: params })).rows as R[];
  return {
    engine: 'postgres',
    query: (sql, params) => run(pool, sql, params),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn({ query: (sql, params) => run(client, sql, params) });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

async function openPglite(dataDir: string): Promise<Db> {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const parsers = {
    [INT8]: (v: string) => Number(v),
    [NUMERIC]: (v: string) => Number(v),
    [DATE]: (v: string) => v,
  };
  // Loaded only when used: a server on PostgreSQL does not carry the embedded engine (some 40 MB).
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create(dataDir, { parsers: parsers as Record<number, (v: string) => unknown> });
  return {
    engine: 'pglite',
    query: async (sql, params) => (await db.query(sql, params ?? [])).rows as never,
    transaction: (fn) =>
      db.transaction((tx) => fn({ query: async (sql, params) => (await tx.query(sql, params ?? [])).rows as never })),
    close: () => db.close(),
  };
}
