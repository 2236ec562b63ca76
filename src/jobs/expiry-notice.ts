import type { Deps } from '../flows/deps.ts';
import { newEvent } from '../store/events.ts';
import { dueExpiryNotices, noticeExpiries } from '../store/expiry-notices.ts';
import type { JobReport } from './jobs.ts';

const BATCH = 1000;

/**
 * Tells members, once per lot, that its points expire within the programme's `expiryNoticeDays`: a
 * `points.expiring` event each, for messages and webhooks to act on. A lot is taken under its row lock and marked
 * in the same transaction as its event, so two copies of the job never tell twice.
 */
export async function noticeExpiringPoints(deps: Deps, onlyProgram: string | null): Promise<JobReport> {
  const report: JobReport = { job: 'expiry-notice', members: 0, changed: 0 };
  for (;;) {
    const now = deps.now();
    const told = await deps.db.transaction(async (tx) => {
      const due = await dueExpiryNotices(tx, now, onlyProgram, BATCH);
      const events = due.map((lot) => ({
        programId: lot.programId,
        event: newEvent('points.expiring', now, { memberId: lot.memberId, lotId: lot.lotId, points: lot.points, expiresAt: lot.expiresAt.toISOString() }),
      }));
      await noticeExpiries(tx, due, events, now);
      return due;
    });
    report.members += new Set(told.map((l) => `${l.programId}/${l.memberId}`)).size;
    report.changed += told.length;
    if (told.length < BATCH) return report;
  }
}
