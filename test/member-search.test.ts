import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/store/db.ts';
import { newProgramme, openTestDb, type Programme } from './harness.ts';

// Support finds a member by part of the name, as the customer says it on the phone.
let db: Db;
let p: Programme;

beforeAll(async () => {
  db = await openTestDb();
  p = await newProgramme(db);
  for (const name of ['Анна Смирнова', 'Пётр Смирнов', 'Мария Смирнова-Кузнецова', 'Борис Иванов', '100% Смирнов_ок']) {
    expect((await p.call('POST', '/v1/members', { name }, { role: 'pos' })).status).toBe(201);
  }
  await p.call('POST', '/v1/members', { phone: '+79160000042' }, { role: 'pos' });
});
afterAll(() => db.close());

const search = async (query: string, role: 'pos' | 'readonly' | 'partner' = 'pos') => p.call('GET', `/v1/members/search?${query}`, undefined, { role });
const names = (res: { body: any }) => res.body.items.map((m: any) => m.name);

describe('the member search by name', () => {
  it('finds any part of the name whatever its case, in name order', async () => {
    expect(names(await search(`name=${encodeURIComponent('СМИРН')}`))).toEqual(['100% Смирнов_ок', 'Анна Смирнова', 'Мария Смирнова-Кузнецова', 'Пётр Смирнов']);
    expect(names(await search(`name=${encodeURIComponent('ванов')}`))).toEqual(['Борис Иванов']);
    // Wildcards in the text are plain characters.
    expect(names(await search(`name=${encodeURIComponent('0% С')}`))).toEqual(['100% Смирнов_ок']);
    expect(names(await search(`name=${encodeURIComponent('в_о')}`))).toEqual(['100% Смирнов_ок']);
    expect((await search(`name=${encodeURIComponent('Анна')}`)).body.items[0]).toMatchObject({ name: 'Анна Смирнова', pointsAvailable: 0 });
  });

  it('gives pages that join without a gap or a repeat', async () => {
    const first = await search(`name=${encodeURIComponent('смирн')}&limit=3`);
    expect(names(first)).toHaveLength(3);
    const second = await search(`name=${encodeURIComponent('смирн')}&limit=3&cursor=${first.body.next}`);
    expect(names(second)).toEqual(['Пётр Смирнов']);
    expect(second.body.next).toBeNull();
  });

  it('refuses a text too short, a cursor it did not give, and keys that may not see names', async () => {
    for (const query of ['name=ab', 'name=', `name=${encodeURIComponent('смирн')}&cursor=bm9wZQ`, `name=abc&limit=101`]) {
      const res = await search(query);
      expect(res.status, query).toBe(400);
      expect(res.body.code).toBe('validation_failed');
    }
    expect((await search('name=abc', 'readonly')).status).toBe(403);
    expect((await search('name=abc', 'partner')).status).toBe(403);
  });
});
