import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-client';
import { showToast } from '../transitions/toast-store';
import { postDownload } from './post-download';

export type ListDownload = 'export' | 'urge';

/** Excel of exactly the rows shown (in their order), and the urging letters of a selection, as files. */
export function useListDownloads() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<ListDownload | null>(null);

  const run = useCallback(
    async (kind: ListDownload, taskIds: readonly string[]) => {
      setBusy(kind);
      try {
        if (kind === 'export') {
          await postDownload('/tasks/export.xlsx', { taskIds }, 'danh-sach-nhiem-vu.xlsx');
          showToast('success', t('taskList.done.exported', { count: taskIds.length }));
        } else {
          await postDownload('/reports/urging-letters.zip', { taskIds }, 'cong-van-don-doc.zip');
          showToast('success', t('taskList.done.urged'));
        }
      } catch (e) {
        // Nothing overdue among the selection is an answer, not a failure.
        if (e instanceof ApiError && e.code === 'NOTHING_TO_URGE') showToast('info', t('taskList.nothingToUrge'));
        else showToast('error', t('taskList.errors.failed', { message: (e as Error).message }));
      } finally {
        setBusy(null);
      }
    },
    [t],
  );
  return { busy, run };
}
