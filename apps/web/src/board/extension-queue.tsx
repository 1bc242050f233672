import type { AgencyDto, ExtensionQueueItemDto } from '@dondoc/contracts';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../common/format';
import { requestWaitingDays } from './extension-queue-model';

interface Props {
  items: readonly ExtensionQueueItemDto[] | undefined;
  total: number | undefined;
  failed: boolean;
  agencies: ReadonlyMap<string, AgencyDto>;
  today: string;
  onOpen: (taskId: string) => void;
}

/**
 * The decision form sits in the drawer's extensions section, below the facts and the description: once
 * the drawer shows this task, bring that section into view. The drawer loads the task first, so wait for it
 * (a few seconds at most; after that the person scrolls).
 */
function revealExtensions(taskId: string): void {
  const selector = `[data-testid="task-drawer"][data-task-id="${taskId}"] [data-testid="drawer-extensions-section"]`;
  const giveUpAt = Date.now() + 5_000;
  const look = () => {
    const section = document.querySelector(selector);
    if (section) section.scrollIntoView({ block: 'start' });
    else if (Date.now() < giveUpAt) requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
}

/** "Đề nghị gia hạn": open extension requests, oldest first; choosing one opens its task where the decision is made. */
export function ExtensionQueue({ items, total, failed, agencies, today, onOpen }: Props) {
  const { t } = useTranslation();
  const open = (taskId: string) => {
    onOpen(taskId);
    revealExtensions(taskId);
  };
  return (
    <section className="work-queue" data-testid="extension-queue" aria-labelledby="extension-queue-title">
      <header className="review-header">
        <h2 id="extension-queue-title" data-testid="extension-queue-title">
          {t('board.extensionQueue.title', { count: total ?? 0 })}
        </h2>
        <p className="hint">{t('board.extensionQueue.hint')}</p>
      </header>
      {items === undefined ? (
        <p className={failed ? 'work-queue-empty is-error' : 'work-queue-empty'} role={failed ? 'alert' : 'status'}>
          {failed ? t('board.extensionQueue.error') : t('board.extensionQueue.loading')}
        </p>
      ) : items.length === 0 ? (
        <p className="work-queue-empty" data-testid="extension-queue-empty">
          {t('board.extensionQueue.empty')}
        </p>
      ) : (
        <ul className="work-queue-scroll extension-queue-list">
          {items.map((item) => {
            const days = requestWaitingDays(item.requestedAt, today);
            const agency = item.task.leadAgencyId ? agencies.get(item.task.leadAgencyId)?.name : undefined;
            return (
              // The whole item opens the task for a pointer; its button is the one stop for the keyboard,
              // named by the task alone so that the details stay a description, not a long name.
              <li
                key={item.id}
                className="extension-queue-item"
                data-testid="extension-queue-item"
                data-task-id={item.task.id}
                data-request-id={item.id}
                onClick={() => open(item.task.id)}
              >
                <span className="xq-top">
                  <span className="task-code">{item.task.code}</span>
                  <span className={`waiting${days >= 10 ? ' is-long' : ''}`} data-testid="extension-waiting">
                    {days === 0
                      ? t('board.extensionQueue.waitingToday')
                      : t('board.extensionQueue.waiting', { count: days })}
                  </span>
                </span>
                <button
                  type="button"
                  className="xq-open"
                  data-testid="extension-queue-open"
                  aria-describedby={`xq-${item.id}`}
                  onClick={(e) => {
                    e.stopPropagation();
                    open(item.task.id);
                  }}
                >
                  <span className="sr-only">{item.task.code}: </span>
                  {item.task.title}
                </button>
                <span id={`xq-${item.id}`} className="xq-body">
                  {agency && <span className="xq-agency">{agency}</span>}
                  <span className="xq-dates" data-testid="extension-dates">
                    {t('board.extensionQueue.dates', {
                      from: formatDate(item.task.dueDate ?? item.currentDueDate),
                      to: formatDate(item.requestedDueDate),
                    })}
                  </span>
                  <span className="xq-reason">
                    <span className="sr-only">{t('board.extensionQueue.reason')}: </span>
                    {item.reason}
                  </span>
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
