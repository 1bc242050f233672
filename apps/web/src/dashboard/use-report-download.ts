import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiDownload, apiUrl } from '../api/api-client';
import { showToast } from '../transitions/toast-store';
import { downloadFailure } from './download-failure';

/**
 * Downloads a report document (the token rides in a header, so a plain link would be refused) and
 * says how it went; `busy` holds the key of the file being made, one at a time per screen.
 */
export function useReportDownload() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<string | null>(null);
  const download = useCallback(
    async (key: string, path: string, query: Record<string, string | undefined>, fileName: string) => {
      setBusy(key);
      try {
        // apiDownload prefixes /api itself; apiUrl builds the query string the same way as `api`.
        await apiDownload(apiUrl(path, query).slice('/api'.length), fileName);
        showToast('success', t('dashboard.exports.done', { file: fileName }));
      } catch (e) {
        const { kind, text } = downloadFailure(e, t);
        showToast(kind, text);
      } finally {
        setBusy(null);
      }
    },
    [t],
  );
  return { busy, download };
}
