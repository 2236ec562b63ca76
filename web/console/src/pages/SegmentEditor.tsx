import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, done, ok, type Schemas } from '../api/client.ts';
import { Refusal } from '../components/Refusal.tsx';
import { useFormat } from '../format.ts';
import { emptyRow, fromRule, toRule, type FieldInfo, type Group, type Row, type Rule } from '../segments/rule.ts';
import { useMay } from '../session.ts';

type Segment = Schemas['Segment'] & { history?: { at: string; size: number; entered: number; departed: number }[] };

/** A segment: its rule built from conditions with a live count, or its uploaded list; its size history and export. */
export function SegmentEditor() {
  const { code } = useParams();
  const { t } = useTranslation();
  const fields = useQuery({ queryKey: ['segment-fields'], queryFn: async () => ok(await api.GET('/v1/segments/fields')), staleTime: Infinity });
  const segment = useQuery({
    queryKey: ['segment', code ?? null],
    queryFn: async () => (code ? (ok(await api.GET('/v1/segments/{code}', { params: { path: { code } } })) as Segment) : null),
  });
  if (fields.isError || segment.isError) return <Refusal error={fields.error ?? segment.error} />;
  if (!fields.data || segment.isPending) return <p role="status">{t('common.loading')}</p>;
  return <Editor key={`${code ?? 'new'}@${segment.data?.version ?? 0}`} fields={fields.data.items} segment={segment.data ?? null} />;
}

