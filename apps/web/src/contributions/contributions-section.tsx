import type { ContributionDto, TaskDetailDto } from '@dondoc/contracts';
import { relationOf, worksOnTask, type Actor } from '@dondoc/workflow';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAgencies } from '../api/use-agencies';
import { DateField } from '../common/date-field';
import { FilePicker } from '../common/file-picker';
import { formatDate, formatDateTime } from '../common/format';
import { ApiErrorAlert } from '../task-drawer/api-error-alert';
import { DrawerSection } from '../task-drawer/drawer-section';
import {
  useAcceptContribution,
  useAskContribution,
  useContributionFileDownload,
  useContributions,
  useReturnContribution,
  useSubmitContribution,
} from './use-contributions';

const LIVE_STATES: readonly string[] = ['assigned', 'in_progress', 'submitted'];

/** Who works on the task as its lead: the server decides again; this only hides buttons it would refuse. */
function leads(task: TaskDetailDto, actor: Actor): boolean {
  return worksOnTask(task, actor);
}

/**
 * Phối hợp, in the task panel: the lead sees every coordinator's contribution and accepts or returns it, and
 * asks (with the Office) for new ones; a coordinator sees its own, hands it in and reads its history.
 */
export function ContributionsSection({ task, actor }: { task: TaskDetailDto; actor: Actor }) {
  const { t } = useTranslation();
  const query = useContributions(task.id);
  const items = query.data?.items ?? [];
  const isLead = leads(task, actor);
  const mayAsk = LIVE_STATES.includes(task.state) && (isLead || actor.role === 'office');
  const isCoordinator = actor.role === 'agency' && relationOf(task, actor) === 'coordinating';

  return (
    <DrawerSection title={t('contributions.heading')} testId="drawer-contributions-section">
      {query.error ? <ApiErrorAlert error={query.error} /> : null}
      <ul className="drawer-cards" data-testid="contributions">
        {query.isSuccess && items.length === 0 && (
          <li className="drawer-empty">{t(isCoordinator ? 'contributions.mineEmpty' : 'contributions.empty')}</li>
        )}
        {items.map((c) => (
          <ContributionCard
            key={c.id}
            taskId={task.id}
            contribution={c}
            mayDecide={isLead && c.status === 'submitted'}
            maySubmit={
              isCoordinator &&
              actor.agencyId === c.agencyId &&
              LIVE_STATES.includes(task.state) &&
              (c.status === 'requested' || c.status === 'returned')
            }
          />
        ))}
      </ul>
      {mayAsk && <AskForm task={task} existing={items} />}
    </DrawerSection>
  );
}

