import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { staffRoles, type StaffRole } from '../../domain/staff.ts';
import type { Deps } from '../../flows/deps.ts';
import { createStaff } from '../../flows/staff.ts';
import { listStaff, type Staff } from '../../store/staff.ts';
import { allow, type Env } from '../auth.ts';
import { body, json, problems, security } from '../openapi.ts';
import { failure } from '../problems.ts';

const role = z.enum(staffRoles as [StaffRole, ...StaffRole[]]).describe('owner, marketer, support (a till’s grants) or analyst (reads)');
const member = z.object({ id: z.string(), email: z.string(), name: z.string(), role, createdAt: z.string() }).openapi('StaffMember');
const staffInput = z
  .object({
    email: z.string().trim().pipe(z.email().max(254)).describe('what they sign in with; one account per e-mail in the installation'),
    name: z.string().trim().min(1).max(100),
    role,
  })
  .strict()
  .openapi('StaffInput');

const view = (s: Staff) => ({ id: s.id, email: s.email, name: s.name, role: s.role, createdAt: s.createdAt.toISOString() });

/** The programme's staff accounts: list, and create one with a one-time password shown once. */
export function staffRoutes(deps: Deps) {
  const app = new OpenAPIHono<Env>();
  const tags = ['Staff'];

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/staff', operationId: 'listStaff', tags, security, middleware: [allow('staff')] as const,
      summary: "The programme's staff accounts, oldest first (never a password)",
      responses: { 200: json(z.object({ items: z.array(member) }), 'the accounts'), ...problems },
    }),
    async (c) => c.json({ items: (await listStaff(deps.db, c.get('key').programId)).map(view) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/staff', operationId: 'createStaff', tags, security, middleware: [allow('staff')] as const,
      summary: 'Create a staff account of this programme; its one-time password is in this answer only',
      request: body(staffInput),
      responses: { 201: json(member.extend({ password: z.string().describe('one-time: shown once, to be changed at first sign-in') }), 'the account'), ...problems },
    }),
    async (c) => {
      const created = await createStaff(deps, c.get('key').programId, c.req.valid('json'), c.get('key'));
      return created.ok ? c.json({ ...view(created.value), password: created.value.password as string }, 201) : failure(c, created);
    },
  );
  return app;
}
