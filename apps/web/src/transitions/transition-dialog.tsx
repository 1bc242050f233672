import type { TaskDetailDto, TaskEventName, TaskSummaryDto } from '@dondoc/contracts';
import { EVENT_LABELS, isRecordOnly, STATE_LABELS, targetOf } from '@dondoc/workflow';
import { useCallback, useRef, useState, type FormEvent, type KeyboardEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabel } from '../common/use-label';
import { pendingSubmissionOf } from '../task-drawer/task-actions';
import { useModalDialog } from '../task-drawer/use-dialog-focus';
import { deadlineRule, initialChoice, type DeadlineChoice } from '../calendar/working-day-model';
import { AgencyDeadlineFields } from './agency-deadline-fields';
import { CommentField } from './comment-field';
import { SubmissionFields } from './submission-fields';
import { ApiError } from '../api/api-client';
import { inputErrorText, transitionErrorText } from './transition-errors';
import { inputProblems, type TransitionValues } from './transition-rules';
import { useUploadSubmission } from './use-upload-submission';

interface Props {
  task: TaskSummaryDto;
  event: TaskEventName;
  onCancel: () => void;
  /** Resolves once the server took the move; rejects with its refusal, which the dialog then shows. */
  onConfirm: (values: TransitionValues) => Promise<void>;
}

interface Errors {
  comment?: string;
  leadAgencyId?: string;
  dueDate?: string;
  deadlineDays?: string;
  files?: string;
  /** The server's refusal of the move itself. */
  form?: string;
}

const MAX_FILES = 10;

// Opened from the task panel the dialog has the whole task, so it can tell what is already uploaded;
// from the board it has a list row and leaves that to the server.
function pendingDeliverable(task: TaskSummaryDto) {
  return 'submissions' in task ? pendingSubmissionOf(task as TaskDetailDto) : null;
}

// A modal dialog: Tab and Shift+Tab go round its own fields instead of into the board behind it.
function keepFocusInside(e: KeyboardEvent<HTMLElement>): void {
  const focusable = Array.from(
    e.currentTarget.querySelectorAll<HTMLElement>('button, input, select, textarea, [tabindex]:not([tabindex="-1"])'),
  ).filter((el) => !el.hasAttribute('disabled'));
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (!first || !last) return;
  if (e.shiftKey && document.activeElement === first) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && document.activeElement === last) {
    e.preventDefault();
    first.focus();
  }
}

// The native dialog's ::backdrop is part of the dialog element: a press there lands on the dialog itself,
// outside its box.
function onBackdrop(e: MouseEvent<HTMLDialogElement>): boolean {
  if (e.target !== e.currentTarget) return false;
  const box = e.currentTarget.getBoundingClientRect();
  return e.clientX < box.left || e.clientX > box.right || e.clientY < box.top || e.clientY > box.bottom;
}

