import type { NotificationDto } from '@dondoc/contracts';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../common/format';

/**
 * The server writes titles in Vietnamese ("<kind> — <code>: <title>"); in English the kind's part is
 * swapped for its English wording and the task's own code and title are kept.
 */
function useTitle(n: NotificationDto): string {
  const { t, i18n } = useTranslation();
  if (i18n.language !== 'en') return n.title;
  const key = `drawer.notifications.kinds.${n.kind}`;
  const cut = n.title.indexOf(' — ');
  if (!i18n.exists(key) || cut < 0) return n.title;
  return `${t(key)}${n.title.slice(cut)}`;
}

export function NotificationItem({ notification, onOpen }: { notification: NotificationDto; onOpen: () => void }) {
  const { t } = useTranslation();
  const title = useTitle(notification);
  const unread = notification.readAt === null;
  return (
    <li>
      <button
        type="button"
        className={`notification-item ${unread ? 'is-unread' : ''}`}
        data-testid="notification-item"
        data-unread={unread}
        onClick={onOpen}
      >
        <span className="notification-title">
          {unread && (
            <>
              <span className="notification-dot" aria-hidden="true" />
              <span className="sr-only">{t('drawer.notifications.unread')}: </span>
            </>
          )}
          {title}
        </span>
        {notification.body && <span className="notification-body">{notification.body}</span>}
        <time className="notification-time" dateTime={notification.createdAt}>
          {formatDateTime(notification.createdAt)}
        </time>
      </button>
    </li>
  );
}
