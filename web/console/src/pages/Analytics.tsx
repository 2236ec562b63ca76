import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ok, type Schemas } from '../api/client.ts';
import { CampaignResultsPanel, KpiPanel, ReportControls, RetentionPanel, SourcesPanel, type ReportAsk } from '../analytics/KpiPanels.tsx';
import { downloadCsv } from '../analytics/csv.ts';
import { Refusal } from '../components/Refusal.tsx';
import { useFormat } from '../format.ts';

/** The programme's figures, who the members are by behaviour (RFM) and what a cohort of them is worth (lifetime value). */
export function Analytics() {
  const { t } = useTranslation();
  const [ask, setAsk] = useState<ReportAsk>({ days: 90, group: 'week', store: '', channel: '', segment: '' });
  return (
    <section aria-labelledby="analytics-title">
      <h1 id="analytics-title">{t('analytics.title')}</h1>
      <ReportControls ask={ask} onChange={setAsk} />
      <KpiPanel ask={ask} />
      <RetentionPanel ask={ask} />
      <CampaignResultsPanel ask={ask} />
      <SourcesPanel ask={ask} />
      <PointsPanel />
      <RfmPanel />
      <LifetimeValuePanel />
    </section>
  );
}

const DAY = 86_400_000;

/** The last 90 days of points and of survey answers, against the 90 before for NPS. */
function PointsPanel() {
  const { t } = useTranslation();
  const format = useFormat();
  const period = () => {
    const to = new Date();
    return { from: new Date(to.getTime() - 90 * DAY).toISOString(), to: to.toISOString() };
  };
  const points = useQuery({ queryKey: ['analytics-points'], queryFn: async () => ok(await api.GET('/v1/analytics/points', { params: { query: { ...period(), group: 'month' } } })) });
  const nps = useQuery({ queryKey: ['analytics-nps'], queryFn: async () => ok(await api.GET('/v1/analytics/nps', { params: { query: { ...period(), group: 'month', compare: 'true' } } })) });
  const percent = (n: number | null) => (n === null ? '—' : `${format.decimal(n * 100, 1)} %`);
  const score = (n: number | null) => (n === null ? '—' : format.decimal(n, 0));
  return (
    <section className="panel" aria-labelledby="points-title">
      <h2 id="points-title">{t('analytics.pointsTitle')}</h2>
      {(points.isPending || nps.isPending) && <p role="status">{t('common.loading')}</p>}
      <Refusal error={points.error ?? nps.error} />
      {points.data && nps.data && (
        <dl className="figures tiles" data-testid="points-figures">
          <div>
            <dt>{t('analytics.issued')}</dt>
            <dd>{format.number(points.data.issued)}</dd>
            <dd className="hint">{t('analytics.redeemedExpired', { redeemed: format.number(points.data.redeemed), expired: format.number(points.data.expired) })}</dd>
          </div>
          <div>
            <dt>{t('analytics.breakage')}</dt>
            <dd>{percent(points.data.breakageRate)}</dd>
            <dd className="hint">{t('analytics.redemption', { rate: percent(points.data.redemptionRate) })}</dd>
          </div>
          <div>
            <dt>{t('analytics.liability')}</dt>
            <dd>{format.wholeMoney(points.data.liability.kopecks)}</dd>
            <dd className="hint">{t('analytics.liabilityPoints', { n: format.number(points.data.liability.available + points.data.liability.pending) })}</dd>
          </div>
          <div>
            <dt>{t('analytics.expiringSoon')}</dt>
            <dd>{format.number(points.data.expiring.slice(0, 2).reduce((a, e) => a + e.points, 0))}</dd>
          </div>
          <div>
            <dt>NPS</dt>
            <dd>{score(nps.data.nps)}</dd>
            <dd className="hint">{t('analytics.npsAnswers', { n: format.number(nps.data.responses), before: score(nps.data.previous?.nps ?? null) })}</dd>
          </div>
        </dl>
      )}
    </section>
  );
}

const scores = [1, 2, 3, 4, 5] as const;

