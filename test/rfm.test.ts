import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quintileScores } from '../src/domain/rfm.ts';
import type { Db } from '../src/store/db.ts';
import { runJob } from '../src/jobs/jobs.ts';
import { rfmScores } from '../src/store/rfm.ts';
import { line, newProgramme, openTestDb, receipt, type Programme } from './harness.ts';

// The RFM grid of a programme whose five buying members are scored by hand below.
let db: Db;
let p: Programme;
const ids: Record<string, string> = {};
const last = { anna: '2026-06-28', boris: '2026-06-28', vera: '2026-01-10', gleb: '2026-05-01', dina: '2026-06-01' };

beforeAll(async () => {
  db = await openTestDb();
  p = await newProgramme(db, { timezone: 'Europe/Moscow' }, '2026-06-30T09:00:00Z');
  let n = 0;
  const buy = async (who: keyof typeof last | 'oleg', receipts: number, each: number) => {
    ids[who] = (await p.call('POST', '/v1/members', { name: who }, { role: 'pos' })).body.member.id;
    for (let i = 0; i < receipts; i++) {
      const day = who === 'oleg' ? '' : `${last[who]}T${String(10 - i).padStart(2, '0')}:00:00Z`;
      const res = await p.call('POST', '/v1/receipts', receipt(`R-${++n}`, [line('TEA', each * 100)], { purchasedAt: day, member: { id: ids[who] } }), { role: 'pos' });
      expect(res.status).toBe(201);
    }
  };
  await buy('anna', 3, 100);
  await buy('boris', 3, 200);
  await buy('vera', 1, 100);
  await buy('gleb', 2, 100);
  await buy('dina', 1, 1000);
  // A member who never bought is not scored.
  await buy('oleg', 0, 0);
});
afterAll(() => db.close());

describe('GET /v1/analytics/rfm', () => {
  it('scores each buying member by quintiles, equal values alike, as the domain rule does', async () => {
    const scores = await rfmScores(db, p.programId, 'Europe/Moscow');
    const of = (who: string) => scores.get(ids[who]!);
    // Recency: Vera (January) < Gleb (May) < Dina (1 June) < Anna = Boris (28 June): 1 + ⌊5·b/5⌋ for b = 0, 1, 2, 3, 3.
    // Frequency: Vera = Dina (1) < Gleb (2) < Anna = Boris (3). Money: 100 < 200 < 300 < 600 < 1,000 ₽.
    expect({ anna: of('anna'), boris: of('boris'), vera: of('vera'), gleb: of('gleb'), dina: of('dina') }).toEqual({
      anna: { r: 4, f: 4, m: 3 },
      boris: { r: 4, f: 4, m: 4 },
      vera: { r: 1, f: 1, m: 1 },
      gleb: { r: 2, f: 3, m: 2 },
      dina: { r: 3, f: 1, m: 5 },
    });
    expect(scores.has(ids.oleg!)).toBe(false);
    const people = ['anna', 'boris', 'vera', 'gleb', 'dina'];
    expect(people.map((w) => of(w)!.f)).toEqual(quintileScores([3, 3, 1, 2, 1]));
    expect(people.map((w) => of(w)!.m)).toEqual(quintileScores([300, 600, 100, 200, 1000]));
  });

  it('answers the grid with each cell’s named segment and the segments’ sizes', async () => {
    const res = await p.call('GET', '/v1/analytics/rfm', undefined, { role: 'readonly' });
    expect(res.status).toBe(200);
    expect(res.body.members).toBe(5);
    expect(res.body.cells.map((c: { recency: number; frequency: number; segment: string; members: number; paid: number }) => [c.recency, c.frequency, c.segment, c.members, c.paid])).toEqual([
      [4, 4, 'loyal', 2, 900_00],
      [3, 1, 'about_to_sleep', 1, 1000_00],
      [2, 3, 'at_risk', 1, 200_00],
      [1, 1, 'lost', 1, 100_00],
    ]);
    const segments = Object.fromEntries(res.body.segments.map((s: { code: string; members: number; share: number }) => [s.code, [s.members, s.share]]));
    expect(segments).toMatchObject({ loyal: [2, 0.4], about_to_sleep: [1, 0.2], at_risk: [1, 0.2], lost: [1, 0.2], champions: [0, 0] });
    expect(res.body.segments.find((s: { code: string }) => s.code === 'at_risk').names).toEqual({ ru: 'Под угрозой ухода', en: 'At risk' });
    expect((await p.call('GET', '/v1/analytics/rfm', undefined, { role: 'pos' })).status).toBe(403);
  });
});

