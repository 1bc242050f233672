import { useTranslation } from 'react-i18next';
import { dismissToast, useToast } from './toast-store';

/** Where the board says what happened to a move (one message at a time). */
export function ToastRegion() {
  const { t } = useTranslation();
  const toast = useToast();
  return (
    <div className="toast-region">
      {toast && (
        <div key={toast.id} className={`toast toast-${toast.kind}`}>
          <div role="alert" data-testid="toast" data-kind={toast.kind}>
            {toast.text}
          </div>
          <button
            type="button"
            className="btn btn-ghost toast-close"
            aria-label={t('board.toast.close')}
            onClick={dismissToast}
          >
            ×
          </button>
        </div>
      )}
    </div>
  );
}
