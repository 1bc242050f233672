import type { ReportEscalations } from '@dondoc/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDeadline, formatLateness, type DeadlineFacts } from '../calendar/deadline-model';
import { formatDate, formatDateTime } from '../common/format';
import { ATTENTION_LINK, boardLink, taskLink } from './report-links';
import { useFormatters } from './use-formatters';

interface Props {
  report: ReportEscalations;
}

/** Overdue tasks, most overdue first as the API sends them, with how far up they have been reported. */
export function EscalationList({ report }: Props) {
  const { t } = useTranslation();
  const { num } = useFormatters();
  const level = (n: number) =>
    n >= 2
      ? t('dashboard.escalations.level2')
      : n === 1
        ? t('dashboard.escalations.level1')
        : t('dashboard.escalations.level0');

  return (
    <section className="dash-card" aria-labelledby="escalation-title" data-testid="escalation-list">
      <h2 id="escalation-title">
        {t('dashboard.escalations.title')}{' '}
        <Link className="dash-count" to={boardLink({ ...report.filters, deadline: ['overdue'] })}>
          {t('dashboard.escalations.count', { n: num(report.total) })}
        </Link>
      </h2>
      {report.items.length === 0 ? (
        <p className="dash-empty">{t('dashboard.escalations.none')}</p>
      ) : (
        <div className="table-scroll escalation-scroll">
          <table className="dash-table escalation-table">
            <thead>
              <tr>
                <th scope="col">{t('dashboard.escalations.task')}</th>
                <th scope="col">{t('dashboard.escalations.lead')}</th>
                <th scope="col">{t('dashboard.escalations.due')}</th>
                <th scope="col" className="num">
                  {t('dashboard.escalations.daysOverdue')}
                </th>
                <th scope="col">{t('dashboard.escalations.level')}</th>
              </tr>
            </thead>
            <tbody>
              {report.items.map((item) => {
                // The report row read as a deadline: the calendar's fields count once the report carries them.
                const deadline: DeadlineFacts = item;
                return (
                  <tr key={item.taskId} data-task-id={item.taskId}>
                    <td>
                      <Link className="task-link" to={taskLink(item.taskId)}>
                        <span className="task-code">{item.code}</span> {item.title}
                      </Link>
                      <span className="cell-note">{item.directiveNumber}</span>
                    </td>
                    <td>
                      {item.leadAgencyId ? (
                        <Link to={boardLink({ agencyId: item.leadAgencyId, deadline: ['overdue'] })}>
                          {item.leadAgencyName}
                        </Link>
                      ) : (
                        t('dashboard.escalations.noAgency')
                      )}
                    </td>
                    <td>
                      {formatDeadline(t, deadline)}
                      {item.originalDueDate !== item.dueDate && (
                        <span className="cell-note">
                          {t('dashboard.escalations.originalDue', { date: formatDate(item.originalDueDate) })}
                        </span>
                      )}
                    </td>
                    <td className="num tone-overdue">
                      {deadline.workingDaysOverdue != null
                        ? formatLateness(t, deadline, { bare: true })
                        : t('dashboard.escalations.days', { days: num(item.daysOverdue) })}
                    </td>
                    <td>
                      <span className={`level level-${Math.min(item.escalationLevel, 2)}`}>
                        {level(item.escalationLevel)}
                      </span>
                      {item.lastReminderAt && (
                        <span className="cell-note">
                          {t('dashboard.escalations.lastReminder', { date: formatDateTime(item.lastReminderAt) })}
                        </span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {report.total > report.items.length && (
        <p className="dash-more">
          <Link to={ATTENTION_LINK}>
            {t('dashboard.escalations.more', { shown: num(report.items.length), total: num(report.total) })}
          </Link>
        </p>
      )}
    </section>
  );
}
