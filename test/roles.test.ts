import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matrix } from '../src/domain/access.ts';
import type { Db } from '../src/store/db.ts';
import { roles, type Role } from '../src/store/keys.ts';
import { line, newProgramme, openTestDb, receipt, type Programme } from './harness.ts';

// Every operation of /openapi.json, sent by every role. The table below is the README's role matrix as it must be:
// an operation whose roles widen (or narrow) in code, or a new operation missing here, fails this file.
const everyone: readonly Role[] = ['admin', 'marketer', 'pos', 'partner', 'readonly'];
const expected: Record<string, readonly Role[]> = {
  'GET /v1/program': everyone,
  'PATCH /v1/program/settings': ['admin', 'marketer'],
  'GET /v1/stores': everyone,
  'GET /v1/stores/{code}': everyone,
  'PUT /v1/stores/{code}': ['admin', 'marketer'],
  'GET /v1/partners': everyone,
  'PUT /v1/partners/{code}': ['admin', 'marketer'],
  'POST /v1/jobs/{name}/run': ['admin'],
  'GET /v1/jobs': ['admin', 'marketer', 'readonly'],

  'POST /v1/members': ['admin', 'pos'],
  'GET /v1/members': everyone,
  'GET /v1/members/search': ['admin', 'marketer', 'pos'],
  'GET /v1/members/{id}': ['admin', 'marketer', 'pos', 'readonly'],
  'PATCH /v1/members/{id}': ['admin', 'pos'],
  'GET /v1/members/{id}/consents': ['admin', 'marketer', 'pos'],
  'PUT /v1/messaging/channels/email': ['admin', 'marketer'],
  'GET /v1/messaging/channels/email': ['admin', 'marketer'],
  'PUT /v1/messaging/channels/sms': ['admin', 'marketer'],
  'GET /v1/messaging/channels/sms': ['admin', 'marketer'],
  'PUT /v1/messaging/channels/sms-gateway': ['admin', 'marketer'],
  'GET /v1/messaging/channels/sms-gateway': ['admin', 'marketer'],
  'PUT /v1/messaging/channels/push': ['admin', 'marketer'],
  'POST /v1/messaging/templates/{code}/test': ['admin', 'marketer'],
  'GET /v1/messaging/channels/push': ['admin', 'marketer'],
  'PUT /v1/messaging/templates/{code}': ['admin', 'marketer'],
  'GET /v1/messaging/templates': ['admin', 'marketer'],
  'POST /v1/messaging/templates/{code}/preview': ['admin', 'marketer'],
  'PUT /v1/messaging/triggers/{code}': ['admin', 'marketer'],
  'GET /v1/messaging/triggers': ['admin', 'marketer'],
  'GET /v1/messaging/messages': ['admin', 'marketer'],
  'PUT /v1/messaging/broadcasts/{code}': ['admin', 'marketer'],
  'GET /v1/messaging/broadcasts': ['admin', 'marketer'],
  'POST /v1/messaging/broadcasts/{code}/cancel': ['admin', 'marketer'],
  'GET /v1/messaging/broadcasts/{code}/results': ['admin', 'marketer'],
  'GET /v1/messaging/triggers/{code}/results': ['admin', 'marketer'],
  'POST /v1/members/{id}/erase': ['admin'],
  'GET /v1/members/{id}/balance': ['admin', 'marketer', 'pos', 'readonly'],
  'GET /v1/members/{id}/history': ['admin', 'marketer', 'pos', 'readonly'],
  'GET /v1/members/{id}/tier-history': ['admin', 'marketer', 'pos', 'readonly'],
  'GET /v1/members/{id}/lots': ['admin', 'marketer', 'pos', 'readonly'],
  'POST /v1/members/{id}/adjustments': ['admin', 'marketer'],
  'GET /v1/members/{id}/referral': ['admin', 'pos'],
  'GET /v1/members/{id}/referrals': ['admin', 'marketer', 'pos', 'readonly'],
  'GET /v1/members/{id}/message-preferences': ['admin', 'marketer', 'pos', 'readonly'],
  'PUT /v1/members/{id}/message-preferences': ['admin', 'pos'],
  'GET /v1/members/{id}/inbox': ['admin', 'marketer', 'pos', 'readonly'],
  'POST /v1/members/{id}/inbox/{messageId}/read': ['admin', 'pos'],
  'GET /v1/members/{id}/push-subscriptions': ['admin', 'marketer', 'pos', 'readonly'],
  'POST /v1/members/{id}/push-subscriptions': ['admin', 'pos'],
  'DELETE /v1/members/{id}/push-subscriptions': ['admin', 'pos'],
  'POST /v1/members/{id}/cards': ['admin', 'pos'],
  'GET /v1/cards/{number}': everyone,
  'POST /v1/cards/{number}/block': ['admin', 'pos'],
  'POST /v1/events': ['admin', 'pos'],
  'POST /v1/actions': ['admin', 'pos'],
  'GET /v1/events/feed': ['admin', 'marketer', 'readonly'],
  'POST /v1/webhooks': ['admin'],
  'GET /v1/webhooks': ['admin'],
  'PATCH /v1/webhooks/{id}': ['admin'],
  'DELETE /v1/webhooks/{id}': ['admin'],
  'GET /v1/webhooks/{id}/deliveries': ['admin'],
  'POST /v1/webhooks/{id}/replay': ['admin'],

  'POST /v1/receipts/calculate': ['admin', 'pos', 'partner'],
  'POST /v1/receipts': ['admin', 'pos', 'partner'],
  'POST /v1/receipts/batch': ['admin', 'pos', 'partner'],
  'GET /v1/receipts': everyone,
  'GET /v1/receipts/{id}': everyone,
  'POST /v1/receipts/{id}/returns': ['admin', 'pos', 'partner'],
  'POST /v1/receipts/{id}/cancel': ['admin', 'pos', 'partner'],

  'GET /v1/rules': everyone,
  'PUT /v1/rules': ['admin', 'marketer'],
  'GET /v1/rules/versions': everyone,
  'GET /v1/overview': ['admin', 'marketer', 'readonly'],
  'GET /v1/analytics/ltv': ['admin', 'marketer', 'readonly'],
  'GET /v1/analytics/rfm': ['admin', 'marketer', 'readonly'],
  'GET /v1/analytics/nps': ['admin', 'marketer', 'readonly'],
  'GET /v1/analytics/points': ['admin', 'marketer', 'readonly'],
  'GET /v1/analytics/kpis': ['admin', 'marketer', 'readonly'],
  'GET /v1/analytics/retention': ['admin', 'marketer', 'readonly'],
  'GET /v1/analytics/campaigns': ['admin', 'marketer', 'readonly'],
  'GET /v1/analytics/sources': ['admin', 'marketer', 'readonly'],
  'GET /v1/segments': ['admin', 'marketer', 'readonly'],
  'GET /v1/segments/fields': ['admin', 'marketer', 'readonly'],
  'POST /v1/segments/preview': ['admin', 'marketer', 'readonly'],
  'GET /v1/segments/{code}': ['admin', 'marketer', 'readonly'],
  'PUT /v1/segments/{code}': ['admin', 'marketer'],
  'DELETE /v1/segments/{code}': ['admin', 'marketer'],
  'POST /v1/segments/{code}/refresh': ['admin', 'marketer'],
  'PUT /v1/segments/{code}/members': ['admin', 'marketer'],
  'GET /v1/segments/{code}/members.csv': ['admin', 'marketer'],
  'GET /v1/rules/versions/{version}': everyone,
  'GET /v1/rules/catalogue': everyone,
  'POST /v1/rules/simulate': ['admin', 'marketer', 'readonly'],
  'POST /v1/rules/backtest': ['admin', 'marketer'],
  'GET /v1/campaigns': everyone,
  'GET /v1/campaigns/{code}': everyone,
  'PUT /v1/campaigns/{code}': ['admin', 'marketer'],
  'DELETE /v1/campaigns/{code}': ['admin', 'marketer'],
  'GET /v1/categories': everyone,
  'PUT /v1/categories/{code}': ['admin', 'marketer'],

  'POST /v1/coupons/batches': ['admin', 'marketer'],
  'GET /v1/coupons': ['admin', 'marketer'],
  'GET /v1/coupons/batches': ['admin', 'marketer'],
  'GET /v1/coupons/export.csv': ['admin', 'marketer'],
  'GET /v1/coupons/{code}': ['admin', 'marketer', 'pos', 'readonly'],

  'GET /v1/audit': ['admin', 'marketer', 'readonly'],

  'GET /v1/keys': ['admin'],
  'POST /v1/keys': ['admin'],
  'DELETE /v1/keys/{id}': ['admin'],
  'GET /v1/staff': ['admin'],
  'POST /v1/staff': ['admin'],
};

