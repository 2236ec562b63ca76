import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { smsParts } from '../../../../../src/domain/messages/sms.ts';
import { api, ok, type Schemas } from '../../api/client.ts';
import { Refusal } from '../../components/Refusal.tsx';

type Template = Schemas['MessageTemplate'];
type Occasion = Template['event'];
/** Every occasion a template is written for: a record, so one the API adds and the console misses fails the build. */
const occasionSet: Record<Occasion, true> = {
  broadcast: true, 'member.birthday': true, 'member.lapsed': true, 'purchase.due': true, 'points.digest': true, 'member.created': true, 'receipt.confirmed': true, 'points.expiring': true,
  'points.adjusted': true, 'tier.changed': true, 'tier.at_risk': true, 'coupon.issued': true, 'referral.rewarded': true,
};
export const occasions = Object.keys(occasionSet) as Occasion[];

const blank = { code: '', event: 'broadcast' as Occasion, subject: { ru: '' }, text: { ru: '' }, html: null } as unknown as Template;

/** The templates, and the editor of one with its preview as a sample member would get it. */
export function Templates() {
  const { t } = useTranslation();
  const templates = useQuery({ queryKey: ['message-templates'], queryFn: async () => ok(await api.GET('/v1/messaging/templates')) });
  const [editing, setEditing] = useState<Template>(blank);
  return (
    <div className="columns templates">
      <section className="panel" aria-labelledby="templates-title">
        <h2 id="templates-title">{t('messages.templates')}</h2>
        <Refusal error={templates.error} />
        {templates.data && templates.data.templates.length === 0 && <p className="empty">{t('templates.none')}</p>}
        <ul className="plain">
          {templates.data?.templates.map((x) => (
            <li key={x.code}>
              <button type="button" className="quiet" aria-pressed={editing.code === x.code} onClick={() => setEditing(x)}>
                <span className="code">{x.code}</span> · {t(`occasions.${x.event}`)} — {x.subject.ru}
              </button>
            </li>
          ))}
        </ul>
        <button type="button" onClick={() => setEditing({ ...blank })}>
          {t('templates.new')}
        </button>
      </section>
      <Editor key={editing.code || 'new'} template={editing} />
    </div>
  );
}

