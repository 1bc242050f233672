import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeadlineChoice, DeadlineKind } from '../calendar/working-day-model';
import '../calendar/deadline.css';

interface Props {
  choice: DeadlineChoice;
  onChoice: (next: DeadlineChoice) => void;
  /** The date field (with its day-off hint), shown when the deadline is a date. */
  dateField: ReactNode;
  daysError?: string;
}

const KINDS: readonly DeadlineKind[] = ['date', 'workingDays', 'continuous'];

/**
 * How the Office gives the deadline at ASSIGN: a date; N working days from assignment or from the agency's
 * receipt of the document ("trong 10 ngày làm việc kể từ ngày nhận"), fixed as a date on the working calendar;
 * or continuous work ("thường xuyên"), which has none.
 */
export function DeadlineKindFields({ choice, onChoice, dateField, daysError }: Props) {
  const { t } = useTranslation();
  const name = useId();
  const daysId = useId();
  const fromId = useId();
  return (
    <fieldset className="dialog-field deadline-kind" data-testid="deadline-kind">
      <legend>
        {t('calendar.kind.legend')}
        <span aria-hidden="true"> *</span>
      </legend>
      <div className="deadline-kind-options">
        {KINDS.map((kind) => (
          <label key={kind}>
            <input
              type="radio"
              name={name}
              value={kind}
              checked={choice.kind === kind}
              onChange={() => onChoice({ ...choice, kind })}
              data-testid={`deadline-kind-${kind}`}
            />
            {t(`calendar.kind.${kind}`)}
          </label>
        ))}
      </div>
      {choice.kind === 'date' && dateField}
      {choice.kind === 'workingDays' && (
        <>
          <div className="deadline-working-days">
            <label htmlFor={daysId}>
              {t('calendar.kind.days')}
              <input
                id={daysId}
                type="text"
                inputMode="numeric"
                value={choice.days}
                aria-invalid={daysError ? true : undefined}
                onChange={(e) => onChoice({ ...choice, days: e.target.value })}
                data-testid="deadline-working-days"
              />
            </label>
            <label htmlFor={fromId}>
              {t('calendar.kind.from')}
              <select
                id={fromId}
                value={choice.from}
                onChange={(e) => onChoice({ ...choice, from: e.target.value === 'received' ? 'received' : 'assigned' })}
                data-testid="deadline-from"
              >
                <option value="assigned">{t('calendar.kind.fromAssigned')}</option>
                <option value="received">{t('calendar.kind.fromReceived')}</option>
              </select>
            </label>
          </div>
          {daysError && <span className="field-error">{daysError}</span>}
          <span className="hint">{t('calendar.kind.workingDaysHint')}</span>
        </>
      )}
      {choice.kind === 'continuous' && <span className="hint">{t('calendar.kind.continuousHint')}</span>}
    </fieldset>
  );
}
