import { useTranslation } from 'react-i18next';

/** "Show more" under a list read a page at a time; nothing when the last page is shown. */
export function MoreButton({ pages }: { pages: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown } }) {
  const { t } = useTranslation();
  if (!pages.hasNextPage) return null;
  return (
    <button type="button" className="quiet" onClick={() => void pages.fetchNextPage()} disabled={pages.isFetchingNextPage}>
      {t('history.more')}
    </button>
  );
}
