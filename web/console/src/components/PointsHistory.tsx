import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ok } from '../api/client.ts';
import { useFormat } from '../format.ts';
import { MoreButton } from './MoreButton.tsx';

const historyKey = (memberId: string) => ['member', memberId, 'history'] as const;

/** How the member's points moved, newest first, a page at a time. */
export function PointsHistory({ memberId }: { memberId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const pages = useInfiniteQuery({
    queryKey: historyKey(memberId),
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) =>
      ok(await api.GET('/v1/members/{id}/history', { params: { path: { id: memberId }, query: { limit: 20, ...(pageParam ? { cursor: pageParam } : {}) } } })),
    getNextPageParam: (page) => page.next ?? undefined,
  });
  const items = pages.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section className="panel" aria-labelledby="history-title">
      <h2 id="history-title">{t('history.title')}</h2>
      {pages.isPending && <p role="status">{t('common.loading')}</p>}
      {pages.isSuccess && items.length === 0 && <p className="empty">{t('history.empty')}</p>}
      {items.length > 0 && (
        <table className="list">
          <thead>
            <tr>
              <th scope="col">{t('history.when')}</th>
              <th scope="col">{t('history.what')}</th>
              <th scope="col" className="num">
                {t('balance.available')}
              </th>
              <th scope="col" className="num">
                {t('balance.pending')}
              </th>
              <th scope="col">{t('history.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id}>
                <td>{format.dateTime(item.at)}</td>
                <td>{t(`history.kinds.${item.kind}`)}</td>
                <td className="num">{item.available ? format.signed(item.available) : ''}</td>
                <td className="num">{item.pending ? format.signed(item.pending) : ''}</td>
                <td>{item.reason ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <MoreButton pages={pages} />
    </section>
  );
}
