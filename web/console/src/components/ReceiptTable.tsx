import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Schemas } from '../api/client.ts';
import { useFormat } from '../format.ts';

/** Receipts as rows: number (to its page), when, the store when `storeName` is given, state, money and points. */
export function ReceiptTable({ receipts, storeName }: { receipts: Schemas['ReceiptSummary'][]; storeName?: (code: string) => string }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <table className="list">
      <thead>
        <tr>
          <th scope="col">{t('receipts.number')}</th>
          <th scope="col">{t('receipts.when')}</th>
          {storeName && <th scope="col">{t('receipts.store')}</th>}
          <th scope="col">{t('receipts.status')}</th>
          <th scope="col" className="num">{t('receipts.total')}</th>
          <th scope="col" className="num">{t('receipts.earned')}</th>
          <th scope="col" className="num">{t('receipts.spent')}</th>
        </tr>
      </thead>
      <tbody>
        {receipts.map((r) => (
          <tr key={r.id}>
            <td>
              <Link to={`/receipts/${r.id}`}>{r.number}</Link>
            </td>
            <td>{format.dateTime(r.purchasedAt)}</td>
            {storeName && <td>{storeName(r.storeCode)}</td>}
            <td>{t(`receipts.statuses.${r.status}`)}</td>
            <td className="num">{format.money(r.total)}</td>
            <td className="num">{format.number(r.pointsEarned)}</td>
            <td className="num">{format.number(r.pointsSpent)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
