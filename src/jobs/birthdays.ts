import { DateTime } from 'luxon';
import { recordAction } from '../flows/actions.ts';
import type { Deps } from '../flows/deps.ts';
import { listPrograms, loadSettings } from '../store/programs.ts';
import { latestRules } from '../store/rules.ts';

/**
 * Records a `birthday` action for each member whose birthday is today in the programme's timezone (29 February
 * on 28 February in other years), so birthday campaigns give their gift. Idempotent: one action per member a year.
 */
export async function runBirthdays(deps: Deps, onlyProgram: string | null) {
  const report = { job: 'birthdays' as const, members: 0, changed: 0 };
  const now = deps.now();
  const programs = onlyProgram ? [{ id: onlyProgram }] : (await listPrograms(deps.db)).filter((p) => !p.loading);
  for (const { id: programId } of programs) {
    const { rules } = await latestRules(deps.db, programId);
    const wanted = rules.ruleSet.campaigns.some((c) => c.trigger === 'event' && c.enabled && JSON.stringify(c.conditions).includes('"birthday"'));
    if (!wanted) continue;
    const { settings } = await loadSettings(deps.db, programId);
    const today = DateTime.fromJSDate(now, { zone: settings.timezone });
    const leapDayToo = today.month === 2 && today.day === 28 && !today.isInLeapYear;
    let after = '';
    for (;;) {
      const members = await deps.db.query<{ id: string }>(
        `select id from members where program_id = $1 and id > $2 and birth_date is not null
           and ((extract(month from birth_date) = $3 and extract(day from birth_date) = $4)
                or ($5 and extract(month from birth_date) = 2 and extract(day from birth_date) = 29))
         order by id limit 500`,
        [programId, after, today.month, today.day, leapDayToo],
      );
      if (!members.length) break;
      after = members[members.length - 1]!.id;
      for (const m of members) {
        const id = `birthday-${m.id}-${today.year}`;
        report.members += 1;
        const [seen] = await deps.db.query('select 1 from member_events where program_id = $1 and id = $2', [programId, id]);
        if (seen) continue;
        const done = await recordAction(deps, programId, { id, memberId: m.id, type: 'birthday' }, true);
        if (done.ok && done.value.points > 0) report.changed += 1;
      }
    }
  }
  return report;
}
