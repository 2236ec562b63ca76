import type { Deps } from '../flows/deps.ts';
import { sumClosedDays } from '../store/overview.ts';
import { loadSettings } from '../store/programs.ts';
import type { JobReport } from './jobs.ts';

/** Sums each programme's closed days of receipts, which the overview reads instead of the receipts themselves. */
export async function sumDailyTotals(deps: Deps, onlyProgram: string | null): Promise<JobReport> {
  const report: JobReport = { job: 'daily-totals', members: 0, changed: 0 };
  const programmes = await deps.db.query<{ id: string }>('select id from programs where $1::program is null or id = $1 order by id', [onlyProgram]);
  for (const { id } of programmes) {
    const { settings } = await loadSettings(deps.db, id);
    report.changed += await sumClosedDays(deps.db, id, settings.timezone);
  }
  return report;
}
