import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ok, ProblemError, type Schemas } from '../../api/client.ts';
import { Refusal } from '../../components/Refusal.tsx';
import { ShownOnce } from '../../components/ShownOnce.tsx';
import { useFormat } from '../../format.ts';

const roles: Schemas['StaffInput']['role'][] = ['support', 'marketer', 'analyst', 'owner'];

/** Who works in the console: the accounts, and a new one with a one-time password shown once. */
export function StaffAccounts() {
  const { t } = useTranslation();
  const format = useFormat();
  const client = useQueryClient();
  const staff = useQuery({ queryKey: ['staff'], queryFn: async () => ok(await api.GET('/v1/staff')) });
  const create = useMutation({
    mutationFn: async (form: FormData) => {
      const text = (name: string) => String(form.get(name) ?? '').trim();
      return ok(await api.POST('/v1/staff', { body: { email: text('email'), name: text('name'), role: text('role') as Schemas['StaffInput']['role'] } }));
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ['staff'] }),
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    create.mutate(new FormData(event.currentTarget));
  };
  const field = create.error instanceof ProblemError ? create.error.problem.field : undefined;
  return (
    <div>
      <section className="panel" aria-labelledby="staff-title">
        <h2 id="staff-title">{t('staff.title')}</h2>
        <Refusal error={staff.error} />
        {staff.data && (
          <table className="list">
            <thead>
              <tr>
                <th scope="col">{t('staff.name')}</th>
                <th scope="col">{t('staff.email')}</th>
                <th scope="col">{t('staff.role')}</th>
                <th scope="col">{t('staff.since')}</th>
              </tr>
            </thead>
            <tbody>
              {staff.data.items.map((s) => (
                <tr key={s.id}>
                  <td>{s.name}</td>
                  <td>{s.email}</td>
                  <td>{t(`roles.${s.role}`)}</td>
                  <td>{format.date(s.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="panel" aria-labelledby="new-staff-title">
        <h2 id="new-staff-title">{t('staff.add')}</h2>
        <form className="stack" onSubmit={submit}>
          <div className="grid-2">
            <div className="field">
              <label htmlFor="staff-name">{t('staff.name')}</label>
              <input id="staff-name" name="name" required maxLength={100} />
            </div>
            <div className="field">
              <label htmlFor="staff-email">{t('staff.email')}</label>
              <input id="staff-email" name="email" type="email" required maxLength={254} aria-invalid={field === 'email' || undefined} />
            </div>
            <div className="field">
              <label htmlFor="staff-role">{t('staff.role')}</label>
              <select id="staff-role" name="role" defaultValue="support" aria-describedby="staff-role-hint">
                {roles.map((r) => (
                  <option key={r} value={r}>
                    {t(`roles.${r}`)}
                  </option>
                ))}
              </select>
              <p className="hint" id="staff-role-hint">
                {t('staff.roleHint')}
              </p>
            </div>
          </div>
          <button type="submit" disabled={create.isPending}>
            {t('staff.create')}
          </button>
        </form>
        <div aria-live="polite">
          <Refusal error={create.error} />
          {create.data && <ShownOnce made={t('staff.created', { name: create.data.name, email: create.data.email })} warning={t('staff.once')} label={t('staff.password')} secret={create.data.password} />}
        </div>
      </section>
    </div>
  );
}
