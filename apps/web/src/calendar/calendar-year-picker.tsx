import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { yearOptions } from './calendar-model';

/** The year shown: a list of nearby years and a step either way. */
export function CalendarYearPicker(props: { year: number; thisYear: number; onChange: (year: number) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const { year, onChange } = props;
  return (
    <div className="calendar-year-picker">
      <button
        type="button"
        className="btn"
        aria-label={t('calendar.previousYear')}
        disabled={year <= 1990}
        onClick={() => onChange(year - 1)}
      >
        ‹
      </button>
      <label htmlFor={id}>{t('calendar.year')}</label>
      <select id={id} value={year} onChange={(e) => onChange(Number(e.target.value))} data-testid="calendar-year">
        {yearOptions(props.thisYear, year).map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="btn"
        aria-label={t('calendar.nextYear')}
        disabled={year >= 2100}
        onClick={() => onChange(year + 1)}
      >
        ›
      </button>
    </div>
  );
}
