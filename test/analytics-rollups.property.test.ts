import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildAnalytics } from '../src/jobs/daily-totals.ts';
import type { Db } from '../src/store/db.ts';
import { retentionCohorts, scannedTallies, salesTallies, type KpiAsk } from '../src/store/kpis.ts';
import { foldMemberDays } from '../src/store/member-days.ts';
import { forgetDaySums } from '../src/store/overview.ts';
import { countMatching } from '../src/store/segments.ts';
import { line, newProgramme, openTestDb, receipt, type Programme } from './harness.ts';

// Random histories of sales, returns, cancels and adjustments: the figures read from the daily sums equal those
// read straight from the receipts and the ledger, and equal SQL written here over the receipts themselves.
let db: Db;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(() => db.close());

const DAY = 86_400_000;
const start = Date.parse('2026-03-01T06:00:00Z');
const event = fc.oneof(
  fc.record({ kind: fc.constant('sale' as const), day: fc.integer({ min: 0, max: 75 }), hour: fc.integer({ min: 0, max: 23 }), member: fc.integer({ min: -1, max: 4 }), rub: fc.integer({ min: 1, max: 5000 }), spend: fc.boolean() }),
  fc.record({ kind: fc.constant('return' as const), of: fc.nat(), cancel: fc.boolean() }),
  fc.record({ kind: fc.constant('adjust' as const), day: fc.integer({ min: 0, max: 75 }), member: fc.integer({ min: 0, max: 4 }), points: fc.integer({ min: -50, max: 200 }) }),
);

type Event = typeof event extends fc.Arbitrary<infer T> ? T : never;

async function play(p: Programme, events: Event[]) {
  const members: string[] = [];
  for (let i = 0; i < 5; i++) members.push((await p.call('POST', '/v1/members', { name: `m${i}`, source: i % 2 ? 'online' : 'till' }, { role: 'pos' })).body.member.id);
  const sold: { id: string; at: number }[] = [];
  // In time order, returns a day after the receipt they undo.
  const timed = events.map((e, i) => ({ e, i, at: e.kind === 'return' ? Number.POSITIVE_INFINITY : start + e.day * DAY + ('hour' in e ? e.hour * 3_600_000 : 0) }));
  let n = 0;
  for (const { e } of timed.filter((t) => t.e.kind !== 'return').sort((a, b) => a.at - b.at || a.i - b.i)) {
    if (e.kind === 'sale') {
      const at = start + e.day * DAY + e.hour * 3_600_000;
      p.setNow(new Date(at + 60_000));
      const member = e.member >= 0 ? { member: { id: members[e.member] } } : {};
      const res = await p.call('POST', '/v1/receipts', receipt(`P-${++n}`, [line('TEA', e.rub * 100, 1, { category: 'tea' }), line('MILK', 5000, 1, e.rub % 2 ? { category: 'dairy' } : {})], { purchasedAt: new Date(at).toISOString(), ...member, pointsToSpend: e.spend && e.member >= 0 ? 10 : 0 }), { role: 'pos' });
      if (res.status === 201) sold.push({ id: res.body.id, at });
    } else if (e.kind === 'adjust') {
      p.setNow(new Date(start + e.day * DAY + 12 * 3_600_000));
      await p.call('POST', `/v1/members/${members[e.member]}/adjustments`, { points: e.points, reason: 'проверка' }, { role: 'admin' });
    }
  }
  for (const e of events) {
    if (e.kind !== 'return' || sold.length === 0) continue;
    const r = sold[e.of % sold.length]!;
    p.setNow(new Date(Math.max(r.at, start + 76 * DAY) + DAY));
    if (e.cancel) await p.call('POST', `/v1/receipts/${r.id}/cancel`, {}, { role: 'pos' });
    else await p.call('POST', `/v1/receipts/${r.id}/returns`, { lines: [{ lineNo: 2, quantity: 1 }] }, { role: 'pos' });
  }
  p.setNow('2026-06-01T12:00:00Z');
}

