import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * Modal focus: moves focus into the dialog when it opens, keeps Tab inside it (aria-modal promises
 * that the page behind is inert), closes on Escape, and gives focus back to whatever opened it.
 */
export function useDialogFocus(
  open: boolean,
  dialogRef: RefObject<HTMLElement | null>,
  initialFocusRef: RefObject<HTMLElement | null>,
  onClose: () => void,
): void {
  // The latest onClose without re-running the effect (which would steal focus back on every render).
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  }, [onClose]);

  useEffect(() => {
    if (!open) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    (initialFocusRef.current ?? dialogRef.current)?.focus();

    const onKeyDown = (e: KeyboardEvent) => {
      const dialog = dialogRef.current;
      if (!dialog) return;
      // A modal <dialog> opened from here (the transition dialog) keeps its own keys; this one is inert then.
      const active = document.activeElement;
      if (active && !dialog.contains(active) && active.closest('dialog[open]')) return;
      if (e.key === 'Escape') {
        e.preventDefault();
        onCloseRef.current();
        return;
      }
      if (e.key !== 'Tab') return;
      const items = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null);
      if (items.length === 0) return;
      const first = items[0];
      const last = items[items.length - 1];
      if (!dialog.contains(active)) {
        e.preventDefault();
        first.focus();
      } else if (e.shiftKey && active === first) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && active === last) {
        e.preventDefault();
        first.focus();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      // The card that opened the drawer may have been re-rendered away; then there is nothing to return to.
      if (opener?.isConnected) opener.focus();
    };
  }, [open, dialogRef, initialFocusRef]);
}

/**
 * A native `<dialog>` shown modal for as long as the component lives: the page behind turns inert (so
 * nothing there, dnd-kit's focus restoring after a keyboard drop included, can take focus back), focus
 * moves to the first field (or the dialog itself), and Escape arrives as the dialog's `cancel` event.
 * When it goes away, focus goes back to whatever had it when the dialog was rendered or, once that is
 * gone (a card re-rendered in its new column after a move), to what `fallback` finds.
 */
export function useModalDialog(
  dialogRef: RefObject<HTMLDialogElement | null>,
  fallback: () => HTMLElement | null,
): void {
  // Read while rendering, before anything inside the dialog can take focus.
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));
  const fallbackRef = useRef(fallback);
  useEffect(() => {
    fallbackRef.current = fallback;
  }, [fallback]);

  useLayoutEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    // StrictMode mounts twice; a second showModal on an open dialog throws.
    if (!dialog.open) dialog.showModal();
    if (!dialog.contains(document.activeElement)) {
      const first = [...dialog.querySelectorAll<HTMLElement>(FIELDS)].find((el) => el.offsetParent !== null);
      (first ?? dialog).focus();
    }
  }, [dialogRef]);

  useEffect(() => () => giveFocusBack(opener, () => fallbackRef.current()), [opener]);
}

const FIELDS =
  'textarea:not([disabled]), select:not([disabled]), input:not([disabled]):not([type="hidden"]), button:not([disabled])';

// How long a confirmed move may take to re-render its card before focus stops following it.
const FOLLOW_MS = 5_000;

function giveFocusBack(opener: HTMLElement | null, fallback: () => HTMLElement | null): void {
  if (opener?.isConnected) opener.focus();
  else fallback()?.focus();
  // The optimistic update re-renders a moved card in its new column a moment after the dialog closes,
  // and removing the focused node drops focus to <body>: follow the card there, unless the person has
  // already moved on.
  const observer = new MutationObserver(() => {
    if (opener?.isConnected) return;
    const active = document.activeElement;
    if (active && active !== document.body) return stop();
    const next = fallback();
    if (next) {
      next.focus();
      stop();
    }
  });
  const timer = window.setTimeout(() => stop(), FOLLOW_MS);
  function stop(): void {
    observer.disconnect();
    window.clearTimeout(timer);
  }
  observer.observe(document.body, { childList: true, subtree: true });
}
