import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Member, ok, ProblemError } from '../../api/client.ts';
import { Refusal } from '../Refusal.tsx';

/** The member's profile as support corrects it: name, contacts, birthday, city and consents; the audit keeps what changed. */
export function EditProfile({ member, onDone }: { member: Member; onDone: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: async (form: FormData) => {
      const text = (name: string) => String(form.get(name) ?? '').trim() || null;
      return ok(
        await api.PATCH('/v1/members/{id}', {
          params: { path: { id: member.id } },
          body: {
            name: text('name'),
            phone: text('phone'),
            email: text('email'),
            birthDate: text('birthDate'),
            city: text('city'),
            consents: { email: form.get('consent-email') === 'on', sms: form.get('consent-sms') === 'on', push: form.get('consent-push') === 'on' },
          },
        }),
      );
    },
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['member', member.id] });
      onDone();
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    save.mutate(new FormData(event.currentTarget));
  };
  const field = save.error instanceof ProblemError ? (save.error.problem.field ?? save.error.problem.errors?.[0]?.path) : undefined;
  const input = (name: 'name' | 'phone' | 'email' | 'birthDate' | 'city', type = 'text') => (
    <div className="field">
      <label htmlFor={`profile-${name}`}>{t(`member.${name}`)}</label>
      <input id={`profile-${name}`} name={name} type={type} defaultValue={member[name] ?? ''} aria-invalid={field === name || undefined} />
    </div>
  );
  return (
    <form className="stack" onSubmit={submit} aria-label={t('member.edit')}>
      <div className="grid-2">
        {input('name')}
        {input('phone', 'tel')}
        {input('email', 'email')}
        {input('birthDate', 'date')}
        {input('city')}
      </div>
      <fieldset className="choices">
        <legend>{t('member.consents')}</legend>
        {(['email', 'sms', 'push'] as const).map((channel) => (
          <span key={channel} className="check">
            <input id={`consent-${channel}`} name={`consent-${channel}`} type="checkbox" defaultChecked={member.consents[channel]} />
            <label htmlFor={`consent-${channel}`}>{t(`member.consent.${channel}`)}</label>
          </span>
        ))}
      </fieldset>
      <div className="row">
        <button type="submit" disabled={save.isPending}>
          {t('member.save')}
        </button>
        <button type="button" className="quiet" onClick={onDone}>
          {t('stores.cancel')}
        </button>
      </div>
      <div aria-live="polite">
        <Refusal error={save.error} />
      </div>
    </form>
  );
}
