import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb } from '../../test/harness.ts';
import type { Db } from './db.ts';

let db: Db;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(() => db.close());

const planMode = (db: Db, genericPlans: boolean) =>
  db.transaction(async (tx) => (await tx.query<{ mode: string }>("select current_setting('plan_cache_mode') as mode"))[0]?.mode, { genericPlans });

describe('transactions', () => {
  it.skipIf(!process.env.DATABASE_URL)('plan their statements once per connection when asked, and only those transactions', async () => {
    expect(await planMode(db, true)).toBe('force_generic_plan');
    expect(await planMode(db, false)).toBe('auto');
    expect((await db.query<{ mode: string }>("select current_setting('plan_cache_mode') as mode"))[0]?.mode).toBe('auto');
  });
});
