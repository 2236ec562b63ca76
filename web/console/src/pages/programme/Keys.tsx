import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, done, ok, type Schemas } from '../../api/client.ts';
import { Refusal } from '../../components/Refusal.tsx';
import { ShownOnce } from '../../components/ShownOnce.tsx';
import { useFormat } from '../../format.ts';

type Role = Schemas['ApiKeyInput']['role'];
const roles: Role[] = ['pos', 'partner', 'marketer', 'readonly', 'admin'];

/** The API keys tills, shops and partners call with: issue one (its secret shown once), see them, revoke one. */
export function Keys() {
  const { t } = useTranslation();
  const format = useFormat();
  const client = useQueryClient();
  const keys = useQuery({ queryKey: ['keys'], queryFn: async () => ok(await api.GET('/v1/keys')) });
  const partners = useQuery({ queryKey: ['partners'], queryFn: async () => ok(await api.GET('/v1/partners')) });
  const [role, setRole] = useState<Role>('pos');
  const issue = useMutation({
    mutationFn: async (form: FormData) => {
      const partner = String(form.get('partner') ?? '');
      return ok(
        await api.POST('/v1/keys', {
          body: { name: String(form.get('name') ?? '').trim(), role, pii: role === 'readonly' && form.get('pii') === 'on', ...(role === 'partner' && partner ? { partner } : {}) },
        }),
      );
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ['keys'] }),
  });
  const revoke = useMutation({
    mutationFn: async (id: string) => done(await api.DELETE('/v1/keys/{id}', { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['keys'] }),
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    issue.mutate(new FormData(event.currentTarget));
  };
  return (
    <div>
      <section className="panel" aria-labelledby="keys-title">
        <h2 id="keys-title">{t('keys.title')}</h2>
        <Refusal error={keys.error ?? revoke.error} />
        {keys.data && (
          <table className="list">
            <thead>
              <tr>
                <th scope="col">{t('keys.name')}</th>
                <th scope="col">{t('keys.role')}</th>
                <th scope="col">{t('keys.created')}</th>
                <th scope="col">{t('keys.state')}</th>
              </tr>
            </thead>
            <tbody>
              {keys.data.items.map((k) => (
                <tr key={k.id}>
                  <td>
                    {k.name}
                    <span className="code">{k.id}</span>
                  </td>
                  <td>
                    {t(`keys.roles.${k.role}`)}
                    {k.pii && ` · ${t('keys.pii')}`}
                    {k.partner && ` · ${k.partner}`}
                  </td>
                  <td>{format.dateTime(k.createdAt)}</td>
                  <td>
                    {k.revokedAt ? (
                      t('keys.revokedAt', { at: format.dateTime(k.revokedAt) })
                    ) : (
                      <button
                        type="button"
                        className="quiet"
                        disabled={revoke.isPending}
                        onClick={() => window.confirm(t('keys.confirmRevoke', { name: k.name })) && revoke.mutate(k.id)}
                      >
                        {t('keys.revoke')}
                        <span className="visually-hidden"> {k.name}</span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="panel" aria-labelledby="new-key-title">
        <h2 id="new-key-title">{t('keys.issue')}</h2>
        <form className="stack" onSubmit={submit}>
          <div className="grid-2">
            <div className="field">
              <label htmlFor="key-name">{t('keys.name')}</label>
              <input id="key-name" name="name" required maxLength={100} aria-describedby="key-name-hint" />
              <p className="hint" id="key-name-hint">
                {t('keys.nameHint')}
              </p>
            </div>
            <div className="field">
              <label htmlFor="key-role">{t('keys.role')}</label>
              <select id="key-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
                {roles.map((r) => (
                  <option key={r} value={r}>
                    {t(`keys.roles.${r}`)}
                  </option>
                ))}
              </select>
            </div>
            {role === 'readonly' && (
              <span className="check">
                <input id="key-pii" name="pii" type="checkbox" />
                <label htmlFor="key-pii">{t('keys.piiGrant')}</label>
              </span>
            )}
            {role === 'partner' && (
              <div className="field">
                <label htmlFor="key-partner">{t('stores.partner')}</label>
                <select id="key-partner" name="partner" required>
                  {partners.data?.items.map((p) => (
                    <option key={p.code} value={p.code}>
                      {p.name}
                    </option>
                  ))}
                </select>
              </div>
            )}
          </div>
          <button type="submit" disabled={issue.isPending}>
            {t('keys.issue')}
          </button>
        </form>
        <div aria-live="polite">
          <Refusal error={issue.error} />
          {issue.data && <ShownOnce made={t('keys.issued', { name: issue.data.name })} warning={t('keys.once')} label={t('keys.secret')} secret={issue.data.secret} />}
        </div>
      </section>
    </div>
  );
}
