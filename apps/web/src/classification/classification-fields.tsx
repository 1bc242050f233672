import { isRecordOnly, type Classification } from '@dondoc/workflow';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { levelsFrom } from './classification-model';
import './classification.css';

interface Props {
  /** null: the directive's level (`inheritFrom`), which a task takes unless set higher. */
  level: Classification | null;
  contentReference: string;
  onChange: (patch: { level?: Classification | null; contentReference?: string }) => void;
  /** The directive's level a task inherits: offered first, and nothing lower is offered. */
  inheritFrom?: Classification;
  /** Names the fields apart in a table of rows ("Độ mật 3"); a visible label is shown when absent. */
  rowLabel?: string;
  testId: string;
}

/**
 * The level picked when registering a directive or creating a task (thường by default), and, for tuyệt mật,
 * where its content is kept: required, since only the record is stored.
 */
export function ClassificationFields({ level, contentReference, onChange, inheritFrom, rowLabel, testId }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const levelName = (l: Classification) => t(`classification.levels.${l}`);
  // Above the inherited level only: the same level is the "as the directive" choice.
  const own = inheritFrom ? levelsFrom(inheritFrom).filter((l) => l !== inheritFrom) : levelsFrom();
  const needsReference = level !== null && isRecordOnly(level);
  const missing = needsReference && !contentReference.trim();
  const selectLabel = rowLabel ? `${t('classification.level')} ${rowLabel}` : undefined;

  return (
    <div className="classification-fields" data-testid={testId}>
      {!rowLabel && <label htmlFor={`${id}-level`}>{t('classification.level')}</label>}
      <select
        id={`${id}-level`}
        aria-label={selectLabel}
        data-testid={`${testId}-level`}
        value={level ?? ''}
        onChange={(e) => onChange({ level: (e.target.value || null) as Classification | null })}
      >
        {inheritFrom && <option value="">{t('classification.inherit', { level: levelName(inheritFrom) })}</option>}
        {own.map((l) => (
          <option key={l} value={l}>
            {levelName(l)}
          </option>
        ))}
      </select>
      {needsReference && (
        <>
          {!rowLabel && <label htmlFor={`${id}-reference`}>{t('classification.contentReference')}</label>}
          <input
            id={`${id}-reference`}
            aria-label={rowLabel ? `${t('classification.contentReference')} ${rowLabel}` : undefined}
            data-testid={`${testId}-reference`}
            value={contentReference}
            maxLength={500}
            required
            aria-invalid={missing || undefined}
            aria-describedby={`${id}-reference-hint`}
            placeholder={t('classification.contentReferencePlaceholder')}
            onChange={(e) => onChange({ contentReference: e.target.value })}
          />
          <span id={`${id}-reference-hint`} className={missing ? 'field-error' : 'hint'}>
            {missing ? t('classification.contentReferenceRequired') : t('classification.contentReferenceHint')}
          </span>
        </>
      )}
    </div>
  );
}