function RfmPanel() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const grid = useQuery({ queryKey: ['rfm'], queryFn: async () => ok(await api.GET('/v1/analytics/rfm')) });
  const language = i18n.language === 'en' ? 'en' : 'ru';
  const cell = (r: number, f: number) => grid.data?.cells.find((c) => c.recency === r && c.frequency === f);
  const share = (n: number) => (grid.data?.members ? n / grid.data.members : 0);
  return (
    <section className="panel" aria-labelledby="rfm-title">
      <h2 id="rfm-title">{t('analytics.rfm')}</h2>
      <p className="hint">{t('analytics.rfmHint')}</p>
      {grid.isPending && <p role="status">{t('common.loading')}</p>}
      <Refusal error={grid.error} />
      {grid.data && (
        <div className="rfm-layout">
          <table className="rfm" data-testid="rfm-grid">
            <caption>{t('analytics.gridCaption', { n: format.number(grid.data.members) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('analytics.recencyFrequency')}</th>
                {scores.map((f) => (
                  <th scope="col" key={f}>{f}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {[...scores].reverse().map((r) => (
                <tr key={r}>
                  <th scope="row">{r}</th>
                  {scores.map((f) => {
                    const c = cell(r, f);
                    const members = c?.members ?? 0;
                    return (
                      <td key={f} style={{ background: `rgba(11, 92, 173, ${(Math.min(1, share(members) * 4) * 0.35).toFixed(3)})` }}>
                        <strong>{format.number(members)}</strong>
                        {c && <span className="hint">{grid.data.segments.find((s) => s.code === c.segment)?.names[language]}</span>}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
          <table className="list">
            <thead>
              <tr>
                <th scope="col">{t('analytics.segment')}</th>
                <th scope="col">{t('analytics.members')}</th>
                <th scope="col">{t('analytics.share')}</th>
                <th scope="col">{t('analytics.paid')}</th>
              </tr>
            </thead>
            <tbody>
              {grid.data.segments.map((s) => (
                <tr key={s.code}>
                  <td>{s.names[language]}</td>
                  <td>{format.number(s.members)}</td>
                  <td>{`${Math.round(s.share * 100)} %`}</td>
                  <td>{format.wholeMoney(s.paid)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {grid.data && (
        <button type="button" className="quiet" onClick={() => downloadCsv('rfm.csv', ['recency', 'frequency', 'segment', 'members', 'purchases', 'paid_rub', 'money_mean'], grid.data.cells.map((c) => [c.recency, c.frequency, c.segment, c.members, c.purchases, c.paid / 100, Number(c.money.toFixed(2))]))}>
          {t('kpi.csv')}
        </button>
      )}
    </section>
  );
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const monthsAgo = (n: number) => {
  const d = new Date();
  return isoDay(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - n, 1)));
};

function LifetimeValuePanel() {
  const { t } = useTranslation();
  const [query, setQuery] = useState({ from: monthsAgo(12), to: monthsAgo(9), weeks: 52 });
  const fit = useMutation({ mutationFn: async (q: typeof query) => ok(await api.GET('/v1/analytics/ltv', { params: { query: q } })) });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    fit.mutate(query);
  };
  return (
    <section className="panel" aria-labelledby="ltv-title">
      <h2 id="ltv-title">{t('analytics.ltv')}</h2>
      <p className="hint">{t('analytics.ltvHint')}</p>
      <form className="filters" onSubmit={submit}>
        <div className="field">
          <label htmlFor="ltv-from">{t('analytics.cohortFrom')}</label>
          <input id="ltv-from" type="date" required value={query.from} onChange={(e) => setQuery({ ...query, from: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="ltv-to">{t('analytics.cohortTo')}</label>
          <input id="ltv-to" type="date" required value={query.to} onChange={(e) => setQuery({ ...query, to: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="ltv-weeks">{t('analytics.weeks')}</label>
          <input id="ltv-weeks" type="number" min={1} max={520} required value={query.weeks} onChange={(e) => setQuery({ ...query, weeks: Number(e.target.value) })} />
        </div>
        <button type="submit" disabled={fit.isPending}>
          {fit.isPending ? t('analytics.fitting') : t('analytics.fit')}
        </button>
      </form>
      <Refusal error={fit.error} />
      {fit.data && <CohortValue v={fit.data} />}
    </section>
  );
}

function CohortValue({ v }: { v: Schemas['LifetimeValue'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const decimal = format.decimal;
  const parameter = format.significant;
  const percent = (n: number) => `${Math.round(n * 100)} %`;
  return (
    <>
      <dl className="figures tiles" data-testid="ltv-figures">
        <div>
          <dt>{t('analytics.cohort')}</dt>
          <dd>{format.number(v.cohort.members)}</dd>
          <dd className="hint">{t('analytics.repeatBuyers', { n: format.number(v.cohort.repeatBuyers) })}</dd>
        </div>
        <div>
          <dt>{t('analytics.paidSoFar')}</dt>
          <dd>{format.wholeMoney(v.revenuePerMember)}</dd>
        </div>
        <div>
          <dt>{t('analytics.purchasesAhead', { weeks: v.forecast.weeks })}</dt>
          <dd>{decimal(v.forecast.purchasesPerMember)}</dd>
        </div>
        <div>
          <dt>{t('analytics.alive')}</dt>
          <dd>{percent(v.forecast.aliveShare)}</dd>
          <dd className="hint">{t('analytics.aliveMean', { p: percent(v.forecast.probabilityAlive) })}</dd>
        </div>
        <div>
          <dt>{t('analytics.spendPerPurchase')}</dt>
          <dd>{v.forecast.spendPerPurchase === null ? '—' : format.wholeMoney(v.forecast.spendPerPurchase)}</dd>
        </div>
        <div>
          <dt>{t('analytics.valueAhead', { weeks: v.forecast.weeks })}</dt>
          <dd>{v.forecast.valuePerMember === null ? '—' : format.wholeMoney(v.forecast.valuePerMember)}</dd>
        </div>
      </dl>
      <p className="hint" data-testid="ltv-models">
        {t('analytics.models', {
          r: parameter(v.purchases.r), alpha: parameter(v.purchases.alpha), a: parameter(v.purchases.a), b: parameter(v.purchases.b),
          ll: decimal(v.purchases.logLikelihood, 1), p: parameter(v.spend.p), q: parameter(v.spend.q), gamma: parameter(v.spend.gamma / 100),
        })}
      </p>
    </>
  );
}
