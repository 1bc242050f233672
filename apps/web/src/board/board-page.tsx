import { useTranslation } from 'react-i18next';

/** Placeholder until the board lands (issue 4). */
export function BoardPage() {
  const { t } = useTranslation();
  return <div className="state-panel">{t('common.loading')}</div>;
}
