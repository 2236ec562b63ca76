import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, done, ok, type Schemas } from '../../api/client.ts';
import { Refusal } from '../../components/Refusal.tsx';
import { ShownOnce } from '../../components/ShownOnce.tsx';
import { useFormat } from '../../format.ts';

type EventType = Schemas['Webhook']['eventTypes'][number];
/** Every event type, in the feed's order: a record, so a type the API adds and the console misses fails the build. */
const typeSet: Record<EventType, true> = {
  'member.created': true, 'member.updated': true, 'member.erased': true, 'card.issued': true, 'card.blocked': true,
  'receipt.confirmed': true, 'receipt.returned': true, 'receipt.cancelled': true, 'points.adjusted': true,
  'points.activated': true, 'points.expired': true, 'points.expiring': true, 'tier.changed': true,
  'campaign.published': true, 'coupon.issued': true, 'coupon.redeemed': true, 'coupon.restored': true,
  'referral.rewarded': true, 'action.recorded': true, 'segment.entered': true, 'segment.left': true,
};
const eventTypes = Object.keys(typeSet) as EventType[];

/** Webhook subscriptions: add one (its secret shown once), switch one off or on, remove it, read its deliveries and send events again. */
export function Webhooks() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const webhooks = useQuery({ queryKey: ['webhooks'], queryFn: async () => ok(await api.GET('/v1/webhooks')) });
  const [open, setOpen] = useState<string | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: ['webhooks'] });
  const toggle = useMutation({
    mutationFn: async (w: Schemas['Webhook']) => ok(await api.PATCH('/v1/webhooks/{id}', { params: { path: { id: w.id } }, body: { enabled: !w.enabled } })),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: async (id: string) => done(await api.DELETE('/v1/webhooks/{id}', { params: { path: { id } } })),
    onSuccess: refresh,
  });
  return (
    <div>
      <section className="panel" aria-labelledby="webhooks-title">
        <h2 id="webhooks-title">{t('webhooks.title')}</h2>
        <Refusal error={webhooks.error ?? toggle.error ?? remove.error} />
        {webhooks.data && webhooks.data.items.length === 0 && <p className="empty">{t('webhooks.none')}</p>}
        {webhooks.data && webhooks.data.items.length > 0 && (
          <table className="list">
            <thead>
              <tr>
                <th scope="col">{t('webhooks.url')}</th>
                <th scope="col">{t('webhooks.types')}</th>
                <th scope="col">{t('webhooks.state')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('webhooks.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {webhooks.data.items.map((w) => (
                <tr key={w.id}>
                  <td className="code-cell">{w.url}</td>
                  <td>{w.eventTypes.length === 0 ? t('webhooks.allTypes') : w.eventTypes.join(', ')}</td>
                  <td>{w.enabled ? t('webhooks.enabled') : t('webhooks.disabled', { reason: w.disabledReason ?? '—' })}</td>
                  <td className="actions">
                    <button type="button" className="quiet" aria-expanded={open === w.id} onClick={() => setOpen(open === w.id ? null : w.id)}>
                      {t('webhooks.deliveries')}
                      <span className="visually-hidden"> {w.url}</span>
                    </button>
                    <button type="button" className="quiet" disabled={toggle.isPending} onClick={() => toggle.mutate(w)}>
                      {w.enabled ? t('webhooks.disable') : t('webhooks.enable')}
                      <span className="visually-hidden"> {w.url}</span>
                    </button>
                    <button type="button" className="quiet" disabled={remove.isPending} onClick={() => window.confirm(t('webhooks.confirmRemove', { url: w.url })) && remove.mutate(w.id)}>
                      {t('webhooks.remove')}
                      <span className="visually-hidden"> {w.url}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {open && <Deliveries id={open} url={webhooks.data?.items.find((w) => w.id === open)?.url ?? ''} />}
      <NewWebhook onCreated={refresh} />
    </div>
  );
}

function NewWebhook({ onCreated }: { onCreated: () => unknown }) {
  const { t } = useTranslation();
  const create = useMutation({
    mutationFn: async (form: FormData) =>
      ok(await api.POST('/v1/webhooks', { body: { url: String(form.get('url') ?? '').trim(), eventTypes: form.getAll('type').map(String) as EventType[] } })),
    onSuccess: onCreated,
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    create.mutate(new FormData(event.currentTarget));
  };
  return (
    <section className="panel" aria-labelledby="new-webhook-title">
      <h2 id="new-webhook-title">{t('webhooks.add')}</h2>
      <form className="stack" onSubmit={submit}>
        <label htmlFor="webhook-url">{t('webhooks.url')}</label>
        <input id="webhook-url" name="url" type="url" required maxLength={2000} placeholder="https://shop.example.ru/kopilka" />
        <fieldset className="choices">
          <legend>{t('webhooks.types')}</legend>
          <p className="hint">{t('webhooks.typesHint')}</p>
          {eventTypes.map((type) => (
            <span key={type} className="check">
              <input id={`type-${type}`} type="checkbox" name="type" value={type} />
              <label htmlFor={`type-${type}`}>{type}</label>
            </span>
          ))}
        </fieldset>
        <button type="submit" disabled={create.isPending}>
          {t('webhooks.create')}
        </button>
      </form>
      <div aria-live="polite">
        <Refusal error={create.error} />
        {create.data && <ShownOnce made={t('webhooks.created', { url: create.data.url })} warning={t('webhooks.once')} label={t('webhooks.secret')} secret={create.data.secret} />}
      </div>
    </section>
  );
}

/** A subscription's delivery log, newest first, and sending a range of its events again. */
function Deliveries({ id, url }: { id: string; url: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const deliveries = useQuery({ queryKey: ['webhooks', id, 'deliveries'], queryFn: async () => ok(await api.GET('/v1/webhooks/{id}/deliveries', { params: { path: { id }, query: { limit: 50 } } })) });
  const replay = useMutation({
    mutationFn: async (range: { from: number; to: number }) => ok(await api.POST('/v1/webhooks/{id}/replay', { params: { path: { id } }, body: range })),
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    replay.mutate({ from: Number(form.get('from')), to: Number(form.get('to')) });
  };
  return (
    <section className="panel" aria-labelledby="deliveries-title">
      <h2 id="deliveries-title">{t('webhooks.log', { url })}</h2>
      <Refusal error={deliveries.error} />
      {deliveries.data && deliveries.data.items.length === 0 && <p className="empty">{t('webhooks.noDeliveries')}</p>}
      {deliveries.data && deliveries.data.items.length > 0 && (
        <table className="list">
          <thead>
            <tr>
              <th scope="col" className="num">{t('webhooks.seq')}</th>
              <th scope="col">{t('webhooks.status')}</th>
              <th scope="col" className="num">{t('webhooks.attempts')}</th>
              <th scope="col">{t('webhooks.last')}</th>
              <th scope="col">{t('webhooks.answer')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('webhooks.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {deliveries.data.items.map((d) => (
              <tr key={d.eventId}>
                <td className="num">{d.seq}</td>
                <td>
                  <span className={`status ${d.status}`}>{t(`webhooks.statuses.${d.status}`)}</span>
                </td>
                <td className="num">{d.attempts}</td>
                <td>
                  {d.lastAttemptAt ? format.dateTime(d.lastAttemptAt) : '—'}
                  {d.lastStatus !== null && ` · HTTP ${d.lastStatus}`}
                  {d.lastLatencyMs !== null && ` · ${format.number(d.lastLatencyMs)} ${t('webhooks.ms')}`}
                </td>
                <td className="excerpt">{d.lastError ?? d.lastResponse ?? '—'}</td>
                <td>
                  <button type="button" className="quiet" disabled={replay.isPending} onClick={() => replay.mutate({ from: d.seq, to: d.seq })}>
                    {t('webhooks.again')}
                    <span className="visually-hidden"> {d.seq}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="row" onSubmit={submit} aria-label={t('webhooks.replay')}>
        <div className="field">
          <label htmlFor="replay-from">{t('webhooks.from')}</label>
          <input id="replay-from" name="from" type="number" min={1} step={1} required />
        </div>
        <div className="field">
          <label htmlFor="replay-to">{t('webhooks.to')}</label>
          <input id="replay-to" name="to" type="number" min={1} step={1} required />
        </div>
        <button type="submit" disabled={replay.isPending}>
          {t('webhooks.replay')}
        </button>
      </form>
      <div aria-live="polite">
        <Refusal error={replay.error} />
        {replay.data && <p className="done">{t('webhooks.queued', { count: replay.data.queued })}</p>}
      </div>
    </section>
  );
}
