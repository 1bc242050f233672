import { useTranslation } from 'react-i18next';
import { useWorkingCalendar } from '../calendar/use-working-calendar';
import { dayOffReason, extensionSpan } from '../calendar/working-day-model';
import { formatDate } from '../common/format';
import '../calendar/deadline.css';

/**
 * What a requested deadline adds over the current one, in working days and calendar days, and a warning when
 * it falls on a day off (the deadline then ends on the next working day).
 */
export function ExtensionSpanHint({ current, requested }: { current: string; requested: string | null }) {
  const { t } = useTranslation();
  const calendar = useWorkingCalendar([current, requested]);
  const span = extensionSpan(calendar, current, requested);
  if (!span || !requested) return null;
  return (
    <div className="drawer-hint" role="status" data-testid="extension-span">
      <span data-testid="extension-span-days">
        {t('calendar.span.adds', {
          working: t('calendar.deadline.workingDays', { count: span.workingDays }),
          calendar: t('calendar.deadline.calendarDays', { count: span.calendarDays }),
          current: formatDate(current),
        })}
      </span>
      {span.dayOff && (
        <strong className="deadline-effective-hint" data-testid="extension-span-day-off">
          {t('calendar.span.dayOff', {
            date: formatDate(span.dayOff.date),
            reason: dayOffReason(t, span.dayOff),
            effective: formatDate(span.dayOff.effective),
          })}
        </strong>
      )}
    </div>
  );
}
