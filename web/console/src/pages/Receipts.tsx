import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ok, ProblemError } from '../api/client.ts';
import { PeriodFields, periodQuery, useFilterParams } from '../components/filters.tsx';
import { Refusal } from '../components/Refusal.tsx';
import { MoreButton } from '../components/MoreButton.tsx';
import { ReceiptTable } from '../components/ReceiptTable.tsx';

/** The member a phone names, for the search; none when no member has it. */
async function memberByPhone(phone: string): Promise<string | null> {
  try {
    return ok(await api.GET('/v1/members', { params: { query: { phone } } })).id;
  } catch (error) {
    if (error instanceof ProblemError && error.problem.code === 'member_not_found') return null;
    throw error;
  }
}

/** Receipts by store, number, the member's phone and period, newest first, a page at a time. */
export function Receipts() {
  const { t } = useTranslation();
  const { values: filter, submit, key } = useFilterParams(['store', 'number', 'phone', 'from', 'to'] as const);
  const stores = useQuery({ queryKey: ['stores'], queryFn: async () => ok(await api.GET('/v1/stores')).items, staleTime: Infinity });
  const pages = useInfiniteQuery({
    queryKey: ['receipts', filter],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) => {
      const memberId = filter.phone ? await memberByPhone(filter.phone) : undefined;
      if (memberId === null) return { items: [], next: null };
      return ok(
        await api.GET('/v1/receipts', {
          params: {
            query: {
              limit: 25,
              ...(filter.store ? { storeCode: filter.store } : {}),
              ...(filter.number ? { number: filter.number } : {}),
              ...(memberId ? { memberId } : {}),
              ...periodQuery(filter.from, filter.to),
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
        }),
      );
    },
    getNextPageParam: (page) => page.next ?? undefined,
  });
  const receipts = pages.data?.pages.flatMap((page) => page.items) ?? [];
  const storeName = (code: string) => stores.data?.find((s) => s.code === code)?.name ?? code;

  return (
    <section aria-labelledby="receipts-title">
      <h1 id="receipts-title">{t('receipts.title')}</h1>
      <form className="filters" onSubmit={submit} key={key}>
        <div className="field">
          <label htmlFor="receipt-store">{t('receipts.store')}</label>
          <select id="receipt-store" name="store" defaultValue={filter.store}>
            <option value="">{t('receipts.anyStore')}</option>
            {stores.data?.map((s) => (
              <option key={s.code} value={s.code}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="receipt-number">{t('receipts.number')}</label>
          <input id="receipt-number" name="number" defaultValue={filter.number} />
        </div>
        <div className="field">
          <label htmlFor="receipt-phone">{t('receipts.phone')}</label>
          <input id="receipt-phone" name="phone" inputMode="tel" defaultValue={filter.phone} />
        </div>
        <PeriodFields idPrefix="receipt" from={filter.from} to={filter.to} />
        <button type="submit">{t('audit.search')}</button>
      </form>
      {pages.isPending && <p role="status">{t('common.loading')}</p>}
      <Refusal error={pages.error} />
      {pages.isSuccess && receipts.length === 0 && <p className="empty">{t('receipts.empty')}</p>}
      {receipts.length > 0 && <ReceiptTable receipts={receipts} storeName={storeName} />}
      <MoreButton pages={pages} />
    </section>
  );
}