describe('RFM scores in SQL', () => {
  it('equal the domain rule for any number of members and any ties', async () => {
    const member = fc.record({ day: fc.integer({ min: 1, max: 6 }), purchases: fc.integer({ min: 1, max: 4 }), paid: fc.integer({ min: 1, max: 5 }) });
    await fc.assert(
      fc.asyncProperty(fc.array(member, { minLength: 1, maxLength: 40 }), async (members) => {
        const q = await newProgramme(db, { timezone: 'Europe/Moscow' }, '2026-06-30T09:00:00Z');
        const ids: string[] = [];
        for (const [i, m] of members.entries()) {
          const id = (await q.call('POST', '/v1/members', { name: `m${i}` }, { role: 'pos' })).body.member.id as string;
          await db.query(`update members set purchases = $2, paid_total = $3, last_purchase_at = $4 where program_id = $1 and id = $5`, [q.programId, m.purchases, m.paid * 100, `2026-06-0${m.day}T12:00:00Z`, id]);
          ids.push(id);
        }
        const scores = await rfmScores(db, q.programId, 'Europe/Moscow');
        expect(ids.map((id) => scores.get(id))).toEqual(
          members.map((_, i) => ({
            r: quintileScores(members.map((m) => m.day))[i],
            f: quintileScores(members.map((m) => m.purchases))[i],
            m: quintileScores(members.map((m) => m.paid))[i],
          })),
        );
      }),
      { numRuns: 15 },
    );
  });
});

describe('RFM cuts', () => {
  it('are taken by the daily job once a day, and scores read against them until the next day’s', async () => {
    const q = await newProgramme(db, { timezone: 'Europe/Moscow' }, '2026-06-30T09:00:00Z');
    const ids: string[] = [];
    const add = async (day: number, purchases: number, paid: number) => {
      const id = (await q.call('POST', '/v1/members', { name: `m${ids.length}` }, { role: 'pos' })).body.member.id as string;
      await db.query(`update members set purchases = $2, paid_total = $3, last_purchase_at = $4 where program_id = $1 and id = $5`, [q.programId, purchases, paid, `2026-06-0${day}T12:00:00Z`, id]);
      ids.push(id);
    };
    for (const k of [1, 2, 3, 4, 5]) await add(k, k, k * 100);
    const frequency = async (tz = 'Europe/Moscow') => {
      const scores = await rfmScores(db, q.programId, tz);
      return ids.map((id) => scores.get(id)!.f);
    };
    await runJob(q.deps, 'daily-totals', q.programId);
    // Five buyers with 1..5 purchases: the cuts are 1, 2, 3, 4 (places ⌈5k/5⌉).
    expect(await frequency()).toEqual([1, 2, 3, 4, 5]);
    await add(6, 10, 1000);
    // Read against the day's cuts, the sixth buyer is above them all and nobody else moves.
    expect(await frequency()).toEqual([1, 2, 3, 4, 5, 5]);
    await runJob(q.deps, 'daily-totals', q.programId);
    expect(await frequency()).toEqual([1, 2, 3, 4, 5, 5]);
    // In another time zone than the cuts were taken in, they are worked out on the spot: places ⌈6k/5⌉ = 2..5.
    expect(await frequency('Asia/Yekaterinburg')).toEqual(quintileScores([1, 2, 3, 4, 5, 10]));
    expect(quintileScores([1, 2, 3, 4, 5, 10])).toEqual([1, 1, 2, 3, 4, 5]);
    q.advanceDays(1);
    await runJob(q.deps, 'daily-totals', q.programId);
    expect(await frequency()).toEqual([1, 1, 2, 3, 4, 5]);
  });
});
