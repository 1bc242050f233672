import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../common/date-field';
import { formatDate } from '../common/format';
import { ApiErrorAlert } from './api-error-alert';
import { ExtensionSpanHint } from './extension-span-hint';
import { useRequestExtension } from './use-request-extension';

/** The calendar day after a `YYYY-MM-DD` date: the earliest deadline an extension may ask for. */
function dayAfter(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** Xin gia hạn: the lead agency proposes a later deadline and says why. */
export function ExtensionRequestForm({ taskId, currentDueDate }: { taskId: string; currentDueDate: string }) {
  const { t } = useTranslation();
  const dateId = useId();
  const reasonId = useId();
  const hintId = useId();
  const [date, setDate] = useState('');
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const min = dayAfter(currentDueDate);
  const send = useRequestExtension(taskId);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const found: string[] = [];
    // Dates compare as strings in YYYY-MM-DD; the server checks again and has the last word.
    if (!date || date < min) found.push(t('drawer.extensions.dateRequired'));
    if (!reason.trim()) found.push(t('drawer.extensions.reasonRequired'));
    setProblems(found);
    if (found.length) return;
    send.mutate(
      { requestedDueDate: date, reason: reason.trim() },
      {
        onSuccess: () => {
          setDate('');
          setReason('');
        },
      },
    );
  };

  return (
    <form className="drawer-form drawer-subform" onSubmit={onSubmit} data-testid="extension-request-form" noValidate>
      <h4>{t('drawer.extensions.formTitle')}</h4>
      <label htmlFor={dateId}>{t('drawer.extensions.newDate')}</label>
      {/* Typed day first (dd/mm/yyyy) whatever the browser's language: the browser's own date input is not. */}
      <DateField
        id={dateId}
        name="requestedDueDate"
        testId="extension-date"
        value={date || null}
        label={t('drawer.extensions.newDate')}
        placeholder={t('common.datePlaceholder')}
        invalidText={t('common.dateInvalid')}
        describedBy={hintId}
        required
        onChange={(iso, valid) => {
          setDate(valid ? (iso ?? '') : '');
          setProblems([]);
        }}
      />
      <p id={hintId} className="drawer-hint">
        {t('drawer.extensions.newDateHint', { date: formatDate(currentDueDate) })}
        {date && ` → ${formatDate(date)}`}
      </p>
      <ExtensionSpanHint current={currentDueDate} requested={date || null} />
      <label htmlFor={reasonId}>{t('drawer.extensions.reasonLabel')}</label>
      <textarea
        id={reasonId}
        name="reason"
        rows={3}
        maxLength={5000}
        value={reason}
        placeholder={t('drawer.extensions.reasonPlaceholder')}
        onChange={(e) => {
          setReason(e.target.value);
          setProblems([]);
        }}
      />
      {problems.length > 0 && (
        <ul className="drawer-field-error" role="alert">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <ApiErrorAlert error={send.error} />
      <div className="drawer-form-actions">
        <button
          type="submit"
          className="btn btn-primary"
          disabled={send.isPending}
          data-testid="extension-request-submit"
        >
          {send.isPending ? t('drawer.extensions.sending') : t('drawer.extensions.submit')}
        </button>
      </div>
    </form>
  );
}
