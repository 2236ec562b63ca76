import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ok, type Schemas } from '../../api/client.ts';
import { Refusal } from '../../components/Refusal.tsx';
import { useMay } from '../../session.ts';

const channels = ['till', 'online', 'app', 'partner'] as const;

/** The programme's stores and product categories: what receipts, rules and campaigns' scopes name. */
export function Stores() {
  return (
    <div>
      <StoreList />
      <CategoryList />
    </div>
  );
}

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

function StoreList() {
  const { t } = useTranslation();
  const editable = useMay()('settings');
  const client = useQueryClient();
  const stores = useQuery({ queryKey: ['stores'], queryFn: async () => ok(await api.GET('/v1/stores')) });
  const partners = useQuery({ queryKey: ['partners'], queryFn: async () => ok(await api.GET('/v1/partners')) });
  const [editing, setEditing] = useState<Schemas['Store'] | null>(null);
  const save = useMutation({
    mutationFn: async (form: FormData) =>
      ok(
        await api.PUT('/v1/stores/{code}', {
          params: { path: { code: editing?.code ?? text(form, 'code') } },
          body: { name: text(form, 'name'), city: text(form, 'city') || null, channel: text(form, 'channel') as (typeof channels)[number], partner: text(form, 'partner') || null },
        }),
      ),
    onSuccess: async () => {
      setEditing(null);
      await client.invalidateQueries({ queryKey: ['stores'] });
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    save.mutate(new FormData(event.currentTarget));
  };
  return (
    <section className="panel" aria-labelledby="stores-title">
      <h2 id="stores-title">{t('stores.title')}</h2>
      <Refusal error={stores.error} />
      {stores.data && stores.data.items.length === 0 && <p className="empty">{t('stores.none')}</p>}
      {stores.data && stores.data.items.length > 0 && (
        <table className="list">
          <thead>
            <tr>
              <th scope="col">{t('stores.code')}</th>
              <th scope="col">{t('stores.name')}</th>
              <th scope="col">{t('stores.city')}</th>
              <th scope="col">{t('stores.channel')}</th>
              <th scope="col">{t('stores.partner')}</th>
              {editable && <th scope="col"><span className="visually-hidden">{t('stores.edit')}</span></th>}
            </tr>
          </thead>
          <tbody>
            {stores.data.items.map((s) => (
              <tr key={s.code}>
                <td className="code-cell">{s.code}</td>
                <td>{s.name}</td>
                <td>{s.city ?? '—'}</td>
                <td>{t(`stores.channels.${s.channel}`, { defaultValue: s.channel })}</td>
                <td>{s.partner ?? t('stores.own')}</td>
                {editable && (
                  <td>
                    <button type="button" className="quiet" onClick={() => setEditing(s)}>
                      {t('stores.edit')}
                      <span className="visually-hidden"> {s.name}</span>
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editable && (
        <form key={editing?.code ?? 'new'} className="stack" onSubmit={submit} aria-labelledby="store-form-title">
          <h3 id="store-form-title">{editing ? t('stores.editing', { name: editing.name }) : t('stores.add')}</h3>
          <div className="grid-2">
            <div className="field">
              <label htmlFor="store-code">{t('stores.code')}</label>
              <input id="store-code" name="code" required pattern="[A-Za-z0-9_\-.]{1,64}" defaultValue={editing?.code} readOnly={editing !== null} />
            </div>
            <div className="field">
              <label htmlFor="store-name">{t('stores.name')}</label>
              <input id="store-name" name="name" required maxLength={200} defaultValue={editing?.name} />
            </div>
            <div className="field">
              <label htmlFor="store-city">{t('stores.city')}</label>
              <input id="store-city" name="city" maxLength={100} defaultValue={editing?.city ?? ''} />
            </div>
            <div className="field">
              <label htmlFor="store-channel">{t('stores.channel')}</label>
              <select id="store-channel" name="channel" defaultValue={editing?.channel ?? 'till'}>
                {channels.map((c) => (
                  <option key={c} value={c}>
                    {t(`stores.channels.${c}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="store-partner">{t('stores.partner')}</label>
              <select id="store-partner" name="partner" defaultValue={editing?.partner ?? ''}>
                <option value="">{t('stores.own')}</option>
                {partners.data?.items.map((p) => (
                  <option key={p.code} value={p.code}>
                    {p.name}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className="row">
            <button type="submit" disabled={save.isPending}>
              {t('stores.save')}
            </button>
            {editing && (
              <button type="button" className="quiet" onClick={() => setEditing(null)}>
                {t('stores.cancel')}
              </button>
            )}
          </div>
          <div aria-live="polite">
            <Refusal error={save.error} />
            {save.isSuccess && <p className="done">{t('stores.saved', { name: save.data.name })}</p>}
          </div>
        </form>
      )}
    </section>
  );
}

function CategoryList() {
  const { t } = useTranslation();
  const editable = useMay()('settings');
  const client = useQueryClient();
  const categories = useQuery({ queryKey: ['categories'], queryFn: async () => ok(await api.GET('/v1/categories')) });
  const save = useMutation({
    mutationFn: async (form: FormData) =>
      ok(await api.PUT('/v1/categories/{code}', { params: { path: { code: text(form, 'code') } }, body: { name: text(form, 'name'), parent: text(form, 'parent') || null } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['categories'] }),
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    save.mutate(new FormData(event.currentTarget));
  };
  const items = categories.data?.items ?? [];
  const nameOf = (code: string | null) => items.find((c) => c.code === code)?.name ?? code;
  return (
    <section className="panel" aria-labelledby="categories-title">
      <h2 id="categories-title">{t('categories.title')}</h2>
      <Refusal error={categories.error} />
      {categories.isSuccess && items.length === 0 && <p className="empty">{t('categories.none')}</p>}
      {items.length > 0 && (
        <table className="list">
          <thead>
            <tr>
              <th scope="col">{t('stores.code')}</th>
              <th scope="col">{t('stores.name')}</th>
              <th scope="col">{t('categories.parent')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((c) => (
              <tr key={c.code}>
                <td className="code-cell">{c.code}</td>
                <td>{c.name}</td>
                <td>{c.parent ? nameOf(c.parent) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editable && (
        <form className="stack" onSubmit={submit} aria-labelledby="category-form-title">
          <h3 id="category-form-title">{t('categories.add')}</h3>
          <p className="hint">{t('categories.hint')}</p>
          <div className="grid-2">
            <div className="field">
              <label htmlFor="category-code">{t('stores.code')}</label>
              <input id="category-code" name="code" required pattern="[A-Za-z0-9_\-.]{1,64}" />
            </div>
            <div className="field">
              <label htmlFor="category-name">{t('stores.name')}</label>
              <input id="category-name" name="name" required maxLength={200} />
            </div>
            <div className="field">
              <label htmlFor="category-parent">{t('categories.parent')}</label>
              <select id="category-parent" name="parent" defaultValue="">
                <option value="">—</option>
                {items.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <button type="submit" disabled={save.isPending}>
            {t('stores.save')}
          </button>
          <div aria-live="polite">
            <Refusal error={save.error} />
            {save.isSuccess && <p className="done">{t('stores.saved', { name: save.data.name })}</p>}
          </div>
        </form>
      )}
    </section>
  );
}