/** Path parameters that look real; the records need not exist (a 404 is not a 403). */
const params: Record<string, string> = { id: 'none_01', code: 'none', number: '77700000000000000', name: 'activation' };
const queries: Record<string, string> = { 'GET /v1/members': '?cardNumber=77700000000000000', 'GET /v1/coupons/export.csv': '?batch=none', 'GET /v1/members/search': '?name=nobody' };
const sale = receipt('ROLES-1', [line('MILK', 10_000)]);
/** Bodies a caller of each operation would plausibly send; any other gets `{}`. */
const bodies: Record<string, unknown> = {
  'PATCH /v1/program/settings': { pendingDays: 14 },
  'PUT /v1/stores/{code}': { name: 'Store', city: null, channel: 'till' },
  'PUT /v1/partners/{code}': { name: 'Partner' },
  'POST /v1/members': { name: 'Роль Ролевая' },
  'PATCH /v1/members/{id}': { email: 'roles@example.ru' },
  'PUT /v1/members/{id}/message-preferences': { mutedTopics: [], weeklyMax: null },
  'PUT /v1/messaging/channels/push': { subject: 'mailto:roles@example.ru' },
  'POST /v1/members/{id}/adjustments': { points: 10, reason: 'roles' },
  'POST /v1/members/{id}/cards': {},
  'POST /v1/cards/{number}/block': { reason: 'lost' },
  'POST /v1/events': { id: 'ev-1', memberId: 'none_01', type: 'review' },
  'POST /v1/actions': { id: 'ev-1', memberId: 'none_01', type: 'review' },
  'POST /v1/webhooks': { url: 'ftp://example.org' },
  'PATCH /v1/webhooks/{id}': { enabled: false },
  'POST /v1/webhooks/{id}/replay': { from: 1, to: 1 },
  'POST /v1/receipts/calculate': sale,
  'POST /v1/receipts': sale,
  'POST /v1/receipts/batch': { receipts: [sale] },
  'POST /v1/receipts/{id}/returns': { lines: [{ lineNo: 1, quantity: 1 }] },
  'PUT /v1/rules': { campaigns: [] },
  'POST /v1/rules/simulate': { receipt: sale },
  'POST /v1/rules/backtest': { rules: { campaigns: [] }, from: '2026-01-01T00:00:00Z', to: '2026-01-02T00:00:00Z' },
  'PUT /v1/campaigns/{code}': { name: 'Roles', effects: [{ code: 'points_fixed', args: { points: 1 } }] },
  'PUT /v1/categories/{code}': { name: 'Category' },
  'POST /v1/coupons/batches': { campaign: 'none', count: 1 },
  'POST /v1/keys': { name: 'made by the roles test', role: 'pos' },
  'POST /v1/staff': { email: `roles.${Date.now()}@shop.test`, name: 'Roles', role: 'analyst' },
};

