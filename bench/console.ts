/**
 * The console's figures: the JavaScript a first visit loads (gzipped), the time until the members page answers a
 * person in headless Chromium, and the overview's API time on the 10,000-member demo on embedded PGlite.
 *
 *   npm run bench:console [-- --months 12]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createDemoProgramme, generateDemo, publishDemoCampaigns } from '../src/demo/generate.ts';
import { openDb } from '../src/store/db.ts';
import { migrate } from '../src/store/migrate.ts';
import { launchBrowser } from '../test/browser.ts';
import { consoleDist, ensureConsoleBuilt } from '../web/console/build.ts';

const months = Number(process.argv[process.argv.indexOf('--months') + 1]) || 12;
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

const port = 3907;
const base = `http://127.0.0.1:${port}`;
const server = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'serve'], { env: { ...process.env, KOPILKA_DATA_DIR: dataDir, PORT: String(port) }, stdio: 'ignore' });
for (let i = 0; i < 300; i++) {
  if (await fetch(`${base}/health`).then((r) => r.ok).catch(() => false)) break;
  await new Promise((r) => setTimeout(r, 200));
}
try {
  const signedIn = await fetch(`${base}/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(demo.owner) });
  const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0]!;
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
    JSON.stringify({ initialLoadGzippedKB: Math.round(js.gzipped / 1024), overview30: month, overview365: year, membersTtiMs: { median: percentile(tti, 50), max: Math.max(...tti) } }),
  );
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  rmSync(dataDir, { recursive: true, force: true });
}
