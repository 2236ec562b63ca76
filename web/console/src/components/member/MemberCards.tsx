import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ok, type Schemas } from '../../api/client.ts';
import { useMay } from '../../session.ts';
import { Refusal } from '../Refusal.tsx';

/** The member's cards: issue another, block a lost one (replacing it or not); the points stay with the member. */
export function MemberCards({ memberId, cards }: { memberId: string; cards: Schemas['Card'][] }) {
  const { t } = useTranslation();
  const mayChange = useMay()('cards');
  const client = useQueryClient();
  const [blocking, setBlocking] = useState<string | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: ['member', memberId] });
  const issue = useMutation({
    mutationFn: async () => ok(await api.POST('/v1/members/{id}/cards', { params: { path: { id: memberId } }, body: {} })),
    onSuccess: refresh,
  });
  const block = useMutation({
    mutationFn: async ({ number, reason, replace }: { number: string; reason: string; replace: boolean }) =>
      ok(await api.POST('/v1/cards/{number}/block', { params: { path: { number } }, body: { reason, replace } })),
    onSuccess: async () => {
      setBlocking(null);
      await refresh();
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    if (blocking) block.mutate({ number: blocking, reason: String(form.get('reason') ?? '').trim(), replace: form.get('replace') === 'on' });
  };
  return (
    <section className="panel" aria-labelledby="cards-title">
      <h2 id="cards-title">{t('cards.title')}</h2>
      {cards.length === 0 && <p className="empty">{t('cards.none')}</p>}
      {cards.length > 0 && (
        <table className="list">
          <thead>
            <tr>
              <th scope="col">{t('cards.number')}</th>
              <th scope="col">{t('cards.status')}</th>
              {mayChange && (
                <th scope="col">
                  <span className="visually-hidden">{t('cards.block')}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {cards.map((card) => (
              <tr key={card.number}>
                <td>
                  <span className="code-cell">{card.number}</span>
                  <span className="code">{t(`cards.kinds.${card.kind}`)}</span>
                </td>
                <td>
                  <span className={`status ${card.status === 'blocked' ? 'ended' : 'active'}`}>{t(`cards.statuses.${card.status}`)}</span>
                  {card.blockReason && <span className="code">{card.replacedBy ? t('cards.replacedBy', { reason: card.blockReason, number: card.replacedBy }) : card.blockReason}</span>}
                </td>
                {mayChange && (
                  <td>
                    {card.status !== 'blocked' && (
                      <button type="button" className="quiet" aria-expanded={blocking === card.number} onClick={() => setBlocking(blocking === card.number ? null : card.number)}>
                        {t('cards.block')}
                        <span className="visually-hidden"> {card.number}</span>
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {mayChange && blocking && (
        <form className="stack" onSubmit={submit} aria-label={t('cards.blocking', { number: blocking })}>
          <label htmlFor="block-reason">{t('cards.reason')}</label>
          <input id="block-reason" name="reason" required maxLength={500} placeholder={t('cards.reasonExample')} />
          <span className="check">
            <input id="block-replace" name="replace" type="checkbox" defaultChecked />
            <label htmlFor="block-replace">{t('cards.replace')}</label>
          </span>
          <button type="submit" disabled={block.isPending}>
            {t('cards.confirmBlock', { number: blocking })}
          </button>
        </form>
      )}
      {mayChange && (
        <button type="button" className="quiet" disabled={issue.isPending} onClick={() => issue.mutate()}>
          {t('cards.issue')}
        </button>
      )}
      <div aria-live="polite">
        <Refusal error={issue.error ?? block.error} />
        {block.data && <p className="done">{block.data.replacement ? t('cards.blockedReplaced', { number: block.data.blocked.number, replacement: block.data.replacement.number }) : t('cards.blocked', { number: block.data.blocked.number })}</p>}
        {issue.data && !block.data && <p className="done">{t('cards.issued', { number: issue.data.number })}</p>}
      </div>
    </section>
  );
}
