import { useTranslation } from 'react-i18next';

/** Picks the current language's side of a `{vi, en}` label from libs/workflow. */
export function useLabel(): (label: { vi: string; en: string }) => string {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  return (label) => label[lang];
}
