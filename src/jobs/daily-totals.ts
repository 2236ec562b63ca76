import type { Deps } from '../flows/deps.ts';
import { forgetClosedDays, sumClosedDays } from '../store/overview.ts';
import { refreshSegments } from '../flows/segments.ts';
import { loadSettings } from '../store/programs.ts';
import { keepCategories } from '../store/receipt-lines.ts';
import { forgetRfmCuts, takeRfmCuts } from '../store/rfm.ts';
import type { JobReport } from './jobs.ts';

/**
 * Sums each programme's closed days of receipts, which the overview reads instead of the receipts themselves, and
 * takes the day's RFM cuts.
 */
export async function sumDailyTotals(deps: Deps, onlyProgram: string | null): Promise<JobReport> {
  const report: JobReport = { job: 'daily-totals', members: 0, changed: 0 };
  const programmes = await deps.db.query<{ id: string }>('select id from programs where $1::program is null or id = $1 order by id', [onlyProgram]);
  for (const { id } of programmes) {
    const { settings } = await loadSettings(deps.db, id);
    report.changed += await sumClosedDays(deps.db, id, settings.timezone);
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
    await forgetClosedDays(deps.db, id);
    const days = await sumClosedDays(deps.db, id, settings.timezone);
    await forgetRfmCuts(deps.db, id);
    await takeRfmCuts(deps.db, id, settings.timezone, deps.now());
    const segments = await refreshSegments(deps, id);
    rebuilt.push({ programId: id, days, categorised, segments: segments.length });
  }
  return rebuilt;
}
