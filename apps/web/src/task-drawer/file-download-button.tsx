import type { AttachmentDto } from '@dondoc/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiDownload } from '../api/api-client';
import { ApiErrorAlert } from './api-error-alert';

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Files are behind the session's token, so a plain link would be refused: fetch, then save. */
export function FileDownloadButton({ taskId, file }: { taskId: string; file: AttachmentDto }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      await apiDownload(`/tasks/${taskId}/files/${file.id}`, file.fileName);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <li className="drawer-file">
      <button
        type="button"
        className="btn drawer-file-button"
        data-testid="drawer-file-download"
        aria-label={t('drawer.submissions.download', { name: file.fileName })}
        disabled={busy}
        onClick={() => void download()}
      >
        <span aria-hidden="true">⬇</span> <span className="drawer-file-name">{file.fileName}</span>
        <span className="drawer-muted">
          {' '}
          · {busy ? t('drawer.submissions.downloading') : formatSize(file.sizeBytes)}
        </span>
      </button>
      <ApiErrorAlert error={error} />
    </li>
  );
}
