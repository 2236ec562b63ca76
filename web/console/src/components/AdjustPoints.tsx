import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ok } from '../api/client.ts';
import { useFormat } from '../format.ts';
import { Refusal } from './Refusal.tsx';

/** Credit or debit points by hand, with the reason the history and the audit will show. */
export function AdjustPoints({ memberId }: { memberId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const client = useQueryClient();
  // One key per intended adjustment: a retried click is not applied twice.
  const [attempt, setAttempt] = useState(() => crypto.randomUUID());
  const adjust = useMutation({
    mutationFn: async (input: { points: number; reason: string }) =>
      ok(await api.POST('/v1/members/{id}/adjustments', { params: { path: { id: memberId }, header: { 'idempotency-key': attempt } }, body: input })),
    onSuccess: async () => {
      setAttempt(crypto.randomUUID());
      // The balance, the history and the lots all move.
      await client.invalidateQueries({ queryKey: ['member', memberId] });
    },
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    adjust.mutate({ points: Number(form.get('points')), reason: String(form.get('reason')).trim() });
  };

  return (
    <section className="panel" aria-labelledby="adjust-title">
      <h2 id="adjust-title">{t('adjust.title')}</h2>
      <form onSubmit={submit} className="stack">
        <label htmlFor="adjust-points">{t('adjust.points')}</label>
        <input id="adjust-points" name="points" type="number" step={1} required />
        <label htmlFor="adjust-reason">{t('adjust.reason')}</label>
        <input id="adjust-reason" name="reason" required maxLength={500} aria-describedby="adjust-reason-hint" />
        <p id="adjust-reason-hint" className="hint">
          {t('adjust.reasonHint')}
        </p>
        <button type="submit" disabled={adjust.isPending}>
          {adjust.isPending ? t('adjust.working') : t('adjust.submit')}
        </button>
        <div aria-live="polite">
          <Refusal error={adjust.error} />
          {adjust.isSuccess && <p className="done">{t('adjust.done', { points: format.signed(adjust.data.points), available: format.number(adjust.data.balance.available) })}</p>}
        </div>
      </form>
    </section>
  );
}
