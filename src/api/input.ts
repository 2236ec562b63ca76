import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { problem } from './problems.ts';

export interface InputLimits {
  /** Largest request body in bytes (default 1 MB). */
  maxBodyBytes: number;
  /** Largest body of `POST /v1/receipts/batch` (default 8 MB). */
  maxBatchBytes: number;
}

export const defaultInputLimits: InputLimits = { maxBodyBytes: 1 << 20, maxBatchBytes: 8 << 20 };

/** Deeper than any body the API describes; a deeper one is refused before anything walks it recursively. */
export const MAX_DEPTH = 32;

/**
 * The one input rule every request meets before its route sees it: a bounded body (413 before it is buffered),
 * and text the database can store — no NUL, no lone UTF-16 surrogate, no number JSON rounds to infinity, no
 * nesting deeper than `MAX_DEPTH` — in the body and the query string alike, refused with 400 naming the field.
 */
export function boundedInput(limits: InputLimits = defaultInputLimits): MiddlewareHandler {
  const tooLarge = (max: number) => (c: Context) =>
    problem(c, 'payload_too_large', `the body is larger than ${max} bytes`, { maxBytes: max });
  const body = bodyLimit({ maxSize: limits.maxBodyBytes, onError: tooLarge(limits.maxBodyBytes) });
  const batch = bodyLimit({ maxSize: limits.maxBatchBytes, onError: tooLarge(limits.maxBatchBytes) });
  return async (c, next) => {
    for (const [name, values] of Object.entries(c.req.queries())) {
      const fault = values.map((v) => textFault(v)).find(Boolean) ?? textFault(name);
      if (fault) return problem(c, 'validation_failed', `${name}: ${fault}`, { errors: [{ path: name, message: fault }] });
    }
    // Lists: a batch of receipts, a segment's members.
    const limit = c.req.path === '/v1/receipts/batch' || /^\/v1\/segments\/[^/]+\/members$/.test(c.req.path) ? batch : body;
    return limit(c, async () => {
      const refusal = await bodyFault(c);
      if (refusal) return problem(c, 'validation_failed', `${refusal.path || 'body'}: ${refusal.message}`, { errors: [refusal] });
      await next();
    });
  };
}

async function bodyFault(c: Context): Promise<{ path: string; message: string } | null> {
  if (!c.req.raw.body || !/^application\/([a-z.+-]*\+)?json/i.test(c.req.header('content-type') ?? '')) return null;
  const text = await c.req.text();
  if (!mayHoldFault(text)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null; // the route's validator answers malformed_json
  }
  return valueFault(parsed);
}

/**
 * Whether a JSON text may hold a value the rule refuses. Most bodies cannot, and are let through without being
 * parsed twice (the route parses them). In JSON text a NUL or a lone surrogate can only be a \\u escape (a raw
 * control character is malformed, and decoded UTF-8 holds no lone surrogate); a number rounds to infinity only
 * with an exponent or some 309 digits; nesting is counted outside strings. True may be a false alarm.
 */
export function mayHoldFault(text: string): boolean {
  if (/\\u(?:0000|d[89a-f])/i.test(text)) return true;
  let depth = 0;
  let digits = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
      continue;
    }
    if (c >= ZERO && c <= NINE) {
      if (++digits >= 300) return true;
      continue;
    }
    if ((c === LOWER_E || c === UPPER_E) && digits > 0) return true;
    digits = 0;
    if (c === QUOTE) inString = true;
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth >= MAX_DEPTH) return true;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) depth--;
  }
  return false;
}
const code = (c: string) => c.charCodeAt(0);
const [BACKSLASH, QUOTE, OPEN_BRACE, OPEN_BRACKET, CLOSE_BRACE, CLOSE_BRACKET] = [code('\\'), code('"'), code('{'), code('['), code('}'), code(']')];
const [ZERO, NINE, LOWER_E, UPPER_E] = [code('0'), code('9'), code('e'), code('E')];

/** The first value a request may not carry, with its path; null when every part is acceptable. */
export function valueFault(value: unknown): { path: string; message: string } | null {
  const fault = faultIn(value, 0);
  return fault && { path: fault.path.reverse().join('.'), message: fault.message };
}

// The walk allocates nothing until it finds a fault (a 1 MB batch is walked in a few milliseconds); the path is
// built on the way back out, innermost key first.
function faultIn(value: unknown, depth: number): { path: (string | number)[]; message: string } | null {
  if (typeof value === 'string') {
    const fault = textFault(value);
    return fault ? { path: [], message: fault } : null;
  }
  if (typeof value === 'number') return Number.isFinite(value) ? null : { path: [], message: 'a number too large to represent' };
  if (value === null || typeof value !== 'object') return null;
  if (depth >= MAX_DEPTH) return { path: [], message: `nested deeper than ${MAX_DEPTH} levels` };
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const fault = faultIn(value[i], depth + 1);
      if (fault) {
        fault.path.push(i);
        return fault;
      }
    }
    return null;
  }
  for (const key in value) {
    const keyFault = textFault(key);
    const fault = keyFault ? { path: [], message: `the key: ${keyFault}` } : faultIn((value as Record<string, unknown>)[key], depth + 1);
    if (fault) {
      fault.path.push(key);
      return fault;
    }
  }
  return null;
}

/** Why a text cannot be stored as it is, or null. PostgreSQL refuses NUL in text and lone surrogates in jsonb. */
export function textFault(text: string): string | null {
  if (text.includes('\u0000')) return 'text must not contain the NUL character (\\u0000)';
  if (!text.isWellFormed()) return 'text must be well-formed Unicode (a lone surrogate such as \\ud800 is not)';
  return null;
}
