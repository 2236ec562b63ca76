import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, ok } from '../api/client.ts';
import { RuleVersions } from '../components/RuleVersions.tsx';
import { campaignStatus } from '../editor/campaign.ts';
import { useFormat } from '../format.ts';
import { useMay } from '../session.ts';
import { Refusal } from '../components/Refusal.tsx';

/** The programme's campaigns: where each is in its life, when it runs, what it has given and what is left of its budget. */
export function Campaigns() {
  const { t } = useTranslation();
  const format = useFormat();
  const may = useMay();
  const campaigns = useQuery({ queryKey: ['campaigns'], queryFn: async () => ok(await api.GET('/v1/campaigns')) });
  const mayEdit = may('settings');
  const now = new Date();
  return (
    <section aria-labelledby="campaigns-title">
      <div className="title-row">
        <h1 id="campaigns-title">{t('campaigns.title')}</h1>
        {mayEdit && (
          <Link className="button" to="/campaigns/new">
            {t('campaigns.new')}
          </Link>
        )}
      </div>
      {campaigns.isPending && <p role="status">{t('common.loading')}</p>}
      <Refusal error={campaigns.error} />
      {campaigns.data && campaigns.data.items.length === 0 && <p className="empty">{t('campaigns.empty')}</p>}
      {campaigns.data && campaigns.data.items.length > 0 && (
        <table className="list">
          <caption className="visually-hidden">{t('campaigns.caption', { version: campaigns.data.version })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('campaigns.name')}</th>
              <th scope="col">{t('campaigns.status')}</th>
              <th scope="col">{t('campaigns.period')}</th>
              <th scope="col" className="num">{t('campaigns.given')}</th>
              <th scope="col" className="num">{t('campaigns.budgetLeft')}</th>
            </tr>
          </thead>
          <tbody>
            {campaigns.data.items.map((c) => {
              const status = campaignStatus(c, now);
              return (
                <tr key={c.code}>
                  <td>
                    {mayEdit ? <Link to={`/campaigns/${encodeURIComponent(c.code)}`}>{c.name}</Link> : c.name}
                    <span className="code">{c.code}</span>
                  </td>
                  <td>
                    <span className={`status ${status}`}>{t(`campaigns.statuses.${status}`)}</span>
                  </td>
                  <td>
                    {c.schedule.from ? format.date(c.schedule.from) : '…'} — {c.schedule.to ? format.date(c.schedule.to) : '…'}
                  </td>
                  <td className="num">
                    {t('campaigns.points', { points: format.number(c.given.points) })}
                    {c.given.discount > 0 && `, ${format.money(c.given.discount)}`}
                    <span className="code">{t('campaigns.onReceipts', { count: c.given.receipts })}</span>
                  </td>
                  <td className="num">
                    {c.budgetLeft
                      ? [c.limits.budget?.points !== undefined ? t('campaigns.points', { points: format.number(c.budgetLeft.points) }) : null, c.limits.budget?.discount !== undefined ? format.money(c.budgetLeft.discount) : null]
                          .filter(Boolean)
                          .join(', ')
                      : '—'}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <RuleVersions />
    </section>
  );
}
