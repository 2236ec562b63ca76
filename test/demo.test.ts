import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/api/app.ts';
import { createDemoProgramme, generateDemo } from '../src/demo/generate.ts';
import { closeAbandonedLoads } from '../src/demo/loading.ts';
import { setLoading } from '../src/store/programs.ts';
import type { Deps } from '../src/flows/deps.ts';
import { runJob } from '../src/jobs/jobs.ts';
import type { Db } from '../src/store/db.ts';
import { expectProblem } from './checks.ts';
import { engine, line, newProgramme, openTestDb, receipt } from './harness.ts';

// The demo is a function of its seed, whatever happens meanwhile, and touches no member it did not create.
let db: Db;
const until = new Date('2026-11-30T12:00:00Z');
const options = { members: 40, months: 2, seed: 42, until };

beforeAll(async () => {
  db = await openTestDb();
});
afterAll(() => db.close());

/** Everything the demo made, ids included: members, cards, receipts, returns, the ledger, tiers. */
const history = ['members', 'cards', 'tier_changes', 'receipts', 'receipt_lines', 'returns', 'return_lines', 'journal_entries', 'postings', 'lots'];
async function content(programId: string) {
  const tables: Record<string, string[]> = {};
  for (const table of history) {
    const rows = await db.query<{ row: string }>(`select (to_jsonb(t) - 'program_id')::text as row from ${table} t where program_id = $1 order by 1`, [programId]);
    tables[table] = rows.map((r) => r.row);
  }
  return tables;
}

/** Signs the demo owner in through the API: the status and who they are. */
const demoOwnerSignsIn = async (owner: { email: string; password: string }) => {
  const res = await createApp({ db, now: () => new Date() }).request('/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(owner) });
  const body = (await res.json()) as { staff: { programId: string; role: string } };
  return { status: res.status, ...body.staff };
};

describe('the demo', () => {
  it('is the same for the same seed, whatever else happens meanwhile', async () => {
    const deps: Deps = { db, now: () => new Date(until.getTime() - 61 * 86_400_000) };
    const first = await createDemoProgramme(deps, deps.now());
    await generateDemo(deps, first.programId, options);
    const made = await content(first.programId);

    const second = await createDemoProgramme(deps, deps.now());
    // Each demo programme has its owner's console account; the e-mail names one account in the installation.
    expect(first.owner.email).toMatch(/^owner(\.\w+)?@kopilka\.demo$/);
    expect(second.owner.email).toMatch(/^owner\.\w+@kopilka\.demo$/);
    const signIn = await demoOwnerSignsIn(second.owner);
    expect(signIn).toMatchObject({ status: 201, programId: second.programId, role: 'owner' });
    const key = second.posKey;
    const live = await newProgramme(db);
    const loading = generateDemo(deps, second.programId, options);
    // Meanwhile: a till of the demo programme, and the server's own jobs on today's clock.
    const till = await live.app.request('/v1/receipts', {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify(receipt('LIVE-1', [line('MILK', 10000)], { storeCode: 'MSK-TVER', member: { phone: '+79161234567' } })),
    });
    const refused = { status: till.status, body: await till.json(), contentType: till.headers.get('content-type') ?? '' };
    expectProblem(refused, 503, 'programme_loading', /still loading its history/);
    expect(till.headers.get('retry-after')).toBe('30');
    // Jobs over every programme only where this file has the database to itself: on a shared PostgreSQL they
    // would move the clocks of the programmes other test files are using.
    if (engine === 'pglite') {
      const server: Deps = { db, now: () => new Date(until.getTime() + 400 * 86_400_000) };
      await Promise.all(['activation', 'expiry', 'tier-review', 'birthdays', 'referrals'].map((job) => runJob(server, job as never)));
    }
    await loading;

    expect(made.receipts?.length).toBeGreaterThan(50);
    expect(made.lots?.length).toBeGreaterThan(50);
    expect(await content(second.programId)).toEqual(made);
    // Once loaded, the programme takes live writes.
    const after = await live.app.request('/v1/receipts', {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify(receipt('LIVE-2', [line('MILK', 10000)], { storeCode: 'MSK-TVER', member: { phone: '+79161234567' } })),
    });
    expect(after.status).toBe(201);
  });

  it('never reviews the tiers of members it did not create', async () => {
    const tiers = [
      { code: 'base', name: 'Base', threshold: 0 },
      { code: 'gold', name: 'Gold', threshold: 10_000 },
    ];
    const other = await newProgramme(db, { tiers, pendingDays: 0 }, new Date().toISOString());
    other.setNow(new Date());
    const memberId = (await other.call('POST', '/v1/members', { name: 'Живой покупатель' })).body.member.id;
    const sale = await other.call('POST', '/v1/receipts', receipt('G-1', [line('TV', 5_000_000)], { member: { id: memberId } }), { role: 'pos' });
    expect(sale.body.tierChange).toEqual({ from: 'base', to: 'gold' });
    // Cancelled, the sale no longer qualifies: the programme's own review will decide, on its own day, not the demo's.
    expect((await other.call('POST', `/v1/receipts/${sale.body.id}/cancel`, undefined, { role: 'pos' })).status).toBe(201);

    const deps: Deps = { db, now: () => new Date(until.getTime() - 61 * 86_400_000) };
    const demo = await createDemoProgramme(deps, deps.now());
    await generateDemo(deps, demo.programId, options);

    expect((await other.call('GET', `/v1/members/${memberId}`)).body.tierCode).toBe('gold');
    const changes = await db.query('select reason from tier_changes where program_id = $1', [other.programId]);
    expect(changes).toHaveLength(1);
  });

  it('is closed when the process loading it died, so its programme takes writes again', async () => {
    const gone = spawnSync(process.execPath, ['-e', '']).pid as number;
    const [dead, alive, elsewhere] = [await newProgramme(db), await newProgramme(db), await newProgramme(db)];
    await setLoading(db, dead.programId, new Date(), `${hostname()}:${gone}`);
    await setLoading(db, alive.programId, new Date(), `${hostname()}:${process.ppid}`);
    await setLoading(db, elsewhere.programId, new Date(), `another-host:${gone}`);
    const closed = await closeAbandonedLoads({ db, now: () => new Date() });
    expect(closed).toContain(dead.programId);
    expect(closed).not.toContain(alive.programId);
    expect(closed).not.toContain(elsewhere.programId);
    expect((await dead.call('POST', '/v1/members', { name: 'После демо' })).status).toBe(201);
    expect((await alive.call('POST', '/v1/members', { name: 'Во время демо' })).status).toBe(503);
    for (const p of [alive, elsewhere]) await setLoading(db, p.programId, null);
  });
});
