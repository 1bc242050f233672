import type { AttachmentDto } from '@dondoc/contracts';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from './api-error-alert';
import { useFileDownload } from './use-file-download';

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Files are behind the session's token, so a plain link would be refused: fetch, then save. */
export function FileDownloadButton({ taskId, file }: { taskId: string; file: AttachmentDto }) {
  const { t } = useTranslation();
  const download = useFileDownload(taskId, file);
  const busy = download.isPending;
  return (
    <li className="drawer-file">
      <button
        type="button"
        className="btn drawer-file-button"
        data-testid="drawer-file-download"
        aria-label={t('drawer.submissions.download', { name: file.fileName })}
        disabled={busy}
        onClick={() => download.mutate()}
      >
        <span aria-hidden="true">⬇</span> <span className="drawer-file-name">{file.fileName}</span>
        <span className="drawer-muted">
          {' '}
          · {busy ? t('drawer.submissions.downloading') : formatSize(file.sizeBytes)}
        </span>
      </button>
      <ApiErrorAlert error={download.error} />
    </li>
  );
}
