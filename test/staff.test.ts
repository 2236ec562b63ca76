import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/api/app.ts';
import { openDb } from '../src/store/db.ts';
import { systemPrincipal } from '../src/domain/access.ts';
import { createStaff } from '../src/flows/staff.ts';
import type { Db } from '../src/store/db.ts';
import { newProgramme, openTestDb, type Programme } from './harness.ts';

let db: Db;
let a: Programme;
let b: Programme;
const PASSWORD = 'Kopilka-owner-2026';
const unique = () => Math.random().toString(36).slice(2, 10);

beforeAll(async () => {
  db = await openTestDb();
  a = await newProgramme(db);
  b = await newProgramme(db);
});
afterAll(() => db.close());

async function account(p: Programme, role: 'owner' | 'marketer' | 'support' | 'analyst', password = PASSWORD) {
  const email = `${role}.${unique()}@shop.test`;
  const created = await createStaff(p.deps, p.programId, { email, name: `Staff ${role}`, role, password }, systemPrincipal('test'));
  if (!created.ok) throw new Error(created.message);
  return { id: created.value.id, email };
}

/** A browser of one programme's app: keeps the session cookie, sends the CSRF token when told to. */
function browser(p: Programme) {
  let cookie = '';
  let csrf = '';
  const send = async (method: string, path: string, body?: unknown, options: { csrf?: boolean } = {}) => {
    const headers: Record<string, string> = {};
    if (cookie) headers.cookie = cookie;
    if (options.csrf !== false && csrf) headers['x-csrf-token'] = csrf;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await p.app.request(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) cookie = setCookie.split(';')[0]!.endsWith('=') ? '' : setCookie.split(';')[0]!;
    const text = await res.text();
    const parsed = text ? JSON.parse(text) : null;
    if (parsed?.csrfToken) csrf = parsed.csrfToken;
    return { status: res.status, body: parsed, setCookie, retryAfter: res.headers.get('retry-after'), type: res.headers.get('content-type') ?? '' };
  };
  return { send, signIn: (email: string, password = PASSWORD) => send('POST', '/session', { email, password }), cookie: () => cookie };
}

