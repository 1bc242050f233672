import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-client';
import { ApiErrorAlert } from '../task-drawer/api-error-alert';
import { apiProblemLines } from './calendar-model';

/** A refused save: the usual alert, then each field the API named (`details` of its 400). */
export function CalendarApiError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const lines = error instanceof ApiError ? apiProblemLines(error.details) : [];
  return (
    <div data-testid="calendar-api-error">
      <ApiErrorAlert error={error} />
      {lines.length > 0 && (
        <ul className="drawer-field-error">
          {lines.map((l) => (
            <li key={`${l.path}:${l.message}`}>{t('calendar.errors.field', l)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
