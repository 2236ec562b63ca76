import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/store/db.ts';
import { engine, newProgramme, openTestDb, type Programme } from './harness.ts';

let db: Db;
let p: Programme;

beforeAll(async () => {
  db = await openTestDb();
  p = await newProgramme(db);
});
afterAll(() => db.close());

const get = async (path: string) => {
  const res = await p.app.request(path);
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
};

describe('public endpoints (no key needed)', () => {
  it('GET /openapi.json is an OpenAPI 3.1 document listing the receipt routes', async () => {
    const res = await get('/openapi.json');
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/^application\/json/);
    const doc = JSON.parse(res.text);
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info).toMatchObject({ title: 'Kopilka' });
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/v1/receipts', '/v1/receipts/calculate', '/v1/receipts/{id}/returns', '/v1/members', '/v1/members/{id}/balance']));
    expect(doc.paths['/v1/receipts'].post.requestBody.content['application/json'].schema).toBeDefined();
    expect(doc.paths['/v1/receipts'].post.responses).toHaveProperty('201');
    expect(doc.paths['/v1/receipts'].post.responses['422'].content).toHaveProperty('application/problem+json');
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.components.schemas).toHaveProperty('Receipt');
  });

  it('names every operation once, says which server it describes, and passes the Redocly linter with its recommended rules', async () => {
    const res = await p.app.request('https://loyalty.shop.test/openapi.json');
    const doc = JSON.parse(await res.text());
    expect(doc.servers).toEqual([{ url: 'https://loyalty.shop.test', description: 'this Kopilka server' }]);
    const operations = Object.values(doc.paths as Record<string, Record<string, { operationId?: string }>>).flatMap((item) => Object.values(item));
    const ids = operations.map((o) => o.operationId);
    expect(ids.every((id) => typeof id === 'string' && /^[a-z][A-Za-z]+$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(operations.length);
    const dir = mkdtempSync(join(tmpdir(), 'kopilka-openapi-'));
    try {
      const file = join(dir, 'openapi.json');
      writeFileSync(file, JSON.stringify(doc));
      // The linter's own exit code is 1 on any error; its JSON report counts warnings too.
      const run = await promisify(execFile)(process.execPath, ['node_modules/@redocly/cli/bin/cli.js', 'lint', file, '--format=json'], { maxBuffer: 1 << 26 }).catch((error: { stdout: string }) => error);
      const report = JSON.parse(run.stdout) as { totals: { errors: number; warnings: number }; problems: { ruleId: string; message: string }[] };
      expect(report.problems.map((x) => `${x.ruleId}: ${x.message}`)).toEqual([]);
      expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('GET /docs is an HTML page that loads the document, and its assets are served', async () => {
    const res = await get('/docs');
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/^text\/html/);
    expect(res.text).toContain('/docs/assets/docs.js');
    expect((await get('/docs/assets/docs.js')).text).toContain('/openapi.json');
    const script = await get('/docs/assets/swagger-ui-bundle.js');
    expect(script.status).toBe(200);
    expect(script.type).toMatch(/javascript/);
    const missing = await get('/docs/assets/evil.js');
    expect(missing.status).toBe(404);
  });

  it('GET /health answers ok with the engine in use and the state of the database', async () => {
    const res = await get('/health');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toEqual({ status: 'ok', engine, database: 'ok' });
  });

  it('an unknown path outside /v1 is a 404 problem', async () => {
    const res = await get('/nothing');
    expect(res.status).toBe(404);
    expect(res.type).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(res.text)).toMatchObject({ code: 'route_not_found' });
  });
});
