import type { TaskDetailDto } from '@dondoc/contracts';
import { EVENT_LABELS, type Actor } from '@dondoc/workflow';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabel } from '../common/use-label';
import { useRequestTransition } from '../transitions/transition-context';
import { extensionShortcutFor, taskActionsFor, type ActionTone } from './task-actions';
import './task-actions.css';

const TONE_CLASS: Record<ActionTone, string> = {
  primary: 'btn btn-primary',
  danger: 'btn task-action-danger',
  default: 'btn',
};

// The forms already live further down the panel; the bar only takes the person there.
function goTo(e: MouseEvent<HTMLElement>, testId: string): void {
  const target = e.currentTarget.closest('.drawer')?.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
  if (!target) return;
  target.scrollIntoView({ behavior: 'smooth', block: 'center' });
  const field = target.querySelector<HTMLElement>('input:not([disabled]), textarea:not([disabled]), button');
  (field ?? target).focus({ preventScroll: true });
}

/** Every step this person may take on the task, at the top of the panel; none, no bar. */
export function TaskActionsBar({ task, actor }: { task: TaskDetailDto; actor: Actor }) {
  const { t } = useTranslation();
  const label = useLabel();
  const requestTransition = useRequestTransition();
  const actions = taskActionsFor(task, actor);
  const extension = extensionShortcutFor(task, actor);
  if (actions.length === 0 && extension === null) return null;

  return (
    <div
      className="task-actions-bar"
      role="toolbar"
      aria-label={t('drawer.actions.label')}
      data-testid="task-actions-bar"
    >
      {actions.map(({ event, tone }) => (
        <button
          key={event}
          type="button"
          className={TONE_CLASS[tone]}
          data-testid={`task-action-${event}`}
          data-tone={tone}
          // The panel's copy is the freshest one (its version too), and the dialog reads its submissions.
          onClick={() => requestTransition(task, event)}
        >
          {label(EVENT_LABELS[event])}
        </button>
      ))}
      {extension === 'request' && (
        <button
          type="button"
          className="btn"
          data-testid="task-action-request-extension"
          onClick={(e) => goTo(e, 'extension-request-form')}
        >
          {t('drawer.actions.requestExtension')}
        </button>
      )}
      {extension === 'decide' && (
        <button
          type="button"
          className="btn"
          data-testid="task-action-view-extension"
          onClick={(e) => goTo(e, 'extension-decision-form')}
        >
          {t('drawer.actions.viewExtension')}
        </button>
      )}
    </div>
  );
}
