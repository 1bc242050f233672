import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { AgencySettingsButton } from './people/agency-settings-dialog';

interface Props {
  children: ReactNode;
  /** Language and sign-out, under a line at the bottom (on a phone). */
  actions?: ReactNode;
}

const MENU_ID = 'app-menu';

/**
 * The ☰ menu of the header: on a phone it holds the navigation, language and sign-out; on a small laptop the
 * occasional page and the language; everywhere the agency settings of those who have them (an agency's head,
 * the Office). Escape, a click outside or going to another page closes it; a settings dialog opened from it
 * keeps it open underneath, so that closing the dialog gives focus back to its button.
 */
export function AppMenu({ children, actions }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const { pathname } = useLocation();
  const [openedAt, setOpenedAt] = useState(pathname);
  if (open && pathname !== openedAt) {
    setOpen(false);
    setOpenedAt(pathname);
  }

  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (!rootRef.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      // Escape in a dialog opened from the menu closes that dialog only.
      if (e.target instanceof Element && e.target.closest('[role="dialog"], dialog')) return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener('pointerdown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  return (
    <div className="app-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="btn btn-ghost app-menu-button"
        data-testid="app-menu-button"
        aria-expanded={open}
        aria-controls={MENU_ID}
        onClick={() => {
          setOpenedAt(pathname);
          setOpen(!open);
        }}
      >
        <span aria-hidden="true">☰</span> {t('nav.menu')}
      </button>
      <div
        id={MENU_ID}
        className="app-menu-panel"
        data-testid="app-menu"
        hidden={!open}
        // A link followed inside the menu closes it even when it leads to the page already shown.
        onClick={(e) => {
          if ((e.target as HTMLElement).closest('a')) setOpen(false);
        }}
      >
        {children}
        <AgencySettingsButton />
        {actions && <div className="app-menu-actions">{actions}</div>}
      </div>
    </div>
  );
}
