import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ok } from '../../api/client.ts';
import { MoreButton } from '../MoreButton.tsx';
import { ReceiptTable } from '../ReceiptTable.tsx';
import { Refusal } from '../Refusal.tsx';

/** The member's receipts, newest first, a page at a time. */
export function MemberReceipts({ memberId }: { memberId: string }) {
  const { t } = useTranslation();
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
      {items.length > 0 && <ReceiptTable receipts={items} />}
      <MoreButton pages={receipts} />
    </section>
  );
}