function Editor({ fields, segment }: { fields: (FieldInfo & { title: { ru: string; en: string } })[]; segment: Segment | null }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const may = useMay();
  const byField = new Map(fields.map((f) => [f.field, f]));
  const [name, setName] = useState(segment?.name ?? '');
  const [code, setCode] = useState(segment?.code ?? '');
  const [description, setDescription] = useState(segment?.description ?? '');
  const [kind, setKind] = useState<'dynamic' | 'static'>(segment?.kind ?? 'dynamic');
  const startGroup = segment?.rule ? fromRule(segment.rule as Rule) : { mode: 'all' as const, rows: [emptyRow(fields.find((f) => f.field === 'days_since_purchase') ?? fields[0]!)] };
  const [group, setGroup] = useState<Group | null>(startGroup);
  const [json, setJson] = useState(() => JSON.stringify(segment?.rule ?? null, null, 2));
  const rule = (): unknown => {
    if (group) return toRule(group, byField);
    try {
      return JSON.parse(json);
    } catch {
      return json;
    }
  };
  const ruleText = JSON.stringify(rule());

  // The count follows the rule as it is typed, a moment after the typing stops.
  const [asked, setAsked] = useState(ruleText);
  useEffect(() => {
    const timer = setTimeout(() => setAsked(ruleText), 400);
    return () => clearTimeout(timer);
  }, [ruleText]);
  const count = useQuery({
    queryKey: ['segment-preview', segment?.code ?? code, asked],
    queryFn: async () => ok(await api.POST('/v1/segments/preview', { body: { ...(segment ? { code: segment.code } : {}), rule: JSON.parse(asked) } })),
    enabled: kind === 'dynamic',
    retry: false,
  });

  const save = useMutation({
    mutationFn: async () =>
      ok(await api.PUT('/v1/segments/{code}', { params: { path: { code: segment?.code ?? code } }, body: { name, description, kind, ...(kind === 'dynamic' ? { rule: rule() } : {}) } as never })),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: ['segments'] });
      void queryClient.invalidateQueries({ queryKey: ['segment', saved.code] });
      if (!segment) navigate(`/segments/${encodeURIComponent(saved.code)}`);
    },
  });
  const remove = useMutation({
    mutationFn: async () => done(await api.DELETE('/v1/segments/{code}', { params: { path: { code: segment!.code } } })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['segments'] });
      navigate('/segments');
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const editable = may('settings');
  const language = i18n.language === 'en' ? 'en' : 'ru';
  const setRow = (i: number, row: Row) => group && setGroup({ ...group, rows: group.rows.map((r, k) => (k === i ? row : r)) });

  return (
    <section aria-labelledby="segment-title">
      <p>
        <Link to="/segments">{t('segments.back')}</Link>
      </p>
      <h1 id="segment-title">{segment ? segment.name : t('segments.new')}</h1>
      <form onSubmit={submit}>
        <section className="panel" aria-labelledby="segment-general">
          <h2 id="segment-general">{t('segments.general')}</h2>
          <div className="grid-2">
            <div className="field">
              <label htmlFor="segment-name">{t('segments.name')}</label>
              <input id="segment-name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} readOnly={!editable} />
            </div>
            <div className="field">
              <label htmlFor="segment-code">{t('segments.code')}</label>
              <input id="segment-code" value={segment?.code ?? code} onChange={(e) => setCode(e.target.value)} readOnly={!!segment} required pattern="[A-Za-z0-9_.\-]{1,64}" aria-describedby="segment-code-hint" />
              <span className="hint" id="segment-code-hint">{segment ? t('segments.codeFixed') : t('segments.codeHint')}</span>
            </div>
          </div>
          <div className="field">
            <label htmlFor="segment-description">{t('segments.description')}</label>
            <textarea id="segment-description" rows={2} value={description} onChange={(e) => setDescription(e.target.value)} maxLength={2000} readOnly={!editable} />
          </div>
          <fieldset className="choices">
            <legend>{t('segments.kind')}</legend>
            {(['dynamic', 'static'] as const).map((k) => (
              <span className="check" key={k}>
                <input type="radio" name="segment-kind" id={`segment-kind-${k}`} checked={kind === k} onChange={() => setKind(k)} disabled={!editable} />
                <label htmlFor={`segment-kind-${k}`}>{t(`segments.kinds.${k}`)}</label>
              </span>
            ))}
          </fieldset>
        </section>

        {kind === 'dynamic' && (
          <section className="panel" aria-labelledby="segment-rule">
            <h2 id="segment-rule">{t('segments.rule')}</h2>
            {group ? (
              <>
                <div className="field">
                  <label htmlFor="segment-mode">{t('segments.mode')}</label>
                  <select id="segment-mode" value={group.mode} onChange={(e) => setGroup({ ...group, mode: e.target.value as Group['mode'] })}>
                    <option value="all">{t('segments.modes.all')}</option>
                    <option value="any">{t('segments.modes.any')}</option>
                  </select>
                </div>
                <ol className="conditions" aria-label={t('segments.conditions')}>
                  {group.rows.map((row, i) => (
                    <ConditionRow key={i} n={i} row={row} fields={fields} language={language} onChange={(r) => setRow(i, r)} onRemove={() => setGroup({ ...group, rows: group.rows.filter((_, k) => k !== i) })} />
                  ))}
                </ol>
                <div className="actions">
                  <button type="button" className="quiet" onClick={() => setGroup({ ...group, rows: [...group.rows, emptyRow(fields[0]!)] })}>
                    {t('segments.addCondition')}
                  </button>
                  <button type="button" className="quiet" onClick={() => { setJson(JSON.stringify(rule(), null, 2)); setGroup(null); }}>
                    {t('segments.asJson')}
                  </button>
                </div>
              </>
            ) : (
              <div className="field">
                <label htmlFor="segment-json">{t('segments.json')}</label>
                <textarea id="segment-json" rows={10} className="code" value={json} onChange={(e) => setJson(e.target.value)} spellCheck={false} />
              </div>
            )}
            <p className="live-count" role="status" aria-live="polite" data-testid="segment-count">
              {count.isFetching ? t('segments.counting') : count.data ? t('segments.count', { n: count.data.members, count: count.data.members }) : ''}
            </p>
            <Refusal error={count.error} />
          </section>
        )}

        {editable && (
          <div className="actions">
            <button type="submit" disabled={save.isPending}>
              {save.isPending ? t('segments.saving') : t('segments.save')}
            </button>
          </div>
        )}
        <Refusal error={save.error} />
      </form>

      {segment && <SegmentState segment={segment} editable={editable} onDelete={() => window.confirm(t('segments.confirmDelete', { name: segment.name })) && remove.mutate()} />}
      <Refusal error={remove.error} />
    </section>
  );
}

