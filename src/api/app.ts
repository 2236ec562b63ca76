import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { OpenAPIHono } from '@hono/zod-openapi';
import { HTTPException } from 'hono/http-exception';
import type { Deps } from '../flows/deps.ts';
import { authenticate, type Env } from './auth.ts';
import { programmeCors } from './cors.ts';
import { refuseWritesWhileLoading } from './loading.ts';
import { boundedInput, defaultInputLimits, type InputLimits } from './input.ts';
import { problem } from './problems.ts';
import { databaseDown } from './health.ts';
import { databaseRefusal, isConnectionFault } from '../store/db.ts';
import { methodNotAllowed, securityHeaders } from './hygiene.ts';
import { couponRoutes } from './routes/coupons.ts';
import { memberRoutes } from './routes/members.ts';
import { programRoutes } from './routes/program.ts';
import { receiptRoutes } from './routes/receipts.ts';
import { ruleRoutes } from './routes/rules.ts';
import { actionRoutes } from './routes/actions.ts';
import { eventRoutes } from './routes/events.ts';
import { webhookRoutes } from './routes/webhooks.ts';
import { messagingRoutes } from './routes/messaging.ts';
import { broadcastRoutes } from './routes/broadcasts.ts';
import { memberMessageRoutes } from './routes/member-messages.ts';
import { keyRoutes } from './routes/keys.ts';
import { sessionRoutes } from './routes/session.ts';
import { staffRoutes } from './routes/staff.ts';
import { overviewRoutes } from './routes/overview.ts';
import { analyticsRoutes } from './routes/analytics.ts';
import { segmentRoutes } from './routes/segments.ts';
import { kpiRoutes } from './routes/kpis.ts';
import { consoleRoutes } from './console.ts';
import { ruleComponents } from './rule-schemas.ts';

const swaggerDir = createRequire(import.meta.url).resolve('swagger-ui-dist/package.json').replace(/package\.json$/, '');

export interface AppOptions {
  limits?: InputLimits;
  /**
   * Called after a write succeeded: the events it wrote, or the deliveries of a subscription it made, enabled or
   * replayed, may go out now.
   */
  written?: () => void;
}

/** The HTTP API: every /v1 route is authenticated and scoped to the key's programme. */
export function createApp(deps: Deps, options: AppOptions = {}) {
  const app = new OpenAPIHono<Env>({
    defaultHook: (result, c) => {
      if (result.success) return;
      const errors = result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
      return problem(c, 'validation_failed', errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('; '), { errors });
    },
  });

  app.use('*', securityHeaders());
  // Liveness answers while the database is away (the process is fine); readiness tells a balancer to wait.
  app.get('/health', async (c) => c.json({ status: 'ok', engine: deps.db.engine, database: (await databaseDown(deps.db)) ? 'unavailable' : 'ok' }));
  app.get('/health/ready', async (c) => {
    const down = await databaseDown(deps.db);
    if (down) return problem(c, 'database_unavailable', `the database does not answer: ${down}`);
    return c.json({ status: 'ready', engine: deps.db.engine });
  });
  // '/session/*' takes in '/session' too.
  app.use('/session/*', boundedInput(options.limits ?? defaultInputLimits));
  app.route('/', sessionRoutes(deps));
  const cors = programmeCors(deps.db);
  app.use('/v1/*', cors.preflight);
  app.use('/v1/*', authenticate(deps.db, deps.now));
  app.use('/v1/*', cors.answer);
  app.use('/v1/*', refuseWritesWhileLoading(deps.db));
  app.use('/v1/*', boundedInput(options.limits ?? defaultInputLimits));
  const { written } = options;
  if (written)
    app.use('/v1/*', async (c, next) => {
      await next();
      if (c.req.method !== 'GET' && c.res.status < 400) written();
    });
  app.route('/', programRoutes(deps));
  app.route('/', memberRoutes(deps));
  app.route('/', receiptRoutes(deps));
  app.route('/', ruleRoutes(deps));
  app.route('/', actionRoutes(deps));
  app.route('/', eventRoutes(deps));
  app.route('/', webhookRoutes(deps));
  app.route('/', couponRoutes(deps));
  app.route('/', keyRoutes(deps));
  app.route('/', staffRoutes(deps));
  app.route('/', overviewRoutes(deps));
  app.route('/', analyticsRoutes(deps));
  app.route('/', segmentRoutes(deps));
  app.route('/', kpiRoutes(deps));
  app.route('/', messagingRoutes(deps));
  app.route('/', broadcastRoutes(deps));
  app.route('/', memberMessageRoutes(deps));

  for (const [name, schema] of Object.entries(ruleComponents)) app.openAPIRegistry.registerComponent('schemas', name, schema);
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', description: 'an API key from `kopilka keys create`' });
  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'kopilka_session',
    description: 'a staff member signed in with POST /session; changes also need the session’s CSRF token in X-CSRF-Token',
  });
  // The server a client generated from this document calls: the one that served it.
  app.doc31('/openapi.json', (c) => ({
    openapi: '3.1.0',
    info: {
      title: 'Kopilka',
      version: '0.1.0',
      description:
        'Loyalty programme engine: members and cards, two-phase receipts, returns, points ledger, tiers. Money is integer kopecks; errors are application/problem+json with a stable `code`.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: new URL(c.req.url).origin, description: 'this Kopilka server' }],
  }));
  app.route('/', consoleRoutes());
  app.get('/docs', (c) => c.html(docsPage));
  app.get('/docs/assets/:file{[a-z0-9.-]+\\.(css|js)}', (c) => {
    const file = c.req.param('file');
    if (file === 'docs.js') return c.body(docsScript, 200, { 'content-type': 'text/javascript' });
    if (!['swagger-ui.css', 'swagger-ui-bundle.js'].includes(file)) return problem(c, 'route_not_found', 'no such file');
    const type = file.endsWith('.css') ? 'text/css' : 'text/javascript';
    return c.body(readFileSync(swaggerDir + file), 200, { 'content-type': type, 'cache-control': 'max-age=86400' });
  });

  app.notFound((c) => methodNotAllowed(app, c) ?? problem(c, 'route_not_found', `no route ${c.req.method} ${c.req.path}`));
  app.onError((error, c) => {
    if (error instanceof HTTPException && error.status === 400) return problem(c, 'malformed_json', error.message);
    if (error instanceof HTTPException && error.status === 415) return problem(c, 'unsupported_media_type', 'send the body as application/json');
    if (error instanceof HTTPException) return problem(c, 'validation_failed', error.message);
    // Values the database refuses to store; the transaction was rolled back, so nothing changed.
    const refused = databaseRefusal(error);
    if (refused) return problem(c, 'validation_failed', refused);
    if (isConnectionFault(error)) {
      c.header('retry-after', '2');
      return problem(c, 'database_unavailable', 'the database connection was lost; retry the request (with the same Idempotency-Key)');
    }
    console.error(error);
    return problem(c, 'internal_error', 'something went wrong on our side; the request may be retried with the same Idempotency-Key');
  });
  return app;
}

const docsPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Kopilka API</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css"></head>
<body><div id="ui"></div><script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/assets/docs.js"></script></body></html>`;

// A file of its own rather than an inline script, so the content security policy allows no inline scripts.
const docsScript = `SwaggerUIBundle({ url: '/openapi.json', dom_id: '#ui' });`;
