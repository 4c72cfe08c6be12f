import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { type Me, useLogout, useMe } from './api/auth';
import { Layout } from './components/Layout';
import { clinicianRoute } from './pages/clinician/routes';
import { LearnPage } from './pages/LearnPage';
import { LoginPage } from './pages/LoginPage';
import { NotFound } from './pages/NotFound';
import { patientRoute } from './pages/patient/routes';
import { navigate, type Route, useRoute } from './router';

function homeFor(me: Me | null): string {
  if (!me) return '/login';
  if (me.role === 'admin') return '/clinic/outcomes';
  return me.role === 'clinician' ? '/clinic/patients' : '/patient/assess';
}

function pageFor(route: Route, me: Me | null) {
  if (route.path === '/learn') return <LearnPage />;
  if (route.path === '/login') return <LoginPage />;
  if (!me) return <LoginPage />;
  const [area] = route.segments;
  if (area === 'patient' && me.role === 'patient') return patientRoute(route, me);
  if (area === 'clinic' && me.role === 'clinician') return clinicianRoute(route);
  // An admin sees the clinic's aggregate outcomes, never clinical records (the server enforces it too).
  if (route.path === '/clinic/outcomes' && me.role === 'admin') return clinicianRoute(route);
  return <NotFound />;
}

export function App() {
  const { t } = useTranslation();
  const route = useRoute();
  const me = useMe();
  const logout = useLogout();
  const user = me.data ?? null;

  useEffect(() => {
    if (me.isPending) return;
    if (route.path === '/' || (route.path === '/login' && user)) navigate(homeFor(user));
  }, [route.path, user, me.isPending]);

  // One title for the whole app, in the language shown (pages name themselves in their <h1>).
  useEffect(() => {
    document.title = `hemispasm · ${t('app.tagline')}`;
  }, [t]);

  return (
    <Layout me={user} onLogout={() => logout.mutate(undefined, { onSettled: () => navigate('/login') })}>
      {me.isPending ? <p>{t('common.loading')}</p> : pageFor(route, user)}
    </Layout>
  );
}
