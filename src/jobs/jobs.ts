import { dailyJobs, intervalJobs, type ScheduledJob } from '../domain/schedule.ts';
import { settleLots } from '../flows/lots.ts';
import { reviewTier, tierWindow } from '../flows/tiers.ts';
import { tierMove } from '../domain/tiers.ts';
import type { Deps } from '../flows/deps.ts';
import { ok } from '../flows/outcome.ts';
import { inTransaction } from '../flows/transaction.ts';
import { findMember, qualifyingValues } from '../store/members.ts';
import { loadSettings, notLoading } from '../store/programs.ts';
import { runBirthdays } from './birthdays.ts';
import { sumDailyTotals, sumDaysSoFar } from './daily-totals.ts';
import { followSegments, refreshAllSegments } from './segments.ts';
import { noticeExpiringPoints } from './expiry-notice.ts';
import { pruneEvents } from './event-retention.ts';
import { pruneIdempotencyKeys } from './idempotency.ts';
import { payReferrers } from '../flows/referrals.ts';

export type JobName = ScheduledJob;
export const jobNames: readonly JobName[] = [...intervalJobs, ...dailyJobs];

export interface JobReport {
  job: JobName;
  members: number;
  changed: number;
}

const BATCH = 500;

const dueMembers: Record<Exclude<JobName, 'tier-review' | 'birthdays' | 'referrals' | 'idempotency' | 'event-retention' | 'expiry-notice' | 'day-sums' | 'daily-totals' | 'segments' | 'segment-refresh'>, string> = {
  activation: `select distinct program_id, member_id from lots
    where state = 'pending' and remaining > 0 and activates_at <= $1 and ($2::program is null or (program_id, member_id) > ($2, $3))
      and ($4::program is null and ${notLoading('program_id')} or program_id = $4)
    order by program_id, member_id limit ${BATCH}`,
  expiry: `select distinct program_id, member_id from lots
    where state = 'active' and remaining > 0 and expires_at <= $1 and ($2::program is null or (program_id, member_id) > ($2, $3))
      and ($4::program is null and ${notLoading('program_id')} or program_id = $4)
    order by program_id, member_id limit ${BATCH}`,
};

/**
 * Runs a job over every member it concerns: of one programme (`onlyProgram`, an API key's), else of all but those
 * loading their history (the demo loader runs their jobs itself, on the history's clock).
 * Each member is settled in its own transaction under the member's
 * lock and re-read there, so running a job twice, or two copies at once, changes nothing twice.
 */
export async function runJob(deps: Deps, job: JobName, onlyProgram: string | null = null): Promise<JobReport> {
  if (job === 'birthdays') return runBirthdays(deps, onlyProgram);
  if (job === 'referrals') return payReferrers(deps, onlyProgram);
  if (job === 'idempotency') return pruneIdempotencyKeys(deps, onlyProgram);
  if (job === 'event-retention') return pruneEvents(deps, onlyProgram);
  if (job === 'expiry-notice') return noticeExpiringPoints(deps, onlyProgram);
  if (job === 'day-sums') return sumDaysSoFar(deps, onlyProgram);
  if (job === 'daily-totals') return sumDailyTotals(deps, onlyProgram);
  if (job === 'segments') return followSegments(deps, onlyProgram);
  if (job === 'segment-refresh') return refreshAllSegments(deps, onlyProgram);
  const now = deps.now();
  const report: JobReport = { job, members: 0, changed: 0 };
  // From the first programme on: a programme is a label, and no label comes before them all.
  let cursor: (string | null)[] = [null, ''];
  for (;;) {
    const batch =
      job === 'tier-review'
        ? await deps.db.query<{ program_id: string; member_id: string }>(
            `select program_id, id as member_id, tier_code from members where ($1::program is null or (program_id, id) > ($1, $2))
               and ($3::program is null and ${notLoading('program_id')} or program_id = $3)
             order by program_id, id limit ${BATCH}`,
            [...cursor, onlyProgram],
          )
        : await deps.db.query<{ program_id: string; member_id: string }>(dueMembers[job], [now, ...cursor, onlyProgram]);
    if (batch.length === 0) return report;
    const last = batch[batch.length - 1] as { program_id: string; member_id: string };
    cursor = [last.program_id, last.member_id];
    // The review reads the whole batch's qualifying values at once and opens a transaction only for a member
    // whose tier would change (re-checked there under the member's lock).
    const concerned = job === 'tier-review' ? await tierCandidates(deps, batch, now) : batch;
    report.members += batch.length - concerned.length;
    for (const { program_id: programId, member_id: memberId } of concerned) {
      const changed = await inTransaction(deps.db, async (tx) => {
        const member = await findMember(tx, programId, { id: memberId }, true);
        if (!member) return ok(false);
        if (job === 'tier-review') {
          const { settings } = await loadSettings(tx, programId);
          return ok((await reviewTier(tx, programId, settings, member, now)) !== null);
        }
        const balance = { available: member.pointsAvailable, pending: member.pointsPending };
        const settled = await settleLots(tx, programId, memberId, balance, now);
        return ok(settled.balance.available !== balance.available || settled.balance.pending !== balance.pending);
      });
      report.members += 1;
      if (changed.ok && changed.value) report.changed += 1;
    }
  }
}

async function tierCandidates(deps: Deps, batch: { program_id: string; member_id: string; tier_code?: string | null }[], now: Date) {
  const candidates: typeof batch = [];
  for (const programId of new Set(batch.map((m) => m.program_id))) {
    const { settings } = await loadSettings(deps.db, programId);
    const window = tierWindow(settings, null, now);
    if (!window) continue;
    const members = batch.filter((m) => m.program_id === programId);
    const values = await qualifyingValues(deps.db, programId, members.map((m) => m.member_id), window);
    for (const m of members) if (tierMove(settings.tiers, m.tier_code ?? null, values.get(m.member_id) ?? 0, true)) candidates.push(m);
  }
  return candidates;
}
