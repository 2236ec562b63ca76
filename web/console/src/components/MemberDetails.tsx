import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member } from '../api/client.ts';
import { useFormat } from '../format.ts';
import { useMay } from '../session.ts';
import { EditProfile } from './member/EditProfile.tsx';

/** The member's contacts, tier and consents, and their correction by those who may change profiles. */
export function MemberDetails({ member, tierName }: { member: Member; tierName: (code: string | null) => string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const mayEdit = useMay()('members:edit');
  const [editing, setEditing] = useState(false);
  const yesNo = (value: boolean) => (value ? t('member.yes') : t('member.no'));
  return (
    <section className="panel" aria-labelledby="details-title">
      <h2 id="details-title">{t('member.profile')}</h2>
      {editing ? (
        <EditProfile member={member} onDone={() => setEditing(false)} />
      ) : (
        <>
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
            <dd>{tierName(member.tierCode)}</dd>
            <dt>{t('member.joined')}</dt>
            <dd>{format.date(member.createdAt)}</dd>
            <dt>{t('member.consents')}</dt>
            <dd>
              {t('member.consent.email')}: {yesNo(member.consents.email)}, {t('member.consent.sms')}: {yesNo(member.consents.sms)}, {t('member.consent.push')}:{' '}
              {yesNo(member.consents.push)}
            </dd>
          </dl>
          {mayEdit && (
            <button type="button" className="quiet" onClick={() => setEditing(true)}>
              {t('member.edit')}
            </button>
          )}
        </>
      )}
    </section>
  );
}
