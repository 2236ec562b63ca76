import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { actorOf } from '../../domain/access.ts';
import type { Deps } from '../../flows/deps.ts';
import { changeSettings } from '../../flows/programs.ts';
import { savePartner, saveStore } from '../../flows/stores.ts';
import { jobNames, runJob, type JobName } from '../../jobs/jobs.ts';
import { findProgram, loadSettings } from '../../store/programs.ts';
import { listPartners } from '../../store/partners.ts';
import { programmeSchedule } from '../../store/schedule.ts';
import { findStore, listStores } from '../../store/stores.ts';
import { allow, type Env } from '../auth.ts';
import { body, json, jsonSchemaOf, problems, security } from '../openapi.ts';
import { ruleRef } from '../rule-schemas.ts';
import { failure, problem } from '../problems.ts';
import { codeString, storeInput } from '../schemas.ts';

const anything = z.record(z.string(), z.unknown());
const store = z.object({ code: z.string(), name: z.string(), city: z.string().nullable(), channel: z.string(), partner: z.string().nullable() }).openapi('Store');
const partner = z.object({ code: z.string(), name: z.string() }).openapi('Partner');

export function programRoutes(deps: Deps) {
  const app = new OpenAPIHono<Env>();
  const tags = ['Programme'];

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/program', operationId: 'getProgramme', tags, security, middleware: [allow('programme:read')] as const,
      summary: 'The programme and the settings version in force (earning, redemption, expiry, tiers...)',
      responses: {
        200: jsonSchemaOf(
          { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' }, version: { type: 'integer' }, settings: ruleRef('Settings') }, required: ['id', 'name', 'version', 'settings'] },
          'the programme',
        ),
        ...problems,
      },
    }),
    async (c) => {
      const { programId } = c.get('key');
      const program = await findProgram(deps.db, programId);
      return c.json({ ...program, ...(await loadSettings(deps.db, programId)) } as never, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch', path: '/v1/program/settings', operationId: 'updateSettings', tags, security, middleware: [allow('settings')] as const,
      summary: 'Change settings: the fields given replace the current ones and a new version is recorded',
      request: body(anything.openapi({ description: 'any subset of the settings, e.g. {"pendingDays": 7}' })),
      responses: {
        200: jsonSchemaOf({ type: 'object', properties: { version: { type: 'integer' }, settings: ruleRef('Settings') }, required: ['version', 'settings'] }, 'the new version'),
        ...problems,
      },
    }),
    async (c) => {
      const key = c.get('key');
      const result = await changeSettings(deps, key.programId, c.req.valid('json'), actorOf(key));
      return result.ok ? c.json(result.value as never, 200) : failure(c, result);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/stores', operationId: 'listStores', tags, security, middleware: [allow('programme:read')] as const, summary: 'The programme’s stores',
      responses: { 200: json(z.object({ items: z.array(store) }), 'the stores'), ...problems },
    }),
    async (c) => c.json({ items: await listStores(deps.db, c.get('key').programId) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'put', path: '/v1/stores/{code}', operationId: 'putStore', tags, security, middleware: [allow('settings')] as const,
      summary: "Register or change a store (code, name, city, channel, the partner that owns it); recorded in the audit trail with the key",
      request: { params: z.object({ code: codeString }), ...body(storeInput) },
      responses: { 200: json(store, 'the store'), ...problems },
    }),
    async (c) => {
      const key = c.get('key');
      const saved = await saveStore(deps, key.programId, { code: c.req.valid('param').code, ...c.req.valid('json') }, key);
      return saved.ok ? c.json(saved.value, 200) : failure(c, saved);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/stores/{code}', operationId: 'getStore', tags, security, middleware: [allow('programme:read')] as const, summary: 'One store',
      request: { params: z.object({ code: codeString }) },
      responses: { 200: json(store, 'the store'), ...problems },
    }),
    async (c) => {
      const found = await findStore(deps.db, c.get('key').programId, c.req.valid('param').code);
      return found ? c.json(found, 200) : problem(c, 'store_not_found', `no store ${c.req.valid('param').code}`);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/partners', operationId: 'listPartners', tags, security, middleware: [allow('programme:read')] as const,
      summary: "The coalition's partners and the stores each owns",
      responses: { 200: json(z.object({ items: z.array(partner.extend({ stores: z.array(z.string()) })) }), 'the partners'), ...problems },
    }),
    async (c) => c.json({ items: await listPartners(deps.db, c.get('key').programId) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'put', path: '/v1/partners/{code}', operationId: 'putPartner', tags, security, middleware: [allow('settings')] as const,
      summary: 'Register or rename a partner of the coalition; its stores name it, and its partner keys sell only at them',
      request: { params: z.object({ code: codeString }), ...body(z.object({ name: z.string().trim().min(1).max(200) }).strict().openapi('PartnerInput')) },
      responses: { 200: json(partner, 'the partner'), ...problems },
    }),
    async (c) => {
      const key = c.get('key');
      const saved = await savePartner(deps, key.programId, { code: c.req.valid('param').code, ...c.req.valid('json') }, key);
      return saved.ok ? c.json(saved.value, 200) : failure(c, saved);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/jobs/{name}/run', operationId: 'runJob', tags: ['Jobs'], security, middleware: [allow('jobs')] as const,
      summary: 'Run a job now for this programme (activation, expiry, expiry-notice, tier-review, birthdays, referrals, idempotency, event-retention, day-sums, daily-totals, segments, segment-refresh); safe to run twice or concurrently',
      request: { params: z.object({ name: z.enum(jobNames as [JobName, ...JobName[]]) }) },
      responses: { 200: json(z.object({ job: z.string(), members: z.number().int(), changed: z.number().int() }), 'what the job did'), ...problems },
    }),
    async (c) => c.json(await runJob(deps, c.req.valid('param').name, c.get('key').programId), 200),
  );

  const scheduledRun = z
    .object({
      job: z.enum(jobNames as [JobName, ...JobName[]]),
      scope: z.enum(['every programme', 'this programme']),
      nextRunAt: z.string().describe('ISO 8601; a daily job runs at the programme-local `dailyJobsAt`'),
      running: z.boolean(),
      runs: z.number().int().describe('runs finished so far'),
      lastRun: z
        .object({
          startedAt: z.string(),
          finishedAt: z.string().nullable(),
          millis: z.number().int().nullable(),
          outcome: z.enum(['ok', 'failed']).nullable(),
          members: z.number().int().nullable().describe('members looked at (for a job of this programme only)'),
          changed: z.number().int().nullable(),
        })
        .nullable(),
    })
    .openapi('ScheduledJob');
  app.openapi(
    createRoute({
      method: 'get', path: '/v1/jobs', operationId: 'listJobs', tags: ['Jobs'], security, middleware: [allow('jobs:read')] as const,
      summary: "The schedule: when each job last ran (how long, how it went) and when it runs next; daily jobs are the programme's own",
      responses: { 200: json(z.object({ items: z.array(scheduledRun) }), 'the jobs'), ...problems },
    }),
    async (c) => {
      const now = deps.now();
      const items = (await programmeSchedule(deps.db, c.get('key').programId)).map((r) => {
        const own = r.scope !== '';
        const finished = r.lastFinishedAt && r.lastStartedAt && r.lastFinishedAt >= r.lastStartedAt ? r.lastFinishedAt : null;
        return {
          job: r.job as JobName,
          scope: own ? ('this programme' as const) : ('every programme' as const),
          nextRunAt: r.nextRunAt.toISOString(),
          running: r.leasedUntil !== null && r.leasedUntil > now,
          runs: r.runs,
          lastRun: r.lastStartedAt && {
            startedAt: r.lastStartedAt.toISOString(),
            finishedAt: finished?.toISOString() ?? null,
            millis: finished ? finished.getTime() - r.lastStartedAt.getTime() : null,
            outcome: finished ? r.lastOutcome : null,
            // A job over every programme counts every programme's members: not this programme's to see.
            members: own && finished ? Number(r.lastReport?.members ?? 0) : null,
            changed: own && finished ? Number(r.lastReport?.changed ?? 0) : null,
          },
        };
      });
      return c.json({ items }, 200);
    },
  );

  return app;
}
