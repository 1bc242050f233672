import type { BulkRefusal, BulkTaskAction, BulkTaskActionRequest, TaskSummaryDto } from '@dondoc/contracts';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAgencies } from '../api/use-agencies';
import { DateField } from '../common/date-field';
import { useModalDialog } from '../task-drawer/use-dialog-focus';
import { showToast } from '../transitions/toast-store';
import { refusalsOf } from './response-parsing';
import { useBulkAction } from './use-bulk-action';

interface Props {
  action: BulkTaskAction;
  /** The selected tasks, in the list's order. */
  tasks: readonly TaskSummaryDto[];
  onDone: () => void;
  onClose: () => void;
}

const TITLE_KEY: Record<BulkTaskAction, string> = {
  assign: 'taskList.dialog.assignTitle',
  'set-due-date': 'taskList.dialog.setDueDateTitle',
  cancel: 'taskList.dialog.cancelTitle',
};

const activeRow = () => document.querySelector<HTMLElement>('[data-testid="task-list"] [role="row"][tabindex="0"]');

/**
 * One dialog for the whole selection (assigning the 15 tasks of a conclusion is one action). All or
 * nothing: when the server refuses some tasks, they are listed here and the dialog stays open.
 */
export function BulkActionDialog({ action, tasks, onDone, onClose }: Props) {
  const { t } = useTranslation();
  const { agencies } = useAgencies();
  const dialogRef = useRef<HTMLDialogElement>(null);
  useModalDialog(dialogRef, activeRow);
  const mutation = useBulkAction();
  const titleId = useId();
  const allHaveLead = tasks.every((task) => task.leadAgencyId !== null);
  const [keepLead, setKeepLead] = useState(allHaveLead);
  const [leadAgencyId, setLeadAgencyId] = useState('');
  const [dueDate, setDueDate] = useState<string | null>(null);
  const [dueValid, setDueValid] = useState(true);
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState<string | null>(null);
  const [refusals, setRefusals] = useState<BulkRefusal[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const busy = mutation.isPending;
  const count = tasks.length;
  const byId = new Map(tasks.map((task) => [task.id, task]));

  const request = (): BulkTaskActionRequest | string => {
    const items = tasks.map((task) => ({ taskId: task.id, expectedVersion: task.version }));
    if (!dueValid) return t('common.dateInvalid');
    if (action === 'assign') {
      if (!keepLead && !leadAgencyId) return t('taskList.dialog.leadAgency');
      return {
        action,
        items,
        ...(keepLead ? {} : { leadAgencyId }),
        ...(dueDate ? { dueDate } : {}),
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      };
    }
    if (action === 'set-due-date') return dueDate ? { action, items, dueDate } : t('taskList.dialog.dueDate');
    return comment.trim() ? { action, items, comment: comment.trim() } : t('taskList.dialog.reason');
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = request();
    if (typeof body === 'string') {
      setMissing(body);
      return;
    }
    setMissing(null);
    setRefusals(null);
    setFailure(null);
    try {
      await mutation.mutateAsync(body);
      showToast('success', t(`taskList.done.${action}`, { count }));
      onDone();
    } catch (err) {
      const refused = refusalsOf(err);
      if (refused) setRefusals(refused);
      else setFailure(t('taskList.errors.failed', { message: (err as Error).message }));
    }
  };

  return (
    <dialog
      ref={dialogRef}
      className="dialog bulk-dialog"
      role="dialog"
      aria-labelledby={titleId}
      data-testid="bulk-dialog"
      data-action={action}
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onClose();
      }}
      onClose={(e) => {
        if (busy) e.currentTarget.showModal();
        else onClose();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') e.stopPropagation();
      }}
    >
      <form onSubmit={(e) => void submit(e)} noValidate>
        <h2 id={titleId}>{t(TITLE_KEY[action], { count })}</h2>
        {action === 'assign' && (
          <>
            <label className="dialog-check">
              <input
                type="checkbox"
                checked={keepLead}
                disabled={!allHaveLead}
                data-testid="bulk-keep-lead"
                onChange={(e) => setKeepLead(e.target.checked)}
              />
              {t('taskList.dialog.keepLead')}
            </label>
            {!keepLead && (
              <label className="dialog-field">
                <span>
                  {t('taskList.dialog.leadAgency')}
                  <span aria-hidden="true"> *</span>
                </span>
                <select
                  value={leadAgencyId}
                  required
                  data-testid="bulk-lead"
                  onChange={(e) => setLeadAgencyId(e.target.value)}
                >
                  <option value="">{t('taskList.dialog.chooseAgency')}</option>
                  {agencies
                    .filter((a) => a.active)
                    .map((a) => (
                      <option key={a.id} value={a.id}>
                        {a.name}
                      </option>
                    ))}
                </select>
              </label>
            )}
          </>
        )}
        {action !== 'cancel' && (
          <label className="dialog-field">
            <span>
              {action === 'assign' ? t('taskList.dialog.dueDateKeep') : t('taskList.dialog.dueDate')}
              {action === 'set-due-date' && <span aria-hidden="true"> *</span>}
            </span>
            <DateField
              testId="bulk-due-date"
              value={dueDate}
              label={action === 'assign' ? t('taskList.dialog.dueDateKeep') : t('taskList.dialog.dueDate')}
              placeholder={t('common.datePlaceholder')}
              invalidText={t('common.dateInvalid')}
              required={action === 'set-due-date'}
              onChange={(iso, valid) => {
                setDueDate(iso);
                setDueValid(valid);
              }}
            />
          </label>
        )}
        {action !== 'set-due-date' && (
          <label className="dialog-field">
            <span>
              {action === 'cancel' ? t('taskList.dialog.reason') : t('taskList.dialog.comment')}
              {action === 'cancel' && <span aria-hidden="true"> *</span>}
            </span>
            <textarea
              value={comment}
              rows={3}
              maxLength={5000}
              required={action === 'cancel'}
              data-testid="bulk-comment"
              onChange={(e) => setComment(e.target.value)}
            />
          </label>
        )}
        {missing && (
          <p className="field-error" role="alert">
            {t('taskList.dialog.required')}: {missing}
          </p>
        )}
        {failure && (
          <p className="field-error" role="alert" data-testid="bulk-error">
            {failure}
          </p>
        )}
        {refusals && (
          <div className="bulk-refusals" role="alert" data-testid="bulk-refusals">
            <p>{t('taskList.dialog.refusedTitle', { count: refusals.length })}</p>
            <ul>
              {refusals.map((r) => {
                const task = byId.get(r.taskId);
                return (
                  <li key={r.taskId} data-testid="bulk-refusal" data-code={r.code}>
                    <strong>{task?.code ?? r.taskId}</strong> {task?.title} — {r.message} <code>{r.code}</code>
                  </li>
                );
              })}
            </ul>
          </div>
        )}
        <div className="dialog-actions">
          <button type="button" className="btn" disabled={busy} onClick={onClose}>
            {t('taskList.dialog.close')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="bulk-confirm">
            {busy ? t('taskList.actions.working') : t('taskList.dialog.confirm')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
