import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { problem } from './problems.ts';

/** Where `npm start` builds the console (web/console/build.ts). */
export const consoleDist = fileURLToPath(new URL('../../web/console/dist', import.meta.url));

const types: Record<string, string> = { js: 'text/javascript', css: 'text/css', svg: 'image/svg+xml', woff2: 'font/woff2', png: 'image/png' };

/**
 * The staff console: its hashed assets, cached for good, and its one page for every other path under /console (the
 * single-page app routes them). The root of the server leads to it.
 */
export function consoleRoutes(dist = consoleDist) {
  const app = new Hono();
  app.get('/', (c) => c.redirect('/console/'));
  app.get('/console', (c) => c.redirect('/console/'));
  app.get('/console/assets/:file{[A-Za-z0-9_.-]+}', async (c) => {
    const file = c.req.param('file');
    const type = types[file.split('.').pop() ?? ''];
    const body = type ? await readFile(join(dist, 'assets', file)).catch(() => null) : null;
    if (!body) return problem(c, 'route_not_found', `no console file ${file}`);
    return c.body(body, 200, { 'content-type': type!, 'cache-control': 'public, max-age=31536000, immutable' });
  });
  app.get('/console/*', async (c) => {
    const page = await readFile(join(dist, 'index.html'), 'utf8').catch(() => null);
    if (!page) return problem(c, 'route_not_found', 'the console is not built: `npm start` builds it, or run `npm run console:build`');
    return c.html(page, 200, { 'cache-control': 'no-cache' });
  });
  return app;
}
