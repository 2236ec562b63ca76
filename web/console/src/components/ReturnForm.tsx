import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ok, type Schemas } from '../api/client.ts';
import { useFormat } from '../format.ts';
import { Refusal } from './Refusal.tsx';

/** Return some lines of a receipt, or cancel what is left of it; the answer says the money and points moved. */
export function ReturnForm({ receipt }: { receipt: Schemas['StoredReceipt'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const client = useQueryClient();
  const [attempt, setAttempt] = useState(() => crypto.randomUUID());
  const done = async () => {
    setAttempt(crypto.randomUUID());
    await client.invalidateQueries({ queryKey: ['receipt', receipt.id] });
    await client.invalidateQueries({ queryKey: ['receipts'] });
  };
  const giveBack = useMutation({
    mutationFn: async (lines: { lineNo: number; quantity: number }[]) =>
      ok(await api.POST('/v1/receipts/{id}/returns', { params: { path: { id: receipt.id }, header: { 'idempotency-key': attempt } }, body: { lines } })),
    onSuccess: done,
  });
  const cancel = useMutation({
    mutationFn: async () => ok(await api.POST('/v1/receipts/{id}/cancel', { params: { path: { id: receipt.id }, header: { 'idempotency-key': attempt } } })),
    onSuccess: done,
  });
  const answer = giveBack.data ?? cancel.data;
  const failure = giveBack.error ?? cancel.error;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const lines = receipt.lines
      .map((l) => ({ lineNo: l.lineNo, quantity: Number(String(form.get(`line-${l.lineNo}`) ?? '').replace(',', '.')) }))
      .filter((l) => l.quantity > 0 || Number.isNaN(l.quantity));
    giveBack.mutate(lines);
  };

  return (
    <section className="panel" aria-labelledby="return-title">
      <h2 id="return-title">{t('returns.title')}</h2>
      <form onSubmit={submit}>
        <div className="grid-3">
          {receipt.lines
            .filter((l) => l.quantity > l.returnedQuantity)
            .map((l) => (
              <div className="field" key={l.lineNo}>
                <label htmlFor={`return-${l.lineNo}`}>{t('returns.line', { no: l.lineNo, name: l.name ?? l.sku, left: format.number(l.quantity - l.returnedQuantity) })}</label>
                <input id={`return-${l.lineNo}`} name={`line-${l.lineNo}`} inputMode="decimal" />
              </div>
            ))}
        </div>
        <div className="row">
          <button type="submit" disabled={giveBack.isPending}>
            {t('returns.submit')}
          </button>
          <button type="button" className="quiet" onClick={() => cancel.mutate()} disabled={cancel.isPending}>
            {t('returns.cancel')}
          </button>
        </div>
      </form>
      <div aria-live="polite">
        <Refusal error={failure} />
        {answer && (
          <p className="done">
            {t('returns.done', { amount: format.money(answer.amount), clawedBack: format.number(answer.pointsClawedBack), refunded: format.number(answer.pointsRefunded) })}
          </p>
        )}
      </div>
    </section>
  );
}
