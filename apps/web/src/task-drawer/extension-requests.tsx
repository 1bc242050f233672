import type { TaskDetailDto } from '@dondoc/contracts';
import type { Actor } from '@dondoc/workflow';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../common/format';
import { ExtensionDecisionForm } from './extension-decision-form';
import { ExtensionRequestForm } from './extension-request-form';
import { mayDecideExtension, mayRequestExtension } from './task-actions';

/** Requests for a later deadline, newest first, with the forms this person may use. */
export function ExtensionRequests({ task, actor }: { task: TaskDetailDto; actor: Actor }) {
  const { t } = useTranslation();
  const requests = task.extensionRequests;
  const hasOpen = requests.some((r) => r.status === 'open');
  const mayAsk = mayRequestExtension(task, actor);
  const mayDecide = mayDecideExtension(actor);

  return (
    <>
      <ul className="drawer-cards" data-testid="drawer-extensions">
        {requests.length === 0 && <li className="drawer-empty">{t('drawer.extensions.empty')}</li>}
        {requests.map((r) => (
          <li key={r.id} className="drawer-card" data-testid="extension-request" data-status={r.status}>
            <div className="drawer-card-head">
              <strong>
                {t('drawer.extensions.requested', {
                  date: formatDate(r.requestedDueDate),
                  current: formatDate(r.currentDueDate),
                })}
              </strong>
              <span className={`drawer-decision extension-${r.status}`}>
                {t(`drawer.extensions.status.${r.status}`)}
              </span>
            </div>
            <div className="drawer-muted">
              {t('drawer.extensions.requestedBy', {
                name: r.requestedByName ?? '',
                at: formatDateTime(r.createdAt),
              })}
            </div>
            <p className="drawer-quote">
              <span className="drawer-quote-label">{t('drawer.extensions.reason')}: </span>
              {r.reason}
            </p>
            {r.status !== 'open' && (
              <>
                <div className="drawer-muted">
                  {t('drawer.extensions.decidedBy', {
                    name: r.decidedByName ?? '',
                    at: formatDateTime(r.decidedAt),
                  })}
                </div>
                {r.decisionComment && (
                  <p className="drawer-quote">
                    <span className="drawer-quote-label">{t('drawer.extensions.decisionComment')}: </span>
                    {r.decisionComment}
                  </p>
                )}
              </>
            )}
            {r.status === 'granted' && r.grantedDueDate && r.grantedDueDate !== r.requestedDueDate && (
              <div className="drawer-level" data-testid="extension-granted-other">
                {t('drawer.extensions.grantedOther', { date: formatDate(r.grantedDueDate) })}
              </div>
            )}
            {r.status === 'open' && mayDecide && (
              <ExtensionDecisionForm
                taskId={task.id}
                requestId={r.id}
                requestedDueDate={r.requestedDueDate}
                currentDueDate={task.dueDate ?? r.currentDueDate}
              />
            )}
          </li>
        ))}
      </ul>
      {mayAsk && hasOpen && <p className="drawer-hint">{t('drawer.extensions.openExists')}</p>}
      {mayAsk && !hasOpen && task.dueDate && <ExtensionRequestForm taskId={task.id} currentDueDate={task.dueDate} />}
    </>
  );
}
