/**
 * The analytics at scale, on a demo already loaded into PostgreSQL (`kopilka demo --members 1000000` on
 * BENCH_SCALE_DB): the database's size, each KPI call for the last year grouped by month, segment previews, a
 * segment evaluated over every member, the LTV fit on a cohort of about 100,000, and confirmation throughput with
 * the day-sum triggers on and off. Reports are read in the evening of a busy day: today is first given a day of
 * this demo's sales, dated through the day so far, and the day sums of the server's minute job are run. Calls go
 * through the HTTP app in process, with an admin key made for the run.
 *
 *   BENCH_SCALE_DB=postgres://postgres@127.0.0.1:5432/kopilka_scale npm run bench:scale
 */
import { DateTime } from 'luxon';
import { createApp } from '../src/api/app.ts';
import { systemPrincipal } from '../src/domain/access.ts';
import { confirmMany } from '../src/flows/batch.ts';
import type { Deps } from '../src/flows/deps.ts';
import { createApiKey } from '../src/flows/programs.ts';
import type { ReceiptInput } from '../src/flows/receipts.ts';
import { openDb } from '../src/store/db.ts';
import { migrate } from '../src/store/migrate.ts';
import { loadSettings } from '../src/store/programs.ts';
import { runJob } from '../src/jobs/jobs.ts';

const url = process.env.BENCH_SCALE_DB ?? 'postgres://postgres@127.0.0.1:5432/kopilka_scale';
const log = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

const db = await openDb({ databaseUrl: url });
await migrate(db);
const deps: Deps = { db, now: () => new Date() };
const [programme] = await db.query<{ id: string }>(`select p.id from programs p order by (select count(*) from members m where m.program_id = p.id) desc limit 1`);
if (!programme) throw new Error(`no programme in ${url}: load one with kopilka demo first`);
const programId = programme.id;
const key = (await createApiKey(db, programId, 'admin', 'scale bench', new Date())).secret;
const app = createApp(deps);

const [size] = await db.query<{ database: string; members: number; receipts: number; first: Date; last: Date }>(
  `select pg_size_pretty(pg_database_size(current_database())) as database,
     (select count(*) from members where program_id = $1)::int as members, (select count(*) from receipts where program_id = $1)::int as receipts,
     (select min(purchased_at) from receipts where program_id = $1) as first, (select max(purchased_at) from receipts where program_id = $1) as last`,
  [programId],
);
log(`database ${size?.database}: ${size?.members.toLocaleString('en')} members, ${size?.receipts.toLocaleString('en')} receipts from ${size?.first.toISOString().slice(0, 10)} to ${size?.last.toISOString().slice(0, 10)}`);

