import type { CalendarYearDto } from '@dondoc/contracts';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../common/format';

/** Whether the year follows an entered schedule (its document, who entered it) or the computed defaults. */
export function CalendarInForce({ year }: { year: CalendarYearDto }) {
  const { t } = useTranslation();
  const official = year.official;
  return (
    <div className="calendar-in-force" data-testid="calendar-in-force" data-official={official ? 'true' : 'false'}>
      <strong>
        {official
          ? t('calendar.inForce.official', { year: year.year })
          : t('calendar.inForce.computed', { year: year.year })}
      </strong>
      {official && (
        <>
          <div data-testid="calendar-source">{t('calendar.inForce.source', { source: official.source })}</div>
          <div className="drawer-muted">
            {official.enteredByName
              ? t('calendar.inForce.enteredBy', {
                  name: official.enteredByName,
                  at: formatDateTime(official.enteredAt),
                })
              : t('calendar.inForce.enteredAt', { at: formatDateTime(official.enteredAt) })}
          </div>
        </>
      )}
    </div>
  );
}
