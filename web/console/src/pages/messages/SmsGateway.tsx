import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ok } from '../../api/client.ts';
import { Refusal } from '../../components/Refusal.tsx';

/** An aggregator's HTTP API for SMS in place of an SMSC: the request made for each message, the header kept sealed. */
export function SmsGateway() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const gateway = useQuery({ queryKey: ['sms-gateway'], queryFn: async () => ok(await api.GET('/v1/messaging/channels/sms-gateway')) });
  const [method, setMethod] = useState<'GET' | 'POST' | null>(null);
  const save = useMutation({
    mutationFn: async (form: FormData) => {
      const header = String(form.get('header') ?? '');
      const chosen = form.get('method') === 'GET' ? 'GET' : 'POST';
      return ok(
        await api.PUT('/v1/messaging/channels/sms-gateway', {
          body: {
            method: chosen,
            url: String(form.get('url') ?? '').trim(),
            body: chosen === 'POST' ? String(form.get('body') ?? '') : null,
            contentType: form.get('contentType') === 'form' ? 'form' : 'json',
            sourceAddr: String(form.get('sourceAddr') ?? '').trim(),
            ...(header ? { header } : {}),
          },
        }),
      );
    },
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: ['sms-gateway'] }), client.invalidateQueries({ queryKey: ['sms-channel'] })]),
  });
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    save.mutate(new FormData(e.currentTarget));
  };
  if (gateway.isPending) return <p role="status">{t('common.loading')}</p>;
  const now = gateway.data;
  const shown = method ?? now?.method ?? 'POST';
  return (
    <section className="panel" aria-labelledby="sms-gateway-title">
      <h2 id="sms-gateway-title">{t('smsGateway.title')}</h2>
      <p className="hint">{t(now ? 'smsGateway.inUse' : 'smsGateway.hint')}</p>
      <Refusal error={gateway.error} />
      <form className="stack" onSubmit={submit}>
        <label htmlFor="gateway-method">{t('smsGateway.method')}</label>
        <select id="gateway-method" name="method" value={shown} onChange={(e) => setMethod(e.target.value === 'GET' ? 'GET' : 'POST')}>
          <option value="POST">POST</option>
          <option value="GET">GET</option>
        </select>
        <label htmlFor="gateway-url">{t('smsGateway.url')}</label>
        <input id="gateway-url" name="url" type="url" required defaultValue={now?.url ?? ''} aria-describedby="gateway-placeholders" />
        <p className="hint" id="gateway-placeholders">{t('smsGateway.placeholders')}</p>
        {shown === 'POST' && (
          <>
            <label htmlFor="gateway-content-type">{t('smsGateway.contentType')}</label>
            <select id="gateway-content-type" name="contentType" defaultValue={now?.contentType ?? 'json'}>
              <option value="json">JSON</option>
              <option value="form">application/x-www-form-urlencoded</option>
            </select>
            <label htmlFor="gateway-body">{t('smsGateway.body')}</label>
            <textarea id="gateway-body" name="body" rows={3} defaultValue={now?.body ?? '{"phone": "{{to}}", "text": "{{text}}", "sender": "{{from}}"}'} />
          </>
        )}
        <label htmlFor="gateway-source">{t('smsChannel.sourceAddr')}</label>
        <input id="gateway-source" name="sourceAddr" required maxLength={16} defaultValue={now?.sourceAddr ?? ''} />
        <label htmlFor="gateway-header">{t('smsGateway.header')}</label>
        <input id="gateway-header" name="header" type="password" autoComplete="off" placeholder={now?.header ? t('channel.passwordKept') : 'Authorization: Bearer …'} />
        <button type="submit" disabled={save.isPending}>
          {t('channel.save')}
        </button>
      </form>
      <div aria-live="polite">
        <Refusal error={save.error} />
        {save.data && <p className="done">{t('smsGateway.saved')}</p>}
      </div>
    </section>
  );
}
