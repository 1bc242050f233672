import type { TaskSummaryDto } from '@dondoc/contracts';
import { DEADLINE_STATUS_LABELS } from '@dondoc/workflow';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDeadline, formatLateness } from '../calendar/deadline-model';
import { ClassificationBadge } from '../classification/classification-badge';
import { formatDate } from '../common/format';
import { useLabel } from '../common/use-label';
import { countdownOf, deadlineTone, showsEscalation, type Countdown } from './board-model';
import { TaskCardParts } from './task-card-parts';
import './work-queues.css';

interface Props {
  task: TaskSummaryDto;
  agencyName: string | null;
  /** Today's local date: changes once a day, so the countdowns refresh without every render. */
  today: string;
}

function useCountdownText(): (c: Countdown, task: TaskSummaryDto) => string {
  const { t } = useTranslation();
  return (c, task) => {
    // Lateness in working days and calendar days when the API counts both ("quá hạn 5 ngày làm việc (7 ngày)").
    if (c.kind === 'overdue' || c.kind === 'late') {
      const late = formatLateness(t, task);
      if (late) return late;
    }
    switch (c.kind) {
      case 'none':
        return '';
      case 'left':
        return t('board.card.dueIn', { count: c.days });
      case 'today':
        return t('board.card.dueToday');
      case 'overdue':
        return t('board.card.overdue', { count: c.days });
      case 'onTime':
        return t('board.card.doneOnTime');
      case 'late':
        return t('board.card.doneLate', { count: c.days });
    }
  };
}

/** What a card shows; memoised so that a drag, which re-renders the draggable wrappers, skips this. */
export const TaskCardBody = memo(function TaskCardBody({ task, agencyName, today }: Props) {
  const { t } = useTranslation();
  const label = useLabel();
  const countdownText = useCountdownText();
  const tone = deadlineTone(task);
  const countdown = countdownOf(task, new Date(`${today}T12:00:00+07:00`));
  const status = task.deadlineStatus ? label(DEADLINE_STATUS_LABELS[task.deadlineStatus]) : undefined;
  return (
    <div className="task-card-body">
      <div className="task-card-top">
        <span className="task-code">{task.code}</span>
        <ClassificationBadge level={task.classification} />
        <span className="task-type">{t(`deliverable.${task.deliverableType}`, task.deliverableType)}</span>
        {task.isKey && (
          <span className="badge badge-key" data-testid="key-badge" title={t('board.card.keyTitle')}>
            {t('board.card.key')}
          </span>
        )}
        {showsEscalation(task) && (
          <span
            className={`badge badge-escalation level-${task.escalationLevel}`}
            data-testid="escalation-badge"
            title={t(task.escalationLevel >= 2 ? 'board.card.escalationTitle2' : 'board.card.escalationTitle1')}
          >
            {t(task.escalationLevel >= 2 ? 'board.card.escalation2' : 'board.card.escalation1')}
          </span>
        )}
        {task.openExtensionRequest && (
          <span
            className="badge badge-extension"
            data-testid="extension-badge"
            title={t('board.card.extensionTitle', { date: formatDate(task.openExtensionRequest.requestedDueDate) })}
          >
            {t('board.card.extension')}
            <span className="sr-only">
              {': '}
              {t('board.card.extensionTitle', { date: formatDate(task.openExtensionRequest.requestedDueDate) })}
            </span>
          </span>
        )}
        {task.revision > 0 && (
          <span
            className="badge badge-revision"
            data-testid="revision-badge"
            title={t('board.card.revisionTitle', { n: task.revision })}
          >
            {t('board.card.revision', { n: task.revision })}
          </span>
        )}
      </div>
      <div className="task-title" title={task.title}>
        {task.title}
      </div>
      <div className="task-lead">
        <span className="sr-only">{t('board.card.lead')}: </span>
        {agencyName ?? t('board.card.noLead')}
      </div>
      <div className={`task-deadline tone-${tone}`} data-testid="deadline" data-tone={tone} title={status}>
        <span className="tone-dot" aria-hidden="true" />
        {task.dueDate || task.continuous || task.deadlineWorkingDays ? (
          <>
            <span>{formatDeadline(t, task)}</span>
            {countdown.kind !== 'none' && <span className="countdown">{countdownText(countdown, task)}</span>}
          </>
        ) : (
          <span>{task.deadlineText ?? t('board.card.noDueDate')}</span>
        )}
        {status && <span className="sr-only">{status}</span>}
      </div>
      {task.coordinatingAgencyIds.length > 0 && (
        <div className="task-meta">{t('board.card.coordinating', { count: task.coordinatingAgencyIds.length })}</div>
      )}
      <TaskCardParts task={task} />
    </div>
  );
});
