import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/store/db.ts';
import { newProgramme, openTestDb, type Programme } from './harness.ts';

// Net promoter score from survey actions, worked out by hand below.
let db: Db;
let p: Programme;
let n = 0;

const survey = (member: string, at: string, attributes: Record<string, unknown>) =>
  p.call('POST', '/v1/actions', { id: `s-${++n}`, memberId: member, type: 'survey', occurredAt: at, attributes }, { role: 'pos' });

beforeAll(async () => {
  db = await openTestDb();
  p = await newProgramme(db, { timezone: 'Europe/Moscow' }, '2026-04-30T09:00:00Z');
  const member = (await p.call('POST', '/v1/members', { name: 'Анна' }, { role: 'pos' })).body.member.id;
  // March: 10, 9, 8, 3 at S1 and 6 with no store; April: 10, 10, 7 at S1 and 2 at S2.
  const answers: [string, number, string | undefined][] = [
    ['2026-03-02T10:00:00Z', 10, 'S1'], ['2026-03-05T10:00:00Z', 9, 'S1'], ['2026-03-09T10:00:00Z', 8, 'S1'], ['2026-03-20T10:00:00Z', 3, 'S1'],
    ['2026-03-31T20:30:00Z', 6, undefined], // 23:30 in Moscow: still March
    ['2026-04-02T10:00:00Z', 10, 'S1'], ['2026-04-03T10:00:00Z', 10, 'S1'], ['2026-04-10T10:00:00Z', 7, 'S1'], ['2026-04-15T10:00:00Z', 2, 'S2'],
  ];
  for (const [at, score, storeCode] of answers) expect((await survey(member, at, storeCode ? { score, storeCode } : { score })).status).toBe(200);
  // Not an answer on the scale: a review, and a survey without a score.
  expect((await p.call('POST', '/v1/actions', { id: 'r-1', memberId: member, type: 'review', occurredAt: '2026-04-05T10:00:00Z', attributes: { score: 1 } }, { role: 'pos' })).status).toBe(200);
  expect((await survey(member, '2026-04-06T10:00:00Z', { comment: 'нет оценки' })).status).toBe(200);
});
afterAll(() => db.close());

const report = (query: string) => p.call('GET', `/v1/analytics/nps?${query}`, undefined, { role: 'readonly' });

describe('GET /v1/analytics/nps', () => {
  it('counts promoters, passives and detractors by month and by store, and compares with the period before', async () => {
    const res = await report('from=2026-02-28T21:00:00Z&to=2026-04-30T21:00:00Z&group=month&compare=true');
    expect(res.status).toBe(200);
    const b = res.body;
    // 9 answers: promoters 10, 9, 10, 10 = 4; passives 8, 7 = 2; detractors 3, 6, 2 = 3. NPS = (4 − 3) / 9 × 100.
    expect(b).toMatchObject({ responses: 9, promoters: 4, passives: 2, detractors: 3 });
    expect(b.nps).toBeCloseTo(100 / 9, 10);
    expect(b.periods).toEqual([
      // March: 2 promoters, 1 passive, 2 detractors: 0. April: 2, 1, 1: (2 − 1) / 4 = 25.
      { start: '2026-03-01', responses: 5, promoters: 2, passives: 1, detractors: 2, nps: 0 },
      { start: '2026-04-01', responses: 4, promoters: 2, passives: 1, detractors: 1, nps: 25 },
    ]);
    expect(b.stores).toEqual([
      // S1: 10, 9, 8, 3, 10, 10, 7: 4 promoters, 2 passives, 1 detractor of 7.
      { storeCode: 'S1', responses: 7, promoters: 4, passives: 2, detractors: 1, nps: (3 / 7) * 100 },
      { storeCode: 'S2', responses: 1, promoters: 0, passives: 0, detractors: 1, nps: -100 },
      { storeCode: null, responses: 1, promoters: 0, passives: 0, detractors: 1, nps: -100 },
    ]);
    expect(b.previous).toMatchObject({ responses: 0, nps: null });
  });

  it('narrows to a store, and groups by week', async () => {
    const res = await report('from=2026-03-29T21:00:00Z&to=2026-04-30T21:00:00Z&group=week&store=S1');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ store: 'S1', responses: 3, promoters: 2, passives: 1, detractors: 0 });
    // ISO weeks start on Monday: 2 and 3 April in the week of 30 March, 10 April in the week of 6 April.
    expect(res.body.periods.map((x: { start: string; responses: number }) => [x.start, x.responses])).toEqual([
      ['2026-03-30', 2],
      ['2026-04-06', 1],
    ]);
  });

  it('refuses a score off the scale, a period backwards or over ten years, a series of more than 1,000 points, and a till’s key', async () => {
    const member = (await p.call('POST', '/v1/members', { name: 'Борис' }, { role: 'pos' })).body.member.id;
    for (const score of [11, -1, 7.5, '9']) {
      const bad = await survey(member, '2026-04-20T10:00:00Z', { score });
      expect(bad.status, String(score)).toBe(400);
      expect(bad.body.detail).toMatch(/score/);
    }
    for (const query of ['from=2026-04-01T00:00:00Z&to=2026-03-01T00:00:00Z', 'from=2010-01-01T00:00:00Z&to=2026-01-01T00:00:00Z', 'from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z&group=day', 'group=year']) {
      const bad = await report(query);
      expect(bad.status, query).toBe(400);
      expect(bad.body.code).toBe('validation_failed');
    }
    expect((await report('group=month')).status).toBe(200);
    expect((await p.call('GET', '/v1/analytics/nps', undefined, { role: 'pos' })).status).toBe(403);
  });
});
