import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { growAuditLog, growJournal, openOwnTestDb } from '../../test/harness.ts';
import type { Db } from './db.ts';
import { refreshStatistics, summarizeBlockRanges, vacuumDeadRows } from './statistics.ts';

let db: Db;
// A database of its own: servers of other test files re-measure the shared one's tables meanwhile.
beforeAll(async () => {
  db = await openOwnTestDb('statistics');
});
afterAll(() => db.close());

const plannerPages = async () =>
  (await db.query<{ pages: number }>("select relpages as pages from pg_class where relname = 'audit_log' and relnamespace = current_schema()::regnamespace"))[0]?.pages;

describe('planner statistics', () => {
  it('are refreshed for a table that has grown, and left alone once current', async () => {
    await refreshStatistics(db);
    const before = await plannerPages();
    await growAuditLog(db);
    expect(await refreshStatistics(db)).toContain('audit_log');
    expect(await plannerPages()).toBeGreaterThan((before ?? 0) + 8);
    expect(await refreshStatistics(db)).not.toContain('audit_log');
  });

  it('clear the dead rows of a table that rewrote many, and leave it alone once clear', async () => {
    await growAuditLog(db);
    await vacuumDeadRows(db);
    await db.transaction(async (tx) => {
      await tx.query("update audit_log set action = 'rewritten'");
      // The server sends its counts of dead rows when the transaction ends, not some seconds later.
      await tx.query('select pg_stat_force_next_flush()');
    });
    const dead = async () =>
      Number((await db.query<{ n: string }>("select n_dead_tup as n from pg_stat_user_tables where relname = 'audit_log' and schemaname = current_schema()"))[0]?.n);
    expect(await dead()).toBeGreaterThan(2000);
    expect(await vacuumDeadRows(db)).toContain('audit_log');
    expect(await dead()).toBe(0);
    expect(await vacuumDeadRows(db)).not.toContain('audit_log');
  });

  it('sum up the new block ranges of the journal’s time index, and leave it alone once summed', async () => {
    await summarizeBlockRanges(db);
    await growJournal(db);
    // A range known not to be summed, whether or not autovacuum summed the new ones meanwhile.
    await db.query("select brin_desummarize_range('journal_entries_created', 0)");
    expect(await summarizeBlockRanges(db)).toContain('journal_entries_created');
    expect(await summarizeBlockRanges(db)).not.toContain('journal_entries_created');
  });
});
