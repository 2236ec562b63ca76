import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { recordAction } from '../../flows/actions.ts';
import { referralsFor } from '../../flows/personal-data.ts';
import type { Deps } from '../../flows/deps.ts';
import { referralCode, referralTree } from '../../flows/referrals.ts';
import { findMember } from '../../store/members.ts';
import { allow, type Env } from '../auth.ts';
import { body, json, problems, security } from '../openapi.ts';
import { failure, problem } from '../problems.ts';
import { appliedCampaign, codeString, instant, skippedCampaign } from '../schemas.ts';

const actionInput = z
  .object({
    id: z.string().trim().min(1).max(128).describe('your id of the event: a retry with the same id has one effect'),
    memberId: z.string().min(1).max(64),
    type: codeString.describe('registration, review, survey, social_repost, sport_goal... or a type the programme defines'),
    occurredAt: instant.optional(),
    attributes: z
      .record(z.string(), z.union([z.string().max(1000), z.number(), z.boolean()]))
      .optional()
      .describe('free attributes; a survey carries `score` (0–10, for NPS) and may carry `storeCode`'),
  })
  .refine((a) => a.type !== 'survey' || a.attributes?.score === undefined || [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10].includes(a.attributes.score as number), {
    message: 'a survey score is a whole number from 0 to 10',
    path: ['attributes', 'score'],
  })
  .openapi('Action');
const actionResult = z
  .object({
    id: z.string(),
    memberId: z.string(),
    type: z.string(),
    occurredAt: z.string(),
    rulesVersion: z.number().int(),
    points: z.number().int(),
    campaigns: z.array(appliedCampaign),
    skippedCampaigns: z.array(skippedCampaign),
    couponsIssued: z.array(z.object({ code: z.string(), campaign: z.string(), validTo: z.string() })),
    tierChange: z.object({ from: z.string().nullable(), to: z.string() }).nullable(),
    balance: z.record(z.string(), z.unknown()).nullable(),
  })
  .openapi('ActionResult');
const memberId = z.object({ id: z.string().max(64) });

export function actionRoutes(deps: Deps) {
  const app = new OpenAPIHono<Env>();

  // Actions were first posted to /v1/events; that path stays, now that events name what the programme tells the world.
  for (const path of ['/v1/actions', '/v1/events'] as const)
    app.openapi(
      createRoute({
        method: 'post', path, tags: ['Actions'], security, middleware: [allow('events')] as const,
        operationId: path === '/v1/events' ? 'recordActionAtFormerPath' : 'recordAction',
        ...(path === '/v1/events' ? { deprecated: true, summary: 'The former path of POST /v1/actions; it works as that does' } : {
          summary: 'A member did something worth points (a review, a survey, a sport goal...): priced by the campaigns, idempotent by id',
        }),
        request: body(actionInput),
        responses: { 200: json(actionResult, 'what the action earned'), ...problems },
      }),
      async (c) => {
        const input = c.req.valid('json');
        const result = await recordAction(deps, c.get('key').programId, { ...input, occurredAt: input.occurredAt ? new Date(input.occurredAt) : undefined });
        return result.ok ? c.json(result.value as never, 200) : failure(c, result);
      },
    );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/members/{id}/referral', operationId: 'getReferralCode', tags: ['Referrals'], security, middleware: [allow('members:edit')] as const,
      summary: "The member's referral code (made on first request) to share with friends",
      request: { params: memberId },
      responses: { 200: json(z.object({ code: z.string() }), 'the code'), ...problems },
    }),
    async (c) => {
      const result = await referralCode(deps, c.get('key').programId, c.req.valid('param').id);
      return result.ok ? c.json(result.value, 200) : failure(c, result);
    },
  );

  const referral = z
    .object({
      memberId: z.string(),
      name: z.string().nullable().describe("null for a key that may not see members' personal data"),
      status: z.enum(['pending', 'qualified', 'rewarded', 'rejected']),
      reason: z.string().nullable(),
      joinedAt: z.string(),
      referrals: z.array(z.record(z.string(), z.unknown())).describe('whom this member referred in turn: the same shape, a level deeper'),
    })
    .openapi('Referral');
  app.openapi(
    createRoute({
      method: 'get', path: '/v1/members/{id}/referrals', operationId: 'listReferrals', tags: ['Referrals'], security, middleware: [allow('members:read')] as const,
      summary: 'Whom the member referred, with the status of each reward, five levels deep',
      request: { params: memberId },
      responses: { 200: json(z.object({ items: z.array(referral) }), 'the referral tree'), ...problems },
    }),
    async (c) => {
      const key = c.get('key');
      const { id } = c.req.valid('param');
      if (!(await findMember(deps.db, key.programId, { id }))) return problem(c, 'member_not_found', `no member ${id}`);
      return c.json({ items: referralsFor(key, await referralTree(deps.db, key.programId, id)) } as never, 200);
    },
  );

  return app;
}
