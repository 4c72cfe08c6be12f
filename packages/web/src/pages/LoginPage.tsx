import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLogin } from '../api/auth';
import { bindFields, FormFooter, InputField } from '../components/form';
import { navigate } from '../router';

export function LoginPage() {
  const { t } = useTranslation();
  const login = useLogin();
  const [form, setForm] = useState({ email: '', password: '' });
  const field = bindFields(form, setForm);

  function submit(e: FormEvent) {
    e.preventDefault();
    login.mutate(form, { onSuccess: () => navigate('/') });
  }

  return (
    <section className="card" style={{ maxWidth: 460 }}>
      <h1>{t('auth.title')}</h1>
      <p className="muted">{t('auth.intro')}</p>
      <form onSubmit={submit}>
        <InputField
          id="login-email"
          label={t('auth.email')}
          type="email"
          autoComplete="username"
          required
          {...field('email')}
        />
        <InputField
          id="login-password"
          label={t('auth.password')}
          type="password"
          autoComplete="current-password"
          required
          {...field('password')}
        />
        <FormFooter submission={login} submitLabel={t('auth.submit')} showSaved={false} />
      </form>
      <p className="small muted">{t('auth.demoHint')}</p>
    </section>
  );
}
