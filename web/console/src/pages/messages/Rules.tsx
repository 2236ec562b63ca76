import { type FormEvent, type InputHTMLAttributes, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Refusal } from '../../components/Refusal.tsx';
import { Field, IssuesContext } from '../../editor/issues.tsx';
import { useMay } from '../../session.ts';
import { NumberInput } from '../programme/NumberInput.tsx';
import { SaveOutcome, useProgramme, useSaveSettings, type ProgrammeSettings } from '../programme/Settings.tsx';

const channels = ['email', 'sms', 'push'] as const;

/** The rules every marketing message keeps, whichever broadcast or trigger sent it: a new settings version when saved. */
export function Rules() {
  const { t } = useTranslation();
  const programme = useProgramme();
  if (programme.isPending) return <p role="status">{t('common.loading')}</p>;
  if (!programme.data) return <Refusal error={programme.error} />;
  return <RulesForm loaded={programme.data.settings} />;
}

type LimitProps = { value: number | null; onChange: (value: number | null) => void } & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'>;

/** A limit the settings may leave out: empty is none. */
function Limit({ value, onChange, ...input }: LimitProps) {
  const { t } = useTranslation();
  return <input {...input} type="number" min={0} placeholder={t('rules.none')} value={value ?? ''} onChange={(e) => onChange(e.target.value === '' ? null : e.target.valueAsNumber)} />;
}

function RulesForm({ loaded }: { loaded: ProgrammeSettings }) {
  const { t } = useTranslation();
  const editable = useMay()('settings');
  const [quietHours, setQuietHours] = useState(loaded.quietHours);
  const [messaging, setMessaging] = useState(loaded.messaging);
  const { save, issues } = useSaveSettings();
  const set = (change: Partial<ProgrammeSettings['messaging']>) => setMessaging((m) => ({ ...m, ...change }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ quietHours, messaging });
  };
  return (
    <IssuesContext.Provider value={issues}>
      <form className="panel stack" onSubmit={submit} aria-labelledby="rules-title">
        <h2 id="rules-title">{t('rules.title')}</h2>
        <p className="hint">{t('rules.hint')}</p>
        <fieldset disabled={!editable}>
          <legend>{t('rules.quiet')}</legend>
          <div className="check">
            <input id="rules-quiet" type="checkbox" checked={quietHours !== null} onChange={(e) => setQuietHours(e.target.checked ? { from: '21:00', to: '09:00' } : null)} />
            <label htmlFor="rules-quiet">{t('rules.keepQuiet')}</label>
          </div>
          {quietHours && (
            <div className="grid-2">
              <Field path="quietHours.from" label={t('rules.quietFrom')}>
                <input type="time" value={quietHours.from} onChange={(e) => setQuietHours({ ...quietHours, from: e.target.value })} />
              </Field>
              <Field path="quietHours.to" label={t('rules.quietTo')}>
                <input type="time" value={quietHours.to} onChange={(e) => setQuietHours({ ...quietHours, to: e.target.value })} />
              </Field>
            </div>
          )}
        </fieldset>
        <fieldset disabled={!editable}>
          <legend>{t('rules.limits')}</legend>
          <div className="grid-2">
            {channels.map((channel) => (
              <div key={channel} className="stack">
                <Field path={`messaging.dailyCaps.${channel}`} label={t('rules.dailyCap', { channel: t(`templates.channels.${channel}`) })}>
                  <Limit value={messaging.dailyCaps[channel]} onChange={(cap) => set({ dailyCaps: { ...messaging.dailyCaps, [channel]: cap } })} />
                </Field>
                <Field path={`messaging.perSecond.${channel}`} label={t('rules.perSecond', { channel: t(`templates.channels.${channel}`) })}>
                  <Limit value={messaging.perSecond[channel]} onChange={(pace) => set({ perSecond: { ...messaging.perSecond, [channel]: pace } })} />
                </Field>
              </div>
            ))}
          </div>
          <p className="hint">{t('rules.limitsHint')}</p>
        </fieldset>
        <fieldset disabled={!editable}>
          <legend>{t('rules.measuring')}</legend>
          <div className="grid-2">
            <Field path="messaging.globalControlPercent" label={t('rules.globalControl')} hint={t('rules.globalControlHint')}>
              <NumberInput value={messaging.globalControlPercent} step={0.1} onChange={(globalControlPercent) => set({ globalControlPercent })} />
            </Field>
            <Field path="messaging.conversionDays" label={t('rules.conversionDays')}>
              <NumberInput value={messaging.conversionDays} onChange={(conversionDays) => set({ conversionDays })} />
            </Field>
          </div>
          <div className="check">
            <input id="rules-tracking" type="checkbox" checked={messaging.tracking} onChange={(e) => set({ tracking: e.target.checked })} />
            <label htmlFor="rules-tracking">{t('rules.tracking')}</label>
          </div>
        </fieldset>
        {editable && (
          <button type="submit" disabled={save.isPending}>
            {t('rules.save')}
          </button>
        )}
        <SaveOutcome save={save} />
      </form>
    </IssuesContext.Provider>
  );
}
