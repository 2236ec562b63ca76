/**
 * The console's figures: the JavaScript a first visit loads (gzipped), the time until the members page answers a
 * person in headless Chromium, the overview's API time on the 10,000-member demo on embedded PGlite, and the member
 * search's on a million members on PostgreSQL (BENCH_PG, default postgres://postgres@127.0.0.1:5432).
 *
 *   npm run bench:console [-- --months 12] [-- --members 1000000]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fakerRU as faker } from '@faker-js/faker';
import pg from 'pg';
import { createDemoProgramme, generateDemo, publishDemoCampaigns } from '../src/demo/generate.ts';
import { systemPrincipal } from '../src/domain/access.ts';
import { createProgram } from '../src/flows/programs.ts';
import { createStaff } from '../src/flows/staff.ts';
import { openDb } from '../src/store/db.ts';
import { migrate } from '../src/store/migrate.ts';
import { launchBrowser } from '../test/browser.ts';
import { consoleDist, ensureConsoleBuilt } from '../web/console/build.ts';

const option = (name: string) => Number(process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : NaN);
const months = option('--months') || 12;
const searchMembers = option('--members') || 1_000_000;
const pgServer = process.env.BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432';
const MEMBERS = 10_000;
const log = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

/** What a first visit downloads before the page can run: the page's own scripts and styles, gzipped. */
function initialLoad() {
  const page = readFileSync(join(consoleDist, 'index.html'), 'utf8');
  const files = [...page.matchAll(/(?:src|href)="\/console\/(assets\/[^"]+)"/g)].map((m) => m[1]!);
  const sizes = files.map((file) => ({ file, raw: readFileSync(join(consoleDist, file)).length, gzipped: gzipSync(readFileSync(join(consoleDist, file))).length }));
  return { files: sizes, gzipped: sizes.reduce((a, s) => a + s.gzipped, 0), raw: sizes.reduce((a, s) => a + s.raw, 0) };
}

await ensureConsoleBuilt(log);
const js = initialLoad();
log(`initial load: ${(js.gzipped / 1024).toFixed(0)} KB gzipped (${(js.raw / 1024).toFixed(0)} KB raw) in ${js.files.length} files`);

const dataDir = mkdtempSync(join(tmpdir(), 'kopilka-console-bench-'));
const started = performance.now();
const db = await openDb({ dataDir });
await migrate(db);
const deps = { db, now: () => new Date() };
const demo = await createDemoProgramme(deps, new Date(Date.now() - (months * 31 + 1) * 86_400_000));
await generateDemo(deps, demo.programId, { members: MEMBERS, months, seed: 42, until: new Date() });
await publishDemoCampaigns(deps, demo.programId);
await db.query('analyze');
await db.close();
log(`demo: ${MEMBERS} members and ${months} months of receipts on PGlite in ${((performance.now() - started) / 1000).toFixed(0)} s`);

/** A Kopilka server in a process of its own on the given database; resolves when it answers. */
async function serve(env: Record<string, string>, port: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'serve'], { env: { ...process.env, ...env, PORT: String(port) }, stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (await fetch(`${url}/health`).then((r) => r.ok).catch(() => false)) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, stop: () => new Promise((resolve) => (child.once('exit', resolve), child.kill('SIGTERM'))) };
}

