import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ok, type Schemas } from '../../api/client.ts';
import { Refusal } from '../../components/Refusal.tsx';
import { useFormat } from '../../format.ts';
import { useMay } from '../../session.ts';

type JobName = Schemas['ScheduledJob']['job'];
/** Every job, in the schedule's order: a record, so a job the API adds and the console misses fails the build. */
const jobSet: Record<JobName, true> = { activation: true, expiry: true, 'expiry-notice': true, referrals: true, segments: true, 'day-sums': true, 'tier-review': true, birthdays: true, idempotency: true, 'event-retention': true, 'daily-totals': true, 'segment-refresh': true };
const jobNames = Object.keys(jobSet) as JobName[];

/** The scheduled jobs: when each last ran, how it went, when it runs next; the owner may run one now. */
export function Jobs() {
  const { t } = useTranslation();
  const format = useFormat();
  const mayRun = useMay()('jobs');
  const client = useQueryClient();
  const jobs = useQuery({ queryKey: ['jobs'], queryFn: async () => ok(await api.GET('/v1/jobs')), refetchInterval: 10_000 });
  const run = useMutation({
    mutationFn: async (name: JobName) => ok(await api.POST('/v1/jobs/{name}/run', { params: { path: { name } } })),
    onSettled: () => client.invalidateQueries({ queryKey: ['jobs'] }),
  });
  return (
    <section className="panel" aria-labelledby="jobs-title">
      <h2 id="jobs-title">{t('jobs.title')}</h2>
      <Refusal error={jobs.error} />
      {jobs.data && (
        <table className="list">
          <thead>
            <tr>
              <th scope="col">{t('jobs.job')}</th>
              <th scope="col">{t('jobs.lastRun')}</th>
              <th scope="col">{t('jobs.outcome')}</th>
              <th scope="col">{t('jobs.next')}</th>
              {mayRun && (
                <th scope="col">
                  <span className="visually-hidden">{t('jobs.run')}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {jobNames.map((job) => ({ job, ...jobs.data.items.find((j) => j.job === job) })).map((j) => (
              <tr key={j.job}>
                <td>
                  {t(`jobs.names.${j.job}`)}
                  {j.scope && <span className="code">{j.scope === 'every programme' ? t('jobs.everyProgramme') : t('jobs.thisProgramme')}</span>}
                </td>
                <td>
                  {j.running
                    ? t('jobs.running')
                    : j.lastRun
                      ? `${format.dateTime(j.lastRun.startedAt)}${j.lastRun.millis !== null ? ` · ${format.number(j.lastRun.millis)} ${t('webhooks.ms')}` : ''}`
                      : t('jobs.never')}
                </td>
                <td>
                  {j.lastRun?.outcome ? <span className={`status ${j.lastRun.outcome}`}>{t(`jobs.outcomes.${j.lastRun.outcome}`)}</span> : '—'}
                  {j.lastRun?.changed !== null && j.lastRun?.changed !== undefined && ` · ${t('jobs.changed', { changed: format.number(j.lastRun.changed), members: format.number(j.lastRun.members ?? 0) })}`}
                </td>
                <td>{j.nextRunAt ? format.dateTime(j.nextRunAt) : t('jobs.unscheduled')}</td>
                {mayRun && (
                  <td>
                    <button type="button" className="quiet" disabled={run.isPending} onClick={() => run.mutate(j.job)}>
                      {t('jobs.run')}
                      <span className="visually-hidden"> {t(`jobs.names.${j.job}`)}</span>
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div aria-live="polite">
        <Refusal error={run.error} />
        {run.data && <p className="done">{t('jobs.ran', { job: t(`jobs.names.${run.data.job}`), changed: format.number(run.data.changed), members: format.number(run.data.members) })}</p>}
      </div>
    </section>
  );
}
