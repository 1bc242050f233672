import { useTranslation } from 'react-i18next';
import { ClassificationBadge } from '../classification/classification-badge';
import { formatDateTime } from '../common/format';
import type { AccessLogRow } from './access-log-model';

interface Props {
  rows: readonly AccessLogRow[];
  onTask: (taskId: string) => void;
  onUser: (userId: string) => void;
}

/** One line per read: when, who, what they did to which item, and the request that did it. */
export function AccessLogTable({ rows, onTask, onUser }: Props) {
  const { t } = useTranslation();
  return (
    <div className="access-log-table-wrap">
      <table className="access-log-table" data-testid="access-log-table">
        <caption className="sr-only">{t('accessLog.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('accessLog.columns.at')}</th>
            <th scope="col">{t('accessLog.columns.user')}</th>
            <th scope="col">{t('accessLog.columns.action')}</th>
            <th scope="col">{t('accessLog.columns.item')}</th>
            <th scope="col">{t('accessLog.columns.level')}</th>
            <th scope="col">{t('accessLog.columns.request')}</th>
            <th scope="col">{t('accessLog.columns.requestId')}</th>
            <th scope="col">{t('accessLog.columns.address')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-testid="access-log-row" data-task-id={r.taskId ?? undefined}>
              <td className="num">{formatDateTime(r.at)}</td>
              <td>
                {r.user.id && r.user.fullName ? (
                  <button
                    type="button"
                    className="link-button"
                    title={t('accessLog.filterByUser', { name: r.user.fullName })}
                    onClick={() => r.user.id && onUser(r.user.id)}
                  >
                    {r.user.fullName}
                  </button>
                ) : (
                  <span className="muted">{r.user.fullName ?? t('accessLog.unknownUser')}</span>
                )}
                {r.user.role && <span className="muted"> ({t(`roles.${r.user.role}`)})</span>}
              </td>
              <td>{t(`accessLog.actions.${r.action}`)}</td>
              <td>
                {t(`accessLog.kinds.${r.itemKind}`)}{' '}
                {r.taskId && r.taskCode ? (
                  <button
                    type="button"
                    className="link-button"
                    title={t('accessLog.filterByTask', { code: r.taskCode })}
                    onClick={() => r.taskId && onTask(r.taskId)}
                  >
                    {r.taskCode}
                  </button>
                ) : (
                  (r.taskCode ?? '')
                )}
              </td>
              <td>
                <ClassificationBadge level={r.classification} />
              </td>
              <td className="access-log-request">{[r.method, r.path].filter(Boolean).join(' ')}</td>
              <td className="access-log-mono">{r.requestId ?? ''}</td>
              <td className="access-log-mono access-log-address">{r.address ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
