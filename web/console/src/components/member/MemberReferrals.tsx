import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, ok } from '../../api/client.ts';
import { useFormat } from '../../format.ts';
import { Refusal } from '../Refusal.tsx';

/** Whom the member brought in, and where each friend's reward stands. */
export function MemberReferrals({ memberId }: { memberId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const referrals = useQuery({ queryKey: ['member', memberId, 'referrals'], queryFn: async () => ok(await api.GET('/v1/members/{id}/referrals', { params: { path: { id: memberId } } })) });
  return (
    <section className="panel" aria-labelledby="referrals-title">
      <h2 id="referrals-title">{t('referrals.title')}</h2>
      <Refusal error={referrals.error} />
      {referrals.data && referrals.data.items.length === 0 && <p className="empty">{t('referrals.none')}</p>}
      {referrals.data && referrals.data.items.length > 0 && (
        <ul className="plain">
          {referrals.data.items.map((r) => (
            <li key={r.memberId}>
              <Link to={`/members/${r.memberId}`}>{r.name ?? t('member.unnamed')}</Link>, {format.date(r.joinedAt)}: {t(`referrals.statuses.${r.status}`)}
              {r.referrals.length > 0 && <span className="code">{t('referrals.further', { count: r.referrals.length })}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
