import { useTranslation } from 'react-i18next';
import type { Campaign } from './campaign.ts';
import { AmountInput } from './inputs.tsx';
import { Field, PartIssue } from './issues.tsx';

type Limits = Campaign['limits'];
type Caps = { points?: number; discount?: number };

/** Caps that keep the campaign's cost in hand: a budget, per receipt, per member and period. */
export function CampaignLimits({ limits, onChange }: { limits: Limits; onChange: (limits: Limits) => void }) {
  const { t } = useTranslation();
  const setCaps = (scope: 'budget' | 'perReceipt', caps: Caps) => onChange(withCaps(limits, scope, caps));
  const perMember = limits.perMember ?? { period: 'lifetime' as const };
  return (
    <section className="panel" aria-labelledby="limits-title">
      <h2 id="limits-title">{t('editor.limits')}</h2>
      <PartIssue path="limits" />
      <div className="grid-3">
        <Field path="limits.budget.points" label={t('editor.budgetPoints')} hint={t('editor.budgetHint')}>
          <AmountInput value={limits.budget?.points} onChange={(points) => setCaps('budget', { ...limits.budget, points })} />
        </Field>
        <Field path="limits.budget.discount" label={t('editor.budgetDiscount')}>
          <AmountInput money value={limits.budget?.discount} onChange={(discount) => setCaps('budget', { ...limits.budget, discount })} />
        </Field>
        <Field path="limits.perReceipt.points" label={t('editor.perReceiptPoints')}>
          <AmountInput value={limits.perReceipt?.points} onChange={(points) => setCaps('perReceipt', { ...limits.perReceipt, points })} />
        </Field>
        <Field path="limits.perMember.points" label={t('editor.perMemberPoints')}>
          <AmountInput value={limits.perMember?.points} onChange={(points) => onChange(withPerMember(limits, { ...perMember, points }))} />
        </Field>
        <Field path="limits.perMember.uses" label={t('editor.perMemberUses')}>
          <AmountInput value={limits.perMember?.uses} onChange={(uses) => onChange(withPerMember(limits, { ...perMember, uses }))} />
        </Field>
        <Field path="limits.perMember.period" label={t('editor.perMemberPeriod')}>
          <select value={perMember.period} onChange={(e) => onChange(withPerMember(limits, { ...perMember, period: e.target.value as typeof perMember.period }))}>
            {(['day', 'week', 'month', 'lifetime'] as const).map((period) => (
              <option key={period} value={period}>
                {t(`options.period.${period}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
    </section>
  );
}

const defined = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/** The limits with one scope's caps set; a scope with no cap left is removed. */
function withCaps(limits: Limits, scope: 'budget' | 'perReceipt', caps: Caps): Limits {
  const { [scope]: _, ...rest } = limits;
  const kept = defined(caps);
  return Object.keys(kept).length ? { ...rest, [scope]: kept } : rest;
}

function withPerMember(limits: Limits, perMember: NonNullable<Limits['perMember']>): Limits {
  const { perMember: _, ...rest } = limits;
  const kept = defined(perMember);
  return kept.points === undefined && kept.uses === undefined && kept.discount === undefined ? rest : { ...rest, perMember: kept };
}
