import { lazy, type ReactElement, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes } from 'react-router';
import { Layout } from './components/Layout.tsx';
import { ChangePassword } from './pages/ChangePassword.tsx';
import { MemberProfile } from './pages/MemberProfile.tsx';
import { Members } from './pages/Members.tsx';
import { ReceiptDetail } from './pages/ReceiptDetail.tsx';
import { Receipts } from './pages/Receipts.tsx';
import { SignIn } from './pages/SignIn.tsx';
import { type Permission, useMay, useSession } from './session.ts';

// Pages beyond finding members and receipts load when first opened: the first visit downloads less.
const Overview = lazy(() => import('./pages/Overview.tsx').then((m) => ({ default: m.Overview })));
const Analytics = lazy(() => import('./pages/Analytics.tsx').then((m) => ({ default: m.Analytics })));
const Segments = lazy(() => import('./pages/Segments.tsx').then((m) => ({ default: m.Segments })));
const SegmentEditor = lazy(() => import('./pages/SegmentEditor.tsx').then((m) => ({ default: m.SegmentEditor })));
const Campaigns = lazy(() => import('./pages/Campaigns.tsx').then((m) => ({ default: m.Campaigns })));
const CampaignEditor = lazy(() => import('./pages/CampaignEditor.tsx').then((m) => ({ default: m.CampaignEditor })));
const Coupons = lazy(() => import('./pages/Coupons.tsx').then((m) => ({ default: m.Coupons })));
const Audit = lazy(() => import('./pages/Audit.tsx').then((m) => ({ default: m.Audit })));
const Messages = lazy(() => import('./pages/messages/Messages.tsx').then((m) => ({ default: m.Messages })));
const Programme = lazy(() => import('./pages/programme/Programme.tsx').then((m) => ({ default: m.Programme })));

/** The sign-in form until someone is signed in, then the console's pages their role may open. */
export function App() {
  const { t } = useTranslation();
  const session = useSession();
  const may = useMay();
  if (session.isPending) return <p className="loading" role="status">{t('common.loading')}</p>;
  if (!session.data) return <SignIn />;
  if (session.data.mustChangePassword) return <ChangePassword oneTime />;
  return (
    <Layout staff={session.data}>
      <Suspense fallback={<p role="status">{t('common.loading')}</p>}>
        <Routes>
          <Route path="/" element={<Navigate to={may('reports') ? '/overview' : '/members'} replace />} />
          <Route path="/overview" element={<Allowed to="reports" page={<Overview />} />} />
          <Route path="/analytics" element={<Allowed to="reports" page={<Analytics />} />} />
          <Route path="/segments" element={<Allowed to="reports" page={<Segments />} />} />
          <Route path="/segments/new" element={<Allowed to="settings" page={<SegmentEditor />} />} />
          <Route path="/segments/:code" element={<Allowed to="reports" page={<SegmentEditor />} />} />
          <Route path="/members" element={<Members />} />
          <Route path="/members/:id" element={<MemberProfile />} />
          <Route path="/receipts" element={<Receipts />} />
          <Route path="/receipts/:id" element={<ReceiptDetail />} />
          <Route path="/campaigns" element={<Campaigns />} />
          <Route path="/campaigns/new" element={<Allowed to="settings" page={<CampaignEditor />} />} />
          <Route path="/campaigns/:code" element={<Allowed to="settings" page={<CampaignEditor />} />} />
          <Route path="/coupons" element={<Allowed to="coupons:list" page={<Coupons />} />} />
          <Route path="/audit" element={<Allowed to="audit" page={<Audit />} />} />
          <Route path="/messages/*" element={<Allowed to="messaging" page={<Messages />} />} />
          <Route path="/programme/*" element={<Programme />} />
          <Route path="/password" element={<ChangePassword oneTime={false} />} />
          <Route path="*" element={<Navigate to="/members" replace />} />
        </Routes>
      </Suspense>
    </Layout>
  );
}

/** A page for the roles that may do what it does; others are told so instead. */
function Allowed({ to, page }: { to: Permission; page: ReactElement }) {
  const { t } = useTranslation();
  const may = useMay();
  if (may(to)) return page;
  return (
    <section aria-labelledby="forbidden-title">
      <h1 id="forbidden-title">{t('forbidden.title')}</h1>
      <p>{t('forbidden.text')}</p>
    </section>
  );
}
