import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, ok, withPersonalData } from '../api/client.ts';
import { AdjustPoints } from '../components/AdjustPoints.tsx';
import { MemberBalance } from '../components/MemberBalance.tsx';
import { MemberDetails } from '../components/MemberDetails.tsx';
import { PointsHistory } from '../components/PointsHistory.tsx';
import { Refusal } from '../components/Refusal.tsx';

/** One member as support sees them: who they are, their points and how they moved, and a hand adjustment. */
export function MemberProfile() {
  const { t } = useTranslation();
  const id = useParams().id ?? '';
  const member = useQuery({ queryKey: ['member', id], queryFn: async () => withPersonalData(ok(await api.GET('/v1/members/{id}', { params: { path: { id } } }))) });

  return (
    <section aria-labelledby="member-title">
      <p>
        <Link to="/members">← {t('member.back')}</Link>
      </p>
      {member.isPending && <p role="status">{t('member.loading')}</p>}
      <Refusal error={member.error} />
      {member.data && (
        <>
          <h1 id="member-title">{member.data.name ?? t('member.unnamed')}</h1>
          <div className="columns">
            <MemberDetails member={member.data} />
            <div>
              <MemberBalance memberId={id} />
              <AdjustPoints memberId={id} />
            </div>
          </div>
          <PointsHistory memberId={id} />
        </>
      )}
    </section>
  );
}
