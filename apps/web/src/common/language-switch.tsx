import { useTranslation } from 'react-i18next';
import { setLanguage } from '../i18n/i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const next = i18n.language === 'en' ? 'vi' : 'en';
  return (
    <button
      type="button"
      className="btn btn-ghost language-switch"
      data-testid="language-switch"
      aria-label={t('nav.languageLabel')}
      onClick={() => setLanguage(next)}
    >
      {t('nav.language')}
    </button>
  );
}
