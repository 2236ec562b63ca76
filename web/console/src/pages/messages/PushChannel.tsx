import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ok } from '../../api/client.ts';
import { Refusal } from '../../components/Refusal.tsx';

/** Web push: the contact push services may write to, and the VAPID public key browsers subscribe with. */
export function PushChannel() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const channel = useQuery({ queryKey: ['push-channel'], queryFn: async () => ok(await api.GET('/v1/messaging/channels/push')) });
  const save = useMutation({
    mutationFn: async (subject: string) => ok(await api.PUT('/v1/messaging/channels/push', { body: { subject } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['push-channel'] }),
  });
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    save.mutate(String(new FormData(e.currentTarget).get('subject') ?? '').trim());
  };
  if (channel.isPending) return <p role="status">{t('common.loading')}</p>;
  const publicKey = save.data?.publicKey ?? channel.data?.publicKey;
  return (
    <section className="panel" aria-labelledby="push-channel-title">
      <h2 id="push-channel-title">{t('pushChannel.title')}</h2>
      <p className="hint">{t('pushChannel.hint')}</p>
      <Refusal error={channel.error} />
      <form className="stack" onSubmit={submit}>
        <label htmlFor="push-subject">{t('pushChannel.subject')}</label>
        <input id="push-subject" name="subject" required defaultValue={channel.data?.subject ?? 'mailto:'} aria-describedby="push-subject-hint" />
        <p className="hint" id="push-subject-hint">{t('pushChannel.subjectHint')}</p>
        <button type="submit" disabled={save.isPending}>
          {t('pushChannel.save')}
        </button>
      </form>
      <div aria-live="polite">
        <Refusal error={save.error} />
        {save.data && <p className="done">{t('pushChannel.saved')}</p>}
      </div>
      {publicKey && (
        <>
          <h3>{t('pushChannel.publicKey')}</h3>
          <pre className="code message-text" data-testid="vapid-public-key">{publicKey}</pre>
        </>
      )}
    </section>
  );
}
