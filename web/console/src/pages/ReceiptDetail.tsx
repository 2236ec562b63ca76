import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, ok } from '../api/client.ts';
import { ReturnForm } from '../components/ReturnForm.tsx';
import { useFormat } from '../format.ts';
import { useMay } from '../session.ts';
import { Refusal } from '../components/Refusal.tsx';

/** One receipt: its lines, what the campaigns gave, its returns; support may return lines or cancel it. */
export function ReceiptDetail() {
  const { t } = useTranslation();
  const format = useFormat();
  const may = useMay();
  const id = useParams().id ?? '';
  const receipt = useQuery({ queryKey: ['receipt', id], queryFn: async () => ok(await api.GET('/v1/receipts/{id}', { params: { path: { id } } })) });
  if (receipt.isPending) return <p role="status">{t('common.loading')}</p>;
  if (receipt.isError) return <Refusal error={receipt.error} />;
  const r = receipt.data;
  return (
    <section aria-labelledby="receipt-title">
      <p>
        <Link to="/receipts">← {t('receipts.back')}</Link>
      </p>
      <h1 id="receipt-title">{t('receipts.titleOne', { number: r.number })}</h1>
      <div className="columns">
        <section className="panel" aria-labelledby="receipt-facts">
          <h2 id="receipt-facts">{t('receipts.facts')}</h2>
          <dl>
            <dt>{t('receipts.when')}</dt>
            <dd>{format.dateTime(r.purchasedAt)}</dd>
            <dt>{t('receipts.store')}</dt>
            <dd>{r.storeCode}</dd>
            <dt>{t('receipts.status')}</dt>
            <dd>{t(`receipts.statuses.${r.status}`)}</dd>
            <dt>{t('receipts.member')}</dt>
            <dd>{r.memberId ? <Link to={`/members/${r.memberId}`}>{t('receipts.openMember')}</Link> : t('receipts.anonymous')}</dd>
            <dt>{t('receipts.rules')}</dt>
            <dd>{t('receipts.versions', { rules: r.rulesVersion, settings: r.settingsVersion })}</dd>
          </dl>
        </section>
        <section className="panel" aria-labelledby="receipt-money">
          <h2 id="receipt-money">{t('receipts.money')}</h2>
          <dl className="figures">
            <div>
              <dt>{t('receipts.total')}</dt>
              <dd>{format.money(r.total)}</dd>
            </div>
            <div>
              <dt>{t('simulate.discount')}</dt>
              <dd>{format.money(r.campaignDiscount)}</dd>
            </div>
            <div>
              <dt>{t('receipts.earned')}</dt>
              <dd>{format.number(r.pointsEarned)}</dd>
            </div>
            <div>
              <dt>{t('receipts.spent')}</dt>
              <dd>{format.number(r.pointsSpent)}</dd>
            </div>
          </dl>
        </section>
      </div>
      <section className="panel" aria-labelledby="receipt-campaigns">
        <h2 id="receipt-campaigns">{t('receipts.campaigns')}</h2>
        {r.campaigns.length === 0 ? (
          <p className="empty">{t('simulate.noneApplied')}</p>
        ) : (
          <ul data-testid="receipt-campaigns">
            {r.campaigns.map((c) => (
              <li key={c.campaign}>
                {t('simulate.appliedLine', { name: c.name, points: format.number(c.points), discount: format.money(c.discount) })}
                {c.reversed ? ` (${t('receipts.reversed')})` : ''}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="panel" aria-labelledby="receipt-lines">
        <h2 id="receipt-lines">{t('receipts.lines')}</h2>
        <table className="list">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('receipts.product')}</th>
              <th scope="col" className="num">{t('simulate.quantity')}</th>
              <th scope="col" className="num">{t('receipts.amount')}</th>
              <th scope="col" className="num">{t('simulate.discount')}</th>
              <th scope="col" className="num">{t('receipts.earned')}</th>
              <th scope="col" className="num">{t('receipts.spent')}</th>
              <th scope="col" className="num">{t('receipts.returned')}</th>
            </tr>
          </thead>
          <tbody>
            {r.lines.map((l) => (
              <tr key={l.lineNo}>
                <td>{l.lineNo}</td>
                <td>
                  {l.name ?? l.sku}
                  <span className="code">{[l.sku, l.category].filter(Boolean).join(' · ')}</span>
                </td>
                <td className="num">{format.number(l.quantity)}</td>
                <td className="num">{format.money(l.amount)}</td>
                <td className="num">{format.money(l.campaignDiscount)}</td>
                <td className="num">{format.number(l.pointsEarned)}</td>
                <td className="num">{format.number(l.pointsSpent)}</td>
                <td className="num">{l.returnedQuantity ? format.number(l.returnedQuantity) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {r.returns.length > 0 && (
        <section className="panel" aria-labelledby="receipt-returns">
          <h2 id="receipt-returns">{t('receipts.returns')}</h2>
          <ul>
            {r.returns.map((x) => (
              <li key={x.id}>
                {t(x.kind === 'cancel' ? 'receipts.cancelLine' : 'receipts.returnLine', {
                  when: format.dateTime(x.at),
                  amount: format.money(x.amount),
                  clawedBack: format.number(x.pointsClawedBack),
                  refunded: format.number(x.pointsRefunded),
                })}
              </li>
            ))}
          </ul>
        </section>
      )}
      {may('receipts') && r.status === 'confirmed' && <ReturnForm receipt={r} />}
    </section>
  );
}
