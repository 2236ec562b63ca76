import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/api/app.ts';
import { dispatchOnce, GIVE_UP_AFTER_MS, startDispatcher } from '../src/jobs/dispatcher.ts';
import type { Db } from '../src/store/db.ts';
import { expectProblem, footprint } from './checks.ts';
import { line, newProgramme, openOwnTestDb, receipt, type Programme } from './harness.ts';
import { freePort } from './ports.ts';
import { sequenceEvents } from '../src/store/events.ts';
import { leaseDueDeliveries, queueDeliveries } from '../src/store/webhooks.ts';

// Webhooks to a receiver running in a process of its own that verifies every signature. Dispatching reads the
// outbox of every programme: this file has a database of its own.
const repo = fileURLToPath(new URL('..', import.meta.url));
const secret = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;
type Received = { id: string; verified: boolean; type: string; memberId: string | null; seq: number };

let db: Db;
let receiver: ChildProcess | null = null;
let port: number;

async function startReceiver() {
  receiver = spawn(process.execPath, ['--import', 'tsx', 'test/webhook-receiver.ts'], { cwd: repo, env: { ...process.env, PORT: String(port), WEBHOOK_SECRET: secret }, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve) => receiver?.stdout?.once('data', () => resolve()));
}
const stopReceiver = async () => {
  const exited = new Promise((resolve) => receiver?.once('exit', resolve));
  receiver?.kill('SIGKILL');
  await exited;
  receiver = null;
};
const base = () => `http://127.0.0.1:${port}`;
const received = async (): Promise<Received[]> => (await fetch(`${base()}/received`)).json() as Promise<Received[]>;
const setMode = (mode: string) => fetch(`${base()}/mode`, { method: 'POST', body: JSON.stringify({ mode }) });

beforeAll(async () => {
  db = await openOwnTestDb('webhooks');
  port = await freePort();
}, 60_000);
afterEach(async () => {
  if (receiver) await stopReceiver();
});
afterAll(() => db.close());

/** Runs the dispatcher until nothing more is due at the programme's clock. */
async function dispatch(p: Programme, options = {}) {
  while ((await dispatchOnce(p.deps, options)) > 0);
}

async function subscribed(eventTypes: string[] = []) {
  const p = await newProgramme(db, { pendingDays: 0 }, new Date().toISOString());
  const hook = await p.call('POST', '/v1/webhooks', { url: `${base()}/hooks`, eventTypes, secret });
  expect(hook.status).toBe(201);
  return { p, hook: hook.body };
}

const sell = async (p: Programme, number: string, memberId: string) =>
  expect((await p.call('POST', '/v1/receipts', receipt(number, [line('TV', 100_000)], { member: { id: memberId } }), { role: 'pos' })).status).toBe(201);

