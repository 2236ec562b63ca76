import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes } from 'react-router';
import { Layout } from './components/Layout.tsx';
import { MemberProfile } from './pages/MemberProfile.tsx';
import { Members } from './pages/Members.tsx';
import { SignIn } from './pages/SignIn.tsx';
import { useSession } from './session.ts';

/** The sign-in form until someone is signed in, then the console's pages. */
export function App() {
  const { t } = useTranslation();
  const session = useSession();
  if (session.isPending) return <p className="loading" role="status">{t('common.loading')}</p>;
  if (!session.data) return <SignIn />;
  return (
    <Layout staff={session.data}>
      <Routes>
        <Route path="/" element={<Navigate to="/members" replace />} />
        <Route path="/members" element={<Members />} />
        <Route path="/members/:id" element={<MemberProfile />} />
        <Route path="*" element={<Navigate to="/members" replace />} />
      </Routes>
    </Layout>
  );
}
