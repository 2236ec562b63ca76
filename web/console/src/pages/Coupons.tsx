import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ok, ProblemError } from '../api/client.ts';
import { useFormat } from '../format.ts';
import { Refusal } from '../components/Refusal.tsx';
import { MoreButton } from '../components/MoreButton.tsx';

/** Coupon batches: make one (random codes from a pattern, or one promo code), see the batches, download their codes. */
export function Coupons() {
  const { t } = useTranslation();
  const format = useFormat();
  const batches = useInfiniteQuery({
    queryKey: ['coupon-batches'],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) => ok(await api.GET('/v1/coupons/batches', { params: { query: { limit: 20, ...(pageParam ? { before: pageParam } : {}) } } })),
    getNextPageParam: (page) => page.next ?? undefined,
  });
  const items = batches.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section aria-labelledby="coupons-title">
      <h1 id="coupons-title">{t('coupons.title')}</h1>
      <div className="columns">
        <NewBatch />
        <CouponLookup />
      </div>
      <section className="panel" aria-labelledby="batches-title">
        <h2 id="batches-title">{t('coupons.batches')}</h2>
        {batches.isPending && <p role="status">{t('common.loading')}</p>}
        <Refusal error={batches.error} />
        {batches.isSuccess && items.length === 0 && <p className="empty">{t('coupons.noBatches')}</p>}
        {items.length > 0 && (
          <table className="list">
            <thead>
              <tr>
                <th scope="col">{t('coupons.made')}</th>
                <th scope="col">{t('coupons.campaign')}</th>
                <th scope="col">{t('coupons.codes')}</th>
                <th scope="col" className="num">{t('coupons.count')}</th>
                <th scope="col" className="num">{t('coupons.used')}</th>
                <th scope="col">{t('coupons.valid')}</th>
                <th scope="col">{t('coupons.export')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((b) => (
                <tr key={b.batch}>
                  <td>{format.dateTime(b.createdAt)}</td>
                  <td>{b.campaign}</td>
                  <td className="code-cell">{b.code ?? b.pattern}</td>
                  <td className="num">{format.number(b.count)}</td>
                  <td className="num">{format.number(b.used)}</td>
                  <td>
                    {b.validFrom ? format.date(b.validFrom) : '…'} — {b.validTo ? format.date(b.validTo) : '…'}
                  </td>
                  <td>
                    <a href={`/v1/coupons/export.csv?batch=${encodeURIComponent(b.batch)}`} download>
                      {t('coupons.csv')}
                      <span className="visually-hidden"> {b.code ?? b.pattern}</span>
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <MoreButton pages={batches} />
      </section>
    </section>
  );
}

/** The form of a new batch. */
function NewBatch() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const campaigns = useQuery({ queryKey: ['campaigns'], queryFn: async () => ok(await api.GET('/v1/campaigns')) });
  const [fixed, setFixed] = useState(false);
  const [attempt, setAttempt] = useState(() => crypto.randomUUID());
  const create = useMutation({
    mutationFn: async (form: FormData) => {
      const text = (name: string) => String(form.get(name) ?? '').trim();
      const whole = (name: string) => (text(name) === '' ? null : Number(text(name)));
      const day = (name: string, end: boolean) => (text(name) ? new Date(Date.parse(`${text(name)}T00:00:00Z`) + (end ? 86_400_000 : 0)).toISOString() : null);
      return ok(
        await api.POST('/v1/coupons/batches', {
          params: { header: { 'idempotency-key': attempt } },
          body: {
            campaign: text('campaign'),
            ...(fixed ? { code: text('code'), count: 1 } : { count: Number(text('count')), ...(text('pattern') ? { pattern: text('pattern') } : {}) }),
            maxUses: whole('maxUses'),
            perMember: whole('perMember'),
            validFrom: day('validFrom', false),
            validTo: day('validTo', true),
            memberId: null,
          },
        }),
      );
    },
    onSuccess: async () => {
      setAttempt(crypto.randomUUID());
      await client.invalidateQueries({ queryKey: ['coupon-batches'] });
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    create.mutate(new FormData(event.currentTarget));
  };
  const field = create.error instanceof ProblemError ? create.error.problem.field : undefined;

  return (
    <section className="panel" aria-labelledby="new-batch-title">
      <h2 id="new-batch-title">{t('coupons.newBatch')}</h2>
      <form onSubmit={submit} className="stack">
        <label htmlFor="batch-campaign">{t('coupons.campaign')}</label>
        <select id="batch-campaign" name="campaign" required>
          {campaigns.data?.items.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
        <p className="hint">{t('coupons.campaignHint')}</p>
        <fieldset className="choices">
          <legend>{t('coupons.kind')}</legend>
          <span className="check">
            <input type="radio" id="batch-random" name="kind" checked={!fixed} onChange={() => setFixed(false)} />
            <label htmlFor="batch-random">{t('coupons.random')}</label>
          </span>
          <span className="check">
            <input type="radio" id="batch-fixed" name="kind" checked={fixed} onChange={() => setFixed(true)} />
            <label htmlFor="batch-fixed">{t('coupons.fixed')}</label>
          </span>
        </fieldset>
        {fixed ? (
          <>
            <label htmlFor="batch-code">{t('coupons.code')}</label>
            <input id="batch-code" name="code" required minLength={3} maxLength={64} aria-invalid={field === 'code' || undefined} />
          </>
        ) : (
          <div className="grid-2">
            <div className="field">
              <label htmlFor="batch-count">{t('coupons.count')}</label>
              <input id="batch-count" name="count" type="number" min={1} step={1} required defaultValue={100} />
            </div>
            <div className="field">
              <label htmlFor="batch-pattern">{t('coupons.pattern')}</label>
              <input id="batch-pattern" name="pattern" placeholder="KOP-XXXX-XXXX" aria-describedby="batch-pattern-hint" aria-invalid={field === 'pattern' || undefined} />
              <p className="hint" id="batch-pattern-hint">
                {t('coupons.patternHint')}
              </p>
            </div>
          </div>
        )}
        <div className="grid-2">
          <div className="field">
            <label htmlFor="batch-max-uses">{t('coupons.maxUses')}</label>
            <input id="batch-max-uses" name="maxUses" type="number" min={1} step={1} defaultValue={1} aria-describedby="batch-max-uses-hint" />
            <p className="hint" id="batch-max-uses-hint">
              {t('coupons.emptyUnlimited')}
            </p>
          </div>
          <div className="field">
            <label htmlFor="batch-per-member">{t('coupons.perMember')}</label>
            <input id="batch-per-member" name="perMember" type="number" min={1} step={1} />
          </div>
          <div className="field">
            <label htmlFor="batch-from">{t('coupons.validFrom')}</label>
            <input id="batch-from" name="validFrom" type="date" />
          </div>
          <div className="field">
            <label htmlFor="batch-to">{t('coupons.validTo')}</label>
            <input id="batch-to" name="validTo" type="date" />
          </div>
        </div>
        <button type="submit" disabled={create.isPending}>
          {create.isPending ? t('coupons.working') : t('coupons.create')}
        </button>
      </form>
      <div aria-live="polite">
        <Refusal error={create.error} />
        {create.data && (
          <div className="done">
            <p>{t('coupons.created', { count: create.data.count })}</p>
            {create.data.codes && <p className="code-cell">{create.data.codes.slice(0, 20).join(', ')}</p>}
          </div>
        )}
      </div>
    </section>
  );
}

/** One coupon by its code: its campaign, validity and uses. */
function CouponLookup() {
  const { t } = useTranslation();
  const format = useFormat();
  const [code, setCode] = useState('');
  const found = useQuery({ queryKey: ['coupon', code], queryFn: async () => ok(await api.GET('/v1/coupons/{code}', { params: { path: { code } } })), enabled: code !== '' });
  return (
    <section className="panel" aria-labelledby="coupon-lookup-title">
      <h2 id="coupon-lookup-title">{t('coupons.lookup')}</h2>
      <form
        className="row"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setCode(String(new FormData(e.currentTarget).get('code') ?? '').trim());
        }}
      >
        <div className="field">
          <label htmlFor="coupon-code">{t('coupons.code')}</label>
          <input id="coupon-code" name="code" required />
        </div>
        <button type="submit">{t('members.find')}</button>
      </form>
      <div aria-live="polite">
        <Refusal error={found.error} />
        {found.data && (
          <dl>
            <dt>{t('coupons.code')}</dt>
            <dd className="code-cell">{found.data.code}</dd>
            <dt>{t('coupons.campaign')}</dt>
            <dd>{found.data.campaign}</dd>
            <dt>{t('coupons.used')}</dt>
            <dd>{found.data.maxUses === null ? format.number(found.data.uses) : `${format.number(found.data.uses)} / ${format.number(found.data.maxUses)}`}</dd>
            <dt>{t('coupons.valid')}</dt>
            <dd>
              {found.data.validFrom ? format.date(found.data.validFrom) : '…'} — {found.data.validTo ? format.date(found.data.validTo) : '…'}
            </dd>
          </dl>
        )}
      </div>
    </section>
  );
}
