import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router';
import { type Staff, useMay, useSignOut } from '../session.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';

/** The frame of every page: the programme's name, the sections the staff member may open, language and sign-out. */
export function Layout({ staff, children }: { staff: Staff; children: ReactNode }) {
  const { t } = useTranslation();
  const signOut = useSignOut();
  const may = useMay();
  return (
    <>
      <a className="skip" href="#content">
        {t('app.skip')}
      </a>
      <header className="top">
        <span className="brand">{t('app.name')}</span>
        <nav aria-label={t('nav.label')}>
          {may('reports') && <NavLink to="/overview">{t('nav.overview')}</NavLink>}
          {may('reports') && <NavLink to="/analytics">{t('nav.analytics')}</NavLink>}
          {may('reports') && <NavLink to="/segments">{t('nav.segments')}</NavLink>}
          <NavLink to="/members">{t('nav.members')}</NavLink>
          <NavLink to="/receipts">{t('nav.receipts')}</NavLink>
          <NavLink to="/campaigns">{t('nav.campaigns')}</NavLink>
          {may('coupons:list') && <NavLink to="/coupons">{t('nav.coupons')}</NavLink>}
          {may('messaging') && <NavLink to="/messages">{t('nav.messages')}</NavLink>}
          {may('audit') && <NavLink to="/audit">{t('nav.audit')}</NavLink>}
          <NavLink to="/programme">{t('nav.programme')}</NavLink>
        </nav>
        <span className="who">
          {t('nav.signedInAs', { name: staff.name, role: t(`roles.${staff.role}`) })} · <Link to="/password">{t('password.link')}</Link>
        </span>
        <LanguageSwitch />
        <button type="button" className="quiet" onClick={() => void signOut()}>
          {t('nav.signOut')}
        </button>
      </header>
      <main id="content" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
