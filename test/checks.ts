import { expect } from 'vitest';
import { luhnCheckDigit } from '../src/domain/cards.ts';
import type { Programme } from './harness.ts';

type Response = Awaited<ReturnType<Programme['call']>>;

/** An RFC 9457 problem with the given status and stable code, whose detail names the problem. */
export function expectProblem(res: Response, status: number, code: string, detail: RegExp) {
  expect({ status: res.status, code: res.body?.code }).toEqual({ status, code });
  expect(res.contentType).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ status, code, type: expect.stringContaining(code), title: expect.any(String) });
  expect(res.body.detail).toMatch(detail);
}

const tables = ['members', 'cards', 'receipts', 'receipt_lines', 'returns', 'journal_entries', 'postings', 'lots', 'idempotency_keys', 'tier_changes', 'program_settings', 'events', 'member_months', 'consent_records'] as const;

/** How many rows the programme has in every table a request could write; a refused request leaves it unchanged. */
export async function footprint(p: Programme): Promise<Record<(typeof tables)[number], number>> {
  const counts = {} as Record<(typeof tables)[number], number>;
  for (const table of tables) {
    const [row] = await p.deps.db.query<{ n: number }>(`select count(*)::int as n from ${table} where program_id = $1`, [p.programId]);
    counts[table] = Number(row?.n ?? 0);
  }
  return counts;
}

/** The ledger is the truth: the member's cached balances equal the sum of their postings. */
export async function expectLedgerAgrees(p: Programme, memberId: string) {
  const [row] = await p.deps.db.query<{ available: number; pending: number; cached_available: number; cached_pending: number }>(
    `select coalesce(sum(amount) filter (where account = 'member:available'), 0)::int as available,
       coalesce(sum(amount) filter (where account = 'member:pending'), 0)::int as pending,
       (select points_available from members where program_id = $1 and id = $2)::int as cached_available,
       (select points_pending from members where program_id = $1 and id = $2)::int as cached_pending
     from postings where program_id = $1 and member_id = $2`,
    [p.programId, memberId],
  );
  expect({ available: row?.cached_available, pending: row?.cached_pending }).toEqual({ available: row?.available, pending: row?.pending });
}

/** A card number with a valid Luhn check digit, made from the given body digits. */
export const validCardNumber = (body: string): string => body + luhnCheckDigit(body);

/**
 * Sends a request that must be refused, and checks the problem and that nothing was written:
 * the programme's row counts and whatever `observe` reads (balances, a receipt) are the same afterwards.
 */
export async function expectRefused(
  p: Programme,
  send: () => Promise<Response>,
  problem: { status: number; code: string; detail: RegExp },
  observe: () => Promise<unknown> = async () => null,
): Promise<Response> {
  const before = { rows: await footprint(p), seen: await observe() };
  const res = await send();
  expectProblem(res, problem.status, problem.code, problem.detail);
  expect({ rows: await footprint(p), seen: await observe() }).toEqual(before);
  return res;
}
