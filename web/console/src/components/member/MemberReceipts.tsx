import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, ok } from '../../api/client.ts';
import { useFormat } from '../../format.ts';
import { MoreButton } from '../MoreButton.tsx';
import { Refusal } from '../Refusal.tsx';

/** The member's receipts, newest first, a page at a time. */
export function MemberReceipts({ memberId }: { memberId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const receipts = useInfiniteQuery({
    queryKey: ['member', memberId, 'receipts'],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) => ok(await api.GET('/v1/receipts', { params: { query: { memberId, limit: 10, ...(pageParam ? { cursor: pageParam } : {}) } } })),
    getNextPageParam: (page) => page.next ?? undefined,
  });
  const items = receipts.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section className="panel" aria-labelledby="member-receipts-title">
      <h2 id="member-receipts-title">{t('nav.receipts')}</h2>
      <Refusal error={receipts.error} />
      {receipts.isSuccess && items.length === 0 && <p className="empty">{t('receipts.empty')}</p>}
      {items.length > 0 && (
        <table className="list">
          <thead>
            <tr>
              <th scope="col">{t('receipts.number')}</th>
              <th scope="col">{t('receipts.when')}</th>
              <th scope="col" className="num">{t('receipts.total')}</th>
              <th scope="col" className="num">{t('receipts.earned')}</th>
              <th scope="col" className="num">{t('receipts.spent')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link to={`/receipts/${r.id}`}>{r.number}</Link>
                  {r.status === 'cancelled' && <span className="code">{t('receipts.statuses.cancelled')}</span>}
                </td>
                <td>{format.dateTime(r.purchasedAt)}</td>
                <td className="num">{format.money(r.total)}</td>
                <td className="num">{format.number(r.pointsEarned)}</td>
                <td className="num">{format.number(r.pointsSpent)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <MoreButton pages={receipts} />
    </section>
  );
}
