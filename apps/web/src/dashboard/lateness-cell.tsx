import type { ReportLateness } from '@dondoc/contracts';
import { useTranslation } from 'react-i18next';
import { useFormatters } from './use-formatters';

/**
 * Days late of a group (overdue work and work approved late): in working days, the calendar days underneath.
 * Empty for a frozen snapshot made before lateness was counted in days.
 */
export function LatenessCell({ lateness }: { lateness?: ReportLateness }) {
  const { t } = useTranslation();
  const { num } = useFormatters();
  if (!lateness) return <td className="num" />;
  return (
    <td
      className="num"
      data-testid="lateness-cell"
      title={t('dashboard.agencies.daysLateTitle', {
        tasks: lateness.tasks,
        working: lateness.workingDaysTotal,
        calendar: lateness.calendarDaysTotal,
        max: lateness.workingDaysMax,
      })}
    >
      {num(lateness.workingDaysTotal)}
      <span className="th-note">{num(lateness.calendarDaysTotal)}</span>
    </td>
  );
}