function Editor({ template }: { template: Template }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [language, setLanguage] = useState<'ru' | 'en'>('ru');
  const [texts, setTexts] = useState({
    subjectRu: template.subject.ru, subjectEn: template.subject.en ?? '', textRu: template.text.ru, textEn: template.text.en ?? '',
    htmlRu: (template.mjml ?? template.html)?.ru ?? '', htmlEn: (template.mjml ?? template.html)?.en ?? '',
  });
  const [format, setFormat] = useState<'html' | 'mjml'>(template.mjml ? 'mjml' : 'html');
  const [code, setCode] = useState(template.code);
  const [event, setEvent] = useState<Occasion>(template.event);
  const [channel, setChannel] = useState<Template['channel']>(template.channel ?? 'email');
  const both = (ru: string, en: string) => ({ ru, ...(en.trim() ? { en } : {}) });
  const save = useMutation({
    mutationFn: async () =>
      ok(
        await api.PUT('/v1/messaging/templates/{code}', {
          params: { path: { code } },
          body: {
            channel, event, subject: both(texts.subjectRu, texts.subjectEn), text: both(texts.textRu, texts.textEn),
            ...(channel === 'email' ? { [format]: texts.htmlRu.trim() ? both(texts.htmlRu, texts.htmlEn) : null } : {}),
          },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ['message-templates'] }),
  });
  const preview = useMutation({ mutationFn: async () => ok(await api.POST('/v1/messaging/templates/{code}/preview', { params: { path: { code } }, body: { language } })) });
  const saved = save.data ?? (template.code ? template : null);
  const [testTo, setTestTo] = useState('');
  const test = useMutation({ mutationFn: async () => ok(await api.POST('/v1/messaging/templates/{code}/test', { params: { path: { code } }, body: { to: testTo.trim(), language } })) });
  const sendTest = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    test.mutate();
  };
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    save.mutate(undefined, { onSuccess: () => preview.mutate() });
  };
  // What the text costs as SMS before its variables are filled in: the parts it goes in, and in which alphabet.
  const smsFigure = (text: string) => {
    const { encoding, parts } = smsParts(text);
    return t('templates.smsParts', { count: parts.length, encoding: encoding === 'ucs2' ? 'UCS-2' : 'GSM 7-bit' });
  };
  const field = (name: keyof typeof texts, label: string, rows: number) => (
    <>
      <label htmlFor={`template-${name}`}>{label}</label>
      {rows === 1 ? (
        <input id={`template-${name}`} value={texts[name]} onChange={(e) => setTexts({ ...texts, [name]: e.target.value })} required={name === 'subjectRu'} />
      ) : (
        <textarea id={`template-${name}`} rows={rows} value={texts[name]} onChange={(e) => setTexts({ ...texts, [name]: e.target.value })} required={name === 'textRu'} />
      )}
      <p className="hint">
        {t('templates.length', { count: texts[name].length })}
        {channel === 'sms' && name.startsWith('text') && ` · ${smsFigure(texts[name])}`}
      </p>
    </>
  );
  return (
    <section className="panel" aria-labelledby="template-editor-title">
      <h2 id="template-editor-title">{template.code ? t('templates.edit', { code: template.code }) : t('templates.new')}</h2>
      <form className="stack" onSubmit={submit}>
        <label htmlFor="template-code">{t('templates.code')}</label>
        <input id="template-code" value={code} onChange={(e) => setCode(e.target.value)} required pattern="[a-z0-9][a-z0-9_\-]{0,63}" readOnly={!!template.code} />
        <label htmlFor="template-event">{t('templates.event')}</label>
        <select id="template-event" value={event} onChange={(e) => setEvent(e.target.value as Occasion)}>
          {occasions.map((o) => (
            <option key={o} value={o}>
              {t(`occasions.${o}`)}
            </option>
          ))}
        </select>
        <label htmlFor="template-channel">{t('templates.channel')}</label>
        <select id="template-channel" value={channel} onChange={(e) => setChannel(e.target.value as Template['channel'])}>
          <option value="email">{t('templates.channels.email')}</option>
          <option value="sms">{t('templates.channels.sms')}</option>
          <option value="push">{t('templates.channels.push')}</option>
          <option value="inbox">{t('templates.channels.inbox')}</option>
        </select>
        <p className="hint">{t('templates.variables')}</p>
        {field('subjectRu', t('templates.subjectRu'), 1)}
        {field('subjectEn', t('templates.subjectEn'), 1)}
        {field('textRu', t('templates.textRu'), 4)}
        {field('textEn', t('templates.textEn'), 4)}
        {channel === 'email' && (
          <>
            <label htmlFor="template-format">{t('templates.format')}</label>
            <select id="template-format" value={format} onChange={(e) => setFormat(e.target.value === 'mjml' ? 'mjml' : 'html')}>
              <option value="html">HTML</option>
              <option value="mjml">MJML</option>
            </select>
            {field('htmlRu', t('templates.htmlRu', { format: format.toUpperCase() }), 4)}
            {field('htmlEn', t('templates.htmlEn', { format: format.toUpperCase() }), 4)}
          </>
        )}
        <fieldset className="choices">
          <legend>{t('templates.previewIn')}</legend>
          {(['ru', 'en'] as const).map((l) => (
            <span key={l} className="check">
              <input id={`preview-${l}`} type="radio" name="preview-language" checked={language === l} onChange={() => setLanguage(l)} />
              <label htmlFor={`preview-${l}`}>{t(`templates.language.${l}`)}</label>
            </span>
          ))}
        </fieldset>
        <button type="submit" disabled={save.isPending}>
          {t('templates.save')}
        </button>
      </form>
      <div aria-live="polite">
        <Refusal error={save.error ?? preview.error} />
        {preview.data && (
          <article className="result" aria-label={t('templates.preview')}>
            <h3>{preview.data.subject}</h3>
            <pre className="code message-text">{preview.data.text}</pre>
            {preview.data.html && <iframe title={t('templates.previewHtml')} sandbox="" srcDoc={preview.data.html} className="preview-frame" />}
          </article>
        )}
      </div>
      {/* A saved template goes to staff as members would get it: an address, a mobile, or a subscribed browser. */}
      {saved && saved.channel !== 'inbox' && (
        <form className="stack" onSubmit={sendTest}>
          <label htmlFor="template-test-to">{t('templates.testTo')}</label>
          <input id="template-test-to" value={testTo} onChange={(e) => setTestTo(e.target.value)} required aria-describedby="template-test-hint" />
          <p className="hint" id="template-test-hint">{t(`templates.testHint.${saved.channel}`)}</p>
          <button type="submit" disabled={test.isPending}>
            {t('templates.testSend')}
          </button>
          <div aria-live="polite">
            <Refusal error={test.error} />
            {test.data && <p className="done">{t('templates.testSent', { to: test.data.to })}</p>}
          </div>
        </form>
      )}
    </section>
  );
}
