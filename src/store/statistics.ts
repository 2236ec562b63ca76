import { setImmediate } from 'node:timers/promises';
import type { Queryable } from './db.ts';

/**
 * Brings the planner's statistics up to date for tables that have grown well past what it last measured, and
 * returns their names. PGlite has no autovacuum (and a PostgreSQL server may run without it): a plan made while
 * a table was nearly empty scans it whole for every receipt once it holds thousands of rows.
 */
export async function refreshStatistics(db: Queryable): Promise<string[]> {
  const stale = await db.query<{ name: string }>(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = current_schema() and c.relkind = 'r'
       and pg_relation_size(c.oid) / current_setting('block_size')::int > c.relpages * 1.2 + 8
     order by c.relname`,
  );
  for (const { name } of stale) {
    // Requests get their turn between tables: on PGlite each ANALYZE holds the server's thread.
    await setImmediate();
    await db.query(`analyze "${name.replaceAll('"', '""')}"`);
  }
  return stale.map((t) => t.name);
}

/**
 * Vacuums tables where old row versions have piled up, as autovacuum would (it is off on PGlite and may be on a
 * PostgreSQL server), and returns their names. The outbox rewrites its rows as it goes (an event is numbered, a
 * delivery leased and recorded): unvacuumed, every look at it wades through what it left behind.
 */
export async function vacuumDeadRows(db: Queryable): Promise<string[]> {
  const bloated = await db.query<{ name: string }>(
    `select relname as name from pg_stat_user_tables
     where schemaname = current_schema() and n_dead_tup > ${DEAD_ROWS} + 0.2 * n_live_tup order by relname`,
  );
  for (const { name } of bloated) {
    await setImmediate();
    await db.query(`vacuum "${name.replaceAll('"', '""')}"`);
  }
  return bloated.map((t) => t.name);
}

/** Dead rows a table may hold beyond a fifth of its live ones before it is vacuumed. */
const DEAD_ROWS = 1000;

/**
 * Sums up the block ranges of the time indexes (BRIN) that filled since they were last summed, as autovacuum
 * would, and returns the names of the indexes that had some. A range not summed matches every query: unsummed,
 * a report of today's journal entries reads the whole journal.
 */
export async function summarizeBlockRanges(db: Queryable): Promise<string[]> {
  const indexes = await db.query<{ name: string }>(
    `select c.relname as name from pg_class c join pg_am a on a.oid = c.relam
     where c.relnamespace = current_schema()::regnamespace and c.relkind = 'i' and a.amname = 'brin' order by c.relname`,
  );
  const summed: string[] = [];
  for (const { name } of indexes) {
    await setImmediate();
    const [row] = await db.query<{ ranges: number }>(`select brin_summarize_new_values(format('%I', $1::text)::regclass) as ranges`, [name]);
    if (Number(row?.ranges) > 0) summed.push(name);
  }
  return summed;
}
