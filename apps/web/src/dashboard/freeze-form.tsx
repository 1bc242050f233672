import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../common/format';
import { showToast } from '../transitions/toast-store';
import { useFreezeSnapshot } from './use-freeze-snapshot';

interface Props {
  /** The day the figures describe: the chosen "as of" day, or empty for live figures. */
  asOf: string;
  today: string;
  onDone: (snapshotId: string) => void;
  onCancel: () => void;
}

/** Names and freezes the figures on screen; the server stores who, when and the parameters. */
export function FreezeForm({ asOf, today, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const freeze = useFreezeSnapshot();
  const [title, setTitle] = useState(() => t('dashboard.freeze.defaultName', { date: formatDate(asOf || today) }));
  const [error, setError] = useState('');

  const submit = () => {
    const trimmed = title.trim();
    if (!trimmed) {
      setError(t('dashboard.freeze.required'));
      return;
    }
    freeze.mutate(
      { title: trimmed, asOf: asOf || undefined },
      {
        onSuccess: (snapshot) => {
          showToast('success', t('dashboard.freeze.done', { title: snapshot.title }));
          onDone(snapshot.id);
        },
        onError: (e) => showToast('error', t('dashboard.freeze.failed', { message: e.message })),
      },
    );
  };

  return (
    <form
      className="freeze-form"
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <h2 id={`${id}-title`}>{t('dashboard.freeze.title')}</h2>
      <label className="filter freeze-name">
        <span className="filter-label">{t('dashboard.freeze.name')}</span>
        <input
          name="snapshotTitle"
          data-testid="freeze-title"
          value={title}
          maxLength={300}
          autoFocus
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-hint`}
          onChange={(e) => {
            setTitle(e.target.value);
            setError('');
          }}
        />
      </label>
      <p id={`${id}-hint`} className="dash-hint">
        {error ? (
          <span className="field-error" role="alert">
            {error}
          </span>
        ) : (
          t('dashboard.freeze.hint')
        )}
      </p>
      <div className="freeze-actions">
        <button type="button" className="btn" onClick={onCancel} disabled={freeze.isPending}>
          {t('dashboard.freeze.cancel')}
        </button>
        <button type="submit" className="btn btn-primary" data-testid="freeze-submit" disabled={freeze.isPending}>
          {freeze.isPending ? t('dashboard.freeze.sending') : t('dashboard.freeze.submit')}
        </button>
      </div>
    </form>
  );
}
