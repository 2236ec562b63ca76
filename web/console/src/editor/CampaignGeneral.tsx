import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ok } from '../api/client.ts';
import { useMay } from '../session.ts';
import { type Campaign, fieldId } from './campaign.ts';
import { InstantInput } from './inputs.tsx';
import { Field, PartIssue } from './issues.tsx';

const weekdays = [1, 2, 3, 4, 5, 6, 7] as const;

/** Name, code, schedule, audience and stacking of a campaign. */
export function CampaignGeneral({ draft, isNew, tiers, onChange }: { draft: Campaign; isNew: boolean; tiers: { code: string; name: string }[]; onChange: (draft: Campaign) => void }) {
  const { t } = useTranslation();
  const set = <K extends keyof Campaign>(key: K, value: Campaign[K]) => onChange({ ...draft, [key]: value });
  const days = new Set(draft.schedule.days ?? []);
  const audienceTiers = new Set(draft.audience.kind === 'tiers' ? draft.audience.tiers : []);
  // A window of hours needs both ends; one end alone is kept in the form, and the server names the missing one.
  const setHours = (hours: { from: string; to: string }) =>
    set('schedule', { ...withoutKey(draft.schedule, 'hours'), ...(hours.from || hours.to ? { hours } : {}) });
  const memberList = draft.audience.kind === 'members' ? draft.audience.members.join('\n') : '';
  const may = useMay();
  const segments = useQuery({ queryKey: ['segments'], queryFn: async () => ok(await api.GET('/v1/segments')), enabled: may('reports') });
  return (
    <>
      <section className="panel" aria-labelledby="general-title">
        <h2 id="general-title">{t('editor.general')}</h2>
        <div className="grid-2">
          <Field path="name" label={t('editor.name')}>
            <input value={draft.name} onChange={(e) => set('name', e.target.value)} required maxLength={200} />
          </Field>
          <Field path="code" label={t('editor.code')} hint={isNew ? t('editor.codeHint') : t('editor.codeFixed')}>
            <input value={draft.code} onChange={(e) => set('code', e.target.value)} readOnly={!isNew} required pattern="[A-Za-z0-9_.\-]{1,64}" />
          </Field>
        </div>
        <Field path="description" label={t('editor.description')}>
          <textarea value={draft.description} onChange={(e) => set('description', e.target.value)} rows={2} maxLength={2000} />
        </Field>
        <div className="check">
          <input type="checkbox" id={fieldId('enabled')} checked={draft.enabled} onChange={(e) => set('enabled', e.target.checked)} />
          <label htmlFor={fieldId('enabled')}>{t('editor.enabled')}</label>
        </div>
      </section>

      <section className="panel" aria-labelledby="schedule-title">
        <h2 id="schedule-title">{t('editor.schedule')}</h2>
        <PartIssue path="schedule" />
        <div className="grid-2">
          <Field path="schedule.from" label={t('editor.from')} hint={t('editor.localTime')}>
            <InstantInput value={draft.schedule.from} onChange={(from) => set('schedule', { ...withoutKey(draft.schedule, 'from'), ...(from ? { from } : {}) })} />
          </Field>
          <Field path="schedule.to" label={t('editor.to')}>
            <InstantInput value={draft.schedule.to} onChange={(to) => set('schedule', { ...withoutKey(draft.schedule, 'to'), ...(to ? { to } : {}) })} />
          </Field>
        </div>
        <div className="grid-2">
          <Field path="schedule.hours.from" label={t('editor.hoursFrom')} hint={t('editor.hoursHint')}>
            <input type="time" value={draft.schedule.hours?.from ?? ''} onChange={(e) => setHours({ from: e.target.value, to: draft.schedule.hours?.to ?? '' })} />
          </Field>
          <Field path="schedule.hours.to" label={t('editor.hoursTo')}>
            <input type="time" value={draft.schedule.hours?.to ?? ''} onChange={(e) => setHours({ from: draft.schedule.hours?.from ?? '', to: e.target.value })} />
          </Field>
        </div>
        <fieldset className="choices">
          <legend>{t('editor.days')}</legend>
          {weekdays.map((day) => (
            <span className="check" key={day}>
              <input
                type="checkbox"
                id={fieldId(`schedule.days.${day}`)}
                checked={days.has(day)}
                onChange={(e) => {
                  const next = weekdays.filter((d) => (d === day ? e.target.checked : days.has(d)));
                  set('schedule', { ...withoutKey(draft.schedule, 'days'), ...(next.length ? { days: next } : {}) });
                }}
              />
              <label htmlFor={fieldId(`schedule.days.${day}`)}>{t(`options.days.${day}`)}</label>
            </span>
          ))}
          <PartIssue path="schedule.days" />
        </fieldset>
      </section>

      <section className="panel" aria-labelledby="audience-title">
        <h2 id="audience-title">{t('editor.audience')}</h2>
        <PartIssue path="audience" />
        <fieldset className="choices">
          <legend className="visually-hidden">{t('editor.audience')}</legend>
          <span className="check">
            <input type="radio" name="audience" id={fieldId('audience.all')} checked={draft.audience.kind === 'all'} onChange={() => set('audience', { kind: 'all' })} />
            <label htmlFor={fieldId('audience.all')}>{t('editor.everyone')}</label>
          </span>
          <span className="check">
            <input type="radio" name="audience" id={fieldId('audience.members')} checked={draft.audience.kind === 'members'} onChange={() => set('audience', { kind: 'members', members: [] })} />
            <label htmlFor={fieldId('audience.members')}>{t('editor.memberList')}</label>
          </span>
          {segments.data && segments.data.items.length > 0 && (
            <span className="check">
              <input type="radio" name="audience" id={fieldId('audience.segment')} checked={draft.audience.kind === 'segment'} onChange={() => set('audience', { kind: 'segment', code: segments.data.items[0]!.code })} />
              <label htmlFor={fieldId('audience.segment')}>{t('editor.segmentAudience')}</label>
            </span>
          )}
          {tiers.map((tier) => (
            <span className="check" key={tier.code}>
              <input
                type="checkbox"
                id={fieldId(`audience.tiers.${tier.code}`)}
                checked={audienceTiers.has(tier.code)}
                onChange={(e) => {
                  const next = tiers.map((x) => x.code).filter((code) => (code === tier.code ? e.target.checked : audienceTiers.has(code)));
                  set('audience', next.length ? { kind: 'tiers', tiers: next } : { kind: 'all' });
                }}
              />
              <label htmlFor={fieldId(`audience.tiers.${tier.code}`)}>{t('editor.tierOnly', { tier: tier.name })}</label>
            </span>
          ))}
        </fieldset>
        {draft.audience.kind === 'segment' && (
          <Field path="audience.code" label={t('editor.segment')}>
            <select value={draft.audience.code} onChange={(e) => set('audience', { kind: 'segment', code: e.target.value })}>
              {(segments.data?.items ?? []).map((s) => (
                <option key={s.code} value={s.code}>{t('editor.segmentOption', { name: s.name, n: s.size })}</option>
              ))}
            </select>
          </Field>
        )}
        {draft.audience.kind === 'members' && (
          <Field path="audience.members" label={t('editor.members')} hint={t('editor.membersHint')}>
            <textarea
              rows={4}
              defaultValue={memberList}
              onChange={(e) => set('audience', { kind: 'members', members: e.target.value.split(/[\s,;]+/).filter(Boolean) })}
            />
          </Field>
        )}
        <div className="grid-2">
          <Field path="stacking.mode" label={t('editor.stacking')}>
            <select value={draft.stacking.mode} onChange={(e) => set('stacking', { mode: e.target.value as Campaign['stacking']['mode'], ...(e.target.value === 'group' ? { group: draft.stacking.group ?? '' } : {}) })}>
              <option value="stackable">{t('options.stacking.stackable')}</option>
              <option value="exclusive">{t('options.stacking.exclusive')}</option>
              <option value="group">{t('options.stacking.group')}</option>
            </select>
          </Field>
          {draft.stacking.mode === 'group' ? (
            <Field path="stacking.group" label={t('editor.stackingGroup')}>
              <input value={draft.stacking.group ?? ''} onChange={(e) => set('stacking', { mode: 'group', group: e.target.value })} />
            </Field>
          ) : (
            <Field path="priority" label={t('editor.priority')} hint={t('editor.priorityHint')}>
              <input type="number" step={1} value={draft.priority} onChange={(e) => set('priority', Number(e.target.value))} />
            </Field>
          )}
        </div>
      </section>
    </>
  );
}

function withoutKey<T extends object, K extends keyof T>(o: T, key: K): Omit<T, K> {
  const { [key]: _, ...rest } = o;
  return rest;
}
