/**
 * `npm run bench`: Kopilka's throughput and latency against the database's own ceiling, measured in one run on
 * one machine. Prints a table and writes bench/results/latest.json. It measures; it does not pass or fail.
 *
 *   --quick        shorter phases and no soak (a smoke run)
 *   --no-soak      skip the 2-minute endurance run
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { catalogue } from '../src/demo/catalogue.ts';
import { createDemoProgramme, generateDemo, publishDemoCampaigns } from '../src/demo/generate.ts';
import { systemPrincipal } from '../src/domain/access.ts';
import { adjustPoints } from '../src/flows/adjustments.ts';
import { confirmMany } from '../src/flows/batch.ts';
import type { Deps } from '../src/flows/deps.ts';
import { registerMember } from '../src/flows/members.ts';
import { openDb } from '../src/store/db.ts';
import { migrate } from '../src/store/migrate.ts';
import { healthWhile } from './health.ts';
import { sameWrites as sameWritesOf } from './same-writes.ts';
import { answeringEachReceipt } from './triggers.ts';
import { listening, webhookDelivery } from './webhooks.ts';
import { closedLoop, openLoop, openLoops, type LoadResult } from './load.ts';
import { evaluationsPerSecond, ruleEvaluationsPerSecond } from './engine.ts';
import { manyCampaigns } from '../src/demo/campaigns.ts';

const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
const soak = !quick && !args.has('--no-soak');
const phase = quick ? 5 : 20;
const server = process.env.BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432';
// The demo's own size: with fewer members, each would collect hundreds of receipts and lots within minutes.
const MEMBERS = 10_000;
const SPENDERS = 5_000;
const HISTORY_MONTHS = 2;

function log(message: string) {
  process.stderr.write(`[bench] ${message}\n`);
}

async function recreateDatabase(name: string) {
  const admin = new pg.Client({ connectionString: `${server}/postgres` });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
}

function pgbenchBinary(): string {
  const versions = existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql').sort().reverse() : [];
  for (const v of versions) if (existsSync(`/usr/lib/postgresql/${v}/bin/pgbench`)) return `/usr/lib/postgresql/${v}/bin/pgbench`;
  return 'pgbench';
}

async function pgbenchTps(seconds: number): Promise<number> {
  await recreateDatabase('kopilka_pgbench');
  const url = new URL(`${server}/kopilka_pgbench`);
  const common = ['-h', url.hostname, '-p', url.port || '5432', '-U', url.username || 'postgres'];
  const bin = pgbenchBinary();
  execFileSync(bin, [...common, '-i', '-s', '10', '-q', 'kopilka_pgbench'], { stdio: 'ignore' });
  const out = execFileSync(bin, [...common, '-c', '8', '-j', '2', '-T', String(seconds), 'kopilka_pgbench'], { encoding: 'utf8' });
  const tps = /tps = ([\d.]+)/.exec(out);
  if (!tps) throw new Error(`pgbench printed no tps:\n${out}`);
  return Number(tps[1]);
}

interface Target {
  engine: 'postgres' | 'pglite';
  env: Record<string, string>;
  programId: string;
  posKey: string;
  adminKey: string;
  cards: string[];
  /** Members with 300 receipts of history, and members with none (PostgreSQL only). */
  veterans: string[];
  newcomers: string[];
}

/** The demo programme with `months` of its members' history up to now and its campaigns published, as `npm start` leaves it. */
async function loadDemo(deps: Deps, members: number, months: number) {
  const demo = await createDemoProgramme(deps, new Date(Date.now() - (months * 31 + 1) * 86_400_000));
  await generateDemo(deps, demo.programId, { members, months, seed: 7, until: new Date() });
  await publishDemoCampaigns(deps, demo.programId);
  return demo;
}

/**
 * A demo programme with tiers, campaigns, members (half of them with points to spend) and two months of their
 * history, written before the server starts: tills are measured against a programme in use, not an empty one.
 */