/** Asks what an event needs (comment, agency and deadline, deliverable) or only for confirmation. */
export function TransitionDialog({ task, event, onCancel, onConfirm }: Props) {
  const { t } = useTranslation();
  const label = useLabel();
  const [comment, setComment] = useState('');
  const [leadAgencyId, setLeadAgencyId] = useState(event === 'ASSIGN' ? (task.leadAgencyId ?? '') : '');
  const [dueDate, setDueDate] = useState(event === 'ASSIGN' ? (task.dueDate ?? '') : '');
  // ASSIGN: a date, N working days, or continuous work; starts from what the draft says.
  const [deadline, setDeadline] = useState<DeadlineChoice>(() => initialChoice(task));
  const byRule = event === 'ASSIGN' && deadline.kind !== 'date';
  const [note, setNote] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  // Set once this note and these files are on the server, so that a retry after a refusal does not hand
  // them in twice; editing either clears it.
  const [uploaded, setUploaded] = useState(false);
  const uploadSubmission = useUploadSubmission(task.id);
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);

  // Modal for real (the board behind inert, focus inside), and back to where the person was (the card
  // or its ⋯ button) when the dialog goes away; after a move, to the card in its new column.
  const dialogRef = useRef<HTMLDialogElement>(null);
  // Opened from the task panel, focus goes back into the panel rather than to the card behind it.
  const cardOf = useCallback(
    () =>
      document.querySelector<HTMLElement>(`[data-testid="task-drawer"][data-task-id="${CSS.escape(task.id)}"]`) ??
      document.querySelector<HTMLElement>(`[data-testid="task-card-${CSS.escape(task.id)}"]`),
    [task.id],
  );
  useModalDialog(dialogRef, cardOf);

  // Which fields the event asks for: what libs/workflow would find missing in an empty form.
  const [needs] = useState(() => inputProblems(task, event, {}));
  const commentRequired = needs.comment !== undefined;
  const picksAgency = needs.leadAgencyId !== undefined;

  const values = (): TransitionValues => ({
    comment: comment.trim() || undefined,
    leadAgencyId: picksAgency ? leadAgencyId : undefined,
    dueDate: picksAgency && dueDate && !byRule ? dueDate : undefined,
    deadlineRule: byRule ? (deadlineRule(deadline) ?? undefined) : undefined,
  });

  // What the input lacks is libs/workflow's to say, in its own words; the file count is the upload's limit.
  const validate = (): Errors => {
    const found: Errors = {};
    const problems = inputProblems(task, event, values());
    for (const field of ['comment', 'leadAgencyId', 'dueDate'] as const) {
      const problem = problems[field];
      // A deadline by rule has no date yet: the server fixes it on the working calendar.
      if (problem && !(field === 'dueDate' && byRule)) found[field] = label(problem.text);
    }
    if (byRule && !deadlineRule(deadline)) found.deadlineDays = t('calendar.kind.daysInvalid');
    if (event === 'SUBMIT' && files.length > MAX_FILES) found.files = t('board.transition.tooManyFiles');
    return found;
  };

  const upload = async (): Promise<boolean> => {
    // Nothing chosen: the deliverable may already have been uploaded in the drawer; the server decides.
    if ((!note.trim() && files.length === 0) || uploaded) return true;
    try {
      await uploadSubmission.mutateAsync({ note: note.trim(), files });
      setUploaded(true);
      return true;
    } catch (err) {
      setErrors({ files: t('board.toast.uploadFailed', { message: inputErrorText(err, t) }) });
      return false;
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    if (event === 'SUBMIT' && !(await upload())) {
      setBusy(false);
      return;
    }
    try {
      await onConfirm(values());
    } catch (err) {
      // What was typed and chosen stays; the refusal is said where the person is looking.
      if (err instanceof ApiError && err.code === 'SUBMISSION_REQUIRED') {
        setErrors({ files: inputErrorText(err, t) });
      } else if (err instanceof ApiError && err.code === 'COMMENT_REQUIRED') {
        setErrors({ comment: inputErrorText(err, t) });
      } else {
        setErrors({ form: transitionErrorText(err, task, label(EVENT_LABELS[event]), t) });
      }
      setBusy(false);
    }
  };

  const eventLabel = label(EVENT_LABELS[event]);
  const titleId = 'transition-dialog-title';
  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      // Implicit on <dialog>; spelled out because the app's tests and styles select on it.
      role="dialog"
      aria-labelledby={titleId}
      data-testid="transition-dialog"
      data-event={event}
      onMouseDown={(e) => onBackdrop(e) && !busy && onCancel()}
      // Escape: the browser turns it into `cancel`. The dialog leaves when React unmounts it, never by
      // closing itself, so that its state and the provider's stay one.
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onCancel();
      }}
      // Chrome closes a dialog anyway on a second Escape with no click or key in between.
      onClose={(e) => {
        if (busy) e.currentTarget.showModal();
        else onCancel();
      }}
      onKeyDown={(e) => {
        // Not also the drawer behind, which closes on Escape as well.
        if (e.key === 'Escape') e.stopPropagation();
        else if (e.key === 'Tab') keepFocusInside(e);
      }}
    >
      <form onSubmit={(e) => void submit(e)} noValidate>
        <h2 id={titleId}>{t('board.transition.title', { event: eventLabel, code: task.code })}</h2>
        <p className="dialog-task-title">{task.title}</p>
        <p className="hint">
          {t('board.transition.moveTo', {
            from: label(STATE_LABELS[task.state]),
            to: label(STATE_LABELS[targetOf(task.state, event) ?? task.state]),
          })}
        </p>
        {event === 'START' && <p>{t('board.transition.confirmStart')}</p>}
        {event === 'APPROVE' && <p>{t('board.transition.confirmApprove')}</p>}
        {picksAgency && (
          <AgencyDeadlineFields
            currentLeadId={task.leadAgencyId}
            leadAgencyId={leadAgencyId}
            dueDate={dueDate}
            dueDateRequired={needs.dueDate !== undefined}
            onLeadAgency={setLeadAgencyId}
            onDueDate={setDueDate}
            deadline={event === 'ASSIGN' ? { choice: deadline, onChoice: setDeadline } : undefined}
            errors={errors}
          />
        )}
        {/* A tuyệt mật task keeps no files: the submission is recorded, the deliverable stays outside. */}
        {event === 'SUBMIT' && isRecordOnly(task.classification) && (
          <p className="hint" data-testid="submit-record-only">
            {t('classification.recordOnly.submit')}
          </p>
        )}
        {event === 'SUBMIT' && !isRecordOnly(task.classification) && (
          <SubmissionFields
            note={note}
            onNote={(next) => {
              setNote(next);
              setUploaded(false);
            }}
            onFiles={(next) => {
              setFiles(next);
              setUploaded(false);
            }}
            progress={uploadSubmission.progress}
            error={errors.files ?? null}
            pending={event === 'SUBMIT' ? pendingDeliverable(task) : null}
          />
        )}
        {event !== 'SUBMIT' && (
          <CommentField
            value={comment}
            onChange={setComment}
            required={commentRequired}
            label={
              event === 'RETURN'
                ? t('board.transition.returnComment')
                : event === 'CANCEL'
                  ? t('board.transition.cancelReason')
                  : t('board.transition.comment')
            }
            error={errors.comment ?? null}
            autoFocus={!picksAgency}
          />
        )}
        {errors.form && (
          <p className="field-error" role="alert" data-testid="dialog-error">
            {errors.form}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onCancel} disabled={busy}>
            {t('board.transition.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" data-testid="dialog-confirm" disabled={busy}>
            {busy ? t('board.transition.sending') : t('board.transition.confirm')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
