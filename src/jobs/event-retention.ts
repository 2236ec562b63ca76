import type { Deps } from '../flows/deps.ts';
import type { JobReport } from './jobs.ts';

/**
 * How long events stay in the feed and deliveries in the webhook log: the ledger, receipts and audit records are
 * the lasting record; events are how the world hears of them, and a consumer more than this far behind replays
 * from those instead.
 */
export const EVENT_RETENTION_DAYS = 30;

const CHUNK = 5_000;

/**
 * Trims each programme's feed from its oldest end: events older than the retention leave it, but never one a
 * webhook has still to queue or deliver, so the feed stays a run of positions without holes. Delivery records
 * older than the retention go too, except those still pending. A chunk per statement, so no lock is held long;
 * then the space is made free for the next days' events (PGlite has no autovacuum to do it).
 */
export async function pruneEvents(deps: Deps, onlyProgram: string | null): Promise<JobReport> {
  const before = new Date(deps.now().getTime() - EVENT_RETENTION_DAYS * 86_400_000);
  const report: JobReport = { job: 'event-retention', members: 0, changed: 0 };
  let deliveries = 0;
  const programmes = await deps.db.query<{ id: string }>('select id from programs where $1::program is null or id = $1 order by id', [onlyProgram]);
  for (const { id } of programmes) {
    // The first position to keep: the oldest young event, the first a webhook has not queued, the oldest still
    // pending; past the last position given when none of them is.
    const [edge] = await deps.db.query<{ oldest: string | null; keep: string | null }>(
      `select (select min(seq) from events where program_id = $1) as oldest, least(
         (select seq from events where program_id = $1 and seq is not null and occurred_at >= $2 order by seq limit 1),
         (select min(fanned_to) + 1 from webhooks where program_id = $1 and enabled),
         (select min(event_seq) from webhook_deliveries where program_id = $1 and status = 'pending'),
         (select seq + 1 from event_cursors where program_id = $1)) as keep`,
      [id, before],
    );
    if (edge?.oldest == null || edge.keep == null) continue;
    for (let from = Number(edge.oldest); from < Number(edge.keep); from += CHUNK) {
      const deleted = await deps.db.query('delete from events where program_id = $1 and seq >= $2 and seq < $3 returning 1', [
        id,
        from,
        Math.min(from + CHUNK, Number(edge.keep)),
      ]);
      report.changed += deleted.length;
    }
    for (;;) {
      const deleted = await deps.db.query(
        `delete from webhook_deliveries where (program_id, webhook_id, event_id) in (
           select program_id, webhook_id, event_id from webhook_deliveries
           where program_id = $1 and status <> 'pending' and queued_at < $2 limit ${CHUNK})
         returning 1`,
        [id, before],
      );
      deliveries += deleted.length;
      if (deleted.length < CHUNK) break;
    }
  }
  if (report.changed > 0) await deps.db.query('vacuum events');
  if (deliveries > 0) await deps.db.query('vacuum webhook_deliveries');
  return report;
}
