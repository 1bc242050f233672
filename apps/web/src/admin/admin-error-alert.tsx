import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-client';

const KNOWN_CODES = new Set(['WEAK_PASSWORD', 'DUPLICATE', 'UNKNOWN_AGENCY', 'CONFLICT']);

function headlineKey(error: unknown, codes: Readonly<Record<string, string>> | undefined): string {
  if (!(error instanceof ApiError)) return 'admin.errors.other';
  const own = codes?.[error.code];
  if (own) return own;
  if (KNOWN_CODES.has(error.code)) return `admin.errors.${error.code}`;
  if (error.status === 0) return 'admin.errors.network';
  if (error.status === 403) return 'admin.errors.forbidden';
  if (error.status === 404) return 'admin.errors.notFound';
  if (error.status === 400 || error.status === 422) return 'admin.errors.invalid';
  return 'admin.errors.other';
}

interface Props {
  error: unknown;
  testId?: string;
  /** Headlines (i18n keys) by error code for this part of the screen, before the accounts' ones. */
  codes?: Readonly<Record<string, string>>;
}

/** A refusal in the reader's language, then the server's own words (for a weak password, every problem). */
export function AdminErrorAlert({ error, testId = 'admin-error', codes }: Props) {
  const { t } = useTranslation();
  if (!error) return null;
  const serverMessage = error instanceof ApiError && error.status !== 0 ? error.message : null;
  return (
    <div
      className="drawer-alert admin-alert"
      role="alert"
      data-testid={testId}
      data-code={error instanceof ApiError ? error.code : undefined}
    >
      <strong>{t(headlineKey(error, codes))}</strong>
      {serverMessage && (
        <span>
          {' '}
          {t('admin.errors.serverSays')} {serverMessage}
        </span>
      )}
    </div>
  );
}
