import type { TaskDetailDto } from '@dondoc/contracts';
import { useTranslation } from 'react-i18next';
import { useAgencies } from '../api/use-agencies';
import { useDirectives } from '../api/use-directives';
import { ClassificationBadge } from '../classification/classification-badge';
import { formatDeadline, formatLateness } from '../calendar/deadline-model';
import { formatDate } from '../common/format';
import { useDrawerLabels } from './use-drawer-labels';

/** The task's card in full: who, what, by when, and how late. */
export function TaskFacts({ task }: { task: TaskDetailDto }) {
  const { t } = useTranslation();
  const labels = useDrawerLabels();
  const { byId } = useAgencies();
  const directives = useDirectives();
  const agencyName = (id: string) => byId.get(id)?.name ?? t('drawer.facts.unknownAgency');
  // A granted extension moves dueDate; the first deadline still matters to whoever judges lateness.
  const extended = task.originalDueDate !== null && task.dueDate !== null && task.originalDueDate !== task.dueDate;
  // In working days and calendar days: "quá hạn 5 ngày làm việc (7 ngày)".
  const lateness = formatLateness(t, task, { bare: true });
  const escalationKey = `drawer.escalation.level${Math.min(Math.max(task.escalationLevel, 0), 2)}`;

  return (
    <dl className="drawer-facts" data-testid="drawer-facts">
      <dt>{t('drawer.facts.code')}</dt>
      <dd data-testid="drawer-code">{task.code}</dd>

      <dt>{t('drawer.facts.directive')}</dt>
      <dd>
        <strong>{task.directive.number}</strong> — {task.directive.title}{' '}
        <ClassificationBadge level={directives.byId.get(task.directive.id)?.classification} />
      </dd>

      <dt>{t('drawer.facts.state')}</dt>
      <dd>
        <span className={`drawer-state drawer-state-${task.state}`} data-testid="drawer-state">
          {labels.state(task.state)}
        </span>
      </dd>

      <dt>{t('drawer.facts.deliverableType')}</dt>
      <dd>{labels.deliverableType(task.deliverableType)}</dd>

      <dt>{t('drawer.facts.field')}</dt>
      <dd>{labels.field(task.field)}</dd>

      <dt>{t('drawer.facts.leadAgency')}</dt>
      <dd data-testid="drawer-lead-agency">
        {task.leadAgencyId ? agencyName(task.leadAgencyId) : t('drawer.facts.noLeadAgency')}
      </dd>

      <dt>{t('drawer.facts.coordinatingAgencies')}</dt>
      <dd>
        {task.coordinatingAgencyIds.length === 0 ? (
          t('drawer.facts.noCoordinating')
        ) : (
          <ul className="drawer-inline-list">
            {task.coordinatingAgencyIds.map((id) => (
              <li key={id}>{agencyName(id)}</li>
            ))}
          </ul>
        )}
      </dd>

      <dt>{t('drawer.facts.deadline')}</dt>
      <dd data-testid="drawer-deadline">
        {task.dueDate ? (
          <>
            {/* The effective day beside the stated one when a day off moved it. */}
            <strong>{formatDeadline(t, task)}</strong>
            {/* The directive's wording names the first deadline: after an extension it goes with that one. */}
            {task.deadlineText && !extended && <span className="drawer-muted"> ({task.deadlineText})</span>}
            {extended && (
              <span className="drawer-badge" data-testid="drawer-extended">
                {t('drawer.facts.extended')}
              </span>
            )}
          </>
        ) : task.continuous || task.deadlineWorkingDays ? (
          <>
            <strong>{formatDeadline(t, task)}</strong>
            {task.deadlineText && <span className="drawer-muted"> ({task.deadlineText})</span>}
          </>
        ) : (
          (task.deadlineText ?? t('drawer.facts.noDeadline'))
        )}
      </dd>

      {extended && (
        <>
          <dt>{t('drawer.facts.originalDeadline')}</dt>
          <dd data-testid="drawer-original-deadline">
            {formatDate(task.originalDueDate)}
            {task.deadlineText && <span className="drawer-muted"> ({task.deadlineText})</span>}
          </dd>
        </>
      )}

      {task.deadlineStatus && (
        <>
          <dt>{t('drawer.facts.deadlineStatus')}</dt>
          <dd>
            <span
              className={`drawer-deadline-status deadline-${task.deadlineStatus}`}
              data-testid="drawer-deadline-status"
              data-status={task.deadlineStatus}
            >
              {labels.deadlineStatus(task.deadlineStatus)}
            </span>
          </dd>
        </>
      )}

      {lateness && (
        <>
          <dt>{t('drawer.facts.daysOverdue')}</dt>
          <dd className="drawer-overdue" data-testid="drawer-overdue">
            {lateness}
          </dd>
        </>
      )}

      <dt>{t('drawer.facts.escalationLevel')}</dt>
      <dd data-testid="drawer-escalation">{t(escalationKey)}</dd>

      <dt>{t('drawer.facts.revision')}</dt>
      <dd>
        {task.revision > 0 ? t('drawer.facts.revisionValue', { count: task.revision }) : t('drawer.facts.revisionNone')}
      </dd>
    </dl>
  );
}
