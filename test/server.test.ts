import { afterEach, expect, it, vi } from 'vitest';
import { startServer } from '../src/server.ts';
import { growAuditLog, openTestDb } from './harness.ts';

afterEach(() => vi.restoreAllMocks());

it('closes only after the statistics refresh it started has finished, so the database can close behind it', async () => {
  const db = await openTestDb();
  // A grown table, so the refresh the server starts with has an ANALYZE to run after its first query.
  await growAuditLog(db);
  const errors = vi.spyOn(console, 'error');
  const running = startServer({ db, now: () => new Date() }, { port: 0, jobIntervalMs: 0 });
  await running.close();
  await db.close();
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(errors).not.toHaveBeenCalled();
});
