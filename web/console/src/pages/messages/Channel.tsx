import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ok } from '../../api/client.ts';
import { Refusal } from '../../components/Refusal.tsx';

/** The SMTP server e-mails go out through: tried by the server before it is kept, the password never shown again. */
export function Channel() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const channel = useQuery({ queryKey: ['email-channel'], queryFn: async () => ok(await api.GET('/v1/messaging/channels/email')) });
  const save = useMutation({
    mutationFn: async (form: FormData) => {
      const password = String(form.get('password') ?? '');
      const [domain, selector, privateKey] = ['dkimDomain', 'dkimSelector', 'dkimKey'].map((name) => String(form.get(name) ?? '').trim());
      return ok(
        await api.PUT('/v1/messaging/channels/email', {
          body: {
            host: String(form.get('host') ?? '').trim(),
            port: Number(form.get('port')),
            secure: form.get('secure') === 'on',
            user: String(form.get('user') ?? '').trim() || null,
            from: String(form.get('from') ?? '').trim(),
            replyTo: String(form.get('replyTo') ?? '').trim() || null,
            ...(password ? { password } : {}),
            dkim: domain ? { domain, selector: selector || 'kopilka', ...(privateKey ? { privateKey } : {}) } : null,
          },
        }),
      );
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ['email-channel'] }),
  });
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    save.mutate(new FormData(e.currentTarget));
  };
  const now = channel.data;
  if (channel.isPending) return <p role="status">{t('common.loading')}</p>;
  return (
    <section className="panel" aria-labelledby="channel-title">
      <h2 id="channel-title">{t('channel.title')}</h2>
      <p className="hint">{t('channel.hint')}</p>
      <Refusal error={channel.error} />
      <form className="stack" onSubmit={submit}>
        <label htmlFor="channel-host">{t('channel.host')}</label>
        <input id="channel-host" name="host" required defaultValue={now?.host ?? '127.0.0.1'} />
        <label htmlFor="channel-port">{t('channel.port')}</label>
        <input id="channel-port" name="port" type="number" min={1} max={65535} required defaultValue={now?.port ?? 2525} />
        <span className="check">
          <input id="channel-secure" name="secure" type="checkbox" defaultChecked={now?.secure ?? false} />
          <label htmlFor="channel-secure">{t('channel.secure')}</label>
        </span>
        <label htmlFor="channel-user">{t('channel.user')}</label>
        <input id="channel-user" name="user" defaultValue={now?.user ?? ''} autoComplete="off" />
        <label htmlFor="channel-password">{t('channel.password')}</label>
        <input id="channel-password" name="password" type="password" autoComplete="new-password" placeholder={now?.password ? t('channel.passwordKept') : ''} />
        <label htmlFor="channel-from">{t('channel.from')}</label>
        <input id="channel-from" name="from" required defaultValue={now?.from ?? 'Копилка <bonus@kopilka.demo>'} />
        <label htmlFor="channel-reply">{t('channel.replyTo')}</label>
        <input id="channel-reply" name="replyTo" type="email" defaultValue={now?.replyTo ?? ''} />
        <fieldset className="choices">
          <legend>{t('channel.dkim')}</legend>
          <p className="hint">{t('channel.dkimHint')}</p>
          <span className="field">
            <label htmlFor="channel-dkim-domain">{t('channel.dkimDomain')}</label>
            <input id="channel-dkim-domain" name="dkimDomain" defaultValue={now?.dkim?.domain ?? ''} />
          </span>
          <span className="field">
            <label htmlFor="channel-dkim-selector">{t('channel.dkimSelector')}</label>
            <input id="channel-dkim-selector" name="dkimSelector" defaultValue={now?.dkim?.selector ?? 'kopilka'} />
          </span>
          <span className="field">
            <label htmlFor="channel-dkim-key">{t('channel.dkimKey')}</label>
            <textarea id="channel-dkim-key" name="dkimKey" rows={3} placeholder={now?.dkim ? t('channel.passwordKept') : '-----BEGIN PRIVATE KEY-----'} />
          </span>
        </fieldset>
        <button type="submit" disabled={save.isPending}>
          {t('channel.save')}
        </button>
      </form>
      <div aria-live="polite">
        <Refusal error={save.error} />
        {save.data && <p className="done">{t('channel.saved', { host: save.data.host, port: save.data.port })}</p>}
      </div>
    </section>
  );
}
