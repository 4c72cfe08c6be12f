import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../api/auth';
import { href, useRoute } from '../router';
import { LanguageSwitch } from './LanguageSwitch';

interface NavItem {
  path: string;
  key: string;
}

const PATIENT_NAV: NavItem[] = [
  { path: '/learn', key: 'nav.learn' },
  { path: '/patient/assess', key: 'nav.assess' },
  { path: '/patient/diary', key: 'nav.diary' },
  { path: '/patient/trends', key: 'nav.trends' },
  { path: '/patient/self-test', key: 'nav.selfTest' },
  { path: '/patient/decision', key: 'nav.decision' },
];
const ADMIN_NAV: NavItem[] = [
  { path: '/clinic/outcomes', key: 'nav.outcomes' },
  { path: '/learn', key: 'nav.learn' },
];
const CLINICIAN_NAV: NavItem[] = [
  { path: '/clinic/patients', key: 'nav.patients' },
  { path: '/clinic/outcomes', key: 'nav.outcomes' },
  { path: '/learn', key: 'nav.learn' },
];

export function Layout({
  me,
  onLogout,
  children,
}: {
  me: Me | null;
  onLogout: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const route = useRoute();
  const items = !me
    ? [{ path: '/learn', key: 'nav.learn' }]
    : me.role === 'clinician'
      ? CLINICIAN_NAV
      : me.role === 'admin'
        ? ADMIN_NAV
        : PATIENT_NAV;
  return (
    <>
      <button type="button" className="skip-link" onClick={() => document.getElementById('main')?.focus()}>
        {t('common.skip')}
      </button>
      <header className="topbar">
        <a className="brand" href={href('/')}>
          <img src="/favicon.svg" alt="" width={24} height={24} />
          <span className="brand-name">hemispasm</span>
        </a>
        <nav className="mainnav" aria-label={t('nav.label')}>
          <ul>
            {items.map((i) => (
              <li key={i.path}>
                <a href={href(i.path)} aria-current={route.path.startsWith(i.path) ? 'page' : undefined}>
                  {t(i.key)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <span className="spacer" />
        <LanguageSwitch />
        {me ? (
          <>
            <span className="small muted" data-testid="whoami">
              {me.displayName} · {t(`roles.${me.role}`)}
            </span>
            <button type="button" className="secondary" onClick={onLogout}>
              {t('auth.logout')}
            </button>
          </>
        ) : (
          <a className="button secondary" href={href('/login')}>
            {t('auth.login')}
          </a>
        )}
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="disclaimer">
        <p>{t('common.disclaimer')}</p>
      </footer>
    </>
  );
}
