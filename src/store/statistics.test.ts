import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { growAuditLog, openOwnTestDb } from '../../test/harness.ts';
import type { Db } from './db.ts';
import { refreshStatistics } from './statistics.ts';

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
});
