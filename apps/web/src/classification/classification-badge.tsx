import { isClassified, type Classification } from '@dondoc/workflow';
import { useTranslation } from 'react-i18next';
import './classification.css';

interface Props {
  level: Classification | null | undefined;
  /** `stamp`: the bordered document stamp, for headers; `badge` (default): the small pill of cards and rows. */
  variant?: 'badge' | 'stamp';
}

/** "MẬT", "TỐI MẬT", "TUYỆT MẬT" as the document's stamp says it; nothing for an unclassified item. */
export function ClassificationBadge({ level, variant = 'badge' }: Props) {
  const { t } = useTranslation();
  if (!level || !isClassified(level)) return null;
  const name = t(`classification.levels.${level}`);
  return (
    <span
      className={`classification-badge classification-${level} is-${variant}`}
      data-testid="classification-badge"
      data-level={level}
      title={t('classification.stampTitle', { level: name })}
    >
      {t(`classification.stamp.${level}`)}
    </span>
  );
}
