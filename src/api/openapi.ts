import { z } from '@hono/zod-openapi';
import { problemSchema } from './schemas.ts';

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});

/** An answer described by a component registered as JSON Schema (e.g. the rule set's, see rule-schemas.ts). */
export const jsonSchemaOf = (schema: { $ref: string } | Record<string, unknown>, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});

export const body = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});

const problemResponse = (description: string) => ({ content: { 'application/problem+json': { schema: problemSchema } }, description });

/** The problem responses every authenticated route can give. */
export const problems = {
  400: problemResponse('malformed JSON or a field that fails validation'),
  401: problemResponse('no or unknown API key'),
  403: problemResponse('the key’s role may not do this'),
  404: problemResponse('a member, card, store or receipt that does not exist in this programme'),
  409: problemResponse('conflicts with an earlier request or an existing record'),
  413: problemResponse('the body is larger than the limit (1 MB; 8 MB for a batch)'),
  422: problemResponse('valid request the programme refuses (e.g. insufficient_points)'),
  429: problemResponse('heavy work (a backtest, an export) of this programme is already running; see Retry-After'),
  503: problemResponse('the database is unavailable, or the programme is still loading its history; see Retry-After'),
};

/** An API key, or a signed-in staff member's session cookie (the console). */
export const security: Record<string, string[]>[] = [{ bearer: [] }, { session: [] }];
