import { useTranslation } from 'react-i18next';
import { DateField } from '../common/date-field';
import { ACCESS_ACTIONS, rangeInvalid, type AccessAction, type AccessLogFilters } from './access-log-model';
import type { LogPerson } from './use-log-people';

interface Props {
  filters: AccessLogFilters;
  people: readonly LogPerson[];
  /** The filtered task's code, when the rows name it (the URL holds only its id). */
  taskCode: string | null;
  onChange: (patch: Partial<Omit<AccessLogFilters, 'page'>>) => void;
}

/** Who, what and when: each change refetches from the first page; a task filter shows as a chip to clear. */
export function AccessLogFilterBar({ filters, people, taskCode, onChange }: Props) {
  const { t } = useTranslation();
  const any = Boolean(filters.taskId || filters.userId || filters.from || filters.to || filters.action);
  return (
    <div className="access-log-filters" role="group" aria-label={t('accessLog.filters.label')}>
      <label>
        <span>{t('accessLog.filters.user')}</span>
        <select
          data-testid="access-log-user"
          value={filters.userId}
          onChange={(e) => onChange({ userId: e.target.value })}
        >
          <option value="">{t('accessLog.filters.allUsers')}</option>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.fullName}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('accessLog.filters.action')}</span>
        <select
          data-testid="access-log-action"
          value={filters.action}
          onChange={(e) => onChange({ action: e.target.value as AccessAction | '' })}
        >
          <option value="">{t('accessLog.filters.allActions')}</option>
          {ACCESS_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {t(`accessLog.actions.${a}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('accessLog.filters.from')}</span>
        <DateField
          testId="access-log-from"
          value={filters.from || null}
          label={t('accessLog.filters.from')}
          placeholder={t('common.datePlaceholder')}
          invalidText={t('accessLog.filters.dateInvalid')}
          onChange={(iso, valid) => valid && onChange({ from: iso ?? '' })}
        />
      </label>
      <label>
        <span>{t('accessLog.filters.to')}</span>
        <DateField
          testId="access-log-to"
          value={filters.to || null}
          label={t('accessLog.filters.to')}
          placeholder={t('common.datePlaceholder')}
          invalidText={t('accessLog.filters.dateInvalid')}
          onChange={(iso, valid) => valid && onChange({ to: iso ?? '' })}
        />
      </label>
      {rangeInvalid(filters) && (
        <p className="field-error" role="alert" data-testid="access-log-range-invalid">
          {t('accessLog.filters.rangeInvalid')}
        </p>
      )}
      {filters.taskId && (
        <span className="access-log-chip" data-testid="access-log-task-chip">
          {t('accessLog.filters.task', { code: taskCode ?? '…' })}
          <button
            type="button"
            aria-label={t('accessLog.filters.clearTask')}
            title={t('accessLog.filters.clearTask')}
            onClick={() => onChange({ taskId: '' })}
          >
            ×
          </button>
        </span>
      )}
      {any && (
        <button
          type="button"
          className="btn btn-ghost"
          data-testid="access-log-clear"
          onClick={() => onChange({ taskId: '', userId: '', from: '', to: '', action: '' })}
        >
          {t('accessLog.filters.clear')}
        </button>
      )}
    </div>
  );
}