describe('staff sign-in', () => {
  it('signs in with e-mail and password: an HttpOnly SameSite=Strict cookie and a CSRF token; the session says who', async () => {
    const owner = await account(a, 'owner');
    const web = browser(a);
    const res = await web.signIn(owner.email.toUpperCase());
    expect(res.status).toBe(201);
    expect(res.setCookie).toMatch(/^kopilka_session=[\w-]{40,};/);
    expect(res.setCookie).toMatch(/HttpOnly/);
    expect(res.setCookie).toMatch(/SameSite=Strict/);
    expect(res.body).toMatchObject({ staff: { id: owner.id, email: owner.email, role: 'owner', programId: a.programId }, csrfToken: expect.any(String) });
    expect((await web.send('GET', '/session')).body.staff.id).toBe(owner.id);
    expect((await web.send('GET', '/v1/program')).status).toBe(200);
  });

  it('answers a wrong password and an unknown e-mail alike, with a problem and no cookie', async () => {
    const owner = await account(a, 'owner');
    for (const [email, password] of [[owner.email, 'wrong-password-1'], [`nobody.${unique()}@shop.test`, PASSWORD]] as const) {
      const res = await browser(a).signIn(email, password);
      expect(res.status).toBe(401);
      expect(res.type).toMatch(/problem\+json/);
      expect(res.body).toMatchObject({ code: 'sign_in_failed', detail: 'the e-mail or the password is wrong' });
      expect(res.setCookie).toBeNull();
    }
  });

  it('locks an account after five wrong passwords for 15 minutes, even against the right one, then lets it in', async () => {
    const owner = await account(a, 'owner');
    const web = browser(a);
    for (let i = 1; i <= 4; i++) expect((await web.signIn(owner.email, `wrong-password-${i}`)).status).toBe(401);
    const fifth = await web.signIn(owner.email, 'wrong-password-5');
    expect(fifth.status).toBe(429);
    expect(fifth.body.code).toBe('account_locked');
    expect(Number(fifth.retryAfter)).toBe(900);
    expect((await web.signIn(owner.email)).status).toBe(429);
    a.setNow(new Date(a.now().getTime() + 15 * 60_000 + 1000));
    expect((await web.signIn(owner.email)).status).toBe(201);
  });

  it('counts wrong passwords sent at the same time: ten at once lock the account', async () => {
    const owner = await account(a, 'owner');
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => browser(a).signIn(owner.email, `parallel-wrong-${i}`)));
    expect(answers.filter((r) => r.status === 429).length).toBeGreaterThanOrEqual(5);
    expect((await browser(a).signIn(owner.email)).status).toBe(429);
  });

  it('needs the CSRF token for every change made with the cookie; without it nothing is written', async () => {
    const owner = await account(a, 'owner');
    const web = browser(a);
    await web.signIn(owner.email);
    const member = await a.call('POST', '/v1/members', { name: 'Ирина' });
    const refused = await web.send('POST', `/v1/members/${member.body.member.id}/adjustments`, { points: 50, reason: 'goodwill' }, { csrf: false });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('csrf_failed');
    expect((await a.call('GET', `/v1/members/${member.body.member.id}/balance`)).body.available).toBe(0);
    const done = await web.send('POST', `/v1/members/${member.body.member.id}/adjustments`, { points: 50, reason: 'goodwill' });
    expect(done.status).toBe(201);
    expect((await a.call('GET', `/v1/members/${member.body.member.id}/balance`)).body.available).toBe(50);
    const audit = await a.call('GET', `/v1/audit?entity=member`);
    expect(JSON.stringify(audit.body)).toContain(owner.id);
  });

  it("acts with its role's grants: support cannot change rules, an analyst cannot adjust points", async () => {
    const support = browser(a);
    await support.signIn((await account(a, 'support')).email);
    expect((await support.send('PUT', '/v1/rules', { campaigns: [] })).status).toBe(403);
    const analyst = browser(a);
    await analyst.signIn((await account(a, 'analyst')).email);
    const member = await a.call('POST', '/v1/members', { name: 'Пётр' });
    expect((await analyst.send('GET', `/v1/members/${member.body.member.id}`)).status).toBe(200);
    expect((await analyst.send('POST', `/v1/members/${member.body.member.id}/adjustments`, { points: 5, reason: 'x' })).status).toBe(403);
  });

  it("sees nothing of another programme: B's owner cannot read A's member", async () => {
    const member = await a.call('POST', '/v1/members', { name: 'Анна' });
    const web = browser(b);
    await web.signIn((await account(b, 'owner')).email);
    expect((await web.send('GET', `/v1/members/${member.body.member.id}`)).status).toBe(404);
  });

  it('changes the password with the current one, refuses a weak one, and ends the other sessions', async () => {
    const owner = await account(a, 'owner');
    const here = browser(a);
    const elsewhere = browser(a);
    await here.signIn(owner.email);
    await elsewhere.signIn(owner.email);
    const weak = await here.send('POST', '/session/password', { currentPassword: PASSWORD, newPassword: 'short' });
    expect(weak.status).toBe(422);
    expect(weak.body.code).toBe('weak_password');
    expect((await here.send('POST', '/session/password', { currentPassword: 'not-the-password', newPassword: 'Another-long-one-77' })).status).toBe(400);
    expect((await here.send('POST', '/session/password', { currentPassword: PASSWORD, newPassword: 'Another-long-one-77' }, { csrf: false })).status).toBe(403);
    expect((await browser(a).signIn(owner.email)).status).toBe(201);
    expect((await here.send('POST', '/session/password', { currentPassword: PASSWORD, newPassword: 'Another-long-one-77' })).status).toBe(204);
    expect((await here.send('GET', '/session')).status).toBe(200);
    expect((await elsewhere.send('GET', '/v1/program')).status).toBe(401);
    expect((await browser(a).signIn(owner.email)).status).toBe(401);
    expect((await browser(a).signIn(owner.email, 'Another-long-one-77')).status).toBe(201);
  });

  it('signs out: the cookie is cleared and the session no longer opens anything', async () => {
    const web = browser(a);
    await web.signIn((await account(a, 'owner')).email);
    const kept = web.cookie();
    const out = await web.send('DELETE', '/session');
    expect(out.status).toBe(204);
    expect(out.setCookie).toMatch(/kopilka_session=;/);
    const res = await a.app.request('/v1/program', { headers: { cookie: kept } });
    expect(res.status).toBe(401);
  });

  it('ends a session after 12 hours, and clears the ended ones at the next sign-in', async () => {
    const owner = await account(a, 'owner');
    const web = browser(a);
    await web.signIn(owner.email);
    a.setNow(new Date(a.now().getTime() + 12 * 3_600_000 + 1000));
    expect((await web.send('GET', '/v1/program')).body).toMatchObject({ code: 'unauthorized', detail: 'the session has ended: sign in again' });
    expect((await browser(a).signIn(owner.email)).status).toBe(201);
    expect(await db.query('select count(*)::int as n from staff_sessions where staff_id = $1', [owner.id])).toEqual([{ n: 1 }]);
  });

  it('lets the owner make accounts in the console: a one-time password shown once that signs in; others may not', async () => {
    const web = browser(a);
    const owner = await account(a, 'owner');
    await web.signIn(owner.email);
    const email = `new.${unique()}@shop.test`;
    const made = await web.send('POST', '/v1/staff', { email: ` ${email.toUpperCase()} `, name: 'Марина', role: 'marketer' });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ email, role: 'marketer', password: expect.stringMatching(/^\S{20}$/) });
    expect((await web.send('POST', '/v1/staff', { email, name: 'Другая', role: 'analyst' })).body.code).toBe('email_taken');
    expect((await web.send('POST', '/v1/staff', { email: `x.${unique()}@shop.test`, name: 'X', role: 'boss' })).status).toBe(400);
    const listed = await web.send('GET', '/v1/staff');
    expect(listed.body.items.map((s: { email: string }) => s.email)).toEqual(expect.arrayContaining([owner.email, email]));
    expect(JSON.stringify(listed.body)).not.toMatch(/argon2|password/);
    // The one-time password lets its holder in to choose their own, and to do nothing else before.
    const marketer = browser(a);
    const first = await marketer.signIn(email, made.body.password);
    expect(first.status).toBe(201);
    expect(first.body.staff.mustChangePassword).toBe(true);
    const waiting = await marketer.send('GET', '/v1/campaigns');
    expect(waiting.status).toBe(403);
    expect(waiting.body.code).toBe('password_change_required');
    expect((await marketer.send('POST', '/session/password', { currentPassword: made.body.password, newPassword: 'Marina-own-password-7' })).status).toBe(204);
    expect((await marketer.send('GET', '/session')).body.staff.mustChangePassword).toBe(false);
    expect((await marketer.send('GET', '/v1/campaigns')).status).toBe(200);
    const refused = await marketer.send('POST', '/v1/staff', { email: `y.${unique()}@shop.test`, name: 'Y', role: 'owner' });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('forbidden');
    const audit = await a.call('GET', '/v1/audit?entity=staff');
    expect(JSON.stringify(audit.body)).toContain(`${owner.id} (${owner.email})`);
    expect((await browser(b).signIn(owner.email)).body.staff.programId).toBe(a.programId);
  });

  it('refuses a taken e-mail and a weak password when an account is made, writing nothing', async () => {
    const owner = await account(a, 'owner');
    const taken = await createStaff(b.deps, b.programId, { email: owner.email, name: 'x', role: 'analyst', password: PASSWORD }, systemPrincipal('test'));
    expect(taken).toMatchObject({ ok: false, code: 'email_taken' });
    const weak = await createStaff(a.deps, a.programId, { email: `w.${unique()}@shop.test`, name: 'x', role: 'analyst', password: 'aaaaaaaaaaaa' }, systemPrincipal('test'));
    expect(weak).toMatchObject({ ok: false, code: 'weak_password' });
    expect(await db.query('select 1 from staff where program_id = $1 and name = $2', [a.programId, 'x'])).toEqual([]);
  });
});

