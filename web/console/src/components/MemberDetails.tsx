import { useTranslation } from 'react-i18next';
import type { Member } from '../api/client.ts';
import { useFormat } from '../format.ts';

/** The member's contacts, tier and consents. */
export function MemberDetails({ member }: { member: Member }) {
  const { t } = useTranslation();
  const format = useFormat();
  const yesNo = (value: boolean) => (value ? t('member.yes') : t('member.no'));
  return (
    <section className="panel" aria-labelledby="details-title">
      <h2 id="details-title">{t('member.profile')}</h2>
      <dl>
        <dt>{t('member.phone')}</dt>
        <dd>{member.phone ?? '—'}</dd>
        <dt>{t('member.email')}</dt>
        <dd>{member.email ?? '—'}</dd>
        <dt>{t('member.birthDate')}</dt>
        <dd>{member.birthDate ? format.day(member.birthDate) : '—'}</dd>
        <dt>{t('member.city')}</dt>
        <dd>{member.city ?? '—'}</dd>
        <dt>{t('member.tier')}</dt>
        <dd>{member.tierCode ?? t('member.noTier')}</dd>
        <dt>{t('member.joined')}</dt>
        <dd>{format.date(member.createdAt)}</dd>
        <dt>{t('member.consents')}</dt>
        <dd>
          {t('member.consent.email')}: {yesNo(member.consents.email)}, {t('member.consent.sms')}: {yesNo(member.consents.sms)}, {t('member.consent.push')}:{' '}
          {yesNo(member.consents.push)}
        </dd>
      </dl>
    </section>
  );
}
