import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ok } from '../api/client.ts';
import { useFormat } from '../format.ts';

const balanceKey = (memberId: string) => ['member', memberId, 'balance'] as const;

/** Available, pending and soon-expiring points. */
export function MemberBalance({ memberId }: { memberId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const balance = useQuery({ queryKey: balanceKey(memberId), queryFn: async () => ok(await api.GET('/v1/members/{id}/balance', { params: { path: { id: memberId } } })) });
  if (!balance.data) return <p role="status">{t('common.loading')}</p>;
  const b = balance.data;
  return (
    <section className="panel" aria-labelledby="balance-title">
      <h2 id="balance-title">{t('balance.title')}</h2>
      <dl className="figures">
        <div>
          <dt>{t('balance.available')}</dt>
          <dd data-testid="points-available">{format.number(b.available)}</dd>
        </div>
        <div>
          <dt>{t('balance.pending')}</dt>
          <dd>{format.number(b.pending)}</dd>
        </div>
        <div>
          <dt>{t('balance.expiringSoon')}</dt>
          <dd>{format.number(b.expiringSoon)}</dd>
        </div>
        {b.debt > 0 && (
          <div>
            <dt>{t('balance.debt')}</dt>
            <dd>{format.number(b.debt)}</dd>
          </div>
        )}
      </dl>
      {b.nextExpiry && <p className="hint">{t('balance.nextExpiry', { points: format.number(b.nextExpiry.points), date: format.date(b.nextExpiry.at) })}</p>}
    </section>
  );
}
