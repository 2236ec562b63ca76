import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { consoleRoutes } from '../src/api/console.ts';

// The server hands out the built console: its page for every path of the app, its hashed files for good.
const built = mkdtempSync(join(tmpdir(), 'kopilka-console-'));
mkdirSync(join(built, 'assets'));
writeFileSync(join(built, 'index.html'), '<!doctype html><title>Копилка</title>');
writeFileSync(join(built, 'assets', 'index-abc123.js'), 'console.log(1)');
afterAll(() => rmSync(built, { recursive: true, force: true }));

describe('the console routes', () => {
  const app = consoleRoutes(built);

  it('lead from the root to the console, and answer its page on any of its paths', async () => {
    expect((await app.request('/')).headers.get('location')).toBe('/console/');
    for (const path of ['/console/', '/console/members/mem_1', '/console/campaigns/new']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.headers.get('cache-control')).toBe('no-cache');
    }
  });

  it('serve a hashed file to be kept for good, and nothing outside the build', async () => {
    const res = await app.request('/console/assets/index-abc123.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript');
    expect(res.headers.get('cache-control')).toContain('immutable');
    for (const path of ['/console/assets/missing.js', '/console/assets/index.html']) {
      const refused = await app.request(path);
      expect(refused.status, path).toBe(404);
      expect(refused.headers.get('content-type')).toBe('application/problem+json');
    }
    // A way out of the build is at most the console's own page.
    for (const path of ['/console/assets/%2e%2e%2f%2e%2e%2fpackage.json', '/console/assets/..%2f..%2f..%2fpackage.json']) {
      const answer = await app.request(path);
      expect(await answer.text(), path).toBe('<!doctype html><title>Копилка</title>');
    }
  });

  it('say how to build the console when it is not built', async () => {
    const res = await consoleRoutes(join(built, 'nowhere')).request('/console/');
    expect(res.status).toBe(404);
    expect(((await res.json()) as { detail: string }).detail).toContain('npm run console:build');
  });
});
