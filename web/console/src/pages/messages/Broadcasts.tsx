import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ok, type Schemas } from '../../api/client.ts';
import { Refusal } from '../../components/Refusal.tsx';
import { useFormat } from '../../format.ts';

/** The broadcasts, a new one to a segment with variants and a control group, and the results of the one opened. */
export function Broadcasts() {
  const { t } = useTranslation();
  const format = useFormat();
  const client = useQueryClient();
  const broadcasts = useQuery({ queryKey: ['broadcasts'], queryFn: async () => ok(await api.GET('/v1/messaging/broadcasts')) });
  const [open, setOpen] = useState<string | null>(null);
  const cancel = useMutation({
    mutationFn: async (code: string) => ok(await api.POST('/v1/messaging/broadcasts/{code}/cancel', { params: { path: { code } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['broadcasts'] }),
  });
  return (
    <div>
      <section className="panel" aria-labelledby="broadcasts-title">
        <h2 id="broadcasts-title">{t('messages.broadcasts')}</h2>
        <Refusal error={broadcasts.error ?? cancel.error} />
        {broadcasts.data && broadcasts.data.broadcasts.length === 0 && <p className="empty">{t('broadcasts.none')}</p>}
        {broadcasts.data && broadcasts.data.broadcasts.length > 0 && (
          <table className="list">
            <thead>
              <tr>
                <th scope="col">{t('broadcasts.name')}</th>
                <th scope="col">{t('broadcasts.segment')}</th>
                <th scope="col">{t('broadcasts.sendAt')}</th>
                <th scope="col">{t('broadcasts.status')}</th>
                <th scope="col" className="num">{t('broadcasts.audience')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('broadcasts.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {broadcasts.data.broadcasts.map((b) => (
                <tr key={b.code}>
                  <td>{b.name}</td>
                  <td className="code-cell">{b.segment}</td>
                  <td>{format.dateTime(b.sendAt)}</td>
                  <td>{t(`broadcasts.${b.status}`)}</td>
                  <td className="num">{b.audience === null ? '—' : format.number(b.audience)}</td>
                  <td className="actions">
                    {b.status === 'planned' && (
                      <button type="button" className="quiet" aria-expanded={open === b.code} onClick={() => setOpen(open === b.code ? null : b.code)}>
                        {t('broadcasts.results')}
                        <span className="visually-hidden"> {b.name}</span>
                      </button>
                    )}
                    {b.status === 'scheduled' && (
                      <button type="button" className="quiet" disabled={cancel.isPending} onClick={() => window.confirm(t('broadcasts.confirmCancel', { name: b.name })) && cancel.mutate(b.code)}>
                        {t('broadcasts.cancel')}
                        <span className="visually-hidden"> {b.name}</span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {open && <Results code={open} name={broadcasts.data?.broadcasts.find((b) => b.code === open)?.name ?? open} />}
      <NewBroadcast onCreated={() => client.invalidateQueries({ queryKey: ['broadcasts'] })} />
    </div>
  );
}

function NewBroadcast({ onCreated }: { onCreated: () => unknown }) {
  const { t } = useTranslation();
  const segments = useQuery({ queryKey: ['segments'], queryFn: async () => ok(await api.GET('/v1/segments')) });
  const templates = useQuery({ queryKey: ['message-templates'], queryFn: async () => ok(await api.GET('/v1/messaging/templates')) });
  const [variants, setVariants] = useState(2);
  const forBroadcasts = templates.data?.templates.filter((x) => x.event === 'broadcast') ?? [];
  const create = useMutation({
    mutationFn: async (form: FormData) => {
      const when = String(form.get('sendAt') ?? '');
      return ok(
        await api.PUT('/v1/messaging/broadcasts/{code}', {
          params: { path: { code: String(form.get('code') ?? '').trim() } },
          body: {
            name: String(form.get('name') ?? '').trim(),
            segment: String(form.get('segment') ?? ''),
            topic: String(form.get('topic') ?? 'offers').trim() || 'offers',
            variants: form.getAll('variant').map(String),
            controlPercent: Number(form.get('controlPercent')),
            sendAt: when ? new Date(when).toISOString() : null,
          },
        }),
      );
    },
    onSuccess: onCreated,
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    create.mutate(new FormData(event.currentTarget));
  };
  const segmentList = segments.data?.items ?? [];
  return (
    <section className="panel" aria-labelledby="new-broadcast-title">
      <h2 id="new-broadcast-title">{t('broadcasts.new')}</h2>
      <form className="stack" onSubmit={submit}>
        <label htmlFor="broadcast-code">{t('broadcasts.code')}</label>
        <input id="broadcast-code" name="code" required pattern="[a-z0-9][a-z0-9_\-]{0,63}" placeholder="spring-sale" />
        <label htmlFor="broadcast-name">{t('broadcasts.name')}</label>
        <input id="broadcast-name" name="name" required maxLength={200} />
        <label htmlFor="broadcast-segment">{t('broadcasts.segment')}</label>
        <select id="broadcast-segment" name="segment" required>
          {segmentList.map((s) => (
            <option key={s.code} value={s.code}>
              {t('broadcasts.segmentOption', { name: s.name, size: s.size })}
            </option>
          ))}
        </select>
        <label htmlFor="broadcast-topic">{t('broadcasts.topic')}</label>
        <input id="broadcast-topic" name="topic" defaultValue="offers" pattern="[a-z0-9][a-z0-9_\-]{0,31}" />
        <fieldset className="choices">
          <legend>{t('broadcasts.variants')}</legend>
          <p className="hint">{t('broadcasts.variantsHint')}</p>
          {Array.from({ length: variants }, (_, i) => (
            <span key={i} className="field">
              <label htmlFor={`variant-${i}`}>{t('broadcasts.variant', { letter: String.fromCharCode(65 + i) })}</label>
              <select id={`variant-${i}`} name="variant" required>
                {forBroadcasts.map((x) => (
                  <option key={x.code} value={x.code}>
                    {x.code} — {x.subject.ru}
                  </option>
                ))}
              </select>
            </span>
          ))}
          <span className="row">
            <button type="button" className="quiet" disabled={variants >= 5} onClick={() => setVariants(variants + 1)}>
              {t('broadcasts.addVariant')}
            </button>
            <button type="button" className="quiet" disabled={variants <= 1} onClick={() => setVariants(variants - 1)}>
              {t('broadcasts.removeVariant')}
            </button>
          </span>
        </fieldset>
        <label htmlFor="broadcast-control">{t('broadcasts.control')}</label>
        <input id="broadcast-control" name="controlPercent" type="number" min={0} max={50} step={0.5} defaultValue={10} required aria-describedby="broadcast-control-hint" />
        <p className="hint" id="broadcast-control-hint">
          {t('broadcasts.controlHint')}
        </p>
        <label htmlFor="broadcast-at">{t('broadcasts.sendAt')}</label>
        <input id="broadcast-at" name="sendAt" type="datetime-local" aria-describedby="broadcast-at-hint" />
        <p className="hint" id="broadcast-at-hint">
          {t('broadcasts.sendAtHint')}
        </p>
        <button type="submit" disabled={create.isPending}>
          {t('broadcasts.create')}
        </button>
      </form>
      <div aria-live="polite">
        <Refusal error={create.error} />
        {create.data && <p className="done">{t('broadcasts.created', { name: create.data.name })}</p>}
      </div>
    </section>
  );
}

type Group = Schemas['MessageResults']['groups'][number];

/** Each variant and the control group: reach, opens, clicks, conversion and revenue, and the lift with its interval. */
function Results({ code, name }: { code: string; name: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const results = useQuery({ queryKey: ['broadcasts', code, 'results'], queryFn: async () => ok(await api.GET('/v1/messaging/broadcasts/{code}/results', { params: { path: { code } } })) });
  const share = (n: number, of: number) => (of === 0 ? '—' : `${format.decimal((100 * n) / of, 1)}%`);
  const lift = (g: Group) =>
    g.conversionLift
      ? t('broadcasts.liftValue', {
          difference: format.decimal(100 * g.conversionLift.difference, 1),
          low: format.decimal(100 * g.conversionLift.low, 1),
          high: format.decimal(100 * g.conversionLift.high, 1),
        })
      : '—';
  const revenueLift = (g: Group) =>
    g.revenueLift ? t('broadcasts.revenueLiftValue', { difference: format.money(g.revenueLift.difference), low: format.money(g.revenueLift.low), high: format.money(g.revenueLift.high) }) : '—';
  return (
    <section className="panel" aria-labelledby="results-title">
      <h2 id="results-title">{t('broadcasts.resultsOf', { name })}</h2>
      <Refusal error={results.error} />
      {results.data && (
        <>
          <p className="hint">{t('broadcasts.resultsHint', { days: results.data.conversionDays })}</p>
          {/* Wide with its intervals: it scrolls in a frame of its own, which the keyboard can reach. */}
          <div className="table-frame" role="region" aria-label={t('broadcasts.resultsOf', { name })} tabIndex={0}>
          <table className="list">
            <thead>
              <tr>
                <th scope="col">{t('broadcasts.group')}</th>
                <th scope="col" className="num">{t('broadcasts.members')}</th>
                <th scope="col" className="num">{t('broadcasts.queued')}</th>
                <th scope="col" className="num">{t('broadcasts.sent')}</th>
                <th scope="col" className="num">{t('broadcasts.delivered')}</th>
                <th scope="col" className="num">{t('broadcasts.opened')}</th>
                <th scope="col" className="num">{t('broadcasts.clicked')}</th>
                <th scope="col" className="num">{t('broadcasts.unsubscribed')}</th>
                <th scope="col" className="num">{t('broadcasts.converted')}</th>
                <th scope="col" className="num">{t('broadcasts.revenuePerMember')}</th>
                <th scope="col">{t('broadcasts.lift')}</th>
                <th scope="col">{t('broadcasts.revenueLift')}</th>
              </tr>
            </thead>
            <tbody>
              {results.data.groups.map((g) => (
                <tr key={g.variant ?? 'control'}>
                  <th scope="row">{g.variant === null ? t('broadcasts.controlGroup') : t('broadcasts.variant', { letter: g.variant })}</th>
                  <td className="num">{format.number(g.members)}</td>
                  <td className="num">{format.number(g.queued)}</td>
                  <td className="num">{format.number(g.sent)}</td>
                  <td className="num">{format.number(g.delivered)}</td>
                  <td className="num">{share(g.opened, g.sent)}</td>
                  <td className="num">{share(g.clicked, g.sent)}</td>
                  <td className="num">{format.number(g.unsubscribed)}</td>
                  <td className="num">{share(g.converted, g.members)}</td>
                  <td className="num">{g.members ? format.money(g.revenue / g.members) : '—'}</td>
                  <td>{lift(g)}</td>
                  <td>{revenueLift(g)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </div>
        </>
      )}
    </section>
  );
}
