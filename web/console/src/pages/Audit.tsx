import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ok, type Schemas } from '../api/client.ts';
import { PeriodFields, periodQuery, useFilterParams } from '../components/filters.tsx';
import { JsonDiff } from '../components/JsonDiff.tsx';
import { useFormat } from '../format.ts';
import { Refusal } from '../components/Refusal.tsx';
import { MoreButton } from '../components/MoreButton.tsx';

const entities = ['campaign', 'rule_set', 'settings', 'store', 'partner', 'category', 'coupon_batch', 'member', 'card', 'key', 'staff', 'webhook'] as const;

/** Who changed what and when: filtered by object, actor and period, each change with its before and after. */
export function Audit() {
  const { t } = useTranslation();
  const format = useFormat();
  const { values: filter, submit, key } = useFilterParams(['entity', 'entityId', 'actor', 'from', 'to'] as const);
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
              ...periodQuery(filter.from, filter.to),
              ...(pageParam ? { before: pageParam } : {}),
            },
          },
        }),
      ),
    getNextPageParam: (page) => page.next ?? undefined,
  });
  const records = pages.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">{t('audit.title')}</h1>
      <form className="filters" onSubmit={submit} key={key}>
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
        <PeriodFields idPrefix="audit" from={filter.from} to={filter.to} />
        <button type="submit">{t('audit.search')}</button>
      </form>
      {pages.isPending && <p role="status">{t('common.loading')}</p>}
      <Refusal error={pages.error} />
      {pages.isSuccess && records.length === 0 && <p className="empty">{t('audit.empty')}</p>}
      <ol className="audit">
        {records.map((record) => (
          <AuditEntry key={record.id} record={record} when={format.dateTime(record.at)} />
        ))}
      </ol>
      <MoreButton pages={pages} />
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
