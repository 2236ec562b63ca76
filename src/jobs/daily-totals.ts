import type { Deps } from '../flows/deps.ts';
import { forgetDaySums, sumSettledDays } from '../store/overview.ts';
import { refreshSegments } from '../flows/segments.ts';
import { loadSettings, notLoading } from '../store/programs.ts';
import { keepCategories } from '../store/receipt-lines.ts';
import { forgetRfmCuts, takeRfmCuts } from '../store/rfm.ts';
import type { JobReport } from './jobs.ts';

/**
 * Sums what has settled of every programme's receipts and entries but those loading their history: the closed
 * days, which reports read instead of the receipts, and today up to its last hour settled, so that in the evening of
 * a busy day a report still reads at most the last two hours' receipts. Run every minute: a stretch already summed
 * as it stands is left alone, so a run costs a few look-ups but once an hour.
 */
export async function sumDaysSoFar(deps: Deps, onlyProgram: string | null): Promise<JobReport> {
  const report: JobReport = { job: 'day-sums', members: 0, changed: 0 };
  const programmes = await deps.db.query<{ id: string }>(
    `select id from programs where ($1::program is null and ${notLoading('id')} or id = $1) order by id`,
    [onlyProgram],
  );
  for (const { id } of programmes) report.changed += await sumSettledDays(deps.db, id, (await loadSettings(deps.db, id)).settings.timezone);
  return report;
}

/** Sums each programme's settled days, as `day-sums` does, and takes the day's RFM cuts. */
export async function sumDailyTotals(deps: Deps, onlyProgram: string | null): Promise<JobReport> {
  const report: JobReport = { job: 'daily-totals', members: 0, changed: 0 };
  const programmes = await deps.db.query<{ id: string }>('select id from programs where $1::program is null or id = $1 order by id', [onlyProgram]);
  for (const { id } of programmes) {
    const { settings } = await loadSettings(deps.db, id);
    report.changed += await sumSettledDays(deps.db, id, settings.timezone);
    await takeRfmCuts(deps.db, id, settings.timezone, deps.now());
  }
  return report;
}

/**
 * Computes the programme's analytics again from their sources: gives receipts written before they kept their lines'
 * categories that list, drops every daily sum and sums the closed days anew from the receipts and the ledger, takes
 * the RFM cuts anew, and evaluates every dynamic segment again. The figures read the same after.
 */
export async function rebuildAnalytics(deps: Deps, onlyProgram: string | null) {
  const programmes = await deps.db.query<{ id: string }>('select id from programs where $1::program is null or id = $1 order by id', [onlyProgram]);
  const rebuilt: { programId: string; days: number; categorised: number; segments: number }[] = [];
  for (const { id } of programmes) {
    const { settings } = await loadSettings(deps.db, id);
    // Categories first: the members' buying days keep the categories of the receipts they fold.
    const categorised = await keepCategories(deps.db, id);
    await forgetDaySums(deps.db, id);
    const days = await sumSettledDays(deps.db, id, settings.timezone);
    await forgetRfmCuts(deps.db, id);
    await takeRfmCuts(deps.db, id, settings.timezone, deps.now());
    const segments = await refreshSegments(deps, id);
    rebuilt.push({ programId: id, days, categorised, segments: segments.length });
  }
  return rebuilt;
}
