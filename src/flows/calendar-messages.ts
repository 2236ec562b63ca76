import { DateTime } from 'luxon';
import { plusLocalDays } from '../domain/rules/calendar.ts';
import { dueTime } from '../domain/messages/reach.ts';
import { calendarTriggersDue, markCalendarPlanned, planBirthdays, planLapsed, planPointsDigest, planPurchasesDue, planTiersAtRisk } from '../store/calendar-messages.ts';
import { findTemplate, listTriggers } from '../store/messages.ts';
import { loadSettings } from '../store/programs.ts';
import type { Deps } from './deps.ts';
import { ok } from './outcome.ts';
import { inTransaction } from './transaction.ts';

/** Days from 2000-01-01, as the member aggregates count buying days. */
const dayNumber = (date: DateTime) => Math.round(date.startOf('day').diff(DateTime.fromObject({ year: 2000, month: 1, day: 1 }, { zone: date.zone }), 'days').days);

/**
 * Plans the programme's calendar triggers once a programme-local day, in one transaction with the mark that they
 * were: a birthday trigger writes to the members whose birthday is `days` ahead, a win-back trigger to those whose
 * last purchase was `days` ago, a time-to-buy-again trigger to those whose usual interval between purchases passed
 * `days` ago, a tier-at-risk trigger to those whose tier the review `days` ahead would take away, a points digest
 * every `days` days to those whose purchases earned points over them. A day the server did not run is not made up. Returns how many messages were queued.
 */
export async function planCalendarMessages(deps: Deps, programId: string): Promise<number> {
  const planned = await inTransaction(deps.db, async (tx) => {
    const { settings } = await loadSettings(tx, programId);
    const now = deps.now();
    const today = DateTime.fromJSDate(now, { zone: settings.timezone }).startOf('day');
    const due = await calendarTriggersDue(tx, programId, today.toISODate() ?? '');
    if (due.length === 0) return ok(0);
    let queued = 0;
    for (const trigger of (await listTriggers(tx, programId)).filter((t) => due.includes(t.code))) {
      const days = trigger.days ?? 0;
      const channel = (await findTemplate(tx, programId, trigger.template))?.channel ?? 'email';
      const at = new Date(now.getTime() + trigger.delayMinutes * 60_000);
      const common = { programId, trigger, now, channel, dueAt: dueTime(at, trigger.kind, channel, settings.quietHours, settings.timezone) };
      if (trigger.event === 'member.birthday') {
        const birthday = today.plus({ days });
        queued += await planBirthdays(tx, common, { year: birthday.year, month: birthday.month, day: birthday.day, shown: birthday.set({ hour: 12 }).toISO() ?? '' });
      } else if (trigger.event === 'tier.at_risk') {
        // The review `days` ahead reads the window back from then; one day fewer ahead, it still kept the tier.
        const { metric, windowDays } = settings.tierQualification;
        const dropsOn = today.plus({ days });
        queued += await planTiersAtRisk(tx, common, {
          dropsOn: dropsOn.toISODate() ?? '', shown: dropsOn.set({ hour: 12 }).toISO() ?? '', metric, tiers: settings.tiers,
          since: plusLocalDays(now, days - windowDays, settings.timezone), sinceDayBefore: plusLocalDays(now, days - 1 - windowDays, settings.timezone),
        });
      } else if (trigger.event === 'points.digest') {
        // Every `days` days, counted from 2000-01-01, the points of the days before.
        if (dayNumber(today) % days === 0) queued += await planPointsDigest(tx, common, { from: today.minus({ days }).toJSDate(), to: today.toJSDate(), period: today.toISODate() ?? '' });
      } else if (trigger.event === 'purchase.due') {
        queued += await planPurchasesDue(tx, common, { today: dayNumber(today), timezone: settings.timezone });
      } else {
        const last = today.minus({ days });
        queued += await planLapsed(tx, common, { lastDay: dayNumber(last), since: last.plus({ days: 1 }).toJSDate(), shown: last.set({ hour: 12 }).toISO() ?? '' });
      }
      await markCalendarPlanned(tx, programId, trigger.code, today.toISODate() ?? '');
    }
    return ok(queued);
  });
  return planned.ok ? planned.value : 0;
}
