import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, ok } from '../../api/client.ts';
import { useFormat } from '../../format.ts';
import { Refusal } from '../Refusal.tsx';

/** The lots the member still holds: what is left of each, when it activates and when it burns, and where it came from. */
export function MemberLots({ memberId }: { memberId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const lots = useQuery({ queryKey: ['member', memberId, 'lots'], queryFn: async () => ok(await api.GET('/v1/members/{id}/lots', { params: { path: { id: memberId } } })) });
  return (
    <section className="panel" aria-labelledby="lots-title">
      <h2 id="lots-title">{t('lots.title')}</h2>
      <Refusal error={lots.error} />
      {lots.data && lots.data.items.length === 0 && <p className="empty">{t('lots.none')}</p>}
      {lots.data && lots.data.items.length > 0 && (
        <table className="list">
          <thead>
            <tr>
              <th scope="col" className="num">{t('lots.remaining')}</th>
              <th scope="col">{t('lots.state')}</th>
              <th scope="col">{t('lots.expires')}</th>
              <th scope="col">{t('lots.source')}</th>
            </tr>
          </thead>
          <tbody>
            {lots.data.items.map((lot) => (
              <tr key={lot.id}>
                <td className="num">
                  {format.number(lot.remaining)}
                  {lot.remaining !== lot.amount && <span className="code">{t('lots.of', { amount: format.number(lot.amount) })}</span>}
                </td>
                <td>{lot.state === 'pending' ? t('lots.pendingUntil', { date: format.date(lot.activatesAt) }) : t('lots.active')}</td>
                <td>{lot.expiresAt ? format.date(lot.expiresAt) : t('lots.never')}</td>
                <td>
                  {lot.receiptId ? <Link to={`/receipts/${lot.receiptId}`}>{t(`history.kinds.${lot.source}`, { defaultValue: lot.source })}</Link> : t(`history.kinds.${lot.source}`, { defaultValue: lot.source })}
                  {lot.reason && <span className="code">{lot.reason}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
