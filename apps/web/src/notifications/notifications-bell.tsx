import type { NotificationDto } from '@dondoc/contracts';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { NotificationItem } from './notification-item';
import { useMarkNotificationRead } from './use-mark-notification-read';
import { useNotifications } from './use-notifications';
import './notifications.css';

/** The bell in the header: unread count, and a panel of the newest notifications that open their task. */
export function NotificationsBell() {
  const { t } = useTranslation();
  const panelId = useId();
  const headingId = useId();
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const bellRef = useRef<HTMLButtonElement>(null);
  const query = useNotifications();
  const markRead = useMarkNotificationRead();
  const navigate = useNavigate();
  const location = useLocation();
  const unread = query.data?.unread ?? 0;

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (e: PointerEvent) => {
      if (!rootRef.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      bellRef.current?.focus();
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open]);

  const openNotification = (n: NotificationDto) => {
    if (n.readAt === null) markRead.mutate(n.id);
    setOpen(false);
    // The item is about to vanish with the panel: the drawer should hand focus back to the bell.
    bellRef.current?.focus();
    if (!n.taskId) return;
    // On the board, keep its filters and only name the task; from elsewhere, go to the board.
    const params = new URLSearchParams(location.pathname === '/' ? location.search : '');
    params.set('task', n.taskId);
    void navigate({ pathname: '/', search: `?${params.toString()}` });
  };

  const items = query.data?.items ?? [];
  const total = query.data?.total ?? 0;

  return (
    <div className="notifications" ref={rootRef}>
      <button
        ref={bellRef}
        type="button"
        className="btn btn-ghost notifications-bell"
        data-testid="notifications-bell"
        // The name holds the count as the badge shows it (99+), so speech input can say what it sees.
        aria-label={t('drawer.notifications.bellLabel', { count: unread > 99 ? '99+' : unread })}
        title={t('drawer.notifications.bell')}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((v) => !v)}
      >
        <svg aria-hidden="true" width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor">
          <path
            strokeWidth="2"
            strokeLinecap="round"
            strokeLinejoin="round"
            d="M18 8a6 6 0 1 0-12 0c0 7-3 9-3 9h18s-3-2-3-9M13.7 21a2 2 0 0 1-3.4 0"
          />
        </svg>
        {unread > 0 && (
          <span className="notifications-badge" data-testid="notifications-unread" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
      {open && (
        <section
          id={panelId}
          className="notifications-panel"
          aria-labelledby={headingId}
          data-testid="notifications-panel"
        >
          <header className="notifications-head">
            <h2 id={headingId}>{t('drawer.notifications.heading')}</h2>
            {unread > 0 && (
              <span className="notifications-count">{t('drawer.notifications.unreadCount', { count: unread })}</span>
            )}
          </header>
          {query.isPending && (
            <p className="notifications-state" role="status">
              {t('drawer.notifications.loading')}
            </p>
          )}
          {query.isError && (
            <div className="notifications-state" role="alert">
              <p>{t('drawer.notifications.loadError')}</p>
              <button type="button" className="btn" onClick={() => void query.refetch()}>
                {t('drawer.retry')}
              </button>
            </div>
          )}
          {query.isSuccess && items.length === 0 && (
            <p className="notifications-state" data-testid="notifications-empty">
              {t('drawer.notifications.empty')}
            </p>
          )}
          {items.length > 0 && (
            <ul className="notifications-list" data-testid="notifications-list">
              {items.map((n) => (
                <NotificationItem key={n.id} notification={n} onOpen={() => openNotification(n)} />
              ))}
            </ul>
          )}
          {total > items.length && (
            <p className="notifications-more">{t('drawer.notifications.more', { shown: items.length, total })}</p>
          )}
        </section>
      )}
    </div>
  );
}
