import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';

const DAY = 86_400_000;

/** A search form's fields kept in the page's address, so a search can be reloaded, shared and gone back to. */
export function useFilterParams<K extends string>(names: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const values = Object.fromEntries(names.map((name) => [name, params.get(name) ?? ''])) as Record<K, string>;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setParams(Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v).trim()]).filter(([, v]) => v)));
  };
  return { values, submit, key: params.toString() };
}

/** Whole days from `from` to `to` inclusive, as the API's instants (UTC days). */
export const periodQuery = (from: string, to: string) => ({
  ...(from ? { from: `${from}T00:00:00Z` } : {}),
  ...(to ? { to: new Date(Date.parse(`${to}T00:00:00Z`) + DAY).toISOString() } : {}),
});

/** The "from" and "to" days of a search form. */
export function PeriodFields({ idPrefix, from, to }: { idPrefix: string; from: string; to: string }) {
  const { t } = useTranslation();
  return (
    <>
      <div className="field">
        <label htmlFor={`${idPrefix}-from`}>{t('audit.from')}</label>
        <input id={`${idPrefix}-from`} name="from" type="date" defaultValue={from} />
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-to`}>{t('audit.to')}</label>
        <input id={`${idPrefix}-to`} name="to" type="date" defaultValue={to} />
      </div>
    </>
  );
}
