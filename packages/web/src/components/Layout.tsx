import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../api/auth';
import { href, useRoute } from '../router';
import { LanguageSwitch } from './LanguageSwitch';

/** Each page in the navigation, by its route, with the key of its label. */
const NAV_LABEL = {
  '/learn': 'nav.learn',
  '/patient/assess': 'nav.assess',
  '/patient/diary': 'nav.diary',
  '/patient/trends': 'nav.trends',
  '/patient/self-test': 'nav.selfTest',
  '/patient/movement-test': 'nav.movementTest',
  '/patient/decision': 'nav.decision',
  '/clinic/patients': 'nav.patients',
  '/clinic/outcomes': 'nav.outcomes',
} as const;
type NavPath = keyof typeof NAV_LABEL;

/** What each role's navigation shows, in order (signed out: only Learn). */
const NAV: Record<Me['role'] | 'signedOut', NavPath[]> = {
  patient: [
    '/learn',
    '/patient/assess',
    '/patient/diary',
    '/patient/trends',
    '/patient/self-test',
    '/patient/movement-test',
    '/patient/decision',
  ],
  clinician: ['/clinic/patients', '/clinic/outcomes', '/learn'],
  admin: ['/clinic/outcomes', '/learn'],
  signedOut: ['/learn'],
};

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
  const items = NAV[me?.role ?? 'signedOut'];
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
            {items.map((path) => (
              <li key={path}>
                <a href={href(path)} aria-current={route.path.startsWith(path) ? 'page' : undefined}>
                  {t(NAV_LABEL[path])}
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
