import type { ExtensionDecisionRequest } from '@dondoc/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from './api-error-alert';
import { useDecideExtension } from './use-decide-extension';

type Decision = ExtensionDecisionRequest['decision'];

/**
 * Grant or refuse an open request. Shown to the Office too: whether the Office may decide is the
 * server's setting, so a refusal comes back as its 403 message rather than a hidden button.
 */
export function ExtensionDecisionForm({ taskId, requestId }: { taskId: string; requestId: string }) {
  const { t } = useTranslation();
  const commentId = useId();
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const decide = useDecideExtension(taskId, requestId);
  const submit = (decision: Decision) => {
    const text = comment.trim();
    setMissing(!text);
    if (text) decide.mutate({ decision, comment: text }, { onSuccess: () => setComment('') });
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
