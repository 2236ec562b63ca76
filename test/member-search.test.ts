import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/store/db.ts';
import { newProgramme, openTestDb, type Programme } from './harness.ts';

// Support finds a member by the beginnings of the words of the name, as the customer says it on the phone.
let db: Db;
let p: Programme;

beforeAll(async () => {
  db = await openTestDb();
  p = await newProgramme(db);
  for (const name of ['Анна Смирнова', 'Пётр Смирнов', 'Мария Смирнова-Кузнецова', 'Борис Иванов', '100% Смирнов_ок', 'Иван Иванов']) {
    expect((await p.call('POST', '/v1/members', { name }, { role: 'pos' })).status).toBe(201);
  }
  await p.call('POST', '/v1/members', { phone: '+79160000042' }, { role: 'pos' });
});
afterAll(() => db.close());

const search = async (query: string, role: 'pos' | 'readonly' | 'partner' = 'pos') => p.call('GET', `/v1/members/search?${query}`, undefined, { role });
const names = (res: { body: any }) => res.body.items.map((m: any) => m.name);

describe('the member search by name', () => {
  it('finds the beginning of any word of the name whatever its case and ё, each member once', async () => {
    // In order of the matched word, then of joining: смирнов (Пётр, 100%), смирнова (Анна, Мария).
    expect(names(await search(`name=${encodeURIComponent('СМИРН')}`))).toEqual(['Пётр Смирнов', '100% Смирнов_ок', 'Анна Смирнова', 'Мария Смирнова-Кузнецова']);
    expect(names(await search(`name=${encodeURIComponent('кузн')}`))).toEqual(['Мария Смирнова-Кузнецова']);
    expect(names(await search(`name=${encodeURIComponent('петр')}`))).toEqual(['Пётр Смирнов']);
    // Иван Иванов has two words beginning with «иван» and is listed once.
    expect(names(await search(`name=${encodeURIComponent('иван')}`))).toEqual(['Иван Иванов', 'Борис Иванов']);
    // Every word of the text begins some word of the name.
    expect(names(await search(`name=${encodeURIComponent('смирнова а')}`))).toEqual(['Анна Смирнова']);
    expect(names(await search(`name=${encodeURIComponent('Смирнов, Пётр')}`))).toEqual(['Пётр Смирнов']);
    // Wildcards in the text are separators, never patterns; the middle of a word is not a beginning.
    expect(names(await search(`name=${encodeURIComponent('100% с')}`))).toEqual(['100% Смирнов_ок']);
    expect(names(await search(`name=${encodeURIComponent('мирн')}`))).toEqual([]);
    expect((await search(`name=${encodeURIComponent('Анна')}`)).body.items[0]).toEqual(expect.objectContaining({ name: 'Анна Смирнова', pointsAvailable: 0 }));
    expect((await search(`name=${encodeURIComponent('Анна')}`)).body.items[0]).not.toHaveProperty('matchedWord');
  });

  it('follows a name as it changes', async () => {
    const created = await p.call('POST', '/v1/members', { name: 'Ольга Белова' }, { role: 'pos' });
    expect(names(await search(`name=${encodeURIComponent('белов')}`))).toEqual(['Ольга Белова']);
    const renamed = await p.call('PATCH', `/v1/members/${created.body.member.id}`, { name: 'Ольга Чернова' }, { role: 'pos' });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    expect(names(await search(`name=${encodeURIComponent('белов')}`))).toEqual([]);
    expect(names(await search(`name=${encodeURIComponent('черн')}`))).toEqual(['Ольга Чернова']);
    expect((await p.call('POST', `/v1/members/${created.body.member.id}/erase`, {}, { role: 'admin' })).status).toBe(200);
    expect(names(await search(`name=${encodeURIComponent('черн')}`))).toEqual([]);
  });

  it('gives pages that join without a gap or a repeat', async () => {
    const first = await search(`name=${encodeURIComponent('смирн')}&limit=3`);
    expect(names(first)).toHaveLength(3);
    const second = await search(`name=${encodeURIComponent('смирн')}&limit=3&cursor=${first.body.next}`);
    expect(names(second)).toEqual(['Мария Смирнова-Кузнецова']);
    expect([...names(first), ...names(second)].sort()).toEqual(names(await search(`name=${encodeURIComponent('смирн')}`)).sort());
    expect(second.body.next).toBeNull();
  });

  it('refuses a text too short, a cursor it did not give, and keys that may not see names', async () => {
    for (const query of ['name=a', 'name=', `name=${encodeURIComponent('% _')}`, `name=${encodeURIComponent('смирн')}&cursor=bm9wZQ`, `name=abc&limit=101`]) {
      const res = await search(query);
      expect(res.status, query).toBe(400);
      expect(res.body.code).toBe('validation_failed');
    }
    expect((await search('name=abc', 'readonly')).status).toBe(403);
    expect((await search('name=abc', 'partner')).status).toBe(403);
  });
});
