import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Refusal } from '../../components/Refusal.tsx';
import { Field, IssuesContext, PartIssue } from '../../editor/issues.tsx';
import { useMay } from '../../session.ts';
import { NumberInput } from './NumberInput.tsx';
import { type ProgrammeSettings, SaveOutcome, useProgramme, useSaveSettings } from './Settings.tsx';

type Tier = ProgrammeSettings['tiers'][number];

/** The tiers a member climbs, from what they qualify by, and what each gives. */
export function Tiers() {
  const { t } = useTranslation();
  const programme = useProgramme();
  if (programme.isPending) return <p role="status">{t('common.loading')}</p>;
  if (!programme.data) return <Refusal error={programme.error} />;
  return <TiersForm loaded={programme.data.settings} />;
}

function TiersForm({ loaded }: { loaded: ProgrammeSettings }) {
  const { t } = useTranslation();
  const editable = useMay()('settings');
  const [qualification, setQualification] = useState(loaded.tierQualification);
  const [tiers, setTiers] = useState(loaded.tiers);
  const { save, issues } = useSaveSettings();
  const money = qualification.metric === 'amount_spent';
  const change = (i: number, part: Partial<Tier>) => setTiers((all) => all.map((tier, j) => (j === i ? { ...tier, ...part } : tier)));
  const add = () => {
    const last = tiers[tiers.length - 1];
    setTiers([...tiers, { code: '', name: '', threshold: last ? last.threshold + (money ? 1_000_000 : 1_000) : 0, earnMultiplier: 1, extraPercent: 0, perks: '' }]);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ tierQualification: qualification, tiers });
  };
  return (
    <IssuesContext.Provider value={issues}>
      <form className="panel stack" onSubmit={submit} aria-labelledby="tiers-title">
        <h2 id="tiers-title">{t('tiers.title')}</h2>
        <fieldset disabled={!editable}>
          <legend>{t('tiers.qualification')}</legend>
          <div className="grid-2">
            <Field path="tierQualification.metric" label={t('tiers.metric')}>
              <select value={qualification.metric} onChange={(e) => setQualification({ ...qualification, metric: e.target.value as typeof qualification.metric })}>
                <option value="amount_spent">{t('tiers.amountSpent')}</option>
                <option value="points_earned">{t('tiers.pointsEarned')}</option>
              </select>
            </Field>
            <Field path="tierQualification.windowDays" label={t('tiers.windowDays')}>
              <NumberInput value={qualification.windowDays} onChange={(windowDays) => setQualification({ ...qualification, windowDays })} />
            </Field>
          </div>
        </fieldset>
        <PartIssue path="tiers" />
        {tiers.length === 0 && <p className="empty">{t('tiers.none')}</p>}
        {tiers.map((tier, i) => (
          <fieldset key={i} disabled={!editable} className="tier">
            <legend>{tier.name || t('tiers.numbered', { n: i + 1 })}</legend>
            <div className="grid-3">
              <Field path={`tiers.${i}.code`} label={t('tiers.code')}>
                <input value={tier.code} onChange={(e) => change(i, { code: e.target.value })} />
              </Field>
              <Field path={`tiers.${i}.name`} label={t('tiers.name')}>
                <input value={tier.name} onChange={(e) => change(i, { name: e.target.value })} />
              </Field>
              <Field path={`tiers.${i}.threshold`} label={money ? t('tiers.thresholdRoubles') : t('tiers.thresholdPoints')}>
                <NumberInput value={tier.threshold} money={money} onChange={(threshold) => change(i, { threshold })} />
              </Field>
              <Field path={`tiers.${i}.earnMultiplier`} label={t('tiers.earnMultiplier')}>
                <NumberInput value={tier.earnMultiplier} step={0.01} onChange={(earnMultiplier) => change(i, { earnMultiplier })} />
              </Field>
              <Field path={`tiers.${i}.extraPercent`} label={t('tiers.extraPercent')}>
                <NumberInput value={tier.extraPercent} step={0.01} onChange={(extraPercent) => change(i, { extraPercent })} />
              </Field>
              <Field path={`tiers.${i}.perks`} label={t('tiers.perks')}>
                <input value={tier.perks} onChange={(e) => change(i, { perks: e.target.value })} />
              </Field>
            </div>
            {editable && (
              <button type="button" className="quiet" onClick={() => setTiers(tiers.filter((_, j) => j !== i))}>
                {t('tiers.remove', { name: tier.name || t('tiers.numbered', { n: i + 1 }) })}
              </button>
            )}
          </fieldset>
        ))}
        {editable && (
          <div className="row">
            <button type="button" className="quiet" onClick={add}>
              {t('tiers.add')}
            </button>
            <button type="submit" disabled={save.isPending}>
              {t('settings.save')}
            </button>
          </div>
        )}
        <SaveOutcome save={save} />
      </form>
    </IssuesContext.Provider>
  );
}
