import { useTranslation } from 'react-i18next';
import { formatDate } from '../common/format';
import { useWorkingCalendar } from './use-working-calendar';
import { dayOffHint, dayOffReason } from './working-day-model';
import './deadline.css';

/** Under a deadline field: when the date is a day off, the day the deadline really ends and why. */
export function EffectiveDateHint({ date, id }: { date: string | null; id?: string }) {
  const { t } = useTranslation();
  const calendar = useWorkingCalendar([date]);
  const hint = dayOffHint(calendar, date);
  if (!hint) return null;
  return (
    <span className="deadline-effective-hint" id={id} role="status" data-testid="effective-date-hint">
      {t('calendar.effective.dayOff', {
        date: formatDate(hint.date),
        reason: dayOffReason(t, hint),
        effective: formatDate(hint.effective),
      })}
    </span>
  );
}
