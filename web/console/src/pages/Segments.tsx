import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, ok } from '../api/client.ts';
import { Refusal } from '../components/Refusal.tsx';
import { useFormat } from '../format.ts';
import { useMay } from '../session.ts';

/** The programme's segments: what each is, how many members it holds, when it was last evaluated. */
export function Segments() {
  const { t } = useTranslation();
  const format = useFormat();
  const may = useMay();
  const segments = useQuery({ queryKey: ['segments'], queryFn: async () => ok(await api.GET('/v1/segments')) });
  return (
    <section aria-labelledby="segments-title">
      <div className="title-row">
        <h1 id="segments-title">{t('segments.title')}</h1>
        {may('settings') && (
          <Link className="button" to="/segments/new">
            {t('segments.new')}
          </Link>
        )}
      </div>
      <p className="hint">{t('segments.hint')}</p>
      {segments.isPending && <p role="status">{t('common.loading')}</p>}
      <Refusal error={segments.error} />
      {segments.data && segments.data.items.length === 0 && <p className="empty">{t('segments.empty')}</p>}
      {segments.data && segments.data.items.length > 0 && (
        <table className="list">
          <caption className="visually-hidden">{t('segments.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('segments.name')}</th>
              <th scope="col">{t('segments.kind')}</th>
              <th scope="col" className="num">{t('segments.size')}</th>
              <th scope="col">{t('segments.refreshed')}</th>
            </tr>
          </thead>
          <tbody>
            {segments.data.items.map((s) => (
              <tr key={s.code}>
                <td>
                  <Link to={`/segments/${encodeURIComponent(s.code)}`}>{s.name}</Link>
                  <span className="code">{s.code}</span>
                </td>
                <td>{t(`segments.kinds.${s.kind}`)}</td>
                <td className="num">{format.number(s.size)}</td>
                <td>{s.refreshedAt ? format.dateTime(s.refreshedAt) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