/** Every figure a dashboard reads for March to May, grouped by week and by month. */
async function figures(p: Programme) {
  const period = 'from=2026-03-01T00:00:00%2B03:00&to=2026-06-01T00:00:00%2B03:00';
  const read = async (path: string) => {
    const res = await p.call('GET', path, undefined, { role: 'readonly' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };
  return {
    overview: await read(`/v1/overview?${period}`),
    points: await read(`/v1/analytics/points?${period}&group=week`),
    kpis: await read(`/v1/analytics/kpis?${period}&group=month&compare=true`),
    kpisBySource: await read(`/v1/analytics/kpis?${period}&group=week&source=online`),
    retention: await read(`/v1/analytics/retention?${period}`),
    sources: await read(`/v1/analytics/sources?${period}`),
  };
}

const cohortAsks: [string, string, string][] = [
  ['2026-03-01T00:00:00+03:00', '2026-06-01T00:00:00+03:00', '2026-06-01T12:00:00+03:00'],
  ['2026-03-10T15:00:00+03:00', '2026-04-21T10:00:00+03:00', '2026-05-20T18:00:00+03:00'],
];
const withoutTrailingZeros = (xs: number[]) => xs.slice(0, xs.findLastIndex((x) => x > 0) + 1);

/** Retention cohorts written here straight over the receipts: each member's months of buying in the period to `until`. */
async function cohortsFromReceipts(programId: string, from: string, to: string, until: string) {
  const rows = await db.query<{ cohort: string; age: number; buyers: number }>(
    `with activity as (
       select member_id, date_trunc('month', purchased_at at time zone 'Europe/Moscow') as month, min(purchased_at) as first
       from receipts where program_id = $1 and status = 'confirmed' and member_id is not null and purchased_at >= $2 and purchased_at < $4
       group by 1, 2),
     firsts as (
       select a.member_id, min(a.month) as cohort from activity a group by a.member_id
       having min(a.first) < $3
         and not exists (select 1 from receipts b where b.program_id = $1 and b.member_id = a.member_id and b.status = 'confirmed' and b.purchased_at < $2))
     select to_char(f.cohort, 'YYYY-MM') as cohort,
       ((extract(year from a.month) - extract(year from f.cohort)) * 12 + extract(month from a.month) - extract(month from f.cohort))::int as age,
       count(*)::int as buyers
     from firsts f join activity a on a.member_id = f.member_id group by 1, 2 order by 1, 2`,
    [programId, from, to, until],
  );
  const cohorts = new Map<string, number[]>();
  for (const r of rows) cohorts.set(r.cohort, Object.assign(cohorts.get(r.cohort) ?? [], { [r.age]: Number(r.buyers) }));
  return [...cohorts].map(([cohort, ages]) => ({ cohort, size: ages[0] ?? 0, buyers: Array.from({ length: ages.length }, (_, i) => ages[i] ?? 0) }));
}

/** Windows of the segment conditions on purchases and money: the last N days, and periods of whole days. */
const windows: { days?: number; from?: string; to?: string }[] = [{ days: 30 }, { days: 45 }, { days: 120 }, { from: '2026-04-03', to: '2026-04-24' }, { from: '2026-04-20', to: '2026-04-25' }];

/** The first instant of the last N days in Moscow: the start of today there, N days back. */
const lastDays = (at: Date, days: number) => new Date(Math.floor((at.getTime() + 3 * 3_600_000) / DAY) * DAY - 3 * 3_600_000 - days * DAY);

/**
 * Segment counts of members with at least so many purchases or so much paid in each window equal those of the
 * members' purchases and money written here straight over the receipts, at every value a member has; and so do
 * those of members who bought a category.
 */
async function checkWindowedCounts(p: Programme) {
  const at = p.now();
  const members = await db.query<{ id: string }>('select id from members where program_id = $1', [p.programId]);
  for (const w of windows) {
    const from = w.days !== undefined ? lastDays(at, w.days) : new Date(`${w.from}T00:00:00+03:00`);
    const to = w.to ? new Date(Date.parse(`${w.to}T00:00:00+03:00`) + DAY) : null;
    const rows = await db.query<{ member_id: string; purchases: number; paid: number }>(
      `select member_id, count(*)::int as purchases,
         sum(r.total - r.points_discount - r.campaign_discount - coalesce((select sum(t.amount) from returns t where t.program_id = r.program_id and t.receipt_id = r.id), 0))::bigint as paid
       from receipts r where program_id = $1 and member_id is not null and status = 'confirmed' and purchased_at >= $2 and ($3::timestamptz is null or purchased_at < $3)
       group by 1`,
      [p.programId, from, to],
    );
    for (const field of ['purchases', 'paid'] as const) {
      const values = members.map((m) => Number(rows.find((r) => r.member_id === m.id)?.[field] ?? 0));
      for (const least of new Set([...values, Math.max(...values) + 1])) {
        const counted = await countMatching(db, p.programId, 'Europe/Moscow', at, { field, op: 'gte', value: least, ...w });
        expect(counted, `${field} >= ${least} in ${JSON.stringify(w)}`).toBe(values.filter((v) => v >= least).length);
      }
    }
  }
  // Categories bought, lifetime or in the last N days.
  for (const w of [{}, ...windows.filter((x) => x.days !== undefined)] as { days?: number }[]) {
    const from = w.days !== undefined ? lastDays(at, w.days) : new Date(0);
    for (const wanted of [['dairy'], ['tea'], ['dairy', 'tea'], ['coffee']]) {
      const [row] = await db.query<{ n: number }>(
        `select count(distinct member_id)::int as n from receipts where program_id = $1 and member_id is not null and status = 'confirmed' and purchased_at >= $2 and categories && $3`,
        [p.programId, from, wanted],
      );
      const bought = Number(row?.n);
      expect(await countMatching(db, p.programId, 'Europe/Moscow', at, { field: 'bought_category', op: 'in', value: wanted, ...w }), `${wanted} in ${JSON.stringify(w)}`).toBe(bought);
      expect(await countMatching(db, p.programId, 'Europe/Moscow', at, { field: 'bought_category', op: 'not_in', value: wanted, ...w })).toBe(members.length - bought);
    }
  }
}

describe('daily sums and analytics', () => {
  it('read the same from the sums as from the receipts and the ledger, after a rebuild too, and as SQL over the receipts says', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(event, { minLength: 3, maxLength: 25 }), async (events) => {
        const p = await newProgramme(db, { timezone: 'Europe/Moscow', pendingDays: 0 }, '2026-02-27T09:00:00Z');
        await play(p, events);
        await forgetDaySums(db, p.programId);
        const direct = await figures(p);
        const [rebuilt] = await rebuildAnalytics(p.deps, p.programId);
        // Days are summed from the first receipt or entry: a history of refusals alone has none.
        const [written] = await db.query<{ n: number }>('select count(*)::int as n from journal_entries where program_id = $1', [p.programId]);
        if (Number(written?.n) > 0) expect(rebuilt?.days).toBeGreaterThan(0);
        expect(await figures(p)).toEqual(direct);
        // The months' receipts and revenue, written here straight over the receipts.
        const months = await db.query<{ start: string; receipts: number; revenue: number }>(
          `select to_char(date_trunc('month', purchased_at at time zone 'Europe/Moscow'), 'YYYY-MM-DD') as start, count(*)::int as receipts, sum(total)::bigint as revenue
           from receipts where program_id = $1 and status = 'confirmed' group by 1 order by 1`,
          [p.programId],
        );
        expect(direct.kpis.series.map((s: { start: string; receipts: { all: number }; revenue: { all: number } }) => ({ start: s.start, receipts: s.receipts.all, revenue: s.revenue.all }))).toEqual(
          months.map((m) => ({ start: m.start, receipts: Number(m.receipts), revenue: Number(m.revenue) })),
        );
      }),
      { numRuns: 6 },
    );
  });

  it('count active members, repeat buyers, churn and members’ purchases and money in a window from the members’ buying days as from the receipts, after late receipts, returns and cancels too', async () => {
    // Most late receipts fall in the days the day-by-day ask reads, often two of a member on one day.
    const late = fc.record({ day: fc.oneof(fc.integer({ min: 50, max: 55 }), fc.integer({ min: 0, max: 75 })), hour: fc.integer({ min: 0, max: 23 }), member: fc.integer({ min: 0, max: 3 }), twice: fc.boolean(), cancel: fc.nat() });
    await fc.assert(
      fc.asyncProperty(fc.array(event, { minLength: 3, maxLength: 20 }), fc.array(late, { maxLength: 10 }), async (events, lates) => {
        const p = await newProgramme(db, { timezone: 'Europe/Moscow', pendingDays: 0 }, '2026-02-27T09:00:00Z');
        await play(p, events);
        const members = await db.query<{ id: string }>('select id from members where program_id = $1 order by created_at, id', [p.programId]);
        const arrive = async (k: number, l: (typeof lates)[number]) => {
          const at = new Date(start + l.day * DAY + l.hour * 3_600_000);
          for (const n of l.twice ? [1, 2] : [1]) {
            const res = await p.call('POST', '/v1/receipts', receipt(`LATE-${k}-${n}`, [line('TEA', 10_000, 1, { category: n === 2 ? 'dairy' : 'tea' })], { purchasedAt: at.toISOString(), member: { id: members[l.member]?.id } }), { role: 'pos' });
            expect(res.status, JSON.stringify(res.body)).toBe(201);
          }
        };
        // Half of them arrive before the days are folded, half after; after, each mends its member's day, as does
        // a cancel or a return of a folded receipt.
        for (const [k, l] of lates.entries()) if (k % 2 === 0) await arrive(k, l);
        await rebuildAnalytics(p.deps, p.programId);
        const sold = await db.query<{ id: string }>(`select id from receipts where program_id = $1 and status = 'confirmed' order by id`, [p.programId]);
        for (const [k, l] of lates.entries()) {
          if (k % 2 === 1) await arrive(k, l);
          const cancelled = sold[l.cancel % Math.max(1, sold.length)];
          if (cancelled && l.cancel % 2 === 0) await p.call('POST', `/v1/receipts/${cancelled.id}/cancel`, {}, { role: 'pos' });
          // A return of a folded receipt lowers what its member paid on that day.
          else if (cancelled) await p.call('POST', `/v1/receipts/${cancelled.id}/returns`, { lines: [{ lineNo: 1, quantity: 1 }] }, { role: 'pos' });
        }
        const [folded] = await db.query<{ n: number }>('select count(*)::int as n from member_days where program_id = $1', [p.programId]);
        const [bought] = await db.query<{ n: number }>(`select count(*)::int as n from receipts where program_id = $1 and member_id is not null and status = 'confirmed'`, [p.programId]);
        if (Number(bought?.n) > 0) expect(Number(folded?.n)).toBeGreaterThan(0);
        const asks: [KpiAsk, 1 | 2][] = [
          [{ from: new Date('2026-03-01T00:00:00+03:00'), to: new Date('2026-06-01T00:00:00+03:00'), timezone: 'Europe/Moscow', group: 'month', filters: {} }, 2],
          [{ from: new Date('2026-04-03T15:30:00+03:00'), to: new Date('2026-04-24T14:00:00+03:00'), timezone: 'Europe/Moscow', group: 'week', filters: {} }, 2],
          [{ from: new Date('2026-04-20T10:00:00+03:00'), to: new Date('2026-04-25T12:00:00+03:00'), timezone: 'Europe/Moscow', group: 'day', filters: {} }, 1],
          [{ from: new Date('2026-04-20T15:00:00+03:00'), to: new Date('2026-04-22T15:00:00+03:00'), timezone: 'Europe/Moscow', group: 'day', filters: {} }, 2],
        ];
        const compare = async () => {
          for (const [ask, before] of asks) expect(await salesTallies(db, p.programId, ask, before)).toEqual(await scannedTallies(db, p.programId, ask, before));
          for (const [from, to, until] of cohortAsks) {
            const cohorts = await retentionCohorts(db, p.programId, { from: new Date(from), to: new Date(to), until: new Date(until), timezone: 'Europe/Moscow', group: 'month', filters: {} });
            expect(cohorts.map((c) => ({ ...c, buyers: withoutTrailingZeros(c.buyers) }))).toEqual(await cohortsFromReceipts(p.programId, from, to, until));
          }
          await checkWindowedCounts(p);
        };
        await compare();
        // The job counts again the months the late ones reopened.
        const ran = await p.call('POST', '/v1/jobs/daily-totals/run', {}, { role: 'admin' });
        expect(ran.status, JSON.stringify(ran.body)).toBe(200);
        const [months] = await db.query<{ n: number }>('select count(*)::int as n from month_buyers where program_id = $1', [p.programId]);
        if (sold.length > 0) expect(Number(months?.n)).toBeGreaterThan(0);
        await compare();
        // Folded only up to 22 April, as when the job is behind: the days after are read from their receipts.
        await db.query(`update member_days_folded set until = '2026-04-22', ends = '2026-04-22T00:00:00+03:00' where program_id = $1`, [p.programId]);
        await db.query(`delete from month_buyers where program_id = $1 and month >= '2026-04-01'`, [p.programId]);
        await db.query(`update member_days set days = substring(days from 1 for greatest(0, '2026-04-22'::date - since)), several = substring(several from 1 for greatest(0, '2026-04-22'::date - since)) where program_id = $1`, [p.programId]);
        await db.query(`select member_totals_count($1, array(select member_id from member_days where program_id = $1))`, [p.programId]);
        await compare();
      }),
      { numRuns: 8 },
    );
  });

  it('fold today’s settled hours in: counts read as from the receipts before, between and after the folds, with receipts arriving late into folded hours and cancels of folded ones', async () => {
    // Receipts of yesterday and today, each arriving before the fold at 10:20 (which folds up to 09:00), between it
    // and the fold at 14:10 (up to 13:00), or after both; some cancelled at the end.
    const today = Date.parse('2026-06-01T00:00:00+03:00');
    const folds = [new Date(today + 10 * 3_600_000 + 20 * 60_000), new Date(today + 14 * 3_600_000 + 10 * 60_000), new Date(today + 16 * 3_600_000)];
    // Most of today, often a member twice on one day.
    const sale = fc.record({ minute: fc.oneof(fc.integer({ min: -30 * 60, max: 16 * 60 - 1 }), fc.integer({ min: 0, max: 16 * 60 - 1 })), member: fc.integer({ min: 0, max: 2 }), arrives: fc.integer({ min: 0, max: 2 }), cancel: fc.integer({ min: 0, max: 5 }) });
    const asks: [string, string, KpiAsk['group']][] = [
      ['2026-05-31T00:00:00+03:00', '2026-06-01T16:00:00+03:00', 'day'],
      ['2026-06-01T00:00:00+03:00', '2026-06-01T12:00:00+03:00', 'day'],
      ['2026-05-31T15:00:00+03:00', '2026-06-01T09:30:00+03:00', 'day'],
      ['2026-05-31T18:00:00+03:00', '2026-06-01T13:30:00+03:00', 'day'],
      ['2026-05-01T00:00:00+03:00', '2026-07-01T00:00:00+03:00', 'month'],
    ];
    await fc.assert(
      fc.asyncProperty(fc.array(sale, { minLength: 1, maxLength: 25 }), async (sales) => {
        const p = await newProgramme(db, { timezone: 'Europe/Moscow', pendingDays: 0 }, '2026-05-30T09:00:00Z');
        const members: string[] = [];
        for (let i = 0; i < 4; i++) members.push((await p.call('POST', '/v1/members', { name: `m${i}`, source: i % 2 ? 'online' : 'till' }, { role: 'pos' })).body.member.id);
        const compare = async () => {
          for (const [from, to, group] of asks) {
            const ask: KpiAsk = { from: new Date(from), to: new Date(to), timezone: 'Europe/Moscow', group, filters: {} };
            expect(await salesTallies(db, p.programId, ask, 1), `${from}–${to}`).toEqual(await scannedTallies(db, p.programId, ask, 1));
          }
          const [from, to, until] = ['2026-05-01T00:00:00+03:00', '2026-06-01T12:30:00+03:00', '2026-06-01T16:00:00+03:00'];
          const cohorts = await retentionCohorts(db, p.programId, { from: new Date(from), to: new Date(to), until: new Date(until), timezone: 'Europe/Moscow', group: 'month', filters: {} });
          expect(cohorts.map((c) => ({ ...c, buyers: withoutTrailingZeros(c.buyers) }))).toEqual(await cohortsFromReceipts(p.programId, from, to, until));
        };
        const sold: string[] = [];
        for (const [phase, at] of folds.entries()) {
          p.setNow(at);
          for (const [k, s] of sales.entries()) {
            if (s.arrives !== phase) continue;
            const purchasedAt = new Date(Math.min(today + s.minute * 60_000, at.getTime() - 60_000));
            const res = await p.call('POST', '/v1/receipts', receipt(`H-${k}`, [line('TEA', 10_000, 1, { category: 'tea' })], { purchasedAt: purchasedAt.toISOString(), member: { id: members[s.member] } }), { role: 'pos' });
            expect(res.status, JSON.stringify(res.body)).toBe(201);
            sold.push(res.body.id);
          }
          if (phase === 2) {
            for (const [k, s] of sales.entries()) if (s.cancel === 0 && sold[k]) await p.call('POST', `/v1/receipts/${sold[k]}/cancel`, {}, { role: 'pos' });
          } else {
            await db.transaction(async (tx) => {
              await tx.query('select receipt_days_sum_lock($1)', [p.programId]);
              while ((await foldMemberDays(tx, p.programId, 'Europe/Moscow', at)) > 0);
            });
            const [folded] = await db.query<{ ends: Date }>('select ends from member_days_folded where program_id = $1', [p.programId]);
            // Folded from the first receipt's day on, once there is one.
            if (sold.length > 0) expect(folded?.ends).toEqual(new Date(today + (phase === 0 ? 9 : 13) * 3_600_000));
          }
          await compare();
          await checkWindowedCounts(p);
        }
      }),
      {
        numRuns: 10,
        // A member marked for today by the first fold buys again in the hours the second folds.
        examples: [[[{ minute: 480, member: 0, arrives: 0, cancel: 1 }, { minute: 660, member: 0, arrives: 1, cancel: 1 }]]],
      },
    );
  });
});
