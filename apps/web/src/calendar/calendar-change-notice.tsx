import type { CalendarChangeResult } from '@dondoc/contracts';
import { useTranslation } from 'react-i18next';

/** What a save or a withdrawal did: the year's new state and how many tasks and reminders moved. */
export function CalendarChangeNotice({ kind, result }: { kind: 'saved' | 'withdrawn'; result: CalendarChangeResult }) {
  const { t } = useTranslation();
  const { tasks, actions, effectiveDueDates } = result.rescheduled;
  return (
    <p className="calendar-notice" role="status" data-testid="calendar-result">
      <strong>{t(`calendar.result.${kind}`, { year: result.year.year })}</strong>{' '}
      {tasks > 0
        ? t('calendar.result.rescheduled', { tasks, actions, dates: effectiveDueDates })
        : t('calendar.result.nothing')}
    </p>
  );
}