let db: Db;
let p: Programme;
let operations: string[];

beforeAll(async () => {
  db = await openTestDb();
  p = await newProgramme(db);
  const doc = (await (await p.app.request('/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
  const methods = new Set(['get', 'put', 'post', 'patch', 'delete']);
  // The operations a key calls (staff sign-in under /session takes none).
  operations = Object.entries(doc.paths).filter(([path]) => path.startsWith('/v1/')).flatMap(([path, item]) => Object.keys(item).filter((m) => methods.has(m)).map((m) => `${m.toUpperCase()} ${path}`));
});
afterAll(() => db.close());

/** Rows a refused request must leave as they were. */
const written = async () =>
  (
    await db.query(
      `select (select count(*) from members where program_id = $1) as members, (select count(*) from receipts where program_id = $1) as receipts,
         (select count(*) from audit_log where program_id = $1) as audit, (select count(*) from api_keys where program_id = $1) as keys,
         (select count(*) from program_settings where program_id = $1) as settings, (select count(*) from idempotency_keys where program_id = $1) as idempotency`,
      [p.programId],
    )
  )[0];

const send = (operation: string, role: Role) => {
  const [method, template] = operation.split(' ') as [string, string];
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? 'x') + (queries[operation] ?? '');
  const body = method === 'GET' || method === 'DELETE' ? undefined : (bodies[operation] ?? {});
  return p.call(method, path, body, { role });
};

describe('the role matrix', () => {
  it('names every operation of the OpenAPI document, and only those', () => {
    expect([...operations].sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(roles)('is kept for every operation sent by a %s key', async (role) => {
    const seen: Record<string, string> = {};
    const wanted: Record<string, string> = {};
    for (const operation of operations) {
      const allowed = (expected[operation] ?? []).includes(role);
      const before = allowed ? null : await written();
      const res = await send(operation, role);
      expect(res.status, `${operation} as ${role}: ${JSON.stringify(res.body)}`).toBeLessThan(500);
      if (allowed) {
        seen[operation] = res.status === 403 ? 'refused' : 'let through';
        wanted[operation] = 'let through';
        continue;
      }
      seen[operation] = res.status === 403 && res.body?.code === 'forbidden' && res.contentType.startsWith('application/problem+json') ? 'refused' : `${res.status}`;
      wanted[operation] = 'refused';
      expect(res.body.detail, operation).toMatch(new RegExp(`^a ${role} key may not `));
      expect(await written(), `${operation} as ${role} wrote nothing`).toEqual(before);
    }
    expect(seen).toEqual(wanted);
  });
});

describe("the README's Roles table", () => {
  it('grants what src/domain/access.ts grants, permission by permission', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const rows = [...readme.matchAll(/^\| `([a-z:]+)` \|[^|]*\|(.*)\|$/gm)].map(([, permission, cells]) => [
      permission,
      (cells as string).split('|').map((cell, i) => (cell.trim() ? roles[i] : null)).filter(Boolean),
    ]);
    const granted = Object.entries(matrix).map(([permission, { holders }]) => [
      permission,
      roles.filter((role) => (holders as readonly string[]).some((holder) => holder === role || holder.startsWith(`${role}+`))),
    ]);
    expect(Object.fromEntries(rows)).toEqual(Object.fromEntries(granted));
  });
});
