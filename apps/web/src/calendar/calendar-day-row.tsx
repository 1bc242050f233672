import { useTranslation } from 'react-i18next';
import { DateField } from '../common/date-field';
import type { DayProblem, DraftDay } from './calendar-model';

interface Props {
  day: DraftDay;
  year: number;
  problem: DayProblem | undefined;
  onChange: (patch: Partial<DraftDay>) => void;
  onRemove: () => void;
}

/** One day of the schedule being edited: its date, off or worked, and its name. */
export function CalendarDayRow({ day, year, problem, onChange, onRemove }: Props) {
  const { t } = useTranslation();
  return (
    <tr data-testid="calendar-edit-row" aria-invalid={problem ? true : undefined}>
      <td>
        <DateField
          value={day.date}
          label={t('calendar.edit.date')}
          placeholder={t('common.datePlaceholder')}
          invalidText={t('common.dateInvalid')}
          testId="calendar-edit-date"
          required
          onChange={(iso, valid) => onChange({ date: valid ? iso : null })}
        />
        {problem && (
          <span className="field-error" data-testid="calendar-edit-problem">
            {t(`calendar.edit.problems.${problem}`, { year })}
          </span>
        )}
      </td>
      <td>
        <select
          aria-label={t('calendar.edit.kind')}
          value={day.kind}
          onChange={(e) => onChange({ kind: e.target.value === 'work' ? 'work' : 'off' })}
          data-testid="calendar-edit-kind"
        >
          <option value="off">{t('calendar.edit.kindOff')}</option>
          <option value="work">{t('calendar.edit.kindWork')}</option>
        </select>
      </td>
      <td>
        <input
          aria-label={t('calendar.edit.name')}
          value={day.name}
          maxLength={200}
          placeholder={t('calendar.edit.namePlaceholder')}
          onChange={(e) => onChange({ name: e.target.value })}
          data-testid="calendar-edit-name"
        />
      </td>
      <td>
        <button type="button" className="btn btn-ghost" onClick={onRemove} data-testid="calendar-edit-remove">
          <span aria-hidden="true">✕</span>
          <span className="sr-only">{t('calendar.edit.remove')}</span>
        </button>
      </td>
    </tr>
  );
}
