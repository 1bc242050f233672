import { isNotificationKind, notificationTitleEn, type NotificationDto } from '@dondoc/contracts';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../common/format';

/**
 * The server writes titles in Vietnamese ("<kind> — <code>: <title>"); in English the kind's part is
 * swapped for its English wording (the same table in libs/contracts) and the task's code and title kept.
 */
function useTitle(n: NotificationDto): string {
  const { i18n } = useTranslation();
  if (i18n.language !== 'en') return n.title;
  const cut = n.title.indexOf(' — ');
  if (!isNotificationKind(n.kind) || cut < 0) return n.title;
  return `${notificationTitleEn(n.kind)}${n.title.slice(cut)}`;
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
