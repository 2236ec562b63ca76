import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ok, type Schemas } from '../api/client.ts';
import { useFormat } from '../format.ts';
import { fieldId } from './campaign.ts';
import { Refusal } from '../components/Refusal.tsx';

const day = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** Replays a period of real receipts under the draft and the published rules: what each campaign would cost. */
export function BacktestPanel({ rules, onChecked }: { rules: () => Schemas['Rules']; onChecked: (refusal: unknown) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [from, setFrom] = useState(() => isoDay(new Date(Date.now() - 30 * day)));
  const [to, setTo] = useState(() => isoDay(new Date()));
  const backtest = useMutation({
    mutationFn: async () =>
      ok(await api.POST('/v1/rules/backtest', { body: { rules: rules(), from: `${from}T00:00:00Z`, to: new Date(Date.parse(`${to}T00:00:00Z`) + day).toISOString() } })),
    onSuccess: () => onChecked(null),
    onError: onChecked,
  });
  const elapsed = useElapsed(backtest.isPending);
  const report = backtest.data;

  return (
    <section className="panel" aria-labelledby="backtest-title">
      <h2 id="backtest-title">{t('backtest.title')}</h2>
      <p className="hint">{t('backtest.hint')}</p>
      <div className="row">
        <div className="field">
          <label htmlFor={fieldId('bt-from')}>{t('backtest.from')}</label>
          <input id={fieldId('bt-from')} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={fieldId('bt-to')}>{t('backtest.to')}</label>
          <input id={fieldId('bt-to')} type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </div>
        <button type="button" onClick={() => backtest.mutate()} disabled={backtest.isPending}>
          {backtest.isPending ? t('backtest.working') : t('backtest.run')}
        </button>
      </div>
      <div aria-live="polite">
        {backtest.isPending && (
          <p role="status">
            <progress aria-label={t('backtest.working')} /> {t('backtest.elapsed', { seconds: elapsed })}
          </p>
        )}
        <Refusal error={backtest.error} />
        {report && <BacktestReport report={report} format={format} />}
      </div>
    </section>
  );
}

function BacktestReport({ report, format }: { report: Schemas['BacktestReport']; format: ReturnType<typeof useFormat> }) {
  const { t } = useTranslation();
  const codes = [...new Set([...report.published.campaigns, ...report.draft.campaigns].map((c) => c.campaign))];
  const of = (side: Schemas['BacktestReport']['draft'], code: string) => side.campaigns.find((c) => c.campaign === code);
  return (
    <div data-testid="backtest">
      <p>{t('backtest.summary', { receipts: format.number(report.receipts), seconds: (report.millis / 1000).toFixed(1) })}</p>
      <table className="list">
        <caption className="visually-hidden">{t('backtest.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('backtest.campaign')}</th>
            <th scope="col" className="num">{t('backtest.publishedCost')}</th>
            <th scope="col" className="num">{t('backtest.draftPoints')}</th>
            <th scope="col" className="num">{t('backtest.draftDiscount')}</th>
            <th scope="col" className="num">{t('backtest.draftCost')}</th>
            <th scope="col" className="num">{t('backtest.receipts')}</th>
          </tr>
        </thead>
        <tbody>
          {codes.map((code) => {
            const published = of(report.published, code);
            const draft = of(report.draft, code);
            return (
              <tr key={code}>
                <th scope="row">{draft?.name ?? published?.name ?? code}</th>
                <td className="num">{published ? format.roubles(published.cost) : '—'}</td>
                <td className="num">{draft ? format.number(draft.points) : '—'}</td>
                <td className="num">{draft ? format.money(draft.discount) : '—'}</td>
                <td className="num">{draft ? format.roubles(draft.cost) : '—'}</td>
                <td className="num">{draft ? format.number(draft.receipts) : '—'}</td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('backtest.total')}</th>
            <td className="num">{format.roubles(report.published.cost)}</td>
            <td className="num">{format.number(report.draft.pointsIssued)}</td>
            <td className="num">{format.money(report.draft.discount)}</td>
            <td className="num">{format.roubles(report.draft.cost)}</td>
            <td />
          </tr>
        </tfoot>
      </table>
      <p className="difference">
        {t('backtest.difference', { cost: format.signedRoubles(report.difference.cost), points: format.signed(report.difference.pointsIssued) })}
      </p>
      <CostChart rows={codes.map((code) => ({ name: of(report.draft, code)?.name ?? of(report.published, code)?.name ?? code, published: of(report.published, code)?.cost ?? 0, draft: of(report.draft, code)?.cost ?? 0 }))} format={format} />
    </div>
  );
}

/**
 * Each campaign's cost as two bars, published above draft, on one scale: where the money goes at a glance. The
 * table above holds the same figures for those who do not see the bars.
 */
function CostChart({ rows, format }: { rows: { name: string; published: number; draft: number }[]; format: ReturnType<typeof useFormat> }) {
  const { t } = useTranslation();
  const largest = Math.max(1, ...rows.flatMap((r) => [r.published, r.draft]));
  const bar = (value: number, side: 'published' | 'draft') => (
    <div className={`bar ${side}`}>
      <span style={{ width: `${(80 * value) / largest}%` }} />
      <em>{format.roubles(value)}</em>
    </div>
  );
  return (
    <figure className="cost-chart" aria-hidden="true">
      <figcaption>
        {t('backtest.chart')} <span className="key published">{t('backtest.publishedSide')}</span> <span className="key draft">{t('backtest.draftSide')}</span>
      </figcaption>
      {rows.map((r) => (
        <div className="cost-row" key={r.name}>
          <span className="cost-name">{r.name}</span>
          <div>
            {bar(r.published, 'published')}
            {bar(r.draft, 'draft')}
          </div>
        </div>
      ))}
    </figure>
  );
}

/** Whole seconds since `running` became true. */
function useElapsed(running: boolean) {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    if (!running) return;
    setSeconds(0);
    const started = Date.now();
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 1000);
    return () => clearInterval(timer);
  }, [running]);
  return seconds;
}
