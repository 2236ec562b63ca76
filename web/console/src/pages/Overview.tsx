import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ok, type Schemas } from '../api/client.ts';
import { DailyChart } from '../components/DailyChart.tsx';
import { useFormat } from '../format.ts';
import { Refusal } from '../components/Refusal.tsx';

const DAY = 86_400_000;
const periods = [7, 30, 90, 365] as const;

/** The programme at a glance: members, receipts and revenue, points, campaigns, over the chosen period. */
export function Overview() {
  const { t } = useTranslation();
  const [days, setDays] = useState<(typeof periods)[number]>(30);
  const figures = useQuery({
    queryKey: ['overview', days],
    queryFn: async () => {
      const to = new Date();
      return ok(await api.GET('/v1/overview', { params: { query: { from: new Date(to.getTime() - days * DAY).toISOString(), to: to.toISOString() } } }));
    },
  });
  return (
    <section aria-labelledby="overview-title">
      <div className="title-row">
        <h1 id="overview-title">{t('overview.title')}</h1>
        <div className="field">
          <label htmlFor="overview-period">{t('overview.period')}</label>
          <select id="overview-period" value={days} onChange={(e) => setDays(Number(e.target.value) as (typeof periods)[number])}>
            {periods.map((n) => (
              <option key={n} value={n}>
                {t('overview.lastDays', { count: n })}
              </option>
            ))}
          </select>
        </div>
      </div>
      {figures.isPending && <p role="status">{t('common.loading')}</p>}
      <Refusal error={figures.error} />
      {figures.data && <Figures o={figures.data} />}
    </section>
  );
}

function Figures({ o }: { o: Schemas['Overview'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const share = (part: number, whole: number) => (whole ? `${Math.round((part / whole) * 100)} %` : '—');
  const dayList = useMemo(() => o.days.map((d) => d.day), [o]);
  const money = useMemo(
    () => [
      { label: t('overview.revenue'), values: o.days.map((d) => d.revenue / 100), colour: '#0b5cad' },
      { label: t('overview.memberRevenue'), values: o.days.map((d) => d.memberRevenue / 100), colour: '#1b6e3a' },
    ],
    [o, t],
  );
  const points = useMemo(
    () => [
      { label: t('overview.earned'), values: o.days.map((d) => d.pointsEarned), colour: '#b35c00' },
      { label: t('overview.spent'), values: o.days.map((d) => d.pointsSpent), colour: '#6a3fb5' },
    ],
    [o, t],
  );
  return (
    <>
      <dl className="figures tiles" data-testid="overview-figures">
        <div>
          <dt>{t('overview.members')}</dt>
          <dd>{format.number(o.members.total)}</dd>
          <dd className="hint">{t('overview.joined', { count: o.members.joined, n: format.number(o.members.joined) })}</dd>
        </div>
        <div>
          <dt>{t('overview.receipts')}</dt>
          <dd>{format.number(o.receipts.count)}</dd>
          <dd className="hint">{t('overview.withMembers', { share: share(o.receipts.memberCount, o.receipts.count) })}</dd>
        </div>
        <div>
          <dt>{t('overview.revenue')}</dt>
          <dd>{format.wholeMoney(o.receipts.revenue)}</dd>
          <dd className="hint">{t('overview.membersShare', { share: share(o.receipts.memberRevenue, o.receipts.revenue) })}</dd>
        </div>
        <div>
          <dt>{t('overview.earned')}</dt>
          <dd>{format.number(o.points.earned)}</dd>
          <dd className="hint">{format.wholeMoney(o.points.earned * o.pointValue)}</dd>
        </div>
        <div>
          <dt>{t('overview.spent')}</dt>
          <dd>{format.number(o.points.spent)}</dd>
          <dd className="hint">{format.wholeMoney(o.points.spent * o.pointValue)}</dd>
        </div>
        <div>
          <dt>{t('overview.expired')}</dt>
          <dd>{format.number(o.points.expired)}</dd>
          <dd className="hint">{format.wholeMoney(o.points.expired * o.pointValue)}</dd>
        </div>
        <div>
          <dt>{t('overview.outstanding')}</dt>
          <dd>{format.number(o.points.outstanding)}</dd>
          <dd className="hint">{t('overview.owed', { money: format.wholeMoney(o.points.outstanding * o.pointValue), pending: format.number(o.points.pending) })}</dd>
        </div>
      </dl>
      <div className="columns">
        <section className="panel" aria-labelledby="chart-money">
          <h2 id="chart-money">{t('overview.moneyByDay')}</h2>
          {o.days.length ? <DailyChart title={t('overview.moneyByDay')} days={dayList} series={money} format={format.roubles} axis={format.compact} day={format.dayMonth} dayLabel={t('overview.day')} /> : <p className="empty">{t('overview.noReceipts')}</p>}
        </section>
        <section className="panel" aria-labelledby="chart-points">
          <h2 id="chart-points">{t('overview.pointsByDay')}</h2>
          {o.days.length ? <DailyChart title={t('overview.pointsByDay')} days={dayList} series={points} format={format.number} axis={format.compact} day={format.dayMonth} dayLabel={t('overview.day')} /> : <p className="empty">{t('overview.noReceipts')}</p>}
        </section>
      </div>
      <section className="panel" aria-labelledby="overview-campaigns">
        <h2 id="overview-campaigns">{t('overview.campaigns')}</h2>
        {o.campaigns.length === 0 ? (
          <p className="empty">{t('overview.noCampaigns')}</p>
        ) : (
          <table className="list">
            <thead>
              <tr>
                <th scope="col">{t('campaigns.name')}</th>
                <th scope="col" className="num">{t('overview.budgetUsed')}</th>
              </tr>
            </thead>
            <tbody>
              {o.campaigns.map((c) => (
                <tr key={c.code}>
                  <td>{c.name}</td>
                  <td className="num">
                    {c.budget?.points != null && c.left ? `${share(c.budget.points - c.left.points, c.budget.points)} (${t('campaigns.points', { points: format.number(c.budget.points - c.left.points) })})` : '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
