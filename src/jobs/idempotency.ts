import type { Deps } from '../flows/deps.ts';
import type { JobReport } from './jobs.ts';

/** How long a stored answer to an Idempotency-Key is kept: far past any till's retries, not forever (they hold personal data). */
export const IDEMPOTENCY_RETENTION_DAYS = 30;

const CHUNK = 5_000;

/** Deletes stored answers to Idempotency-Keys older than the retention, a chunk per statement so no lock is held long. */
export async function pruneIdempotencyKeys(deps: Deps, onlyProgram: string | null): Promise<JobReport> {
  const before = new Date(deps.now().getTime() - IDEMPOTENCY_RETENTION_DAYS * 86_400_000);
  const report: JobReport = { job: 'idempotency', members: 0, changed: 0 };
  for (;;) {
    const deleted = await deps.db.query(
      `delete from idempotency_keys where (program_id, key) in (
         select program_id, key from idempotency_keys where created_at < $1 and ($2::program is null or program_id = $2) limit ${CHUNK})
       returning 1`,
      [before, onlyProgram],
    );
    report.changed += deleted.length;
    if (deleted.length < CHUNK) return report;
  }
}
