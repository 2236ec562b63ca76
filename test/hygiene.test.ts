import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backtest } from '../src/flows/backtest.ts';
import { runJob } from '../src/jobs/jobs.ts';
import { startServer } from '../src/server.ts';
import type { Db } from '../src/store/db.ts';
import { expectProblem } from './checks.ts';
import { line, newProgramme, openTestDb, receipt, type Programme } from './harness.ts';

// What an operator checks before putting a till on Kopilka: methods, headers, health, retention, heavy work.
let db: Db;
let p: Programme;

beforeAll(async () => {
  db = await openTestDb();
  p = await newProgramme(db, { earn: { kind: 'percent', percent: 5 }, pendingDays: 0 });
  for (let i = 0; i < 3; i++) expect((await p.call('POST', '/v1/receipts', receipt(`H-${i}`, [line('MILK', 10000)]), { role: 'pos' })).status).toBe(201);
});
afterAll(() => db.close());

const raw = (path: string, init: RequestInit = {}, key = p.keys.admin) =>
  p.app.request(path, { ...init, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...init.headers } });

describe('methods and headers', () => {
  it('answers a wrong method with 405 and the methods the path has', async () => {
    const res = await raw('/v1/receipts', { method: 'PUT' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD, POST');
    expectProblem({ status: res.status, body: await res.json(), contentType: res.headers.get('content-type') ?? '' }, 405, 'method_not_allowed', /PUT is not allowed on \/v1\/receipts; use GET or HEAD or POST/);
    const member = await raw('/v1/members/mem_x', { method: 'DELETE' });
    expect({ status: member.status, allow: member.headers.get('allow') }).toEqual({ status: 405, allow: 'GET, HEAD, PATCH' });
    expect((await raw('/v1/no-such-thing', { method: 'DELETE' })).status).toBe(404);
  });

  it('marks authenticated answers not to be cached or sniffed', async () => {
    const res = await raw('/v1/program');
    expect(res.status).toBe(200);
    expect({ cache: res.headers.get('cache-control'), sniff: res.headers.get('x-content-type-options') }).toEqual({ cache: 'no-store', sniff: 'nosniff' });
    const refused = await raw('/v1/program', {}, 'kop_nobody');
    expect({ status: refused.status, cache: refused.headers.get('cache-control') }).toEqual({ status: 401, cache: 'no-store' });
  });

  it('serves the docs under a content security policy with no inline script', async () => {
    const res = await p.app.request('/docs');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    const html = await res.text();
    expect(html).not.toMatch(/<script>/);
    expect(html).toContain('src="/docs/assets/docs.js"');
    expect(await (await p.app.request('/docs/assets/docs.js')).text()).toContain('SwaggerUIBundle');
  });

  it('listens on 127.0.0.1 unless told otherwise', async () => {
    const running = startServer(p.deps, { port: 0, jobIntervalMs: 0, statistics: false });
    await new Promise((resolve) => running.server.once('listening', resolve));
    expect((running.server.address() as AddressInfo).address).toBe('127.0.0.1');
    await running.close();
  });
});

describe('web shops calling from a browser', () => {
  // Unique per run: a kept database holds the programmes of earlier runs, and a preflight asks them all.
  const shop = `https://shop-${Date.now().toString(36)}.example.ru`;
  const preflight = (origin: string) =>
    p.app.request('/v1/receipts/calculate', { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' } });

  it('are allowed only from the origins the programme names', async () => {
    expect((await preflight(shop)).headers.get('access-control-allow-origin')).toBeNull();
    expect((await p.call('PATCH', '/v1/program/settings', { corsOrigins: [shop] })).status).toBe(200);
    // A preflight asks again for an origin it did not know after a second.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const allowed = await preflight(shop);
    expect({ status: allowed.status, origin: allowed.headers.get('access-control-allow-origin') }).toEqual({ status: 204, origin: shop });
    expect(allowed.headers.get('access-control-allow-headers')).toContain('idempotency-key');
    expect((await preflight('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();

    const answer = await raw('/v1/program', { headers: { origin: shop } });
    expect(answer.headers.get('access-control-allow-origin')).toBe(shop);
    expect((await raw('/v1/program', { headers: { origin: 'https://evil.example' } })).headers.get('access-control-allow-origin')).toBeNull();
    const other = await newProgramme(db);
    expect((await other.app.request('/v1/program', { headers: { authorization: `Bearer ${other.keys.admin}`, origin: shop } })).headers.get('access-control-allow-origin')).toBeNull();
    expect((await p.call('PATCH', '/v1/program/settings', { corsOrigins: ['shop.example.ru/path'] })).status).toBe(400);
  });
});

describe('health', () => {
  it('tells liveness and readiness with the database state', async () => {
    expect(await (await p.app.request('/health')).json()).toMatchObject({ status: 'ok', database: 'ok' });
    expect(await (await p.app.request('/health/ready')).json()).toMatchObject({ status: 'ready' });
  });
});

describe('stored answers to Idempotency-Keys', () => {
  it('are kept for 30 days, then pruned by the idempotency job', async () => {
    const key = `till-9-${Date.now()}`;
    const sent = await p.call('POST', '/v1/receipts', receipt('H-idem', [line('MILK', 100)]), { role: 'pos', headers: { 'idempotency-key': key } });
    expect(sent.status).toBe(201);
    const stored = async () => (await db.query('select 1 from idempotency_keys where program_id = $1 and key = $2', [p.programId, key])).length;
    const realNow = Date.now();
    p.setNow(new Date(realNow + 29 * 86_400_000));
    await runJob(p.deps, 'idempotency', p.programId);
    expect(await stored()).toBe(1);
    p.setNow(new Date(realNow + 31 * 86_400_000));
    const report = await runJob(p.deps, 'idempotency', p.programId);
    expect(report.changed).toBeGreaterThanOrEqual(1);
    expect(await stored()).toBe(0);
  });
});

describe('heavy work', () => {
  const period = { from: '2020-01-01T00:00:00Z', to: '2030-01-01T00:00:00Z', rules: { campaigns: [] } };

  it('runs one backtest per programme at a time; another is told to retry later', async () => {
    const first = await raw('/v1/rules/backtest', { method: 'POST', body: JSON.stringify(period) });
    expect(first.status).toBe(200);
    // The first answer is not read yet: its slot is still held.
    const second = await raw('/v1/rules/backtest', { method: 'POST', body: JSON.stringify(period) });
    expect({ status: second.status, retryAfter: second.headers.get('retry-after') }).toEqual({ status: 429, retryAfter: '5' });
    expect(await second.json()).toMatchObject({ code: 'busy' });
    expect(((await first.json()) as { receipts: number }).receipts).toBeGreaterThanOrEqual(3);
    expect((await raw('/v1/rules/backtest', { method: 'POST', body: JSON.stringify(period) })).status).toBe(200);
  });

  it('stops a backtest that runs past its time limit', async () => {
    const result = await backtest(p.deps, p.programId, { campaigns: [] }, { from: new Date(period.from), to: new Date(period.to) }, { timeLimitMs: 0 });
    expect(result).toMatchObject({ ok: false, code: 'period_too_long' });
  });
});
