import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from './api-error-alert';
import { useAddComment } from './use-add-comment';

export function CommentForm({ taskId }: { taskId: string }) {
  const { t } = useTranslation();
  const fieldId = useId();
  const [body, setBody] = useState('');
  const [missing, setMissing] = useState(false);
  const send = useAddComment(taskId);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const text = body.trim();
    setMissing(!text);
    if (!text) return;
    send.mutate(text, { onSuccess: () => setBody('') });
  };

  return (
    <form className="drawer-form" onSubmit={onSubmit} data-testid="comment-form" noValidate>
      <label htmlFor={fieldId}>{t('drawer.comments.label')}</label>
      <textarea
        id={fieldId}
        name="comment"
        rows={3}
        maxLength={5000}
        value={body}
        placeholder={t('drawer.comments.placeholder')}
        aria-invalid={missing || undefined}
        onChange={(e) => {
          setBody(e.target.value);
          if (missing) setMissing(false);
        }}
      />
      {missing && (
        <p className="drawer-field-error" role="alert">
          {t('drawer.comments.required')}
        </p>
      )}
      <ApiErrorAlert error={send.error} />
      <div className="drawer-form-actions">
        <button type="submit" className="btn btn-primary" disabled={send.isPending} data-testid="comment-submit">
          {send.isPending ? t('drawer.comments.sending') : t('drawer.comments.submit')}
        </button>
      </div>
    </form>
  );
}
