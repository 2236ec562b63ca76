import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ok, type Schemas } from '../api/client.ts';
import { DailyChart } from '../components/DailyChart.tsx';
import { Refusal } from '../components/Refusal.tsx';
import { useFormat } from '../format.ts';
import { downloadCsv } from './csv.ts';

const DAY = 86_400_000;
export const reportPeriods = [30, 90, 365] as const;
export type ReportPeriod = (typeof reportPeriods)[number];
export interface ReportAsk {
  days: ReportPeriod;
  group: 'day' | 'week' | 'month';
  store: string;
  channel: '' | 'till' | 'online' | 'app' | 'partner';
  segment: string;
}

/** The period of the last `days` days up to the next whole minute, so a page's panels ask for the same one. */
export const periodOf = (days: number) => {
  const to = new Date(Math.ceil(Date.now() / 60_000) * 60_000);
  return { from: new Date(to.getTime() - days * DAY).toISOString(), to: to.toISOString() };
};

/** The choices of a report: the period, its grouping and what it is narrowed to. */
export function ReportControls({ ask, onChange }: { ask: ReportAsk; onChange: (ask: ReportAsk) => void }) {
  const { t } = useTranslation();
  const stores = useQuery({ queryKey: ['stores'], queryFn: async () => ok(await api.GET('/v1/stores')) });
  const segments = useQuery({ queryKey: ['segments'], queryFn: async () => ok(await api.GET('/v1/segments')) });
  return (
    <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label={t('kpi.controls')}>
      <div className="field">
        <label htmlFor="kpi-period">{t('kpi.period')}</label>
        <select id="kpi-period" value={ask.days} onChange={(e) => { const days = Number(e.target.value) as ReportPeriod; onChange({ ...ask, days, group: days === 30 ? 'day' : days === 90 ? 'week' : 'month' }); }}>
          {reportPeriods.map((n) => (
            <option key={n} value={n}>{t('overview.lastDays', { count: n })}</option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="kpi-group">{t('kpi.group')}</label>
        <select id="kpi-group" value={ask.group} onChange={(e) => onChange({ ...ask, group: e.target.value as ReportAsk['group'] })}>
          {(['day', 'week', 'month'] as const).map((g) => (
            <option key={g} value={g}>{t(`kpi.groups.${g}`)}</option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="kpi-store">{t('kpi.store')}</label>
        <select id="kpi-store" value={ask.store} onChange={(e) => onChange({ ...ask, store: e.target.value })}>
          <option value="">{t('kpi.any')}</option>
          {(stores.data?.items ?? []).map((s) => (
            <option key={s.code} value={s.code}>{s.name}</option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="kpi-channel">{t('kpi.channel')}</label>
        <select id="kpi-channel" value={ask.channel} onChange={(e) => onChange({ ...ask, channel: e.target.value as ReportAsk['channel'] })}>
          <option value="">{t('kpi.any')}</option>
          {(['till', 'online', 'app', 'partner'] as const).map((c) => (
            <option key={c} value={c}>{t(`kpi.channels.${c}`)}</option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="kpi-segment">{t('kpi.segment')}</label>
        <select id="kpi-segment" value={ask.segment} onChange={(e) => onChange({ ...ask, segment: e.target.value })}>
          <option value="">{t('kpi.allMembers')}</option>
          {(segments.data?.items ?? []).map((s) => (
            <option key={s.code} value={s.code}>{s.name}</option>
          ))}
        </select>
      </div>
    </form>
  );
}

const filterQuery = (ask: ReportAsk) => ({ ...(ask.store ? { store: ask.store } : {}), ...(ask.channel ? { channel: ask.channel } : {}), ...(ask.segment ? { segment: ask.segment } : {}) });

/** The key figures of the period against the period before, and their course by day, week or month. */
export function KpiPanel({ ask }: { ask: ReportAsk }) {
  const { t } = useTranslation();
  const figures = useQuery({
    queryKey: ['kpis', ask],
    queryFn: async () => ok(await api.GET('/v1/analytics/kpis', { params: { query: { ...periodOf(ask.days), group: ask.group, compare: 'true', ...filterQuery(ask) } } })),
  });
  return (
    <section className="panel" aria-labelledby="kpi-title">
      <h2 id="kpi-title">{t('kpi.title')}</h2>
      {figures.isPending && <p role="status">{t('common.loading')}</p>}
      <Refusal error={figures.error} />
      {figures.data && <KpiFigures k={figures.data} />}
    </section>
  );
}

function KpiFigures({ k }: { k: Schemas['Kpis'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const percent = (n: number | null) => (n === null ? '—' : `${format.decimal(n * 100, 1)} %`);
  /** How a figure moved against the period before, in per cent of it. */
  const change = (now: number | null, before: number | null | undefined) =>
    now === null || before === null || before === undefined || before === 0 ? t('kpi.noChange') : t('kpi.change', { change: `${now >= before ? '+' : '−'}${format.decimal(Math.abs((now - before) / before) * 100, 1)} %` });
  const p = k.previous;
  const tiles: [string, string, string][] = [
    [t('kpi.members'), format.number(k.members.total), t('kpi.newMembers', { n: format.number(k.members.new) })],
    [t('kpi.active'), format.number(k.totals.activeMembers), change(k.totals.activeMembers, p?.activeMembers)],
    [t('kpi.participation'), percent(k.totals.participation.revenue), t('kpi.participationReceipts', { share: percent(k.totals.participation.receipts) })],
    [t('kpi.averageMembers'), k.totals.averageCheck.members === null ? '—' : format.wholeMoney(k.totals.averageCheck.members), t('kpi.averageAnonymous', { check: k.totals.averageCheck.anonymous === null ? '—' : format.wholeMoney(k.totals.averageCheck.anonymous) })],
    [t('kpi.frequency'), k.totals.frequency === null ? '—' : format.decimal(k.totals.frequency, 2), change(k.totals.frequency, p?.frequency)],
    [t('kpi.repeat'), percent(k.totals.repeatRate), change(k.totals.repeatRate, p?.repeatRate)],
    [t('kpi.churn'), percent(k.churnRate), p ? t('kpi.before', { value: percent(p.churnRate) }) : ''],
    [t('kpi.revenue'), format.wholeMoney(k.totals.revenue.all), change(k.totals.revenue.all, p?.revenue.all)],
  ];
  const starts = useMemo(() => k.series.map((s) => s.start), [k]);
  const series = useMemo(
    () => [
      { label: t('kpi.memberRevenue'), values: k.series.map((s) => s.revenue.members / 100), colour: '#1b6e3a' },
      { label: t('kpi.anonymousRevenue'), values: k.series.map((s) => s.revenue.anonymous / 100), colour: '#0b5cad' },
    ],
    [k, t],
  );
  const rows = k.series.map((s) => [s.start, s.receipts.all, s.receipts.members, s.revenue.all / 100, s.revenue.members / 100, s.activeMembers, s.newMembers, s.repeatRate]);
  return (
    <>
      <dl className="figures tiles" data-testid="kpi-figures">
        {tiles.map(([label, value, hint]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
            <dd className="hint">{hint}</dd>
          </div>
        ))}
      </dl>
      {starts.length > 1 && <DailyChart title={t('kpi.revenueChart')} days={starts} series={series} format={format.roubles} axis={format.compact} day={format.dayMonth} dayLabel={t('kpi.bucket')} />}
      <button type="button" className="quiet" onClick={() => downloadCsv('kpis.csv', ['start', 'receipts', 'member_receipts', 'revenue_rub', 'member_revenue_rub', 'active_members', 'new_members', 'repeat_rate'], rows)}>
        {t('kpi.csv')}
      </button>
    </>
  );
}

/** The retention triangle: each monthly cohort of first purchase, and the share of it that bought in each month since. */
export function RetentionPanel({ ask }: { ask: ReportAsk }) {
  const { t } = useTranslation();
  const format = useFormat();
  const triangle = useQuery({
    queryKey: ['retention', ask.segment, ask.channel],
    queryFn: async () => ok(await api.GET('/v1/analytics/retention', { params: { query: { ...periodOf(365), ...(ask.segment ? { segment: ask.segment } : {}), ...(ask.channel ? { channel: ask.channel } : {}) } } })),
  });
  const cohorts = triangle.data?.cohorts ?? [];
  const width = Math.max(0, ...cohorts.map((c) => c.retention.length));
  return (
    <section className="panel" aria-labelledby="retention-title">
      <h2 id="retention-title">{t('kpi.retention')}</h2>
      <p className="hint">{t('kpi.retentionHint')}</p>
      {triangle.isPending && <p role="status">{t('common.loading')}</p>}
      <Refusal error={triangle.error} />
      {cohorts.length > 0 && (
        <>
          <table className="rfm triangle" data-testid="retention">
              <caption className="visually-hidden">{t('kpi.retention')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('kpi.cohort')}</th>
                  <th scope="col">{t('kpi.cohortSize')}</th>
                  {Array.from({ length: width }, (_, i) => (
                    <th scope="col" key={i}>{t('kpi.monthN', { n: i })}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {cohorts.map((c) => (
                  <tr key={c.cohort}>
                    <th scope="row">{c.cohort}</th>
                    <td>{format.number(c.size)}</td>
                    {Array.from({ length: width }, (_, i) => {
                      const share = c.retention[i];
                      return share === undefined || share === null ? (
                        <td key={i} />
                      ) : (
                        <td key={i} style={{ background: `rgba(27, 110, 58, ${(share * 0.45).toFixed(3)})` }}>{`${Math.round(share * 100)} %`}</td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
          </table>
          <button type="button" className="quiet" onClick={() => downloadCsv('retention.csv', ['cohort', 'size', ...Array.from({ length: width }, (_, i) => `month_${i}`)], cohorts.map((c) => [c.cohort, c.size, ...c.retention.map((r) => (r === null ? null : Number(r.toFixed(4))))]))}>
            {t('kpi.csv')}
          </button>
        </>
      )}
    </section>
  );
}

/** What each campaign gave and brought in the period, and how personal offers were used. */
export function CampaignResultsPanel({ ask }: { ask: ReportAsk }) {
  const { t } = useTranslation();
  const format = useFormat();
  const results = useQuery({ queryKey: ['campaign-results', ask.days], queryFn: async () => ok(await api.GET('/v1/analytics/campaigns', { params: { query: periodOf(ask.days) } })) });
  const r = results.data;
  return (
    <section className="panel" aria-labelledby="campaign-results-title">
      <h2 id="campaign-results-title">{t('kpi.campaigns')}</h2>
      {results.isPending && <p role="status">{t('common.loading')}</p>}
      <Refusal error={results.error} />
      {r && r.campaigns.length === 0 && <p className="empty">{t('kpi.noCampaigns')}</p>}
      {r && r.campaigns.length > 0 && (
        <>
          <table className="list" data-testid="campaign-results">
            <caption className="visually-hidden">{t('kpi.campaigns')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('kpi.campaign')}</th>
                <th scope="col" className="num">{t('kpi.receipts')}</th>
                <th scope="col" className="num">{t('kpi.reached')}</th>
                <th scope="col" className="num">{t('kpi.cost')}</th>
                <th scope="col" className="num">{t('kpi.revenue')}</th>
                <th scope="col" className="num">{t('kpi.coupons')}</th>
              </tr>
            </thead>
            <tbody>
              {r.campaigns.map((c) => (
                <tr key={c.campaign}>
                  <td>
                    {c.name ?? c.campaign}
                    <span className="code">{c.campaign}</span>
                  </td>
                  <td className="num">{format.number(c.receipts + c.actions)}</td>
                  <td className="num">{format.number(c.members)}</td>
                  <td className="num">{format.wholeMoney(c.cost)}</td>
                  <td className="num">{format.wholeMoney(c.revenue)}</td>
                  <td className="num">{c.couponsIssued ? `${format.number(c.couponsRedeemed)} / ${format.number(c.couponsIssued)}` : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="hint">{t('kpi.personal', { share: r.personalOffers.usedShare === null ? '—' : `${Math.round(r.personalOffers.usedShare * 100)} %` })}</p>
          <button type="button" className="quiet" onClick={() => downloadCsv('campaign-results.csv', ['campaign', 'name', 'receipts', 'actions', 'members', 'points', 'discount_rub', 'cost_rub', 'revenue_rub', 'coupons_issued', 'coupons_redeemed'], r.campaigns.map((c) => [c.campaign, c.name, c.receipts, c.actions, c.members, c.points, c.discount / 100, c.cost / 100, c.revenue / 100, c.couponsIssued, c.couponsRedeemed]))}>
            {t('kpi.csv')}
          </button>
        </>
      )}
    </section>
  );
}

/** Where members come from and what they bring. */
export function SourcesPanel({ ask }: { ask: ReportAsk }) {
  const { t } = useTranslation();
  const format = useFormat();
  const sources = useQuery({ queryKey: ['sources', ask.days], queryFn: async () => ok(await api.GET('/v1/analytics/sources', { params: { query: periodOf(ask.days) } })) });
  const rows = sources.data?.sources ?? [];
  return (
    <section className="panel" aria-labelledby="sources-title">
      <h2 id="sources-title">{t('kpi.sources')}</h2>
      {sources.isPending && <p role="status">{t('common.loading')}</p>}
      <Refusal error={sources.error} />
      {rows.length > 0 && (
        <>
          <table className="list" data-testid="sources">
            <caption className="visually-hidden">{t('kpi.sources')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('kpi.source')}</th>
                <th scope="col">{t('kpi.channel')}</th>
                <th scope="col" className="num">{t('kpi.joined')}</th>
                <th scope="col" className="num">{t('kpi.retained')}</th>
                <th scope="col" className="num">{t('kpi.active')}</th>
                <th scope="col" className="num">{t('kpi.revenue')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((s) => (
                <tr key={`${s.source}/${s.channel}`}>
                  <td>{s.source ?? '—'}</td>
                  <td>{s.channel ? t(`kpi.channels.${s.channel}`, { defaultValue: s.channel }) : '—'}</td>
                  <td className="num">{format.number(s.joined)}</td>
                  <td className="num">{s.retention === null ? '—' : `${Math.round(s.retention * 100)} %`}</td>
                  <td className="num">{format.number(s.active)}</td>
                  <td className="num">{format.wholeMoney(s.revenue)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" className="quiet" onClick={() => downloadCsv('sources.csv', ['source', 'channel', 'joined', 'buyers', 'repeaters', 'active', 'receipts', 'revenue_rub'], rows.map((s) => [s.source, s.channel, s.joined, s.buyers, s.repeaters, s.active, s.receipts, s.revenue / 100]))}>
            {t('kpi.csv')}
          </button>
        </>
      )}
    </section>
  );
}
