import type { TaskSummaryDto } from '@dondoc/contracts';
import { EVENT_LABELS, type Actor } from '@dondoc/workflow';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useLabel } from '../common/use-label';
import { useRequestTransition } from '../transitions/transition-context';
import { eventsFor } from '../transitions/transition-rules';

interface Props {
  task: TaskSummaryDto;
  actor: Actor;
}

const MENU_PX = 200;
const MARGIN_PX = 8;

/**
 * Where the menu goes: under the button, its right edge on the button's, but always inside the screen (on a
 * phone the button may sit near either edge, or near the bottom: then the menu opens upwards).
 */
function placeMenu(anchor: DOMRect, height: number): { top: number; left: number } {
  const width = Math.min(MENU_PX, window.innerWidth - 2 * MARGIN_PX);
  const left = Math.min(Math.max(MARGIN_PX, anchor.right - width), window.innerWidth - width - MARGIN_PX);
  const below = anchor.bottom + 4;
  const fitsBelow = below + height <= window.innerHeight - MARGIN_PX;
  const top = fitsBelow ? below : Math.max(MARGIN_PX, anchor.top - 4 - height);
  return { top, left };
}

/** Every move a drag can make, and REASSIGN, without a mouse: only the events this user may send. */
export function TaskActionsMenu({ task, actor }: Props) {
  const { t } = useTranslation();
  const label = useLabel();
  const request = useRequestTransition();
  const [anchor, setAnchor] = useState<DOMRect | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const open = anchor !== null;
  const events = open ? eventsFor(task, actor) : [];
  const [place, setPlace] = useState<{ top: number; left: number } | null>(null);

  // Placed once its height is known, before the browser paints it.
  useLayoutEffect(() => {
    setPlace(anchor ? placeMenu(anchor, menuRef.current?.offsetHeight ?? 0) : null);
  }, [anchor]);

  useEffect(() => {
    if (!anchor) return;
    menuRef.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const onDown = (e: PointerEvent) => {
      const target = e.target as Node;
      if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target)) setAnchor(null);
    };
    // The menu is fixed to the button's place: close it once a scroll has really moved the button.
    const onScroll = () => {
      const now = buttonRef.current?.getBoundingClientRect();
      if (!now || Math.abs(now.top - anchor.top) > 2 || Math.abs(now.left - anchor.left) > 2) setAnchor(null);
    };
    document.addEventListener('pointerdown', onDown);
    window.addEventListener('scroll', onScroll, true);
    return () => {
      document.removeEventListener('pointerdown', onDown);
      window.removeEventListener('scroll', onScroll, true);
    };
  }, [anchor]);

  const close = (refocus: boolean) => {
    setAnchor(null);
    if (refocus) buttonRef.current?.focus();
  };

  const onMenuKey = (e: React.KeyboardEvent) => {
    e.stopPropagation();
    const items = Array.from(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);
    const at = items.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'Escape' || e.key === 'Tab') close(e.key === 'Escape');
    else if (e.key === 'ArrowDown') items[(at + 1) % items.length]?.focus();
    else if (e.key === 'ArrowUp') items[(at - 1 + items.length) % items.length]?.focus();
    else return;
    if (e.key !== 'Tab') e.preventDefault();
  };

  // Nothing this user may do with the task (the inspector, a coordinating agency): no empty menu.
  if (!open && eventsFor(task, actor).length === 0) return null;

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className="task-actions-button"
        data-testid={`task-actions-${task.id}`}
        aria-label={t('board.card.actions', { code: task.code })}
        aria-haspopup="menu"
        aria-expanded={open}
        // Neither a drag nor the card's own click/Enter should start from the menu button.
        onPointerDown={(e) => e.stopPropagation()}
        onKeyDown={(e) => e.stopPropagation()}
        onClick={(e) => {
          e.stopPropagation();
          setAnchor(open ? null : e.currentTarget.getBoundingClientRect());
        }}
      >
        <span aria-hidden="true">⋯</span>
      </button>
      {anchor &&
        createPortal(
          <div
            ref={menuRef}
            className="task-actions-menu"
            role="menu"
            aria-label={t('board.card.actions', { code: task.code })}
            style={place ?? placeMenu(anchor, 0)}
            onKeyDown={onMenuKey}
            // React bubbles events out of a portal to the card: they must not open the task or start a drag.
            onClick={(e) => e.stopPropagation()}
            onPointerDown={(e) => e.stopPropagation()}
          >
            {events.length === 0 ? (
              <div className="menu-empty" role="menuitem" aria-disabled="true" tabIndex={-1}>
                {t('board.card.noActions')}
              </div>
            ) : (
              events.map((event) => (
                <button
                  key={event}
                  type="button"
                  role="menuitem"
                  data-testid={`action-${event}`}
                  onClick={() => {
                    // Focus back on the ⋯ button first: the dialog returns focus to it when it closes.
                    close(true);
                    request(task, event);
                  }}
                >
                  {label(EVENT_LABELS[event])}
                </button>
              ))
            )}
          </div>,
          document.body,
        )}
    </>
  );
}
