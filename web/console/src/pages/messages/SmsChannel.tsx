import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ok } from '../../api/client.ts';
import { Refusal } from '../../components/Refusal.tsx';

/** The SMSC SMS go out through over SMPP: bound to by the server before it is kept, the password never shown again. */
export function SmsChannel() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const channel = useQuery({ queryKey: ['sms-channel'], queryFn: async () => ok(await api.GET('/v1/messaging/channels/sms')) });
  const save = useMutation({
    mutationFn: async (form: FormData) => {
      const password = String(form.get('password') ?? '');
      return ok(
        await api.PUT('/v1/messaging/channels/sms', {
          body: {
            host: String(form.get('host') ?? '').trim(),
            port: Number(form.get('port')),
            tls: form.get('tls') === 'on',
            systemId: String(form.get('systemId') ?? '').trim(),
            sourceAddr: String(form.get('sourceAddr') ?? '').trim(),
            ...(password ? { password } : {}),
          },
        }),
      );
    },
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: ['sms-channel'] }), client.invalidateQueries({ queryKey: ['sms-gateway'] })]),
  });
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    save.mutate(new FormData(e.currentTarget));
  };
  const now = channel.data;
  if (channel.isPending) return <p role="status">{t('common.loading')}</p>;
  return (
    <section className="panel" aria-labelledby="sms-channel-title">
      <h2 id="sms-channel-title">{t('smsChannel.title')}</h2>
      <p className="hint">{t('smsChannel.hint')}</p>
      <Refusal error={channel.error} />
      <form className="stack" onSubmit={submit} key={now ? `${now.host}:${now.port}` : 'none'}>
        <label htmlFor="sms-host">{t('smsChannel.host')}</label>
        <input id="sms-host" name="host" required defaultValue={now?.host ?? ''} />
        <label htmlFor="sms-port">{t('smsChannel.port')}</label>
        <input id="sms-port" name="port" type="number" min={1} max={65535} required defaultValue={now?.port ?? 2775} />
        <span className="check">
          <input id="sms-tls" name="tls" type="checkbox" defaultChecked={now?.tls ?? false} />
          <label htmlFor="sms-tls">{t('smsChannel.tls')}</label>
        </span>
        <label htmlFor="sms-system-id">{t('smsChannel.systemId')}</label>
        <input id="sms-system-id" name="systemId" required maxLength={16} defaultValue={now?.systemId ?? ''} autoComplete="off" />
        <label htmlFor="sms-password">{t('smsChannel.password')}</label>
        <input id="sms-password" name="password" type="password" maxLength={8} autoComplete="new-password" placeholder={now?.password ? t('channel.passwordKept') : ''} />
        <label htmlFor="sms-source">{t('smsChannel.sourceAddr')}</label>
        <input id="sms-source" name="sourceAddr" required maxLength={16} defaultValue={now?.sourceAddr ?? ''} aria-describedby="sms-source-hint" />
        <p className="hint" id="sms-source-hint">{t('smsChannel.sourceHint')}</p>
        <button type="submit" disabled={save.isPending}>
          {t('channel.save')}
        </button>
      </form>
      <div aria-live="polite">
        <Refusal error={save.error} />
        {save.data && <p className="done">{t('smsChannel.saved', { host: save.data.host, port: save.data.port })}</p>}
      </div>
    </section>
  );
}