function ConditionRow({ n, row, fields, language, onChange, onRemove }: { n: number; row: Row; fields: (FieldInfo & { title: { ru: string; en: string } })[]; language: 'ru' | 'en'; onChange: (row: Row) => void; onRemove: () => void }) {
  const { t } = useTranslation();
  const field = fields.find((f) => f.field === row.field);
  const id = (part: string) => `condition-${n}-${part}`;
  const operators = field?.operators ?? ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'between', 'in', 'not_in', 'is_set', 'not_set'];
  const noValue = row.op === 'is_set' || row.op === 'not_set';
  const input = (value: string, set: (v: string) => void, label: string, part: string) =>
    field?.type === 'boolean' ? (
      <select id={id(part)} aria-label={label} value={value || 'true'} onChange={(e) => set(e.target.value)}>
        <option value="true">{t('segments.yes')}</option>
        <option value="false">{t('segments.no')}</option>
      </select>
    ) : field?.values && row.op !== 'in' && row.op !== 'not_in' ? (
      <select id={id(part)} aria-label={label} value={value} onChange={(e) => set(e.target.value)}>
        <option value="" />
        {field.values.map((v) => (
          <option key={v} value={v}>{t(`segments.values.${v}`, { defaultValue: v })}</option>
        ))}
      </select>
    ) : (
      <input id={id(part)} aria-label={label} value={value} onChange={(e) => set(e.target.value)} type={field?.type === 'date' ? 'date' : 'text'} inputMode={field?.type === 'number' ? 'decimal' : undefined} placeholder={row.op === 'in' || row.op === 'not_in' ? (field?.values ? field.values.slice(0, 2).join(', ') : t('segments.listHint')) : ''} />
    );
  return (
    <li className="condition">
      <span className="check">
        <input type="checkbox" id={id('not')} checked={row.negate} onChange={(e) => onChange({ ...row, negate: e.target.checked })} />
        <label htmlFor={id('not')}>{t('segments.not')}</label>
      </span>
      <select aria-label={t('segments.field')} value={row.field} onChange={(e) => onChange(emptyRow(fields.find((f) => f.field === e.target.value)!))}>
        {fields.map((f) => (
          <option key={f.field} value={f.field}>{f.title[language]}</option>
        ))}
      </select>
      <select aria-label={t('segments.operator')} value={row.op} onChange={(e) => onChange({ ...row, op: e.target.value })}>
        {operators.map((op) => (
          <option key={op} value={op}>{t(`segments.ops.${op}`)}</option>
        ))}
      </select>
      {!noValue && input(row.value, (value) => onChange({ ...row, value }), t('segments.value'), 'value')}
      {row.op === 'between' && input(row.value2, (value2) => onChange({ ...row, value2 }), t('segments.value2'), 'value2')}
      {field && field.window !== 'none' && (
        <span className="days">
          <label htmlFor={id('days')}>{field.field === 'points_expiring' ? t('segments.daysAhead') : t('segments.daysBack')}</label>
          <input id={id('days')} type="number" min={1} max={3660} value={row.days} onChange={(e) => onChange({ ...row, days: e.target.value })} placeholder={field.window === 'optional' ? t('segments.lifetime') : ''} />
        </span>
      )}
      <button type="button" className="quiet" onClick={onRemove} aria-label={t('segments.removeCondition', { n: n + 1 })}>
        ×
      </button>
    </li>
  );
}

