import { useTranslation } from 'react-i18next';
import { useAgencies } from '../api/use-agencies';
import { EffectiveDateHint } from '../calendar/effective-date-hint';
import type { DeadlineChoice } from '../calendar/working-day-model';
import { DateField } from '../common/date-field';
import { DeadlineKindFields } from './deadline-kind-fields';

interface Props {
  currentLeadId: string | null;
  leadAgencyId: string;
  dueDate: string;
  dueDateRequired: boolean;
  onLeadAgency: (id: string) => void;
  onDueDate: (date: string) => void;
  /** ASSIGN only: how the deadline is given (a date, working days, continuous); REASSIGN takes a date. */
  deadline?: { choice: DeadlineChoice; onChoice: (next: DeadlineChoice) => void };
  errors: { leadAgencyId?: string; dueDate?: string; deadlineDays?: string };
  /** Focus the agency when shown (a dialog opened for it); off inside a panel read first. Default on. */
  autoFocus?: boolean;
}

/** Lead agency and deadline: what ASSIGN and REASSIGN ask for, and a task broken down below. */
export function AgencyDeadlineFields(props: Props) {
  const { t } = useTranslation();
  const { agencies } = useAgencies();
  const { errors } = props;
  const active = agencies.filter((a) => a.active || a.id === props.currentLeadId);
  const dateField = (
    <label className="dialog-field">
      <span>
        {props.dueDateRequired ? t('board.transition.dueDate') : t('board.transition.dueDateOptional')}
        {props.dueDateRequired && <span aria-hidden="true"> *</span>}
      </span>
      <DateField
        name="dueDate"
        testId="transition-due-date"
        value={props.dueDate || null}
        label={props.dueDateRequired ? t('board.transition.dueDate') : t('board.transition.dueDateOptional')}
        placeholder={t('common.datePlaceholder')}
        invalidText={t('common.dateInvalid')}
        required={props.dueDateRequired}
        onChange={(iso, valid) => props.onDueDate(valid ? (iso ?? '') : '')}
      />
      {/* A date on a day off ends with the next working day: said before the task goes out. */}
      <EffectiveDateHint date={props.dueDate || null} />
      {errors.dueDate && <span className="field-error">{errors.dueDate}</span>}
    </label>
  );
  return (
    <>
      <label className="dialog-field">
        <span>
          {t('board.transition.leadAgency')}
          <span aria-hidden="true"> *</span>
        </span>
        <select
          name="leadAgencyId"
          value={props.leadAgencyId}
          required
          autoFocus={props.autoFocus ?? true}
          aria-invalid={errors.leadAgencyId ? true : undefined}
          onChange={(e) => props.onLeadAgency(e.target.value)}
        >
          <option value="">{t('board.transition.chooseAgency')}</option>
          {active.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
              {a.id === props.currentLeadId ? ` ${t('board.transition.currentLead')}` : ''}
            </option>
          ))}
        </select>
        {errors.leadAgencyId && <span className="field-error">{errors.leadAgencyId}</span>}
      </label>
      {props.deadline ? (
        <DeadlineKindFields
          choice={props.deadline.choice}
          onChoice={props.deadline.onChoice}
          dateField={dateField}
          daysError={errors.deadlineDays}
        />
      ) : (
        dateField
      )}
    </>
  );
}
