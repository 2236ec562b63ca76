import type { Db } from '../store/db.ts';

/**
 * Why the database does not answer a trivial query within a second, or null when it does. The embedded database
 * lives in this process: while the process answers, so does it (and a query would wait behind the heavy work).
 */
export async function databaseDown(db: Db, timeoutMs = 1_000): Promise<string | null> {
  if (db.engine === 'pglite') return null;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<string>((resolve) => (timer = setTimeout(() => resolve(`no answer within ${timeoutMs} ms`), timeoutMs)));
  try {
    return await Promise.race([db.query('select 1').then(() => null), late]);
  } catch (error) {
    return (error as Error).message;
  } finally {
    clearTimeout(timer);
  }
}
