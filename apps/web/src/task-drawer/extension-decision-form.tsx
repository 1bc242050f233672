import type { ExtensionDecisionRequest } from '@dondoc/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../common/date-field';
import { ApiErrorAlert } from './api-error-alert';
import { ExtensionSpanHint } from './extension-span-hint';
import { useDecideExtension } from './use-decide-extension';

type Decision = ExtensionDecisionRequest['decision'];

/**
 * Grant or refuse an open request. Shown to the Office too: whether the Office may decide is the
 * server's setting, so a refusal comes back as its 403 message rather than a hidden button.
 */
export function ExtensionDecisionForm(props: {
  taskId: string;
  requestId: string;
  requestedDueDate: string;
  /** The deadline the extension would move: what the granted date adds is counted from it. */
  currentDueDate: string;
}) {
  const { t } = useTranslation();
  const commentId = useId();
  const dateId = useId();
  const hintId = useId();
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  // The date asked for, unless the decider gives another (a grant for a shorter or longer extension).
  const [dueDate, setDueDate] = useState<string | null>(props.requestedDueDate);
  const [dateValid, setDateValid] = useState(true);
  const decide = useDecideExtension(props.taskId, props.requestId);
  const submit = (decision: Decision) => {
    const text = comment.trim();
    setMissing(!text);
    if (!text || (decision === 'grant' && (!dateValid || !dueDate))) return;
    const other = decision === 'grant' && dueDate !== props.requestedDueDate ? { dueDate: dueDate ?? undefined } : {};
    decide.mutate({ decision, comment: text, ...other }, { onSuccess: () => setComment('') });
  };

  return (
    <div className="drawer-form drawer-subform" data-testid="extension-decision-form">
      <label htmlFor={commentId}>{t('drawer.extensions.decideLabel')}</label>
      <textarea
        id={commentId}
        name="decisionComment"
        rows={2}
        maxLength={5000}
        value={comment}
        placeholder={t('drawer.extensions.decidePlaceholder')}
        aria-invalid={missing || undefined}
        onChange={(e) => {
          setComment(e.target.value);
          if (missing) setMissing(false);
        }}
      />
      {missing && (
        <p className="drawer-field-error" role="alert">
          {t('drawer.extensions.commentRequired')}
        </p>
      )}
      <label htmlFor={dateId}>{t('drawer.extensions.grantDate')}</label>
      <DateField
        id={dateId}
        name="grantedDueDate"
        testId="extension-grant-date"
        value={dueDate}
        label={t('drawer.extensions.grantDate')}
        placeholder={t('common.datePlaceholder')}
        invalidText={t('common.dateInvalid')}
        describedBy={hintId}
        onChange={(iso, valid) => {
          setDueDate(iso);
          setDateValid(valid);
        }}
      />
      <p id={hintId} className="drawer-hint">
        {t('drawer.extensions.grantDateHint')}
      </p>
      <ExtensionSpanHint current={props.currentDueDate} requested={dateValid ? dueDate : null} />
      <ApiErrorAlert error={decide.error} />
      <div className="drawer-form-actions">
        <button
          type="button"
          className="btn"
          disabled={decide.isPending}
          data-testid="extension-refuse"
          onClick={() => submit('refuse')}
        >
          {t('drawer.extensions.refuse')}
        </button>
        <button
          type="button"
          className="btn btn-primary"
          disabled={decide.isPending}
          data-testid="extension-grant"
          onClick={() => submit('grant')}
        >
          {t('drawer.extensions.grant')}
        </button>
      </div>
    </div>
  );
}
