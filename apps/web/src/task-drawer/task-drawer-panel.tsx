import type { Actor } from '@dondoc/workflow';
import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-client';
import { ClassificationBadge } from '../classification/classification-badge';
import { ApiErrorAlert } from './api-error-alert';
import { TaskDrawerBody } from './task-drawer-body';
import { useDialogFocus } from './use-dialog-focus';
import { useTaskDetail } from './use-task-detail';
import './task-drawer.css';

interface Props {
  taskId: string;
  actor: Actor;
  onClose: () => void;
}

export function TaskDrawerPanel({ taskId, actor, onClose }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const dialogRef = useRef<HTMLDivElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const query = useTaskDetail(taskId);
  useDialogFocus(true, dialogRef, closeRef, onClose);
  const task = query.data;
  // A malformed id in a hand-edited link is, for the reader, the same as a task that is not there.
  const notFound = query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 400);

  return (
    <div className="drawer-layer">
      <div className="drawer-backdrop" aria-hidden="true" onClick={onClose} />
      <div
        ref={dialogRef}
        className="drawer"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-busy={query.isPending || undefined}
        tabIndex={-1}
        data-testid="task-drawer"
        data-task-id={taskId}
      >
        <header className="drawer-header">
          <div className="drawer-header-text">
            {task && (
              <span className="drawer-kicker">
                {task.code} <ClassificationBadge level={task.classification} variant="stamp" />
              </span>
            )}
            <h2 id={titleId} data-testid="drawer-title">
              {task ? task.title : t('drawer.title')}
            </h2>
          </div>
          <button
            ref={closeRef}
            type="button"
            className="btn btn-ghost drawer-close"
            aria-label={t('drawer.closeLabel')}
            title={t('drawer.closeLabel')}
            data-testid="drawer-close"
            onClick={onClose}
          >
            <span aria-hidden="true">✕</span>
            <span className="drawer-close-text">{t('drawer.close')}</span>
          </button>
        </header>

        <div className="drawer-content">
          {query.isPending && (
            <p className="drawer-state-panel" role="status" data-testid="drawer-loading">
              {t('drawer.loading')}
            </p>
          )}
          {query.isError && !task && (
            <div className="drawer-state-panel" role="alert" data-testid="drawer-error">
              <h3>{notFound ? t('drawer.notFound') : t('drawer.loadError')}</h3>
              <p>{notFound ? t('drawer.notFoundHint') : t('drawer.loadErrorHint')}</p>
              {!notFound && query.error instanceof ApiError && query.error.status !== 0 && (
                <p className="drawer-muted">
                  {t('drawer.errors.serverSays')} {query.error.message}
                </p>
              )}
              <div className="drawer-form-actions">
                {!notFound && (
                  <button type="button" className="btn btn-primary" onClick={() => void query.refetch()}>
                    {t('drawer.retry')}
                  </button>
                )}
                <button type="button" className="btn" onClick={onClose}>
                  {t('drawer.close')}
                </button>
              </div>
            </div>
          )}
          {/* A failed refresh keeps the last good copy on screen, but says it may be stale. */}
          {task && query.isError && <ApiErrorAlert error={query.error} />}
          {task && <TaskDrawerBody task={task} actor={actor} />}
        </div>
      </div>
    </div>
  );
}
