import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { roles, type Role } from '../../domain/access.ts';
import type { Deps } from '../../flows/deps.ts';
import { issueKey, revokeKey } from '../../flows/keys.ts';
import { listApiKeys, type KeyView } from '../../store/keys.ts';
import { allow, forgetKey, type Env } from '../auth.ts';
import { body, json, problems, security } from '../openapi.ts';
import { failure } from '../problems.ts';
import { codeString } from '../schemas.ts';

const key = z
  .object({
    id: z.string(),
    name: z.string(),
    role: z.enum(roles as [Role, ...Role[]]),
    pii: z.boolean().describe("a readonly key that sees members' personal data"),
    partner: z.string().nullable().describe('the partner a partner key belongs to'),
    createdAt: z.string(),
    revokedAt: z.string().nullable(),
  })
  .openapi('ApiKey');

const keyInput = z
  .object({
    name: z.string().trim().min(1).max(100).describe('who or what uses the key, e.g. "till 7"'),
    role: z.enum(roles as [Role, ...Role[]]),
    pii: z.boolean().default(false).describe("readonly keys only: let the key see members' personal data"),
    partner: codeString.optional().describe('partner keys only (and required for them): the partner whose stores the key sells at'),
  })
  .strict()
  .openapi('ApiKeyInput');

const view = (k: KeyView) => ({ ...k, createdAt: k.createdAt.toISOString(), revokedAt: k.revokedAt?.toISOString() ?? null });

/** The programme's API keys: list, issue, revoke (admin keys only; never the secret, except once when issued). */
export function keyRoutes(deps: Deps) {
  const app = new OpenAPIHono<Env>();
  const tags = ['Keys'];

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/keys', operationId: 'listKeys', tags, security, middleware: [allow('keys')] as const,
      summary: "The programme's API keys, oldest first: name, role, grants, when created and revoked (never the secret)",
      responses: { 200: json(z.object({ items: z.array(key) }), 'the keys'), ...problems },
    }),
    async (c) => c.json({ items: (await listApiKeys(deps.db, c.get('key').programId)).map(view) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/keys', operationId: 'createKey', tags, security, middleware: [allow('keys')] as const,
      summary: 'Issue a key of this programme; the secret is in this answer only and stored hashed',
      request: body(keyInput),
      responses: { 201: json(key.extend({ secret: z.string().describe('shown once') }), 'the new key and its secret'), ...problems },
    }),
    async (c) => {
      const result = await issueKey(deps, c.get('key').programId, c.req.valid('json'), c.get('key'));
      return result.ok ? c.json({ ...view(result.value), secret: result.value.secret }, 201) : failure(c, result);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete', path: '/v1/keys/{id}', operationId: 'revokeKey', tags, security, middleware: [allow('keys')] as const,
      summary:
        "Revoke a key: refused at once by this server, within 10 seconds by others. The key in use may revoke itself; the programme's last admin key may not",
      request: { params: z.object({ id: z.string().max(64) }) },
      responses: { 200: json(key, 'the revoked key'), ...problems },
    }),
    async (c) => {
      const result = await revokeKey(deps, c.get('key').programId, c.req.valid('param').id, c.get('key'), { keepLastAdmin: true });
      if (!result.ok) return failure(c, result);
      forgetKey(deps.db, result.value.id);
      const { programId: _p, ...revoked } = result.value;
      return c.json(view(revoked), 200);
    },
  );

  return app;
}
