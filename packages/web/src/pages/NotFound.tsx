import { useTranslation } from 'react-i18next';
import { href } from '../router';

export function NotFound() {
  const { t } = useTranslation();
  return (
    <section>
      <h1>{t('notFound.title')}</h1>
      <p>
        <a href={href('/')}>{t('notFound.home')}</a>
      </p>
    </section>
  );
}
