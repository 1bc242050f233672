import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  onClose: () => void;
  children: ReactNode;
}

/**
 * The filters on a phone: a full-screen modal sheet (a native <dialog>, so focus stays inside, Escape
 * closes it and focus goes back to the button that opened it). Changes apply at once; "Xong" closes.
 */
export function FiltersSheet({ onClose, children }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  return (
    <dialog
      ref={ref}
      className="filters-sheet"
      data-testid="filters-sheet"
      aria-labelledby="filters-sheet-title"
      onClose={onClose}
    >
      <header className="filters-sheet-head">
        <h2 id="filters-sheet-title">{t('board.filters.label')}</h2>
        <button type="button" className="btn btn-primary" data-testid="filters-done" onClick={onClose}>
          {t('board.filters.done')}
        </button>
      </header>
      <div className="filters-sheet-body" role="search" aria-label={t('board.filters.label')}>
        {children}
      </div>
    </dialog>
  );
}
