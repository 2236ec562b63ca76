import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, NavLink, Route, Routes } from 'react-router';
import { type Permission, useMay } from '../../session.ts';
import { Jobs } from './Jobs.tsx';
import { Keys } from './Keys.tsx';
import { Settings } from './Settings.tsx';
import { StaffAccounts } from './StaffAccounts.tsx';
import { Stores } from './Stores.tsx';
import { Tiers } from './Tiers.tsx';
import { Webhooks } from './Webhooks.tsx';

/** The parts of the programme's set-up, each for the roles that may see it. */
const parts: { path: string; needs: Permission; page: ComponentType }[] = [
  { path: 'settings', needs: 'programme:read', page: Settings },
  { path: 'tiers', needs: 'programme:read', page: Tiers },
  { path: 'stores', needs: 'programme:read', page: Stores },
  { path: 'keys', needs: 'keys', page: Keys },
  { path: 'staff', needs: 'staff', page: StaffAccounts },
  { path: 'webhooks', needs: 'webhooks', page: Webhooks },
  { path: 'jobs', needs: 'jobs:read', page: Jobs },
];

/** The programme's set-up: settings, tiers, stores and categories, API keys, staff, webhooks and jobs. */
export function Programme() {
  const { t } = useTranslation();
  const may = useMay();
  const open = parts.filter((part) => may(part.needs));
  return (
    <section aria-labelledby="programme-title">
      <h1 id="programme-title">{t('programme.title')}</h1>
      <nav className="tabs" aria-label={t('programme.parts')}>
        {open.map((part) => (
          <NavLink key={part.path} to={`/programme/${part.path}`}>
            {t(`programme.${part.path}`)}
          </NavLink>
        ))}
      </nav>
      <Routes>
        {open.map(({ path, page: Page }) => (
          <Route key={path} path={path} element={<Page />} />
        ))}
        <Route path="*" element={<Navigate to={`/programme/${open[0]?.path ?? 'settings'}`} replace />} />
      </Routes>
    </section>
  );
}
