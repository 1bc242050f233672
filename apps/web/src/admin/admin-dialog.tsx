import { useId, useRef, type ReactNode, type RefObject } from 'react';
import { useDialogFocus } from '../task-drawer/use-dialog-focus';

interface Props {
  title: string;
  testId: string;
  /** While saving, neither Escape nor a click outside closes it: the answer must land where it was asked. */
  busy: boolean;
  onClose: () => void;
  initialFocusRef: RefObject<HTMLElement | null>;
  children: ReactNode;
}

/** The modal frame of the account dialogs (create, edit, reset password). */
export function AdminDialog({ title, testId, busy, onClose, initialFocusRef, children }: Props) {
  const dialogRef = useRef<HTMLDivElement>(null);
  const titleId = useId();
  useDialogFocus(true, dialogRef, initialFocusRef, () => {
    if (!busy) onClose();
  });
  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && !busy && onClose()}>
      <div
        ref={dialogRef}
        className="dialog admin-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid={testId}
        tabIndex={-1}
      >
        <h2 id={titleId}>{title}</h2>
        {children}
      </div>
    </div>
  );
}