function ContributionCard(props: {
  taskId: string;
  contribution: ContributionDto;
  mayDecide: boolean;
  maySubmit: boolean;
}) {
  const { t } = useTranslation();
  const c = props.contribution;
  const download = useContributionFileDownload(c.id);
  return (
    <li className="drawer-card" data-testid="contribution" data-status={c.status} data-agency={c.agencyId}>
      <div className="drawer-card-head">
        <strong>{c.agencyName}</strong>
        <span className={`drawer-decision contribution-${c.status}`}>{t(`contributions.status.${c.status}`)}</span>
      </div>
      <div className="drawer-muted">
        {c.dueDate ? t('contributions.dueDate', { date: formatDate(c.dueDate) }) : t('contributions.noDueDate')}
        {c.deadlineStatus && (
          <span className={`deadline-badge deadline-${c.deadlineStatus}`}>
            {' '}
            {t(`contributions.deadline.${c.deadlineStatus}`)}
          </span>
        )}
      </div>
      {c.request && (
        <p className="drawer-quote" aria-label={t('contributions.request')}>
          {c.request}
        </p>
      )}
      {c.versions.length > 0 && (
        <ol className="drawer-versions">
          {c.versions.map((v) => (
            <li key={v.seq} data-testid="contribution-version">
              <div className="drawer-muted">
                {t('contributions.version', {
                  seq: v.seq,
                  name: v.submittedByName ?? '',
                  at: formatDateTime(v.submittedAt),
                })}
              </div>
              {v.note && <p className="drawer-quote">{v.note}</p>}
              {v.files.length > 0 && (
                <ul className="drawer-files">
                  {v.files.map((f) => (
                    <li key={f.id}>
                      <button type="button" className="btn btn-link" onClick={() => download.mutate(f)}>
                        {f.fileName}
                      </button>
                    </li>
                  ))}
                </ul>
              )}
              {v.decision && (
                <div className="drawer-muted">
                  {v.decision === 'accepted'
                    ? t('contributions.decision.accepted')
                    : t('contributions.decision.returned', { comment: v.decisionComment ?? '' })}
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
      {download.error ? <ApiErrorAlert error={download.error} /> : null}
      {props.mayDecide && <DecideForm taskId={props.taskId} contributionId={c.id} />}
      {props.maySubmit && <SubmitForm taskId={props.taskId} contributionId={c.id} />}
    </li>
  );
}

/** Tiếp nhận, or Trả lại with the reason (required). */
function DecideForm({ taskId, contributionId }: { taskId: string; contributionId: string }) {
  const { t } = useTranslation();
  const commentId = useId();
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const accept = useAcceptContribution(taskId, contributionId);
  const giveBack = useReturnContribution(taskId, contributionId);
  const busy = accept.isPending || giveBack.isPending;
  const onReturn = () => {
    if (!comment.trim()) {
      setProblem(t('contributions.returnCommentRequired'));
      return;
    }
    setProblem(null);
    giveBack.mutate({ comment: comment.trim() }, { onSuccess: () => setComment('') });
  };
  return (
    <div className="drawer-form" data-testid="contribution-decide">
      <label htmlFor={commentId}>{t('contributions.returnComment')}</label>
      <textarea
        id={commentId}
        value={comment}
        maxLength={5000}
        onChange={(e) => setComment(e.target.value)}
        aria-invalid={problem ? true : undefined}
      />
      {problem && (
        <div className="drawer-alert" role="alert">
          {problem}
        </div>
      )}
      <div className="drawer-form-actions">
        <button
          type="button"
          className="btn btn-primary"
          disabled={busy}
          onClick={() => accept.mutate(comment.trim() ? { comment: comment.trim() } : {})}
        >
          {t('contributions.accept')}
        </button>
        <button type="button" className="btn" disabled={busy} onClick={onReturn}>
          {t('contributions.return')}
        </button>
      </div>
      <ApiErrorAlert error={accept.error ?? giveBack.error} />
    </div>
  );
}

/** Gửi nội dung phối hợp: a note and files, by the coordinator. */
function SubmitForm({ taskId, contributionId }: { taskId: string; contributionId: string }) {
  const { t } = useTranslation();
  const noteId = useId();
  const [note, setNote] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const send = useSubmitContribution(taskId, contributionId);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!note.trim() && files.length === 0) {
      setProblem(t('contributions.submit.required'));
      return;
    }
    setProblem(null);
    send.mutate({ note: note.trim(), files }, { onSuccess: () => setNote('') });
  };
  return (
    <form className="drawer-form" onSubmit={onSubmit} data-testid="contribution-submit">
      <h4>{t('contributions.submit.heading')}</h4>
      <label htmlFor={noteId}>{t('contributions.submit.note')}</label>
      <textarea id={noteId} value={note} maxLength={5000} onChange={(e) => setNote(e.target.value)} />
      <FilePicker
        label={t('contributions.submit.files')}
        multiple
        onChange={(e) => setFiles(Array.from(e.target.files ?? []))}
      />
      {problem && (
        <div className="drawer-alert" role="alert">
          {problem}
        </div>
      )}
      <button type="submit" className="btn btn-primary" disabled={send.isPending}>
        {send.isPending ? t('contributions.sending') : t('contributions.submit.send')}
      </button>
      <ApiErrorAlert error={send.error} />
    </form>
  );
}

/** Đề nghị phối hợp: what is asked of a coordinator and by when (empty: the default before the task's deadline). */
function AskForm({ task, existing }: { task: TaskDetailDto; existing: ContributionDto[] }) {
  const { t } = useTranslation();
  const { byId } = useAgencies();
  const agencyFieldId = useId();
  const textId = useId();
  const [agencyId, setAgencyId] = useState(task.coordinatingAgencyIds[0] ?? '');
  const [text, setText] = useState('');
  const [dueDate, setDueDate] = useState<string | null>(null);
  const [dateValid, setDateValid] = useState(true);
  const [problem, setProblem] = useState<string | null>(null);
  const ask = useAskContribution(task.id);
  const current = existing.find((c) => c.agencyId === agencyId);
  if (task.coordinatingAgencyIds.length === 0) return null;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) {
      setProblem(t('contributions.ask.textRequired'));
      return;
    }
    if (!dateValid) return;
    setProblem(null);
    ask.mutate({ agencyId, request: text.trim(), ...(dueDate ? { dueDate } : {}) }, { onSuccess: () => setText('') });
  };
  return (
    <form className="drawer-form" onSubmit={onSubmit} data-testid="contribution-ask">
      <h4>{t('contributions.ask.heading')}</h4>
      <label htmlFor={agencyFieldId}>{t('contributions.ask.agency')}</label>
      <select id={agencyFieldId} value={agencyId} onChange={(e) => setAgencyId(e.target.value)}>
        {task.coordinatingAgencyIds.map((id) => (
          <option key={id} value={id}>
            {byId.get(id)?.name ?? id}
          </option>
        ))}
      </select>
      <label htmlFor={textId}>{t('contributions.ask.text')}</label>
      <textarea id={textId} value={text} maxLength={5000} onChange={(e) => setText(e.target.value)} />
      <DateField
        value={dueDate}
        onChange={(iso, valid) => {
          setDueDate(iso);
          setDateValid(valid);
        }}
        label={t('contributions.ask.date')}
        placeholder={t('common.datePlaceholder')}
        invalidText={t('common.dateInvalid')}
        testId="contribution-due-date"
      />
      <div className="drawer-muted">{t('contributions.ask.dateHint')}</div>
      {problem && (
        <div className="drawer-alert" role="alert">
          {problem}
        </div>
      )}
      <button type="submit" className="btn btn-primary" disabled={ask.isPending || current?.status === 'accepted'}>
        {ask.isPending
          ? t('contributions.sending')
          : t(current ? 'contributions.ask.change' : 'contributions.ask.send')}
      </button>
      <ApiErrorAlert error={ask.error} />
    </form>
  );
}
