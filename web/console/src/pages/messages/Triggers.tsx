import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ok, type Schemas } from '../../api/client.ts';
import { Refusal } from '../../components/Refusal.tsx';
import { occasions } from './Templates.tsx';

type Trigger = Schemas['MessageTrigger'];
const triggerOccasions = occasions.filter((o): o is Trigger['event'] => o !== 'broadcast');
const calendar = new Set<string>(['member.birthday', 'member.lapsed', 'purchase.due', 'tier.at_risk', 'points.digest']);
/** What a calendar trigger's days count, and their bounds and default. */
const daysOf = (event: string) =>
  event === 'member.birthday' ? { label: 'triggers.daysBefore', min: 0, max: 60, initial: 3 }
  : event === 'purchase.due' ? { label: 'triggers.daysPastUsual', min: 0, max: 90, initial: 2 }
  : event === 'tier.at_risk' ? { label: 'triggers.daysBeforeReview', min: 1, max: 90, initial: 14 }
  : event === 'points.digest' ? { label: 'triggers.daysEvery', min: 1, max: 31, initial: 7 }
  : { label: 'triggers.daysSince', min: 1, max: 730, initial: 60 };

/** The triggers: each an event or a day of the calendar answered with a template, switched on or off. */
export function Triggers() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const triggers = useQuery({ queryKey: ['message-triggers'], queryFn: async () => ok(await api.GET('/v1/messaging/triggers')) });
  const templates = useQuery({ queryKey: ['message-templates'], queryFn: async () => ok(await api.GET('/v1/messaging/templates')) });
  const segments = useQuery({ queryKey: ['segments'], queryFn: async () => ok(await api.GET('/v1/segments')) });
  const [event, setEvent] = useState<Trigger['event']>('points.expiring');
  const refresh = () => client.invalidateQueries({ queryKey: ['message-triggers'] });
  const save = useMutation({
    mutationFn: async (x: Omit<Trigger, 'updatedAt'>) => {
      const { code, ...body } = x;
      return ok(await api.PUT('/v1/messaging/triggers/{code}', { params: { path: { code } }, body }));
    },
    onSuccess: refresh,
  });
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    save.mutate({
      code: String(form.get('code') ?? '').trim(),
      event,
      template: String(form.get('template') ?? ''),
      kind: form.get('kind') === 'transactional' ? 'transactional' : 'marketing',
      enabled: form.get('enabled') === 'on',
      delayMinutes: Number(form.get('delayMinutes') ?? 0),
      topic: String(form.get('topic') ?? '').trim() || null,
      days: calendar.has(event) ? Number(form.get('days')) : null,
      segment: String(form.get('segment') ?? '') || null,
      tiers: [],
      fallbacks: form.get('fallback') ? [String(form.get('fallback'))] : [],
      onceInDays: form.get('onceInDays') ? Number(form.get('onceInDays')) : null,
    });
  };
  const fitting = templates.data?.templates.filter((x) => x.event === event) ?? [];
  return (
    <div>
      <section className="panel" aria-labelledby="triggers-title">
        <h2 id="triggers-title">{t('messages.triggers')}</h2>
        <Refusal error={triggers.error} />
        {triggers.data && triggers.data.triggers.length === 0 && <p className="empty">{t('triggers.none')}</p>}
        {triggers.data && triggers.data.triggers.length > 0 && (
          <table className="list">
            <thead>
              <tr>
                <th scope="col">{t('triggers.code')}</th>
                <th scope="col">{t('triggers.event')}</th>
                <th scope="col">{t('triggers.template')}</th>
                <th scope="col">{t('triggers.kind')}</th>
                <th scope="col">{t('triggers.state')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('triggers.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {triggers.data.triggers.map((x) => (
                <tr key={x.code}>
                  <td className="code-cell">{x.code}</td>
                  <td>
                    {t(`occasions.${x.event}`)}
                    {x.days !== null && ` · ${t('triggers.daysValue', { count: x.days })}`}
                  </td>
                  <td className="code-cell">{[x.template, ...x.fallbacks].join(' → ')}</td>
                  <td>{t(`triggers.${x.kind}`)}</td>
                  <td>{x.enabled ? t('triggers.on') : t('triggers.off')}</td>
                  <td className="actions">
                    <button type="button" className="quiet" disabled={save.isPending} onClick={() => save.mutate({ ...x, enabled: !x.enabled })}>
                      {x.enabled ? t('triggers.switchOff') : t('triggers.switchOn')}
                      <span className="visually-hidden"> {x.code}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="panel" aria-labelledby="new-trigger-title">
        <h2 id="new-trigger-title">{t('triggers.new')}</h2>
        <form className="stack" onSubmit={submit}>
          <label htmlFor="trigger-code">{t('triggers.code')}</label>
          <input id="trigger-code" name="code" required pattern="[a-z0-9][a-z0-9_\-]{0,63}" placeholder="expiry-reminder" />
          <label htmlFor="trigger-event">{t('triggers.event')}</label>
          <select id="trigger-event" value={event} onChange={(e) => setEvent(e.target.value as Trigger['event'])}>
            {triggerOccasions.map((o) => (
              <option key={o} value={o}>
                {t(`occasions.${o}`)}
              </option>
            ))}
          </select>
          {calendar.has(event) && (
            <>
              <label htmlFor="trigger-days">{t(daysOf(event).label)}</label>
              <input id="trigger-days" key={event} name="days" type="number" min={daysOf(event).min} max={daysOf(event).max} required defaultValue={daysOf(event).initial} />
            </>
          )}
          <label htmlFor="trigger-template">{t('triggers.template')}</label>
          <select id="trigger-template" name="template" required>
            {fitting.map((x) => (
              <option key={x.code} value={x.code}>
                {x.code} — {x.subject.ru}
              </option>
            ))}
          </select>
          {fitting.length === 0 && <p className="hint">{t('triggers.noTemplate')}</p>}
          <label htmlFor="trigger-fallback">{t('triggers.fallback')}</label>
          <select id="trigger-fallback" name="fallback" defaultValue="" aria-describedby="trigger-fallback-hint">
            <option value="">{t('triggers.noFallback')}</option>
            {fitting.map((x) => (
              <option key={x.code} value={x.code}>
                {x.code} ({t(`templates.channels.${x.channel}`)})
              </option>
            ))}
          </select>
          <p className="hint" id="trigger-fallback-hint">{t('triggers.fallbackHint')}</p>
          <label htmlFor="trigger-segment">{t('triggers.segment')}</label>
          <select id="trigger-segment" name="segment" defaultValue="">
            <option value="">{t('triggers.anyMember')}</option>
            {segments.data?.items.map((x) => (
              <option key={x.code} value={x.code}>
                {x.name}
              </option>
            ))}
          </select>
          <label htmlFor="trigger-once">{t('triggers.onceInDays')}</label>
          <input id="trigger-once" name="onceInDays" type="number" min={1} max={365} placeholder={t('triggers.noLimit')} />
          <fieldset className="choices">
            <legend>{t('triggers.kind')}</legend>
            {(['marketing', 'transactional'] as const).map((k) => (
              <span key={k} className="check">
                <input id={`trigger-${k}`} type="radio" name="kind" value={k} defaultChecked={k === 'marketing'} />
                <label htmlFor={`trigger-${k}`}>{t(`triggers.${k}`)}</label>
              </span>
            ))}
          </fieldset>
          <label htmlFor="trigger-delay">{t('triggers.delay')}</label>
          <input id="trigger-delay" name="delayMinutes" type="number" min={0} max={525600} defaultValue={0} />
          <label htmlFor="trigger-topic">{t('triggers.topic')}</label>
          <input id="trigger-topic" name="topic" pattern="[a-z0-9][a-z0-9_\-]{0,31}" />
          <span className="check">
            <input id="trigger-enabled" name="enabled" type="checkbox" defaultChecked />
            <label htmlFor="trigger-enabled">{t('triggers.enabled')}</label>
          </span>
          <button type="submit" disabled={save.isPending}>
            {t('triggers.save')}
          </button>
        </form>
        <div aria-live="polite">
          <Refusal error={save.error} />
          {save.data && <p className="done">{t('triggers.saved', { code: save.data.code })}</p>}
        </div>
      </section>
    </div>
  );
}
