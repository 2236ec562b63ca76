import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, ok, withPersonalData } from '../api/client.ts';
import { AdjustPoints } from '../components/AdjustPoints.tsx';
import { MemberBalance } from '../components/MemberBalance.tsx';
import { MemberDetails } from '../components/MemberDetails.tsx';
import { MemberCards } from '../components/member/MemberCards.tsx';
import { MemberLots } from '../components/member/MemberLots.tsx';
import { MemberMessages } from '../components/member/MemberMessages.tsx';
import { MemberReceipts } from '../components/member/MemberReceipts.tsx';
import { MemberReferrals } from '../components/member/MemberReferrals.tsx';
import { TierHistory } from '../components/member/TierHistory.tsx';
import { PointsHistory } from '../components/PointsHistory.tsx';
import { Refusal } from '../components/Refusal.tsx';
import { useMay } from '../session.ts';
import { useProgramme } from './programme/Settings.tsx';

/** One member as support sees them: who they are, their cards, points and how they moved, receipts, tier and friends. */
export function MemberProfile() {
  const { t } = useTranslation();
  const may = useMay();
  const id = useParams().id ?? '';
  const member = useQuery({ queryKey: ['member', id], queryFn: async () => ok(await api.GET('/v1/members/{id}', { params: { path: { id } } })) });
  const tiers = useProgramme().data?.settings.tiers ?? [];
  const tierName = (code: string | null) => (code === null ? t('member.noTier') : (tiers.find((tier) => tier.code === code)?.name ?? code));
  const person = member.data ? withPersonalData(member.data) : null;

  return (
    <section aria-labelledby="member-title">
      <p>
        <Link to="/members">← {t('member.back')}</Link>
      </p>
      {member.isPending && <p role="status">{t('member.loading')}</p>}
      <Refusal error={member.error} />
      {person && member.data && (
        <>
          <h1 id="member-title">{person.name ?? t('member.unnamed')}</h1>
          <div className="columns">
            <MemberDetails member={person} tierName={tierName} />
            <div>
              <MemberBalance memberId={id} />
              {may('adjust') && <AdjustPoints memberId={id} />}
            </div>
          </div>
          <div className="columns">
            <MemberCards memberId={id} cards={member.data.cards} />
            <MemberLots memberId={id} />
          </div>
          <PointsHistory memberId={id} />
          <div className="columns">
            <MemberReceipts memberId={id} />
            <div>
              <TierHistory memberId={id} tierName={tierName} />
              <MemberReferrals memberId={id} />
            </div>
          </div>
          {may('messaging') && <MemberMessages memberId={id} />}
        </>
      )}
    </section>
  );
}
