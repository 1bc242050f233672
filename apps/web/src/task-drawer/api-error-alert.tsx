import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-client';

function headlineKey(error: unknown): string {
  if (!(error instanceof ApiError)) return 'drawer.errors.other';
  if (error.status === 0) return 'drawer.errors.network';
  if (error.status === 403) return 'drawer.errors.forbidden';
  if (error.status === 404) return 'drawer.errors.notFound';
  if (error.status === 409) return 'drawer.errors.conflict';
  if (error.status === 400 || error.status === 422) return 'drawer.errors.invalid';
  return 'drawer.errors.other';
}

/** A refused write: what it means in the reader's language, then the server's own words, which say why. */
export function ApiErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const serverMessage = error instanceof ApiError && error.status !== 0 ? error.message : null;
  return (
    <div className="drawer-alert" role="alert">
      <strong>{t(headlineKey(error))}</strong>
      {serverMessage && (
        <span>
          {' '}
          {t('drawer.errors.serverSays')} {serverMessage}
        </span>
      )}
    </div>
  );
}
