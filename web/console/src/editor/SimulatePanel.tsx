import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ok, type Schemas } from '../api/client.ts';
import { useFormat } from '../format.ts';
import { fieldId } from './campaign.ts';
import { AmountInput, InstantInput } from './inputs.tsx';
import { Refusal } from '../components/Refusal.tsx';

interface SampleLine {
  sku: string;
  category: string;
  price: number | undefined;
  quantity: number | undefined;
}

/**
 * Prices a sample receipt under the draft rules: what it would earn and take off, which campaigns applied, and
 * why the others did not.
 */
export function SimulatePanel({ rules, stores, onChecked }: { rules: () => Schemas['Rules']; stores: Schemas['Store'][]; onChecked: (refusal: unknown) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [storeCode, setStoreCode] = useState(stores[0]?.code ?? '');
  const [phone, setPhone] = useState('');
  /** The member of a real receipt taken as the sample, when their phone is not at hand. */
  const [memberId, setMemberId] = useState<string | null>(null);
  const [at, setAt] = useState<string | undefined>(undefined);
  const [lines, setLines] = useState<SampleLine[]>([{ sku: '', category: '', price: undefined, quantity: 1 }]);
  const simulate = useMutation({
    mutationFn: async () => {
      const priced = lines.map((l) => ({ sku: l.sku.trim(), ...(l.category.trim() ? { category: l.category.trim() } : {}), price: l.price ?? 0, quantity: l.quantity ?? 1 }));
      const withAmounts = priced.map((l) => ({ ...l, discount: 0, isReward: false, amount: Math.round(l.price * l.quantity) }));
      const receipt = {
        storeCode,
        number: 'simulation',
        ...(at ? { purchasedAt: at } : {}),
        ...(phone.trim() ? { member: { phone: phone.trim() } } : memberId ? { member: { id: memberId } } : {}),
        lines: withAmounts,
        total: withAmounts.reduce((sum, l) => sum + l.amount, 0),
        pointsToSpend: 0,
      };
      return ok(await api.POST('/v1/rules/simulate', { body: { rules: rules(), receipt } }));
    },
    onSuccess: () => onChecked(null),
    onError: onChecked,
  });
  // A real receipt as the sample: its store, time, member and lines, to see what the draft would have given it.
  const fromReceipt = useMutation({
    mutationFn: async (number: string) => {
      const found = ok(await api.GET('/v1/receipts', { params: { query: { number, limit: 1 } } })).items[0];
      if (!found) return null;
      const receipt = ok(await api.GET('/v1/receipts/{id}', { params: { path: { id: found.id } } }));
      const member = receipt.memberId ? await api.GET('/v1/members/{id}', { params: { path: { id: receipt.memberId } } }) : null;
      return { receipt, phone: member?.data && 'phone' in member.data ? (member.data.phone ?? '') : '' };
    },
    onSuccess: (found) => {
      if (!found) return;
      const { receipt } = found;
      setStoreCode(receipt.storeCode);
      setAt(receipt.purchasedAt);
      setPhone(found.phone);
      setMemberId(receipt.memberId);
      setLines(receipt.lines.filter((l) => !l.isReward).map((l) => ({ sku: l.sku, category: l.category ?? '', price: l.price, quantity: l.quantity })));
    },
  });
  const setLine = (i: number, change: Partial<SampleLine>) => setLines(lines.map((l, j) => (j === i ? { ...l, ...change } : l)));
  const result = simulate.data;

  return (
    <section className="panel" aria-labelledby="simulate-title">
      <h2 id="simulate-title">{t('simulate.title')}</h2>
      <p className="hint">{t('simulate.hint')}</p>
      <form
        className="row"
        aria-label={t('simulate.fromReceipt')}
        onSubmit={(e) => {
          e.preventDefault();
          fromReceipt.mutate(String(new FormData(e.currentTarget).get('number') ?? '').trim());
        }}
      >
        <div className="field">
          <label htmlFor={fieldId('sim-receipt')}>{t('simulate.receiptNumber')}</label>
          <input id={fieldId('sim-receipt')} name="number" required maxLength={64} />
        </div>
        <button type="submit" className="quiet" disabled={fromReceipt.isPending}>
          {t('simulate.fromReceipt')}
        </button>
      </form>
      <div aria-live="polite">
        <Refusal error={fromReceipt.error} />
        {fromReceipt.data === null && <p className="error">{t('simulate.noReceipt')}</p>}
        {fromReceipt.data && <p className="done">{t('simulate.tookReceipt', { number: fromReceipt.data.receipt.number, lines: fromReceipt.data.receipt.lines.length })}</p>}
      </div>
      <div className="grid-3">
        <div className="field">
          <label htmlFor={fieldId('sim-store')}>{t('simulate.store')}</label>
          <select id={fieldId('sim-store')} value={storeCode} onChange={(e) => setStoreCode(e.target.value)}>
            {stores.map((s) => (
              <option key={s.code} value={s.code}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={fieldId('sim-phone')}>{t('simulate.phone')}</label>
          <input
            id={fieldId('sim-phone')}
            value={phone}
            onChange={(e) => {
              setPhone(e.target.value);
              setMemberId(null);
            }}
            inputMode="tel"
          />
        </div>
        <div className="field">
          <label htmlFor={fieldId('sim-at')}>{t('simulate.at')}</label>
          <InstantInput id={fieldId('sim-at')} value={at} onChange={setAt} />
        </div>
      </div>
      <table className="list compact">
        <thead>
          <tr>
            <th scope="col">{t('simulate.sku')}</th>
            <th scope="col">{t('simulate.category')}</th>
            <th scope="col">{t('simulate.price')}</th>
            <th scope="col">{t('simulate.quantity')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('editor.remove')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line, i) => (
            <tr key={i}>
              <td>
                <input aria-label={`${t('simulate.sku')} ${i + 1}`} value={line.sku} onChange={(e) => setLine(i, { sku: e.target.value })} />
              </td>
              <td>
                <input aria-label={`${t('simulate.category')} ${i + 1}`} value={line.category} onChange={(e) => setLine(i, { category: e.target.value })} />
              </td>
              <td>
                <AmountInput money id={`sim-price-${i}`} value={line.price} onChange={(price) => setLine(i, { price })} />
                <label htmlFor={`sim-price-${i}`} className="visually-hidden">{`${t('simulate.price')} ${i + 1}`}</label>
              </td>
              <td>
                <AmountInput id={`sim-quantity-${i}`} value={line.quantity} onChange={(quantity) => setLine(i, { quantity })} />
                <label htmlFor={`sim-quantity-${i}`} className="visually-hidden">{`${t('simulate.quantity')} ${i + 1}`}</label>
              </td>
              <td>
                {lines.length > 1 && (
                  <button type="button" className="quiet small" onClick={() => setLines(lines.filter((_, j) => j !== i))}>
                    {t('editor.remove')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="row">
        <button type="button" className="quiet" onClick={() => setLines([...lines, { sku: '', category: '', price: undefined, quantity: 1 }])}>
          {t('simulate.addLine')}
        </button>
        <button type="button" onClick={() => simulate.mutate()} disabled={simulate.isPending}>
          {simulate.isPending ? t('simulate.working') : t('simulate.run')}
        </button>
      </div>
      <div aria-live="polite">
        <Refusal error={simulate.error} />
        {result && (
          <div className="result" data-testid="simulation">
            <dl className="figures">
              <div>
                <dt>{t('simulate.total')}</dt>
                <dd>{format.money(result.total)}</dd>
              </div>
              <div>
                <dt>{t('simulate.discount')}</dt>
                <dd>{format.money(result.campaignDiscount)}</dd>
              </div>
              <div>
                <dt>{t('simulate.earned')}</dt>
                <dd>{format.number(result.pointsEarned)}</dd>
              </div>
            </dl>
            <h3>{t('simulate.applied')}</h3>
            {result.campaigns.length === 0 ? (
              <p className="empty">{t('simulate.noneApplied')}</p>
            ) : (
              <ul>
                {result.campaigns.map((c) => (
                  <li key={c.campaign}>{t('simulate.appliedLine', { name: c.name, points: format.number(c.points), discount: format.money(c.discount) })}</li>
                ))}
              </ul>
            )}
            {result.skippedCampaigns.length > 0 && (
              <>
                <h3>{t('simulate.skipped')}</h3>
                <ul>
                  {result.skippedCampaigns.map((c) => (
                    <li key={c.campaign} title={c.message}>
                      {c.name}: {t(`simulate.skipReasons.${c.reason}`)}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        )}
      </div>
    </section>
  );
}
