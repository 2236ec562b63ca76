import type { MiddlewareHandler } from 'hono';
import type { Db } from '../store/db.ts';
import { isLoading } from '../store/programs.ts';
import type { Env } from './auth.ts';
import { problem } from './problems.ts';

/** Requests that price or replay without writing: a loading programme answers them as any other. */
const readsByPost = new Set(['/v1/receipts/calculate', '/v1/rules/simulate', '/v1/rules/backtest']);

/**
 * A programme loading its history (the demo) answers reads, and refuses writes by its keys with 503 and
 * `Retry-After` until the history is in: a live change meanwhile would make the history depend on it.
 */
export function refuseWritesWhileLoading(db: Db): MiddlewareHandler<Env> {
  // A programme loads its history only right after it is created, so one found open stays open.
  const open = new Set<string>();
  const loading = async (programId: string) => {
    if (open.has(programId)) return false;
    if (await isLoading(db, programId)) return true;
    if (open.size > 10_000) open.clear();
    open.add(programId);
    return false;
  };
  return async (c, next) => {
    if (['GET', 'HEAD', 'OPTIONS'].includes(c.req.method) || readsByPost.has(c.req.path)) return next();
    if (!(await loading(c.get('key').programId))) return next();
    c.header('retry-after', '30');
    return problem(c, 'programme_loading', 'the programme is still loading its history; reads work now, writes once it is in');
  };
}
