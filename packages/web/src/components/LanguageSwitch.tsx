import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language, setLanguage } from '../i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <label className="lang small">
      <span className="lang-label">{t('common.language')} </span>
      <select
        value={i18n.language}
        onChange={(e) => setLanguage(e.target.value as Language)}
        data-testid="language"
      >
        {LANGUAGES.map((l) => (
          <option key={l.code} value={l.code} lang={l.code === 'zh' ? 'zh-Hans' : 'en'}>
            {l.label}
          </option>
        ))}
      </select>
    </label>
  );
}
