import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ok, ProblemError, type Schemas } from '../../api/client.ts';
import { Refusal } from '../../components/Refusal.tsx';
import { campaignIssues } from '../../editor/campaign.ts';
import { Field, IssuesContext } from '../../editor/issues.tsx';
import { useMay } from '../../session.ts';
import { NumberInput } from './NumberInput.tsx';

export type ProgrammeSettings = Schemas['Settings'];
type Expiry = ProgrammeSettings['expiry'];

/** The programme and its settings in force, shared by the settings and tiers pages. */
export function useProgramme() {
  return useQuery({ queryKey: ['programme'], queryFn: async () => ok(await api.GET('/v1/program')) });
}

/** Saves some settings as a new version; the server's issues come back keyed by the settings' paths. */
export function useSaveSettings() {
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: async (change: Partial<ProgrammeSettings>) => ok(await api.PATCH('/v1/program/settings', { body: change })),
    onSuccess: (saved) => client.setQueryData(['programme'], (old: object | undefined) => ({ ...old, ...saved })),
  });
  const issues = save.error instanceof ProblemError ? campaignIssues(save.error.problem.errors, null) : new Map<string, string>();
  return { save, issues };
}

/** What a save of settings came to: the server's refusal, or the version now in force. */
export function SaveOutcome({ save }: { save: ReturnType<typeof useSaveSettings>['save'] }) {
  const { t } = useTranslation();
  return (
    <div aria-live="polite">
      <Refusal error={save.error} />
      {save.isSuccess && <p className="done">{t('settings.saved', { version: save.data.version })}</p>}
    </div>
  );
}

/** Earning, redemption and the life of points: each change is a new settings version, in force at once. */
export function Settings() {
  const { t } = useTranslation();
  const programme = useProgramme();
  if (programme.isPending) return <p role="status">{t('common.loading')}</p>;
  if (!programme.data) return <Refusal error={programme.error} />;
  return <SettingsForm loaded={programme.data.settings} version={programme.data.version} />;
}

const expiryKinds = ['never', 'days', 'end_of_month', 'end_of_year'] as const;

function SettingsForm({ loaded, version }: { loaded: ProgrammeSettings; version: number }) {
  const { t } = useTranslation();
  const editable = useMay()('settings');
  const [draft, setDraft] = useState(loaded);
  const { save, issues } = useSaveSettings();
  const set = (change: Partial<ProgrammeSettings>) => setDraft((d) => ({ ...d, ...change }));
  const expiryOf = (kind: Expiry['kind']): Expiry => (kind === 'never' ? { kind } : kind === 'days' ? { kind, days: 365 } : { kind, months: 0 });
  // Narrowed once here, the union members' fields are typed in the inputs' callbacks too.
  const { earn, expiry } = draft;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { earn, rounding, pointValue, minRedemption, maxRedemptionPercent, pendingDays, expiry, expiryNoticeDays } = draft;
    save.mutate({ earn, rounding, pointValue, minRedemption, maxRedemptionPercent, pendingDays, expiry, expiryNoticeDays });
  };
  return (
    <IssuesContext.Provider value={issues}>
      <form className="panel stack" onSubmit={submit} aria-labelledby="settings-title">
        <h2 id="settings-title">{t('settings.title', { version })}</h2>
        <fieldset disabled={!editable}>
          <legend>{t('settings.earning')}</legend>
          <div className="grid-2">
            <Field path="earn.kind" label={t('settings.earnKind')}>
              <select value={earn.kind} onChange={(e) => set({ earn: e.target.value === 'percent' ? { kind: 'percent', percent: 5 } : { kind: 'per_amount', points: 1, per: 10_000 } })}>
                <option value="percent">{t('settings.earnPercent')}</option>
                <option value="per_amount">{t('settings.earnPerAmount')}</option>
              </select>
            </Field>
            {earn.kind === 'percent' ? (
              <Field path="earn.percent" label={t('settings.percent')}>
                <NumberInput value={earn.percent} step={0.01} onChange={(percent) => set({ earn: { kind: 'percent', percent } })} />
              </Field>
            ) : (
              <>
                <Field path="earn.points" label={t('settings.points')}>
                  <NumberInput value={earn.points} onChange={(points) => set({ earn: { ...earn, points } })} />
                </Field>
                <Field path="earn.per" label={t('settings.per')}>
                  <NumberInput value={earn.per} money onChange={(per) => set({ earn: { ...earn, per } })} />
                </Field>
              </>
            )}
            <Field path="rounding" label={t('settings.rounding')}>
              <select value={draft.rounding} onChange={(e) => set({ rounding: e.target.value as ProgrammeSettings['rounding'] })}>
                {(['floor', 'half_up', 'ceil'] as const).map((r) => (
                  <option key={r} value={r}>
                    {t(`settings.roundings.${r}`)}
                  </option>
                ))}
              </select>
            </Field>
          </div>
        </fieldset>
        <fieldset disabled={!editable}>
          <legend>{t('settings.redemption')}</legend>
          <div className="grid-2">
            <Field path="pointValue" label={t('settings.pointValue')}>
              <NumberInput value={draft.pointValue} money onChange={(pointValue) => set({ pointValue })} />
            </Field>
            <Field path="minRedemption" label={t('settings.minRedemption')}>
              <NumberInput value={draft.minRedemption} onChange={(minRedemption) => set({ minRedemption })} />
            </Field>
            <Field path="maxRedemptionPercent" label={t('settings.maxRedemptionPercent')}>
              <NumberInput value={draft.maxRedemptionPercent} step={0.01} onChange={(maxRedemptionPercent) => set({ maxRedemptionPercent })} />
            </Field>
          </div>
        </fieldset>
        <fieldset disabled={!editable}>
          <legend>{t('settings.life')}</legend>
          <div className="grid-2">
            <Field path="pendingDays" label={t('settings.pendingDays')} hint={t('settings.pendingHint')}>
              <NumberInput value={draft.pendingDays} onChange={(pendingDays) => set({ pendingDays })} />
            </Field>
            <Field path="expiry.kind" label={t('settings.expiry')}>
              <select value={expiry.kind} onChange={(e) => set({ expiry: expiryOf(e.target.value as Expiry['kind']) })}>
                {expiryKinds.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`settings.expiries.${kind}`)}
                  </option>
                ))}
              </select>
            </Field>
            {expiry.kind === 'days' && (
              <Field path="expiry.days" label={t('settings.expiryDays')}>
                <NumberInput value={expiry.days} onChange={(days) => set({ expiry: { kind: 'days', days } })} />
              </Field>
            )}
            {(expiry.kind === 'end_of_month' || expiry.kind === 'end_of_year') && (
              <Field path="expiry.months" label={t('settings.expiryMonths')}>
                <NumberInput value={expiry.months} onChange={(months) => set({ expiry: { ...expiry, months } })} />
              </Field>
            )}
            <Field path="expiryNoticeDays" label={t('settings.expiryNoticeDays')}>
              <NumberInput value={draft.expiryNoticeDays} onChange={(expiryNoticeDays) => set({ expiryNoticeDays })} />
            </Field>
          </div>
        </fieldset>
        {editable && (
          <button type="submit" disabled={save.isPending}>
            {t('settings.save')}
          </button>
        )}
        <SaveOutcome save={save} />
      </form>
    </IssuesContext.Provider>
  );
}
