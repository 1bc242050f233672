import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../task-drawer/api-error-alert';
import { classificationErrorKey } from './classification-model';

/** A refused level or list change in the reader's words when the code is one of these endpoints', else as usual. */
export function ClassificationError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const key = classificationErrorKey(error);
  if (!key) return <ApiErrorAlert error={error} />;
  return (
    <div className="drawer-alert" role="alert" data-testid="classification-error">
      {t(key)}
    </div>
  );
}
