import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ok } from '../../api/client.ts';
import { useFormat } from '../../format.ts';
import { Refusal } from '../Refusal.tsx';

/** How the member's tier moved, newest first, and on what qualifying value. */
export function TierHistory({ memberId, tierName }: { memberId: string; tierName: (code: string | null) => string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const changes = useQuery({ queryKey: ['member', memberId, 'tiers'], queryFn: async () => ok(await api.GET('/v1/members/{id}/tier-history', { params: { path: { id: memberId } } })) });
  return (
    <section className="panel" aria-labelledby="tier-history-title">
      <h2 id="tier-history-title">{t('tierHistory.title')}</h2>
      <Refusal error={changes.error} />
      {changes.data && changes.data.items.length === 0 && <p className="empty">{t('tierHistory.none')}</p>}
      {changes.data && changes.data.items.length > 0 && (
        <ul className="plain">
          {changes.data.items.map((c) => (
            <li key={c.id}>
              {format.date(c.at)}: {tierName(c.from)} → <strong>{tierName(c.to)}</strong>
              <span className="code">{c.reason}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