describe('kopilka users create', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kopilka-users-'));
  const cli = async (...args: string[]) =>
    (await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { env: { ...process.env, KOPILKA_DATA_DIR: dataDir, DATABASE_URL: '' } })).stdout.trim();
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('makes an account with a one-time password it prints once, which signs in; refuses an unknown role and a taken e-mail', async () => {
    const programmeId = /prg_\w+/.exec(await cli('programs', 'create', '--name', 'Users CLI'))?.[0] as string;
    const printed = await cli('users', 'create', '--program', programmeId, '--email', 'Olga@Shop.test', '--name', 'Ольга', '--role', 'marketer');
    const [, id, password] = /^(stf_\w+) olga@shop\.test \(marketer\), one-time password: (\S{20})$/.exec(printed) ?? [];
    expect(id).toBeDefined();
    await expect(cli('users', 'create', '--program', programmeId, '--email', 'x@shop.test', '--name', 'X', '--role', 'boss')).rejects.toThrow(/Allowed choices are owner, marketer, support, analyst/);
    await expect(cli('users', 'create', '--program', programmeId, '--email', 'olga@shop.test', '--name', 'Другая', '--role', 'analyst')).rejects.toThrow(/an account with the e-mail olga@shop.test exists/);
    const own = await openDb({ dataDir });
    try {
      const res = await createApp({ db: own, now: () => new Date() }).request('/session', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'olga@shop.test', password }),
      });
      expect(res.status).toBe(201);
      expect(((await res.json()) as { staff: unknown }).staff).toMatchObject({ id, role: 'marketer', programId: programmeId });
    } finally {
      await own.close();
    }
  }, 120_000);
});
