import type { BulkTaskAction } from '@dondoc/contracts';
import { useTranslation } from 'react-i18next';
import type { ListDownload } from './use-list-downloads';

interface Props {
  total: number;
  selected: number;
  /** Bulk changes and urging letters are the Office's; everyone may export. */
  canBulk: boolean;
  busy: ListDownload | null;
  onAction: (action: BulkTaskAction) => void;
  onUrge: () => void;
  onExport: () => void;
  onClearSelection: () => void;
}

/** The row count, the export, and (with a selection, for the Office) the bulk actions. */
export function TaskListToolbar(props: Props) {
  const { t } = useTranslation();
  const { selected, canBulk, busy } = props;
  return (
    <div className="task-list-toolbar" role="group" aria-label={t('taskList.actions.label')}>
      <span className="task-list-count" data-testid="task-list-count" aria-live="polite">
        {selected > 0 ? t('taskList.selected', { count: selected }) : t('taskList.count', { count: props.total })}
      </span>
      {canBulk && selected > 0 && (
        <>
          <button
            type="button"
            className="btn btn-primary"
            data-testid="bulk-assign"
            onClick={() => props.onAction('assign')}
          >
            {t('taskList.actions.assign')}
          </button>
          <button
            type="button"
            className="btn"
            data-testid="bulk-set-due-date"
            onClick={() => props.onAction('set-due-date')}
          >
            {t('taskList.actions.setDueDate')}
          </button>
          <button type="button" className="btn" data-testid="bulk-cancel" onClick={() => props.onAction('cancel')}>
            {t('taskList.actions.cancel')}
          </button>
          <button type="button" className="btn" data-testid="bulk-urge" disabled={busy !== null} onClick={props.onUrge}>
            {busy === 'urge' ? t('taskList.actions.working') : t('taskList.actions.urge')}
          </button>
        </>
      )}
      {selected > 0 && (
        <button type="button" className="btn btn-ghost" data-testid="clear-selection" onClick={props.onClearSelection}>
          {t('taskList.actions.clearSelection')}
        </button>
      )}
      <button
        type="button"
        className="btn task-list-export"
        data-testid="list-export"
        disabled={busy !== null || props.total === 0}
        onClick={props.onExport}
      >
        {busy === 'export' ? t('taskList.actions.working') : t('taskList.actions.export')}
      </button>
    </div>
  );
}