describe('webhooks', () => {
  it('deliver the events of the chosen types, signed, each member in order, once', async () => {
    await startReceiver();
    const { p, hook } = await subscribed(['member.created', 'receipt.confirmed']);
    const members: string[] = [];
    for (let i = 0; i < 3; i++) members.push((await p.call('POST', '/v1/members', { name: `M${i}` }, { role: 'pos' })).body.member.id);
    for (let k = 0; k < 3; k++) for (const m of members) await sell(p, `W-${m}-${k}`, m);
    await p.call('POST', `/v1/members/${members[0]}/adjustments`, { points: 10, reason: 'not subscribed' });
    // A member's next event goes only once the one before it has arrived: after a failure the rest wait untried.
    await setMode('fail-first');
    await dispatchOnce(p.deps, { concurrency: 50 });
    const log = (await p.call('GET', `/v1/webhooks/${hook.id}/deliveries`)).body.items as { attempts: number; status: string }[];
    expect(log).toHaveLength(12);
    expect(log.filter((d) => d.attempts === 1)).toHaveLength(3);
    expect(log.every((d) => d.status === 'pending')).toBe(true);
    expect(await received()).toEqual([]);
    // Once the first is due again, one round sends each member's events one after another.
    await setMode('ok');
    p.advanceDays(1 / 24 / 60);
    await dispatchOnce(p.deps, { concurrency: 50 });
    const got = await received();
    expect(got).toHaveLength(12);
    expect(got.every((g) => g.verified)).toBe(true);
    expect(new Set(got.map((g) => g.id)).size).toBe(12);
    for (const m of members) {
      const own = got.filter((g) => g.memberId === m);
      expect(own.map((g) => g.type)).toEqual(['member.created', 'receipt.confirmed', 'receipt.confirmed', 'receipt.confirmed']);
      expect(own.map((g) => g.seq)).toEqual([...own.map((g) => g.seq)].sort((a, b) => a - b));
    }
  });

  it('go out once each and in order per member when two dispatchers share the database', async () => {
    await startReceiver();
    const { p } = await subscribed(['member.created', 'receipt.confirmed']);
    const members: string[] = [];
    for (let i = 0; i < 12; i++) members.push((await p.call('POST', '/v1/members', { name: `D${i}` }, { role: 'pos' })).body.member.id);
    for (let k = 0; k < 5; k++) for (const m of members) await sell(p, `D-${m}-${k}`, m);
    // Small rounds, so that the two lease and send at the same time, as two server processes would.
    const two = [startDispatcher(p.deps, { concurrency: 2 }), startDispatcher(p.deps, { concurrency: 2 })];
    for (let i = 0; i < 300 && (await received()).length < 72; i++) await new Promise((r) => setTimeout(r, 50));
    await Promise.all(two.map((d) => d.stop()));
    const got = await received();
    expect(got).toHaveLength(72);
    expect(new Set(got.map((g) => g.id)).size).toBe(72);
    for (const m of members) {
      const own = got.filter((g) => g.memberId === m).map((g) => g.seq);
      expect(own).toEqual([...own].sort((a, b) => a - b));
    }
  });

  it('are leased to one of several dispatchers looking at the same moment, each member to one of them', async () => {
    const { p, hook } = await subscribed(['member.created', 'receipt.confirmed']);
    for (let i = 0; i < 12; i++) {
      const m = (await p.call('POST', '/v1/members', { name: `L${i}` }, { role: 'pos' })).body.member.id;
      for (let k = 0; k < 3; k++) await sell(p, `L-${m}-${k}`, m);
    }
    await sequenceEvents(db);
    await queueDeliveries(db, p.now());
    const until = new Date(p.now().getTime() + 60_000);
    const leases = await Promise.all(Array.from({ length: 4 }, () => leaseDueDeliveries(db, p.now(), until, 12, 4)));
    const all = leases.flat();
    expect(all.length).toBeGreaterThan(0);
    expect(new Set(all.map((d) => d.event.id)).size).toBe(all.length);
    // A member's chain is held by one dispatcher: another sending its later events could overtake the first.
    const holder = new Map<string, number>();
    leases.forEach((lease, i) => {
      for (const d of lease) {
        expect(holder.get(d.event.memberId as string) ?? i).toBe(i);
        holder.set(d.event.memberId as string, i);
      }
    });
    // What it leased is never sent: the subscription goes, lest a later test's dispatcher send it.
    expect((await p.call('DELETE', `/v1/webhooks/${hook.id}`)).status).toBe(204);
  });

  it('try again after a failure, a timeout and a receiver that is down, and log every attempt', async () => {
    const { p, hook } = await subscribed();
    // Down: the member's enrolment waits for the receiver.
    await p.call('POST', '/v1/members', { name: 'Ждущий' }, { role: 'pos' });
    await dispatch(p);
    let log = (await p.call('GET', `/v1/webhooks/${hook.id}/deliveries`)).body.items;
    expect(log).toMatchObject([{ status: 'pending', attempts: 1, lastStatus: null, lastError: expect.stringMatching(/ECONNREFUSED/) }]);

    await startReceiver();
    await setMode('fail-first');
    p.advanceDays(1 / 24 / 60); // a minute on: the retry is due
    await dispatch(p);
    log = (await p.call('GET', `/v1/webhooks/${hook.id}/deliveries`)).body.items;
    expect(log).toMatchObject([{ status: 'pending', attempts: 2, lastStatus: 500, lastResponse: 'try again' }]);
    p.advanceDays(1 / 24 / 60);
    await dispatch(p);
    log = (await p.call('GET', `/v1/webhooks/${hook.id}/deliveries`)).body.items;
    expect(log).toMatchObject([{ status: 'delivered', attempts: 3, lastStatus: 200, lastResponse: 'thanks' }]);

    await setMode('slow');
    await p.call('POST', '/v1/members', { name: 'Медленный' }, { role: 'pos' });
    await dispatch(p, { timeoutMs: 300 });
    log = (await p.call('GET', `/v1/webhooks/${hook.id}/deliveries`)).body.items;
    expect(log[0]).toMatchObject({ status: 'pending', attempts: 1, lastError: 'no answer within 300 ms' });
    // What the slow receiver answered late counts for nothing; the retry, sent with the same id, is the delivery.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await setMode('ok');
    p.advanceDays(1 / 24 / 60);
    await dispatch(p);
    const got = await received();
    expect(got.map((g) => g.type)).toEqual(['member.created', 'member.created', 'member.created']);
    expect(new Set(got.map((g) => g.id)).size).toBe(2);
  });

  it('start going out as soon as a subscription is enabled or an event is written, not when an idle dispatcher next looks', async () => {
    await startReceiver();
    const { p, hook } = await subscribed(['member.created']);
    await p.call('PATCH', `/v1/webhooks/${hook.id}`, { enabled: false });
    const member = (await p.call('POST', '/v1/members', { name: 'Сразу' }, { role: 'pos' })).body.member.id;
    let dispatcher: ReturnType<typeof startDispatcher> | null = null;
    const app = createApp(p.deps, { written: () => dispatcher?.wake() });
    const call = (method: string, path: string, key: string, body: unknown) =>
      app.request(path, { method, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const arrived = async (memberId: string) => {
      const mine = async () => (await received()).filter((g) => g.memberId === memberId);
      for (let i = 0; i < 200 && (await mine()).length === 0; i++) await new Promise((r) => setTimeout(r, 50));
      return (await mine()).map((g) => g.type);
    };
    // After its first look, it would look again in an hour.
    dispatcher = startDispatcher(p.deps, { idleMs: 3_600_000 });
    await dispatcher.settled();
    expect((await call('PATCH', `/v1/webhooks/${hook.id}`, p.keys.admin, { enabled: true })).status).toBe(200);
    expect(await arrived(member)).toEqual(['member.created']);
    await dispatcher.settled();
    const next = (await (await call('POST', '/v1/members', p.keys.pos, { name: 'Следом' })).json()) as { member: { id: string } };
    expect(await arrived(next.member.id)).toEqual(['member.created']);
    await dispatcher.stop();
  });

  it('are disabled with the reason after a day of failures, and replayed once enabled again', async () => {
    const { p, hook } = await subscribed(['member.created']);
    await p.call('POST', '/v1/members', { name: 'Никому' }, { role: 'pos' });
    await dispatch(p);
    p.advanceDays(1);
    p.setNow(new Date(p.now().getTime() + GIVE_UP_AFTER_MS - 86_400_000 + 60_000));
    await dispatch(p);
    const listed = (await p.call('GET', '/v1/webhooks')).body.items[0];
    expect(listed).toMatchObject({ enabled: false, disabledReason: expect.stringMatching(/could not be delivered for 24 hours: .*ECONNREFUSED/) });
    expect((await p.call('GET', `/v1/webhooks/${hook.id}/deliveries`)).body.items[0]).toMatchObject({ status: 'dead', attempts: 2 });

    await startReceiver();
    expect((await p.call('PATCH', `/v1/webhooks/${hook.id}`, { enabled: true })).body).toMatchObject({ enabled: true, disabledReason: null });
    const feed = (await p.call('GET', '/v1/events/feed', undefined, { role: 'readonly' })).body;
    expect((await p.call('POST', `/v1/webhooks/${hook.id}/replay`, { from: 1, to: feed.last })).body).toEqual({ queued: 1 });
    await dispatch(p);
    expect((await received()).map((g) => g.type)).toEqual(['member.created']);
  });

  it('refuse URLs that are not http(s), this server, or a host that does not resolve; short secrets; unknown types', async () => {
    const p = await newProgramme(db);
    const before = await footprint(p);
    const create = (body: unknown) => p.call('POST', '/v1/webhooks', body);
    expectProblem(await create({ url: 'ftp://example.org/hook' }), 400, 'validation_failed', /url: only http and https/);
    expectProblem(await create({ url: 'not a url' }), 400, 'validation_failed', /url: not a URL/);
    expectProblem(await create({ url: 'http://localhost/hooks' }), 400, 'validation_failed', /url: that is this Kopilka server itself/);
    expectProblem(await create({ url: 'http://no-such-host.invalid/hooks' }), 422, 'webhook_unreachable', /does not resolve/);
    expectProblem(await create({ url: `${base()}/hooks`, secret: 'whsec_c2hvcnQ=' }), 400, 'validation_failed', /secret: whsec_ and the base64 of 24 to 64/);
    expectProblem(await create({ url: `${base()}/hooks`, eventTypes: ['receipt.exploded'] }), 400, 'validation_failed', /eventTypes/);
    expect(await footprint(p)).toEqual(before);
    expect((await p.call('GET', '/v1/webhooks')).body.items).toEqual([]);
    expectProblem(await p.call('PATCH', '/v1/webhooks/whk_nosuch', { enabled: false }), 404, 'webhook_not_found', /no webhook whk_nosuch/);
  });
});
