import { useInfiniteQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, ok, type Schemas } from '../api/client.ts';
import { JsonDiff } from '../components/JsonDiff.tsx';
import { useFormat } from '../format.ts';
import { useProblemText } from '../problems.ts';

const entities = ['campaign', 'rule_set', 'settings', 'store', 'partner', 'category', 'coupon_batch', 'member', 'card', 'key', 'staff', 'webhook'] as const;

/** Who changed what and when: filtered by object, actor and period, each change with its before and after. */
export function Audit() {
  const { t } = useTranslation();
  const format = useFormat();
  const problemText = useProblemText();
  const [params, setParams] = useSearchParams();
  const filter = { entity: params.get('entity') ?? '', entityId: params.get('entityId') ?? '', actor: params.get('actor') ?? '', from: params.get('from') ?? '', to: params.get('to') ?? '' };
  const pages = useInfiniteQuery({
    queryKey: ['audit', filter],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) =>
      ok(
        await api.GET('/v1/audit', {
          params: {
            query: {
              limit: 30,
              ...(filter.entity ? { entity: filter.entity } : {}),
              ...(filter.entityId ? { entityId: filter.entityId } : {}),
              ...(filter.actor ? { actor: filter.actor } : {}),
              ...(filter.from ? { from: `${filter.from}T00:00:00Z` } : {}),
              ...(filter.to ? { to: new Date(Date.parse(`${filter.to}T00:00:00Z`) + 86_400_000).toISOString() } : {}),
              ...(pageParam ? { before: pageParam } : {}),
            },
          },
        }),
      ),
    getNextPageParam: (page) => page.next ?? undefined,
  });
  const search = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setParams(Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v).trim()]).filter(([, v]) => v)));
  };
  const records = pages.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">{t('audit.title')}</h1>
      <form className="filters" onSubmit={search} key={params.toString()}>
        <div className="field">
          <label htmlFor="audit-entity">{t('audit.entity')}</label>
          <select id="audit-entity" name="entity" defaultValue={filter.entity}>
            <option value="">{t('audit.anyEntity')}</option>
            {entities.map((entity) => (
              <option key={entity} value={entity}>
                {t(`audit.entities.${entity}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-entity-id">{t('audit.entityId')}</label>
          <input id="audit-entity-id" name="entityId" defaultValue={filter.entityId} />
        </div>
        <div className="field">
          <label htmlFor="audit-actor">{t('audit.actor')}</label>
          <input id="audit-actor" name="actor" defaultValue={filter.actor} />
        </div>
        <div className="field">
          <label htmlFor="audit-from">{t('audit.from')}</label>
          <input id="audit-from" name="from" type="date" defaultValue={filter.from} />
        </div>
        <div className="field">
          <label htmlFor="audit-to">{t('audit.to')}</label>
          <input id="audit-to" name="to" type="date" defaultValue={filter.to} />
        </div>
        <button type="submit">{t('audit.search')}</button>
      </form>
      {pages.isPending && <p role="status">{t('common.loading')}</p>}
      {pages.isError && (
        <p className="error" role="alert">
          {problemText(pages.error)}
        </p>
      )}
      {pages.isSuccess && records.length === 0 && <p className="empty">{t('audit.empty')}</p>}
      <ol className="audit">
        {records.map((record) => (
          <AuditEntry key={record.id} record={record} when={format.dateTime(record.at)} />
        ))}
      </ol>
      {pages.hasNextPage && (
        <button type="button" className="quiet" onClick={() => void pages.fetchNextPage()} disabled={pages.isFetchingNextPage}>
          {t('history.more')}
        </button>
      )}
    </section>
  );
}

function AuditEntry({ record, when }: { record: Schemas['AuditRecord']; when: string }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const entity = i18n.exists(`audit.entities.${record.entity}`) ? t(`audit.entities.${record.entity}` as 'audit.entities.store') : record.entity;
  const action = i18n.exists(`audit.actions.${record.action}`) ? t(`audit.actions.${record.action}` as 'audit.actions.create') : record.action;
  return (
    <li className="panel">
      <div className="audit-head">
        <span>{when}</span>
        <strong>
          {action}: {entity} {record.entityId}
        </strong>
        <span className="who">{record.actor}</span>
        <button type="button" className="quiet small" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? t('audit.hide') : t('audit.show')}
        </button>
      </div>
      {open && <JsonDiff before={record.before} after={record.after} label={t('audit.diff')} />}
    </li>
  );
}
