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
