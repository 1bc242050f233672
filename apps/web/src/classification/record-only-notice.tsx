import { useTranslation } from 'react-i18next';
import './classification.css';

/**
 * What a tuyệt mật item shows in place of its content: that only the record is kept here, and where the
 * content itself is ("Nội dung lưu tại: …").
 */
export function RecordOnlyNotice({ contentReference }: { contentReference: string | null }) {
  const { t } = useTranslation();
  return (
    <div className="classification-reference" data-testid="record-only-notice">
      <p>
        <strong>{t('classification.recordOnly.heading')}</strong>
      </p>
      <p>{t('classification.recordOnly.text')}</p>
      <p data-testid="content-reference">
        {contentReference
          ? t('classification.storedAt', { reference: contentReference })
          : t('classification.recordOnly.noReference')}
      </p>
    </div>
  );
}