const call = async (method: string, path: string, body?: unknown) => {
  const t0 = performance.now();
  const res = await app.request(path, { method, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text}`);
  return { ms: performance.now() - t0, body: text ? (JSON.parse(text) as unknown) : null };
};
const timesOf = async (method: string, path: string, body?: unknown, runs = 5) => {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await call(method, path, body)).ms);
  return `p50 ${percentile(times, 50).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms`;
};

// Receipts of random members' cards, each a litre of milk, confirmed through the sale path's bulk form, two at once:
// the day's sales in every store, the rounds of confirmations at one.
const cards = (await db.query<{ card: string }>(`select number as card from cards where program_id = $1 and status = 'active' order by random() limit 20000`, [programId])).map((r) => r.card);
const stores = (await db.query<{ code: string }>(`select code from stores where program_id = $1 order by code`, [programId])).map((r) => r.code);
let serial = 0;
const sell = async (dates: Date[], everywhere = false, at: Deps = deps) => {
  const receipts: ReceiptInput[] = dates.map((purchasedAt, i) => ({
    storeCode: everywhere ? stores[serial % stores.length]! : 'MSK-TVER',
    number: `SCALE-${process.pid}-${++serial}`,
    purchasedAt,
    member: { cardNumber: cards[(serial * 7919 + i) % cards.length]! },
    lines: [{ sku: 'MILK-32', name: 'Молоко 3,2% 1 л', category: 'dairy', quantity: 1, price: 8_990, discount: 0, amount: 8_990, isReward: false }],
    total: 8_990,
    pointsToSpend: 0,
  }));
  await Promise.all([0, 1].map((k) => confirmMany(at, programId, receipts.filter((_, i) => i % 2 === k), systemPrincipal('bench'))));
};

// The evening of a busy day: today holds at least a day of this demo's sales (its receipts over its days), dated
// evenly from midnight to now, and the day sums the server runs every minute have run.
const { timezone } = (await loadSettings(db, programId)).settings;
const midnight = DateTime.now().setZone(timezone).startOf('day').toJSDate();
const [today] = await db.query<{ n: number; day: number }>(
  `select count(*) filter (where purchased_at >= $2)::int as n,
     (count(*) / greatest(1, extract(day from max(purchased_at) - min(purchased_at))))::int as day
   from receipts where program_id = $1`,
  [programId, midnight],
);
const missing = Math.max(0, (today?.day ?? 0) - (today?.n ?? 0));
const span = Date.now() - midnight.getTime();
for (let done = 0; done < missing; done += 2_000) {
  const dates = Array.from({ length: Math.min(2_000, missing - done) }, (_, i) => new Date(midnight.getTime() + ((done + i + 0.5) / missing) * span));
  // Written as if at the time of the group's last sale, so the ledger's entries fall through the day as the receipts do.
  const last = dates[dates.length - 1]!;
  await sell(dates, true, { db, now: () => last });
}
await runJob(deps, 'day-sums', programId);
const [raw] = await db.query<{ n: number; unsummed: number }>(
  `select count(*)::int as n, count(*) filter (where purchased_at >= coalesce((select ends_at from receipt_days where program_id = $1 and starts_at = $2), $2))::int as unsummed
   from receipts where program_id = $1 and purchased_at >= $2`,
  [programId, midnight],
);
log(`today: ${raw?.n.toLocaleString('en')} receipts (${missing.toLocaleString('en')} sold now), ${raw?.unsummed.toLocaleString('en')} of them after the last hour summed`);

const now = new Date();
const yearAgo = new Date(now.getTime() - 365 * 86_400_000).toISOString();
const year = `from=${yearAgo}&to=${now.toISOString()}`;
const kpiCalls: Record<string, string> = {
  'kpis, year by month, with comparison': `/v1/analytics/kpis?${year}&group=month&compare=true`,
  'kpis, year by month, one store': `/v1/analytics/kpis?${year}&group=month&store=MSK-TVER`,
  retention: `/v1/analytics/retention?${year}`,
  points: `/v1/analytics/points?${year}&group=month`,
  campaigns: `/v1/analytics/campaigns?${year}`,
  sources: `/v1/analytics/sources?${year}`,
  nps: `/v1/analytics/nps?${year}&group=month&compare=true`,
  rfm: '/v1/analytics/rfm',
  overview: `/v1/overview?${year}`,
};
for (const [name, path] of Object.entries(kpiCalls)) log(`${name}: ${await timesOf('GET', path)} (target < 1 s)`);

const rules: Record<string, unknown> = {
  'lapsed women': { all: [{ field: 'days_since_purchase', op: 'gt', value: 60 }, { field: 'gender', op: 'eq', value: 'female' }] },
  'paid 10,000 ₽ in 90 days': { field: 'paid', op: 'gte', value: 1_000_000, days: 90 },
  'bought dairy in 30 days': { field: 'bought_category', op: 'in', value: ['dairy'], days: 30 },
  'RFM champions or loyal': { field: 'rfm_segment', op: 'in', value: ['champions', 'loyal'] },
  'women in Moscow': { all: [{ field: 'gender', op: 'eq', value: 'female' }, { field: 'city', op: 'eq', value: 'Москва' }] },
};
for (const [name, rule] of Object.entries(rules)) {
  const { body } = await call('POST', '/v1/segments/preview', { rule });
  log(`segment preview "${name}" (${(body as { members: number }).members.toLocaleString('en')} members): ${await timesOf('POST', '/v1/segments/preview', { rule }, 3)} (target < 2 s)`);
}

// A segment of everyone who has registered: evaluated over every member when saved, and again when refreshed.
const everyone = { field: 'registered', op: 'lte', value: now.toISOString().slice(0, 10) };
const saved = await call('PUT', '/v1/segments/scale-everyone', { name: 'Все участники (замер)', rule: everyone });
const refreshed = await call('POST', '/v1/segments/scale-everyone/refresh');
const [held] = await db.query<{ n: number }>(`select count(*)::int as n from segment_members where program_id = $1 and segment = 'scale-everyone'`, [programId]);
log(`segment of ${held?.n.toLocaleString('en')} members: saved and evaluated in ${(saved.ms / 1000).toFixed(1)} s, refreshed in ${(refreshed.ms / 1000).toFixed(1)} s (target < 60 s)`);
await call('DELETE', '/v1/segments/scale-everyone');

// The LTV cohort: the first days of first purchases that hold about 100,000 members.
const firsts = await db.query<{ day: string; n: number }>(
  `select to_char(first_purchase_at at time zone $2, 'YYYY-MM-DD') as day, count(*)::int as n from members
   where program_id = $1 and first_purchase_at is not null group by 1 order by 1`,
  [programId, timezone],
);
let cohort = 0;
let last = firsts[0]?.day ?? '';
for (const { day, n } of firsts) {
  if (cohort >= 100_000) break;
  cohort += n;
  last = day;
}
const to = DateTime.fromISO(last).plus({ days: 1 }).toISODate() as string;
const ltv = await call('GET', `/v1/analytics/ltv?from=${firsts[0]?.day}&to=${to}`);
const fitted = ltv.body as { cohort: { members: number; repeatBuyers: number }; purchases: Record<string, number>; spend: Record<string, number> };
log(`LTV fit, cohort ${firsts[0]?.day}..${to} of ${fitted.cohort.members.toLocaleString('en')} members (${fitted.cohort.repeatBuyers.toLocaleString('en')} repeat buyers): ${(ltv.ms / 1000).toFixed(1)} s (target < 30 s); r ${fitted.purchases.r?.toFixed(3)}, α ${fitted.purchases.alpha?.toFixed(3)}, a ${fitted.purchases.a?.toFixed(3)}, b ${fitted.purchases.b?.toFixed(3)}`);

// Confirmation throughput with the day sums' triggers on and off, alternating rounds of receipts dated now.
const round = async () => {
  const t0 = performance.now();
  await sell(Array.from({ length: 2_000 }, () => new Date()));
  return 2_000 / ((performance.now() - t0) / 1000);
};
const triggers = ['receipts_late_insert', 'receipts_late_status'];
const switchTriggers = async (state: 'on' | 'off') => {
  for (const t of triggers) await db.query(`alter table receipts ${state === 'on' ? 'enable' : 'disable'} trigger ${t}`);
  await db.query(`alter table journal_entries ${state === 'on' ? 'enable' : 'disable'} trigger journal_entries_late_insert`);
};
// A first round, not counted, warms the caches and the connections, which would otherwise count against the first state.
await round();
// Eight pairs of rounds, on then off and off then on in turn, so that the machine's drift falls on both sides; the
// ratio is the median of the pairs' ratios.
const rates: Record<'on' | 'off', number[]> = { on: [], off: [] };
for (let pair = 0; pair < 8; pair++) {
  for (const state of pair % 2 === 0 ? (['on', 'off'] as const) : (['off', 'on'] as const)) {
    await switchTriggers(state);
    rates[state].push(await round());
  }
}
await switchTriggers('on');
const median = (xs: number[]) => percentile(xs, 50);
const ratios = rates.on.map((on, k) => on / rates.off[k]!);
log(`confirm throughput: day sums on ${median(rates.on).toFixed(0)}/s, off ${median(rates.off).toFixed(0)}/s, ratio ${median(ratios).toFixed(2)} (pairs ${ratios.map((r) => r.toFixed(2)).join(', ')}; target ≥ 0.9)`);
await db.close();
