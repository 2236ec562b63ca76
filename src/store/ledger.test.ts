import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newProgramme, openTestDb, type Programme } from '../../test/harness.ts';
import type { Db } from './db.ts';
import { accounts, postingValues } from './ledger.ts';

let db: Db;
let p: Programme;
beforeAll(async () => {
  db = await openTestDb();
  p = await newProgramme(db);
});
afterAll(() => db.close());

describe('a posting as its journal entry keeps it', () => {
  it('names its account by number, and the view postings shows every account by its name', async () => {
    const postings = accounts.map((account, i) => ({ account, lotId: i % 2 ? `lot_${i}` : null, amount: i - 3 }));
    expect(postingValues(postings).map(([number]) => number)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    await db.query(
      `insert into journal_entries (program_id, id, member_id, kind, created_at, postings) values ($1, 'ent_accounts', 'mem_accounts', 'adjustment', now(), $2)`,
      [p.programId, JSON.stringify(postingValues(postings))],
    );
    const shown = await db.query<{ account: string; lot_id: string | null; amount: number }>(
      "select account, lot_id, amount from postings where program_id = $1 and entry_id = 'ent_accounts' order by seq",
      [p.programId],
    );
    expect(shown).toEqual(postings.map((posting) => ({ account: posting.account, lot_id: posting.lotId, amount: posting.amount })));
  });
});