const port = 3907;
const base = `http://127.0.0.1:${port}`;
const server = await serve({ KOPILKA_DATA_DIR: dataDir }, port);
try {
  const signedIn = await fetch(`${base}/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(demo.owner) });
  const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0]!;
  // The printed password is for one sign-in: the owner chooses their own first, as in the console.
  const { csrfToken } = (await signedIn.json()) as { csrfToken: string };
  const changed = await fetch(`${base}/session/password`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ currentPassword: demo.owner.password, newPassword: 'Копилка-замер-2026-пароль' }),
  });
  if (changed.status !== 204) throw new Error(`the password change answered ${changed.status}`);
  // The server refreshes the planner's statistics as it starts: the first answers wait for that, so they are
  // reported on their own and the steady state after them.
  const overviewOnce = async (days: number) => {
    const to = new Date();
    const from = new Date(to.getTime() - days * 86_400_000);
    const t0 = performance.now();
    const res = await fetch(`${base}/v1/overview?from=${from.toISOString()}&to=${to.toISOString()}`, { headers: { cookie } });
    if (!res.ok) throw new Error(`overview answered ${res.status}: ${await res.text()}`);
    await res.arrayBuffer();
    return performance.now() - t0;
  };
  const first = await overviewOnce(30);
  for (let i = 0; i < 3; i++) await overviewOnce(30);
  log(`overview API: the first answer after start ${first.toFixed(0)} ms`);
  const overviewTimes = async (days: number) => {
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      const to = new Date();
      const from = new Date(to.getTime() - days * 86_400_000);
      const t0 = performance.now();
      const res = await fetch(`${base}/v1/overview?from=${from.toISOString()}&to=${to.toISOString()}`, { headers: { cookie } });
      if (!res.ok) throw new Error(`overview answered ${res.status}: ${await res.text()}`);
      await res.arrayBuffer();
      times.push(performance.now() - t0);
    }
    return { p50: percentile(times, 50), p95: percentile(times, 95) };
  };
  const month = await overviewTimes(30);
  const year = await overviewTimes(365);
  log(`overview API: 30 days p50 ${month.p50.toFixed(0)} ms, p95 ${month.p95.toFixed(0)} ms; 365 days p50 ${year.p50.toFixed(0)} ms, p95 ${year.p95.toFixed(0)} ms (target < 300 ms)`);

  // The analytics page's calls on a year grouped by month, each 10 times; a segment's live count for typical rules.
  const yearAgo = new Date(Date.now() - 365 * 86_400_000).toISOString();
  const now = new Date().toISOString();
  const call = async (method: string, path: string, body?: unknown) => {
    const t0 = performance.now();
    const res = await fetch(`${base}${path}`, { method, headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': csrfToken }, body: body === undefined ? undefined : JSON.stringify(body) });
    if (!res.ok) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
    await res.arrayBuffer();
    return performance.now() - t0;
  };
  const timesOf = async (method: string, path: string, body?: unknown) => {
    const times: number[] = [];
    for (let i = 0; i < 10; i++) times.push(await call(method, path, body));
    return { p50: percentile(times, 50), p95: percentile(times, 95) };
  };
  const year12 = `from=${yearAgo}&to=${now}&group=month`;
  const days90 = `from=${new Date(Date.now() - 90 * 86_400_000).toISOString()}&to=${now}`;
  const dashboard: Record<string, { p50: number; p95: number }> = {
    // As the console opens the page: the last 90 days by week against the 90 before.
    'kpis, 90 days by week': await timesOf('GET', `/v1/analytics/kpis?${days90}&group=week&compare=true`),
    'campaigns, 90 days': await timesOf('GET', `/v1/analytics/campaigns?${days90}`),
    'sources, 90 days': await timesOf('GET', `/v1/analytics/sources?${days90}`),
    'points, 90 days': await timesOf('GET', `/v1/analytics/points?${days90}&group=month`),
    kpis: await timesOf('GET', `/v1/analytics/kpis?${year12}&compare=true`),
    'kpis, one store': await timesOf('GET', `/v1/analytics/kpis?${year12}&store=MSK-TVER`),
    retention: await timesOf('GET', `/v1/analytics/retention?from=${yearAgo}&to=${now}`),
    campaigns: await timesOf('GET', `/v1/analytics/campaigns?from=${yearAgo}&to=${now}`),
    sources: await timesOf('GET', `/v1/analytics/sources?from=${yearAgo}&to=${now}`),
    points: await timesOf('GET', `/v1/analytics/points?${year12}`),
    nps: await timesOf('GET', `/v1/analytics/nps?${year12}&compare=true`),
    rfm: await timesOf('GET', '/v1/analytics/rfm'),
  };
  const rules: Record<string, unknown> = {
    'lapsed women': { all: [{ field: 'days_since_purchase', op: 'gt', value: 60 }, { field: 'gender', op: 'eq', value: 'female' }] },
    'paid 10,000 ₽ in 90 days': { field: 'paid', op: 'gte', value: 1_000_000, days: 90 },
    'bought dairy in 30 days': { field: 'bought_category', op: 'in', value: ['dairy'], days: 30 },
    'RFM champions or loyal': { field: 'rfm_segment', op: 'in', value: ['champions', 'loyal'] },
  };
  for (const [name, rule] of Object.entries(rules)) dashboard[`segment preview: ${name}`] = await timesOf('POST', '/v1/segments/preview', { rule });
  const refresh: number[] = [];
  for (const [i, rule] of Object.values(rules).entries()) refresh.push(await call('PUT', `/v1/segments/bench-${i}`, { name: `bench ${i}`, rule }));
  for (const [name, t] of Object.entries(dashboard)) log(`analytics API ${name}: p50 ${t.p50.toFixed(0)} ms, p95 ${t.p95.toFixed(0)} ms (target < 300 ms)`);
  log(`segments saved and evaluated on ${MEMBERS.toLocaleString('en')} members: ${refresh.map((t) => t.toFixed(0)).join(', ')} ms`);

  // Time to interactive of the members page: a cold browser (no cache) until the search box takes input.
  const browser = await launchBrowser();
  const tti: number[] = [];
  for (let i = 0; i < 5; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    await context.addCookies([{ name: 'kopilka_session', value: cookie.split('=')[1]!, url: base }]);
    const page = await context.newPage();
    await page.goto(`${base}/console/members`);
    await page.getByRole('searchbox').waitFor();
    await page.getByRole('searchbox').fill('+79161234567');
    tti.push(await page.evaluate(() => performance.now()));
    await context.close();
  }
  await browser.close();
  log(`members page time to interactive (cold, headless Chromium): median ${percentile(tti, 50).toFixed(0)} ms, max ${Math.max(...tti).toFixed(0)} ms`);
  console.log(
    JSON.stringify({ initialLoadGzippedKB: Math.round(js.gzipped / 1024), overviewFirstMs: first, overview30: month, overview365: year, dashboard, segmentSaves: refresh, membersTtiMs: { median: percentile(tti, 50), max: Math.max(...tti) } }),
  );
} finally {
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

// A million members with Russian names on PostgreSQL, written straight to the table: only the search is measured.
{
  const admin = new pg.Client({ connectionString: `${pgServer}/postgres` });
  await admin.connect();
  await admin.query('drop database if exists kopilka_search_bench with (force)');
  await admin.query('create database kopilka_search_bench');
  await admin.end();
  const databaseUrl = `${pgServer}/kopilka_search_bench`;
  const db = await openDb({ databaseUrl });
  await migrate(db);
  const deps = { db, now: () => new Date() };
  const programme = await createProgram(deps, { name: 'Search bench' });
  if (!programme.ok) throw new Error(programme.message);
  const programId = programme.value.id;
  const loadStarted = performance.now();
  faker.seed(7);
  const surnames = new Set<string>();
  for (let done = 0; done < searchMembers; done += 10_000) {
    const n = Math.min(10_000, searchMembers - done);
    const names = Array.from({ length: n }, () => {
      const sex = faker.person.sex() as 'female' | 'male';
      const last = faker.person.lastName(sex);
      surnames.add(last);
      return `${faker.person.firstName(sex)} ${last}`;
    });
    await db.query(
      `insert into members (program_id, id, name, phone, created_at, updated_at)
       select $1, 'mem_bench' || lpad((($2::int) + i)::text, 8, '0'), name, '+7900' || lpad((($2::int) + i)::text, 7, '0'), now(), now()
       from unnest($3::text[]) with ordinality as t(name, i)`,
      [programId, done, names],
    );
  }
  // A million fresh rows: what autovacuum would soon do, so the index is read as it is in service.
  await db.query('vacuum analyze members, member_name_words');
  log(`search: ${searchMembers.toLocaleString('en')} members written in ${((performance.now() - loadStarted) / 1000).toFixed(0)} s`);
  const supportPassword = 'Поиск-миллиона-2026-пароль';
  const staff = await createStaff(deps, programId, { email: 'bench.support@kopilka.demo', name: 'Bench', role: 'support', password: supportPassword }, systemPrincipal('bench'));
  if (!staff.ok) throw new Error(staff.message);
  await db.close();

  const pgBench = await serve({ DATABASE_URL: databaseUrl }, port + 1);
  try {
    const signedIn = await fetch(`${pgBench.url}/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'bench.support@kopilka.demo', password: supportPassword }) });
    const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0]!;
    // What support types: the beginning of a surname (4 to 6 letters), every fourth time with a first name's start.
    const fragments = [...surnames].slice(0, 200).map((surname, i) => `${surname.slice(0, 4 + (i % 3))}${i % 4 === 0 ? ` ${faker.person.firstName().slice(0, 2)}` : ''}`);
    const timed = async (paths: string[]) => {
      const times: number[] = [];
      for (const path of paths) {
        const t0 = performance.now();
        const res = await fetch(`${pgBench.url}${path}`, { headers: { cookie } });
        if (!res.ok) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
        await res.arrayBuffer();
        times.push(performance.now() - t0);
      }
      return { p50: percentile(times, 50), p95: percentile(times, 95) };
    };
    const byName = await timed(fragments.map((f) => `/v1/members/search?name=${encodeURIComponent(f)}&limit=20`));
    const byPhone = await timed(Array.from({ length: 200 }, (_, i) => `/v1/members?phone=${encodeURIComponent(`+7900${String(i * Math.floor(searchMembers / 200) + 1).padStart(7, '0')}`)}`));
    log(`member search on ${searchMembers.toLocaleString('en')} members (PostgreSQL): by the beginnings of the name's words p50 ${byName.p50.toFixed(1)} ms, p95 ${byName.p95.toFixed(1)} ms; by phone p50 ${byPhone.p50.toFixed(1)} ms, p95 ${byPhone.p95.toFixed(1)} ms (target p95 < 50 ms)`);
    console.log(JSON.stringify({ memberSearch: { members: searchMembers, byName, byPhone } }));
  } finally {
    await pgBench.stop();
  }
}