/** A saved segment: its size and history, the list upload of a static one, export, refresh and delete. */
function SegmentState({ segment, editable, onDelete }: { segment: Segment; editable: boolean; onDelete: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const may = useMay();
  const queryClient = useQueryClient();
  const refresh = useMutation({
    mutationFn: async () => ok(await api.POST('/v1/segments/{code}/refresh', { params: { path: { code: segment.code } } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['segment', segment.code] }),
  });
  const upload = useMutation({
    mutationFn: async (file: File) =>
      ok(await api.PUT('/v1/segments/{code}/members', { params: { path: { code: segment.code } }, body: (await file.text()) as never, bodySerializer: (b: unknown) => b as string, headers: { 'content-type': 'text/csv' } })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['segments'] });
      void queryClient.invalidateQueries({ queryKey: ['segment', segment.code] });
    },
  });
  return (
    <section className="panel" aria-labelledby="segment-state">
      <h2 id="segment-state">{t('segments.members')}</h2>
      <dl className="figures tiles">
        <div>
          <dt>{t('segments.size')}</dt>
          <dd data-testid="segment-size">{format.number(segment.size)}</dd>
          <dd className="hint">{segment.refreshedAt ? t('segments.refreshedAt', { at: format.dateTime(segment.refreshedAt) }) : '—'}</dd>
        </div>
        <div>
          <dt>{t('segments.version')}</dt>
          <dd>{segment.version}</dd>
        </div>
      </dl>
      <div className="actions">
        {may('segments:export') && (
          <a className="button" href={`/v1/segments/${encodeURIComponent(segment.code)}/members.csv`} download>
            {t('segments.export')}
          </a>
        )}
        {editable && segment.kind === 'dynamic' && (
          <button type="button" className="quiet" onClick={() => refresh.mutate()} disabled={refresh.isPending}>
            {t('segments.refresh')}
          </button>
        )}
        {editable && (
          <button type="button" className="quiet danger" onClick={onDelete}>
            {t('segments.delete')}
          </button>
        )}
      </div>
      <Refusal error={refresh.error} />
      {editable && segment.kind === 'static' && (
        <div className="field">
          <label htmlFor="segment-upload">{t('segments.upload')}</label>
          <input id="segment-upload" type="file" accept=".csv,text/csv,text/plain" onChange={(e) => e.target.files?.[0] && upload.mutate(e.target.files[0])} aria-describedby="segment-upload-hint" />
          <span className="hint" id="segment-upload-hint">{t('segments.uploadHint')}</span>
        </div>
      )}
      <Refusal error={upload.error} />
      {upload.data && (
        <div role="status" data-testid="upload-report">
          <p>{t('segments.uploaded', { rows: format.number(upload.data.rows), matched: format.number(upload.data.matched), members: format.number(upload.data.members) })}</p>
          {upload.data.unmatched.length > 0 && (
            <table className="list">
              <caption>{t('segments.unmatched')}</caption>
              <thead>
                <tr>
                  <th scope="col" className="num">{t('segments.row')}</th>
                  <th scope="col">{t('segments.valueColumn')}</th>
                </tr>
              </thead>
              <tbody>
                {upload.data.unmatched.slice(0, 50).map((u) => (
                  <tr key={u.row}>
                    <td className="num">{u.row}</td>
                    <td>{u.value || '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
      {segment.history && segment.history.length > 0 && (
        <table className="list">
          <caption>{t('segments.history')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('segments.when')}</th>
              <th scope="col" className="num">{t('segments.size')}</th>
              <th scope="col" className="num">{t('segments.entered')}</th>
              <th scope="col" className="num">{t('segments.departed')}</th>
            </tr>
          </thead>
          <tbody>
            {segment.history.slice(-10).reverse().map((h) => (
              <tr key={h.at}>
                <td>{format.dateTime(h.at)}</td>
                <td className="num">{format.number(h.size)}</td>
                <td className="num">{format.signed(h.entered)}</td>
                <td className="num">{format.signed(-h.departed)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
