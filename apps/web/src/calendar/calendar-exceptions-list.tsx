import type { CalendarDayInfoDto } from '@dondoc/contracts';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../common/format';
import { groupByMonth, weekdayOf } from './calendar-model';

/** The year's days that differ from the weekly rhythm, by month: day off or worked, named, official or computed. */
export function CalendarExceptionsList({ year, days }: { year: number; days: readonly CalendarDayInfoDto[] }) {
  const { t } = useTranslation();
  const months = groupByMonth(days);
  return (
    <section className="calendar-exceptions" aria-labelledby="calendar-exceptions-title">
      <h3 id="calendar-exceptions-title">{t('calendar.list.title', { year })}</h3>
      {months.length === 0 ? (
        <p className="drawer-empty">{t('calendar.list.empty', { year })}</p>
      ) : (
        <div className="calendar-months" data-testid="calendar-exceptions">
          {months.map((m) => (
            <section key={m.month} className="calendar-month" aria-label={t('calendar.list.month', { month: m.month })}>
              <h4>{t('calendar.list.month', { month: m.month })}</h4>
              <ul>
                {m.days.map((d) => (
                  <li
                    key={d.date}
                    className={`calendar-day ${d.working ? 'is-work' : 'is-off'}`}
                    data-testid="calendar-day"
                    data-date={d.date}
                    data-official={d.official ? 'true' : 'false'}
                  >
                    <span className="calendar-day-date">
                      {t(`calendar.weekdays.d${weekdayOf(d.date)}`)} {formatDate(d.date)}
                    </span>
                    <span className="calendar-day-name">{d.name ?? t(`calendar.reasons.${d.reason}`)}</span>
                    <span className={`calendar-kind ${d.working ? 'kind-work' : 'kind-off'}`}>
                      {d.working ? t('calendar.list.work') : t('calendar.list.off')}
                    </span>
                    <span className={`calendar-origin ${d.official ? 'origin-official' : 'origin-computed'}`}>
                      {d.official ? t('calendar.list.official') : t('calendar.list.computed')}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </section>
  );
}
