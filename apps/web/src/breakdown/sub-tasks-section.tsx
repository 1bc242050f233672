import type { TaskDetailDto } from '@dondoc/contracts';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useAgencies } from '../api/use-agencies';
import { useOrganisations } from '../api/use-organisations';
import { useSession } from '../auth/use-session';
import { formatDate } from '../common/format';
import { DrawerSection } from '../task-drawer/drawer-section';
import { useDrawerLabels } from '../task-drawer/use-drawer-labels';
import { BreakDownForm } from './break-down-form';
import { useSubTasks } from './use-sub-tasks';

/**
 * A task given to a committee below and broken down there: the parent's progress, worst deadline status and
 * counts rolled up from its sub-tasks, then each sub-task, which opens in the same drawer. Also the way up: a
 * sub-task links to the task it breaks down. Nothing is shown for a task with neither.
 */
export function SubTasksSection({ task }: { task: TaskDetailDto }) {
  const { t } = useTranslation();
  const labels = useDrawerLabels();
  const { byId } = useAgencies();
  const [, setParams] = useSearchParams();
  const breakdown = useSubTasks(task.id);
  const role = useSession()?.user.role;
  const { organisations } = useOrganisations();
  // The Office of the committee the task is given to (its lead is the agency standing for that committee) breaks
  // it down while it is under way; the API holds the same rule.
  const mayBreakDown =
    role === 'office' &&
    !!task.leadAgencyId &&
    organisations[0]?.agencyId === task.leadAgencyId &&
    (task.state === 'assigned' || task.state === 'in_progress');
  const open = (id: string) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      next.set('task', id);
      return next;
    });
  const items = breakdown.data?.items ?? [];
  if (!task.parentTaskId && items.length === 0 && !mayBreakDown) return null;
  const r = breakdown.data?.rollUp;
  return (
    <DrawerSection title={t('breakdown.heading')} testId="drawer-sub-tasks">
      {task.parentTaskId && (
        <p>
          <button
            type="button"
            className="link-button"
            data-testid="sub-tasks-parent"
            onClick={() => open(task.parentTaskId!)}
          >
            {t('breakdown.parent')}
          </button>
        </p>
      )}
      {r && r.total > 0 && (
        <dl className="drawer-facts sub-tasks-roll-up" data-testid="sub-tasks-roll-up">
          <dt>{t('breakdown.percent')}</dt>
          <dd data-testid="sub-tasks-percent">{r.percent === null ? '–' : `${r.percent}%`}</dd>
          <dt>{t('breakdown.worst')}</dt>
          <dd>{r.worstDeadlineStatus ? labels.deadlineStatus(r.worstDeadlineStatus) : '–'}</dd>
          <dt>{t('breakdown.counts')}</dt>
          <dd data-testid="sub-tasks-counts">
            {t('breakdown.countsValue', {
              total: r.total,
              approved: r.approved,
              onTime: r.onTime,
              late: r.late,
              overdue: r.overdue,
              open: r.open,
            })}
          </dd>
        </dl>
      )}
      {items.length > 0 && (
        <ul className="sub-tasks" data-testid="sub-tasks-list">
          {items.map((s) => (
            <li key={s.id} data-testid={`sub-task-${s.code}`}>
              <button type="button" className="link-button" onClick={() => open(s.id)}>
                <strong>{s.code}</strong> {s.title}
              </button>
              <span className="sub-task-meta">
                {labels.state(s.state)}
                {s.leadAgencyId && ` · ${byId.get(s.leadAgencyId)?.name ?? ''}`}
                {s.dueDate && ` · ${t('breakdown.due', { date: formatDate(s.dueDate) })}`}
                {s.progressPercent !== null && ` · ${s.progressPercent}%`}
                {s.deadlineStatus && ` · ${labels.deadlineStatus(s.deadlineStatus)}`}
              </span>
            </li>
          ))}
        </ul>
      )}
      {mayBreakDown && <BreakDownForm task={task} />}
    </DrawerSection>
  );
}