async function prepare(engine: Target['engine']): Promise<Target> {
  let env: Record<string, string>;
  if (engine === 'postgres') {
    await recreateDatabase('kopilka_bench');
    env = { DATABASE_URL: `${server}/kopilka_bench` };
  } else {
    env = { KOPILKA_DATA_DIR: mkdtempSync(join(tmpdir(), 'kopilka-bench-')) };
  }
  const started = performance.now();
  const db = await openDb({ databaseUrl: env.DATABASE_URL, dataDir: env.KOPILKA_DATA_DIR });
  await migrate(db);
  const deps = { db, now: () => new Date() };
  const demo = await loadDemo(deps, MEMBERS, HISTORY_MONTHS);
  const rows = await db.query<{ number: string; member_id: string }>(
    'select number, member_id from cards where program_id = $1 order by number',
    [demo.programId],
  );
  const spenders = rows.slice(0, SPENDERS);
  for (let i = 0; i < spenders.length; i += 8)
    await Promise.all(spenders.slice(i, i + 8).map((row) => adjustPoints(deps, demo.programId, row.member_id, { points: 1_000_000, reason: 'bench' }, 'bench')));
  const { veterans, newcomers } = engine === 'postgres' ? await longAndShortHistories(deps, demo.programId) : { veterans: [], newcomers: [] };
  // Planner statistics as a live database would have them (autovacuum may be off on a bench machine).
  await db.query('analyze');
  await db.close();
  log(`prepared ${MEMBERS} members and ${HISTORY_MONTHS} months of history in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  return { engine, env, programId: demo.programId, posKey: demo.posKey, adminKey: demo.adminKey, cards: rows.map((r) => r.number), veterans, newcomers };
}

const HISTORY_MEMBERS = 100;
const HISTORY_RECEIPTS = 300;

/** Members who bought every day for the last 300 days, and as many who never bought: their cards. */
async function longAndShortHistories(deps: Deps, programId: string) {
  const join = async (n: number) => {
    const joined = await registerMember(deps, programId, { name: `bench ${n}` }, systemPrincipal('bench'));
    if (!joined.ok) throw new Error(joined.message);
    return joined.value.cards[0]!.number;
  };
  const veterans: string[] = [];
  const newcomers: string[] = [];
  for (let n = 0; n < HISTORY_MEMBERS; n++) {
    veterans.push(await join(n));
    newcomers.push(await join(HISTORY_MEMBERS + n));
  }
  const day = 86_400_000;
  const history = veterans.flatMap((card, m) =>
    Array.from({ length: HISTORY_RECEIPTS }, (_, d) => {
      const p = everyday[(m * 31 + d) % everyday.length]!;
      const line = { sku: p.sku, name: p.name, category: p.category, quantity: 1, price: p.price, discount: 0, amount: p.price, isReward: false };
      return { storeCode: 'MSK-TVER', number: `v-${m}-${d}`, member: { cardNumber: card }, lines: [line], total: p.price, pointsToSpend: 0, purchasedAt: new Date(Date.now() - (d + 1) * day) };
    }),
  );
  for (let i = 0; i < history.length; i += 1000) await confirmMany(deps, programId, history.slice(i, i + 1000), systemPrincipal('bench'));
  return { veterans, newcomers };
}

/**
 * The demo programme as `kopilka demo` leaves it — a year of history, its events trimmed to a month as the daily
 * job keeps them — loaded into a database of its own: what a receipt costs on disk, on the programme users run.
 */
async function demoYearStorage(members: number) {
  await recreateDatabase('kopilka_bench_year');
  const url = `${server}/kopilka_bench_year`;
  const db = await openDb({ databaseUrl: url });
  await migrate(db);
  await loadDemo({ db, now: () => new Date() }, members, 12);
  await db.close();
  return storagePerReceipt(url);
}

/**
 * From an event's writing to its delivery to the webhook `hookId`, in seconds, once the dispatcher has caught up
 * (or 30 s have passed): p99 and max over the events, and how many are still not delivered.
 */
async function outboxLag(url: string, hookId: string) {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const pending = async () => Number((await db.query(`select count(*) as n from webhook_deliveries where webhook_id = $1 and status = 'pending'`, [hookId])).rows[0]?.n);
  for (const until = Date.now() + 30_000; Date.now() < until && (await pending()) > 0; ) await new Promise((r) => setTimeout(r, 200));
  const [row] = (
    await db.query<{ events: string; p99: number | null; max: number | null }>(
      `select count(*) as events, percentile_cont(0.99) within group (order by extract(epoch from d.delivered_at - e.occurred_at)) as p99,
         max(extract(epoch from d.delivered_at - e.occurred_at)) as max
       from webhook_deliveries d join events e on e.program_id = d.program_id and e.id = d.event_id
       where d.webhook_id = $1 and d.status = 'delivered'`,
      [hookId],
    )
  ).rows;
  const undelivered = await pending();
  await db.end();
  return { events: Number(row?.events ?? 0), p99: Number(row?.p99 ?? 0), max: Number(row?.max ?? 0), undelivered };
}

/** The database's size over the receipts it holds, and the biggest tables with their indexes. */
async function storagePerReceipt(url: string) {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  await db.query('vacuum analyze');
  const [total] = (await db.query<{ bytes: string; receipts: string }>('select pg_database_size(current_database()) as bytes, (select count(*) from receipts) as receipts')).rows;
  const tables = (
    await db.query<{ name: string; bytes: string }>(
      `select c.relname as name, pg_total_relation_size(c.oid) as bytes from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = current_schema() and c.relkind = 'r' order by 2 desc limit 6`,
    )
  ).rows.map((t) => ({ name: t.name, bytes: Number(t.bytes) }));
  await db.end();
  const receipts = Number(total?.receipts ?? 0);
  return { bytes: Number(total?.bytes ?? 0), receipts, bytesPerReceipt: Number(total?.bytes ?? 0) / Math.max(1, receipts), tables };
}

const everyday = catalogue.filter((p) => p.category !== 'alcohol' && p.category !== 'tobacco');

/** Receipts of 1-20 lines; half of them (the members with points) spend a few points. */
function receiptMaker(target: Target, tag: string) {
  let seed = 12345;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  return (n: number) => {
    const size = 1 + Math.floor(random() * 20);
    const lines = Array.from({ length: size }, (_, i) => {
      const p = everyday[(n * 7 + i * 13) % everyday.length]!;
      const quantity = p.weighed ? 0.5 + Math.round(random() * 1000) / 1000 : 1 + Math.floor(random() * 3);
      const amount = Math.round((p.price * Math.round(quantity * 1000)) / 1000);
      return { sku: p.sku, name: p.name, category: p.category, quantity, price: p.price, amount };
    });
    const total = lines.reduce((a, l) => a + l.amount, 0);
    const spender = n % 2 === 0;
    const card = spender ? target.cards[n % SPENDERS]! : target.cards[SPENDERS + (n % (target.cards.length - SPENDERS))]!;
    const pointsToSpend = spender ? Math.min(20, Math.floor(total / 400)) : 0;
    return { storeCode: 'MSK-TVER', number: `${tag}-${n}`, member: { cardNumber: card }, lines, total, pointsToSpend };
  };
}

interface Running {
  base: string;
  process: ChildProcess;
  peakMb: () => number;
  rssMb: () => number;
  stop: () => Promise<void>;
}

async function startServer(target: Target, port: number): Promise<Running> {
  const child = spawn(process.execPath, ['--max-old-space-size=1024', '--import', 'tsx', 'src/cli.ts', 'serve'], {
    env: { ...process.env, ...target.env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${base}/health`)).ok) break;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const status = (field: string) => {
    try {
      const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      return m ? Number(m[1]) / 1024 : 0;
    } catch {
      return 0;
    }
  };
  return {
    base,
    process: child,
    peakMb: () => status('VmHWM'),
    rssMb: () => status('VmRSS'),
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

const fmt = (r: LoadResult) =>
  `${r.perSecond.toFixed(0)}/s  p50 ${r.p50.toFixed(1)} ms  p95 ${r.p95.toFixed(1)} ms  p99 ${r.p99.toFixed(1)} ms  errors ${r.errors}`;

async function main() {
  const results: Record<string, unknown> = { at: new Date().toISOString(), quick };

  log('pgbench TPC-B, scale 10, 8 clients');
  const tps = await pgbenchTps(quick ? 10 : 30);
  results.pgbenchTps = tps;
  log(`pgbench: ${tps.toFixed(0)} tps`);

  log('pure pricing engine');
  results.engineEvaluationsPerSecond = evaluationsPerSecond(quick ? 1 : 3);
  log('rules engine with 50 campaigns');
  results.rulesEvaluationsPerSecond = ruleEvaluationsPerSecond(quick ? 1 : 3, 50);

  log('preparing the PostgreSQL demo programme');
  const onPg = await prepare('postgres');
  log('pgbench replaying the writes of one receipt, 16 clients');
  const replay = await sameWritesOf(pgbenchBinary(), onPg.env.DATABASE_URL as string, onPg.programId, onPg.cards.slice(0, SPENDERS));
  const sameWrites = replay.tps(quick ? 10 : 20);
  results.sameWritesTps = sameWrites;
  log(`same writes: ${sameWrites.toFixed(0)} tps`);
  const pgServer = await startServer(onPg, 3901);
  const confirm = await closedLoop(pgServer.base, onPg.posKey, 16, phase, (n) => ({ path: '/v1/receipts', body: receiptMaker(onPg, 'c')(n) }));
  log(`confirm (16 clients): ${fmt(confirm)}; server peak ${pgServer.peakMb().toFixed(0)} MB`);
  // The same with a trigger answering each confirmation, then without it again: the cost of the triggers is the
  // rate with it over the mean of the two without, which took place either side of it.
  const messagesWritten = async () => {
    const db = new pg.Client({ connectionString: onPg.env.DATABASE_URL as string });
    await db.connect();
    try {
      return Number((await db.query(`select count(*) as n from messages where origin = 'trigger:bench-earned'`)).rows[0]?.n);
    } finally {
      await db.end();
    }
  };
  const answering = await answeringEachReceipt(pgServer.base, onPg.adminKey, messagesWritten);
  const triggered = await closedLoop(pgServer.base, onPg.posKey, 16, phase, (n) => ({ path: '/v1/receipts', body: receiptMaker(onPg, 't')(n) }));
  await answering.off();
  const written = await answering.written();
  const untriggered = await closedLoop(pgServer.base, onPg.posKey, 16, phase, (n) => ({ path: '/v1/receipts', body: receiptMaker(onPg, 'u')(n) }));
  const triggerRatio = triggered.perSecond / ((confirm.perSecond + untriggered.perSecond) / 2);
  results.confirmWithTriggers = { triggered, untriggered, ratio: triggerRatio, messagesWritten: written };
  log(`confirm with a trigger answering each receipt: ${fmt(triggered)} (${written} messages planned for its ${triggered.requests} receipts before it was switched off); without it again: ${fmt(untriggered)}; ratio ${triggerRatio.toFixed(2)}`);
  const half = await openLoop(pgServer.base, onPg.posKey, Math.max(1, confirm.perSecond / 2), phase, (n) => ({ path: '/v1/receipts', body: receiptMaker(onPg, 'h')(n) }));
  log(`confirm at half that rate: ${fmt(half)}`);
  // The floor under that latency: the same writes, without the application, arriving at the same rate.
  const sameWritesHalfP99 = replay.p99At(half.perSecond, phase);
  results.sameWritesAtHalfRateP99 = sameWritesHalfP99;
  log(`same writes at ${half.perSecond.toFixed(0)}/s: p99 ${sameWritesHalfP99.toFixed(1)} ms`);
  const batchMaker = receiptMaker(onPg, 'b');
  const BATCH = 1000;
  const batch = await closedLoop(pgServer.base, onPg.posKey, 2, phase, (n) => ({
    path: '/v1/receipts/batch',
    body: { receipts: Array.from({ length: BATCH }, (_, i) => batchMaker(n * BATCH + i)) },
  }));
  log(`batch of ${BATCH} (2 clients): ${(batch.perSecond * BATCH).toFixed(0)} receipts/s; server peak ${pgServer.peakMb().toFixed(0)} MB`);
  // A confirmation must not cost more the longer the member has bought: 300 receipts of history against none.
  const historyRate = 100;
  const sale = (tag: string, cards: string[]) => {
    const make = receiptMaker(onPg, tag);
    return (n: number) => ({ path: '/v1/receipts', body: { ...make(n), member: { cardNumber: cards[n % cards.length] }, pointsToSpend: 0 } });
  };
  // Their receipts take turns, so both meet the same moments of the machine.
  const [veteran, newcomer] = (await openLoops(pgServer.base, onPg.posKey, historyRate, phase, [sale('hv', onPg.veterans), sale('hn', onPg.newcomers)])) as [LoadResult, LoadResult];
  log(`confirm for members with ${HISTORY_RECEIPTS} receipts: ${fmt(veteran)}; with none: ${fmt(newcomer)}`);
  const calcMaker = receiptMaker(onPg, 'q');
  const calculate = await closedLoop(pgServer.base, onPg.posKey, 16, phase, (n) => ({ path: '/v1/receipts/calculate', body: calcMaker(n) }));
  log(`calculate: ${fmt(calculate)}`);

  let soakResult: Record<string, unknown> | null = null;
  if (soak) {
    const rate = Math.max(1, Math.round(confirm.perSecond * 0.8));
    log(`soak: 120 s at ${rate}/s (80% of max)`);
    const samples: number[] = [];
    const sampler = setInterval(() => samples.push(pgServer.rssMb()), 5000);
    // An integration listens to every event meanwhile: the outbox lag is how long an event waits to be delivered.
    const listener = await listening(pgServer.base, onPg.adminKey);
    const endurance = await openLoop(pgServer.base, onPg.posKey, rate, 120, (n) => ({ path: '/v1/receipts', body: receiptMaker(onPg, 's')(n) }));
    clearInterval(sampler);
    const lag = await outboxLag(onPg.env.DATABASE_URL as string, listener.id);
    await listener.stop();
    const warm = samples.slice(2);
    soakResult = {
      rate,
      ...endurance,
      rssStartMb: warm[0] ?? 0,
      rssEndMb: warm[warm.length - 1] ?? 0,
      rssGrowthMb: (warm[warm.length - 1] ?? 0) - (warm[0] ?? 0),
      growthBoundMb: 64,
      outboxLag: lag,
    };
    log(`soak: ${fmt(endurance)}; RSS ${warm[0]?.toFixed(0)} -> ${warm[warm.length - 1]?.toFixed(0)} MB`);
    log(`outbox lag during the soak: ${lag.events} events, p99 ${lag.p99.toFixed(2)} s, max ${lag.max.toFixed(2)} s, ${lag.undelivered} not delivered 30 s after`);
  }
  // Everything confirmed above is history now: replay it under 50 draft campaigns against the published rules.
  log('backtest of the receipts stored so far under 50 draft campaigns');
  const backtestStarted = performance.now();
  const replayed = await fetch(`${pgServer.base}/v1/rules/backtest`, {
    method: 'POST',
    headers: { authorization: `Bearer ${onPg.adminKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ rules: manyCampaigns(50), from: '2000-01-01T00:00:00Z', to: new Date(Date.now() + 86_400_000).toISOString() }),
  });
  const report = (await replayed.json()) as { receipts: number; millis: number };
  const backtestSeconds = (performance.now() - backtestStarted) / 1000;
  results.backtest = { receipts: report.receipts, seconds: backtestSeconds, receiptsPerSecond: report.receipts / backtestSeconds, status: replayed.status };
  log(`backtest: ${report.receipts} receipts in ${backtestSeconds.toFixed(1)} s; server peak ${pgServer.peakMb().toFixed(0)} MB`);
  // After the load: the whole database (tables and indexes) over the receipts it holds, the bench's own included.
  const loaded = await storagePerReceipt(onPg.env.DATABASE_URL as string);
  log(`storage after the load: ${loaded.bytesPerReceipt.toFixed(0)} bytes a receipt over ${loaded.receipts} receipts; ${loaded.tables.map((t) => `${t.name} ${(t.bytes / 1e6).toFixed(0)} MB`).join(', ')}`);
  results.storageAfterLoad = loaded;
  // Events to a webhook receiver: 3,000 receipts confirmed while it is paused, then sent.
  const webhookMaker = receiptMaker(onPg, 'w');
  const webhooks = await webhookDelivery(pgServer.base, { admin: onPg.adminKey, pos: onPg.posKey }, Array.from({ length: 3000 }, (_, i) => webhookMaker(i)));
  log(`webhooks: ${webhooks.delivered} of ${webhooks.events} events delivered in ${webhooks.seconds.toFixed(1)} s (${webhooks.eventsPerSecond.toFixed(0)}/s)`);
  const pgPeak = pgServer.peakMb();
  await pgServer.stop();

  log('loading a year of the demo programme into a database of its own');
  const storage = await demoYearStorage(quick ? 1_000 : 3_000);
  log(`storage: ${storage.bytesPerReceipt.toFixed(0)} bytes a receipt over ${storage.receipts} receipts; ${storage.tables.map((t) => `${t.name} ${(t.bytes / 1e6).toFixed(0)} MB`).join(', ')}`);
  results.storage = storage;

  log('preparing the embedded PGlite demo programme');
  const onLite = await prepare('pglite');
  const liteServer = await startServer(onLite, 3902);
  const lite = await closedLoop(liteServer.base, onLite.posKey, 8, phase, (n) => ({ path: '/v1/receipts', body: receiptMaker(onLite, 'l')(n) }));
  log(`PGlite confirm: ${fmt(lite)}`);
  // The embedded database runs in the server's thread: heavy work must still let /health (and the tills) in.
  // Bodies are written before the probe starts: this process's own work must not count as the server's.
  const post = (path: string, key: string, body: string) =>
    fetch(`${liteServer.base}${path}`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body }).then((r) => r.arrayBuffer());
  const liteBatchMaker = receiptMaker(onLite, 'lb');
  const batches = [0, 1, 2].map((b) => JSON.stringify({ receipts: Array.from({ length: 1000 }, (_, i) => liteBatchMaker(b * 1000 + i)) }));
  const healthDuringBatch = await healthWhile(liteServer.base, async () => {
    for (const batch of batches) await post('/v1/receipts/batch', onLite.posKey, batch);
  });
  const backtestBody = JSON.stringify({ rules: manyCampaigns(50), from: '2000-01-01T00:00:00Z', to: new Date(Date.now() + 86_400_000).toISOString() });
  const healthDuringBacktest = await healthWhile(liteServer.base, () => post('/v1/rules/backtest', onLite.adminKey, backtestBody));
  log(`PGlite /health during three 1,000-receipt batches: p99 ${healthDuringBatch.p99.toFixed(0)} ms, max ${healthDuringBatch.max.toFixed(0)} ms; during a backtest: p99 ${healthDuringBacktest.p99.toFixed(0)} ms, max ${healthDuringBacktest.max.toFixed(0)} ms`);
  const litePeak = liteServer.peakMb();
  await liteServer.stop();
  rmSync(onLite.env.KOPILKA_DATA_DIR as string, { recursive: true, force: true });

  Object.assign(results, {
    confirm,
    confirmAtHalfRate: half,
    batch: { ...batch, receiptsPerSecond: batch.perSecond * BATCH, batchSize: BATCH },
    calculate,
    history: { veteran, newcomer, receiptsBefore: HISTORY_RECEIPTS, rate: historyRate },
    pglite: lite,
    pgliteHealth: { duringBatch: healthDuringBatch, duringBacktest: healthDuringBacktest },
    webhooks,
    soak: soakResult,
    peakMemoryMb: { postgresServer: pgPeak, pgliteServer: litePeak },
  });
  const ratios = (perSecond: number) => `${(perSecond / tps).toFixed(2)} / ${(perSecond / sameWrites).toFixed(2)}`;
  const rows: [string, string, string, string][] = [
    ['measure', 'figure', 'ratio to TPC-B / same writes', 'target (to same writes)'],
    ['pgbench TPC-B (s10, 8 clients)', `${tps.toFixed(0)} tps`, '1.00', ''],
    ['pgbench, the writes of one receipt (16 clients)', `${sameWrites.toFixed(0)} tps`, `${(sameWrites / tps).toFixed(2)} / 1.00`, ''],
    ['HTTP confirm, 16 clients', `${confirm.perSecond.toFixed(0)}/s`, ratios(confirm.perSecond), '>= 0.5x'],
    ['  latency p50 / p95 / p99', `${confirm.p50.toFixed(1)} / ${confirm.p95.toFixed(1)} / ${confirm.p99.toFixed(1)} ms`, '', ''],
    ['HTTP confirm with a trigger answering each receipt', `${triggered.perSecond.toFixed(0)}/s (${written} messages for ${triggered.requests} receipts)`, `${triggerRatio.toFixed(2)}x of without`, '>= 0.9x'],
    ['HTTP confirm at half rate, p99', `${half.p99.toFixed(1)} ms at ${half.perSecond.toFixed(0)}/s`, '', '< 25 ms'],
    ['pgbench, the writes of one receipt at that rate, p99', `${sameWritesHalfP99.toFixed(1)} ms`, '', ''],
    ['batch endpoint', `${(batch.perSecond * BATCH).toFixed(0)} receipts/s`, ratios(batch.perSecond * BATCH), '>= 3x'],
    [
      `confirm, ${HISTORY_RECEIPTS}-receipt vs new member, p50 / p95`,
      `${veteran.p50.toFixed(1)} / ${veteran.p95.toFixed(1)} vs ${newcomer.p50.toFixed(1)} / ${newcomer.p95.toFixed(1)} ms at ${historyRate}/s, taking turns`,
      `p50 ${(veteran.p50 / newcomer.p50).toFixed(2)}x`,
      'within 10%',
    ],
    ['calculate, 16 clients', `${calculate.perSecond.toFixed(0)}/s`, ratios(calculate.perSecond), ''],
    ['embedded PGlite confirm, 8 clients', `${lite.perSecond.toFixed(0)}/s (p99 ${lite.p99.toFixed(1)} ms)`, '', '>= 300/s'],
    [
      'PGlite /health p99 during batch / backtest',
      `${healthDuringBatch.p99.toFixed(0)} / ${healthDuringBacktest.p99.toFixed(0)} ms (max ${healthDuringBatch.max.toFixed(0)} / ${healthDuringBacktest.max.toFixed(0)})`,
      '',
      '< 100 ms',
    ],
    ['pure pricing engine, 1 core', `${(results.engineEvaluationsPerSecond as number).toFixed(0)} receipts/s`, '', ''],
    ['rules engine, 50 campaigns, 1 core', `${(results.rulesEvaluationsPerSecond as number).toFixed(0)} receipts/s`, '', '>= 20000/s'],
    [
      'backtest (published vs 50-campaign draft)',
      `${report.receipts} receipts in ${backtestSeconds.toFixed(1)} s (${(report.receipts / backtestSeconds).toFixed(0)}/s)`,
      '',
      '200k in seconds',
    ],
    ['webhook delivery, local receiver', `${webhooks.eventsPerSecond.toFixed(0)} events/s`, '', '>= 1000/s'],
    ['storage per receipt (tables + indexes), a year of the demo', `${storage.bytesPerReceipt.toFixed(0)} bytes over ${storage.receipts} receipts`, '', '<= 2500 bytes'],
    ['storage per receipt after the bench load', `${loaded.bytesPerReceipt.toFixed(0)} bytes over ${loaded.receipts} receipts`, '', ''],
    ['server peak memory (PG / PGlite)', `${pgPeak.toFixed(0)} / ${litePeak.toFixed(0)} MB`, '', '< 300 MB'],
  ];
  if (soakResult)
    rows.push([
      'soak 120 s at 80%',
      `errors ${soakResult.errors}, p99 ${(soakResult.p99 as number).toFixed(1)} ms, RSS +${(soakResult.rssGrowthMb as number).toFixed(0)} MB`,
      '',
      'no errors, RSS +< 64 MB',
    ]);
  if (soakResult) {
    const lag = soakResult.outboxLag as { events: number; p99: number; max: number; undelivered: number };
    rows.push([
      'outbox lag in the soak, written to delivered',
      `p99 ${lag.p99.toFixed(2)} s, max ${lag.max.toFixed(2)} s over ${lag.events} events, ${lag.undelivered} late`,
      '',
      '< 2 s',
    ]);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i]!)).join('  '));
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/latest.json', JSON.stringify(results, null, 2));
  console.log('\nwritten: bench/results/latest.json');
}

await main();
