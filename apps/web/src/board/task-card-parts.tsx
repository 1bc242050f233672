import type { TaskSummaryDto } from '@dondoc/contracts';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../common/format';
import { usePeopleNames } from '../people/people-names';
import { partsOf, shortDate } from './task-parts-model';

/**
 * The task's parts in one compact line of the card: latest progress, next milestone, coordinators'
 * contributions and the handling officer. Nothing when the task has none of them.
 */
export function TaskCardParts({ task }: { task: TaskSummaryDto }) {
  const { t } = useTranslation();
  const names = usePeopleNames();
  const parts = partsOf(task, names);
  if (!parts) return null;
  const { progress, milestone, contributions, officer } = parts;
  return (
    <div className="task-parts" data-testid="task-parts">
      {progress !== null && (
        <span
          className="part part-progress"
          data-testid="card-progress"
          title={t('board.card.progressTitle', { percent: progress })}
        >
          <span className="part-bar" aria-hidden="true">
            <span className="part-bar-fill" style={{ width: `${progress}%` }} />
          </span>
          {progress}%
        </span>
      )}
      {milestone && (
        <span
          className={`part part-milestone ms-${milestone.deadlineStatus ?? 'none'}`}
          data-testid="card-milestone"
          data-status={milestone.deadlineStatus ?? ''}
          title={t('board.card.milestoneTitle', { label: milestone.label, date: formatDate(milestone.dueDate) })}
        >
          {t('board.card.milestone', { date: shortDate(milestone.dueDate) })}
        </span>
      )}
      {contributions && (
        <span
          className={`part part-contributions${contributions.accepted === contributions.total ? ' is-complete' : ''}`}
          data-testid="card-contributions"
          title={t('board.card.contributionsTitle', contributions)}
        >
          {t('board.card.contributions', contributions)}
        </span>
      )}
      {officer && (
        <span
          className="part part-officer"
          data-testid="card-officer"
          title={t('board.card.officerTitle', { name: officer })}
        >
          {t('board.card.officer', { name: officer })}
        </span>
      )}
    </div>
  );
}
