import type { CalendarYearDto } from '@dondoc/contracts';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../common/format';

/** Every entry for the year, newest first: what was entered, from which document, by whom; withdrawals too. */
export function CalendarHistory({ year }: { year: CalendarYearDto }) {
  const { t } = useTranslation();
  return (
    <section className="calendar-history" aria-labelledby="calendar-history-title">
      <h3 id="calendar-history-title">{t('calendar.history.title', { year: year.year })}</h3>
      {year.history.length === 0 ? (
        <p className="drawer-empty">{t('calendar.history.empty')}</p>
      ) : (
        <ol className="calendar-history-list" data-testid="calendar-history">
          {year.history.map((h, i) => (
            <li key={`${h.enteredAt}-${i}`} data-cleared={h.cleared ? 'true' : 'false'}>
              <span>
                {h.cleared
                  ? t('calendar.history.cleared')
                  : t('calendar.history.entry', { count: h.dayCount, source: h.source ?? '' })}
              </span>{' '}
              <span className="drawer-muted">
                {t('calendar.history.by', {
                  name: h.enteredByName ?? t('calendar.history.unknownPerson'),
                  at: formatDateTime(h.enteredAt),
                })}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
