import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ok } from '../../api/client.ts';
import { useFormat } from '../../format.ts';
import { Refusal } from '../Refusal.tsx';

/** The messages to the member, newest first: what each was, what became of it, and whether they opened or clicked it. */
export function MemberMessages({ memberId }: { memberId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const messages = useQuery({
    queryKey: ['member', memberId, 'messages'],
    queryFn: async () => ok(await api.GET('/v1/messaging/messages', { params: { query: { memberId, limit: 50 } } })),
  });
  return (
    <section className="panel" aria-labelledby="member-messages-title">
      <h2 id="member-messages-title">{t('memberMessages.title')}</h2>
      <Refusal error={messages.error} />
      {messages.data && messages.data.messages.length === 0 && <p className="empty">{t('memberMessages.none')}</p>}
      {messages.data && messages.data.messages.length > 0 && (
        <table className="list">
          <thead>
            <tr>
              <th scope="col">{t('memberMessages.when')}</th>
              <th scope="col">{t('memberMessages.origin')}</th>
              <th scope="col">{t('memberMessages.subject')}</th>
              <th scope="col">{t('memberMessages.status')}</th>
              <th scope="col">{t('memberMessages.reaction')}</th>
            </tr>
          </thead>
          <tbody>
            {messages.data.messages.map((m) => (
              <tr key={m.id}>
                <td>{format.dateTime(m.sentAt ?? m.dueAt)}</td>
                <td className="code-cell">
                  {m.origin}
                  {m.variant && ` · ${m.variant}`}
                </td>
                <td>{m.subject ?? '—'}</td>
                <td>
                  {t(`memberMessages.${m.status}`)}
                  {m.reason && <span className="hint"> — {m.reason}</span>}
                </td>
                <td>
                  {[m.openedAt && t('memberMessages.opened'), m.clickedAt && t('memberMessages.clicked'), m.unsubscribedAt && t('memberMessages.unsubscribed')].filter(Boolean).join(', ') || '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
