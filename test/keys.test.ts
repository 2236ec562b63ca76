import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { KEY_CACHE_MS } from '../src/api/auth.ts';
import type { Db } from '../src/store/db.ts';
import { expectProblem } from './checks.ts';
import { newProgramme, openTestDb, type Programme } from './harness.ts';

let db: Db;
let p: Programme;

beforeAll(async () => {
  db = await openTestDb();
  p = await newProgramme(db);
});
afterAll(() => db.close());
afterEach(() => vi.restoreAllMocks());

const program = (key: string) => p.call('GET', '/v1/program', undefined, { key });

describe('an admin key manages the programme’s keys', () => {
  it('lists them without secrets or hashes', async () => {
    const listed = await p.call('GET', '/v1/keys');
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((k: { role: string }) => k.role).sort()).toEqual(['admin', 'marketer', 'partner', 'pos', 'readonly']);
    for (const k of listed.body.items) expect(Object.keys(k).sort()).toEqual(['createdAt', 'id', 'name', 'partner', 'pii', 'revokedAt', 'role']);
    expect(JSON.stringify(listed.body)).not.toMatch(/kop_|[0-9a-f]{64}/);
  });

  it('issues a key whose secret is shown once and works at once', async () => {
    const made = await p.call('POST', '/v1/keys', { name: 'analyst', role: 'readonly', pii: true });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ name: 'analyst', role: 'readonly', pii: true, revokedAt: null, secret: expect.stringMatching(/^kop_/) });
    expect((await program(made.body.secret)).status).toBe(200);
    expect(JSON.stringify((await p.call('GET', '/v1/keys')).body)).not.toContain(made.body.secret);
  });

  it('refuses the pii grant on a role other than readonly', async () => {
    for (const role of ['partner', 'pos'])
      expectProblem(await p.call('POST', '/v1/keys', { name: 'x', role, pii: true }), 400, 'validation_failed', /pii is a grant for readonly keys/);
  });

  it('revokes a key: this server refuses it at once, even one it has just seen', async () => {
    const made = await p.call('POST', '/v1/keys', { name: 'till 7', role: 'pos' });
    expect((await program(made.body.secret)).status).toBe(200);
    const revoked = await p.call('DELETE', `/v1/keys/${made.body.id}`);
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ id: made.body.id, revokedAt: expect.any(String) });
    expectProblem(await program(made.body.secret), 401, 'unauthorized', /Bearer/);
    expect((await p.call('DELETE', `/v1/keys/${made.body.id}`)).body.revokedAt).toBe(revoked.body.revokedAt);
    const listed = (await p.call('GET', '/v1/keys')).body.items.find((k: { id: string }) => k.id === made.body.id);
    expect(listed.revokedAt).toBe(revoked.body.revokedAt);
  });

  it("keeps the programme's last admin key, but lets an admin key revoke itself when another remains", async () => {
    const admins = (await p.call('GET', '/v1/keys')).body.items.filter((k: { role: string; revokedAt: string | null }) => k.role === 'admin' && !k.revokedAt);
    expect(admins).toHaveLength(1);
    expectProblem(await p.call('DELETE', `/v1/keys/${admins[0].id}`), 409, 'conflict', /last admin key/);
    const second = await p.call('POST', '/v1/keys', { name: 'second admin', role: 'admin' });
    expect((await p.call('DELETE', `/v1/keys/${second.body.id}`, undefined, { key: second.body.secret })).status).toBe(200);
    expectProblem(await program(second.body.secret), 401, 'unauthorized', /Bearer/);
  });

  it("sees no other programme's keys", async () => {
    const other = await newProgramme(db);
    const theirs = (await other.call('GET', '/v1/keys')).body.items[0].id;
    expectProblem(await p.call('DELETE', `/v1/keys/${theirs}`), 404, 'key_not_found', /no key/);
    expect((await other.call('GET', '/v1/keys')).body.items[0].revokedAt).toBeNull();
  });
});

describe('a key revoked by another process (the command line, another server)', () => {
  it(`keeps working here for at most ${KEY_CACHE_MS / 1000} seconds, then is refused`, async () => {
    const made = await p.call('POST', '/v1/keys', { name: 'till 8', role: 'pos' });
    let now = performance.now();
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    expect((await program(made.body.secret)).status).toBe(200);
    await db.query('update api_keys set revoked_at = now() where id = $1', [made.body.id]);
    now += KEY_CACHE_MS - 1;
    expect((await program(made.body.secret)).status).toBe(200);
    now += 2;
    expect((await program(made.body.secret)).status).toBe(401);
  });
});

describe('the Authorization header', () => {
  it('takes the Bearer scheme in any case (RFC 7235)', async () => {
    for (const scheme of ['Bearer', 'bearer', 'BEARER', 'bEaReR'])
      expect((await p.call('GET', '/v1/program', undefined, { headers: { authorization: `${scheme} ${p.keys.readonly}` } })).status).toBe(200);
  });

  it('refuses another scheme, a missing space or a missing key', async () => {
    for (const header of [`Basic ${p.keys.readonly}`, `Bearer${p.keys.readonly}`, 'Bearer ', `${p.keys.readonly}`])
      expectProblem(await p.call('GET', '/v1/program', undefined, { headers: { authorization: header } }), 401, 'unauthorized', /Bearer/);
  });
});

const run = promisify(execFile);
const dataDir = mkdtempSync(join(tmpdir(), 'kopilka-keys-'));
// Each command is its own process and opens the database anew (seconds on PGlite), so the story is told in four.
const cli = async (...args: string[]) =>
  (await run(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { env: { ...process.env, KOPILKA_DATA_DIR: dataDir } })).stdout.trim();

describe('kopilka keys', () => {
  it('creates a readonly key with the pii grant, lists the keys and revokes one', async () => {
    const programmeId = /prg_\w+/.exec(await cli('programs', 'create', '--name', 'Keys CLI'))?.[0] as string;
    const secret = await cli('keys', 'create', '--program', programmeId, '--role', 'readonly', '--pii', '--name', 'analyst');
    expect(secret).toMatch(/^kop_/);
    const listed = (await cli('keys', 'list', '--program', programmeId)).split('\n').map((l) => l.split('\t'));
    expect(listed.map(([, role, name, , state]) => [role, name, state])).toEqual([
      ['admin', 'admin', 'active'],
      ['readonly+pii', 'analyst', 'active'],
    ]);
    expect(listed.flat().join()).not.toContain(secret);
    const analyst = listed[1]?.[0] as string;
    expect(await cli('keys', 'revoke', analyst)).toMatch(new RegExp(`^${analyst} \\(analyst, readonly\\) of ${programmeId} revoked at \\d{4}-`));
  });

  it('names the programme it cannot find, whatever the id looks like', async () => {
    for (const id of ['prg_01AAAAAAAAAAAAAAAAAAAAAAAA', 'nope'])
      await expect(cli('keys', 'list', '--program', id)).rejects.toThrow(new RegExp(`no programme ${id}`));
  });
});
