import type { TaskStateName, TaskSummaryDto } from '@dondoc/contracts';
import { STATE_LABELS, type Actor } from '@dondoc/workflow';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabel } from '../common/use-label';
import { useRequestTransition } from '../transitions/transition-context';
import { eventForMove, eventsFor, refusalOf } from '../transitions/transition-rules';
import { showToast } from '../transitions/toast-store';

/**
 * What a drop means: the event of that move when this user may send it (its dialog opens), otherwise
 * nothing moves and the toast says why, in the words of libs/workflow's refusals.
 */
export function useDropHandler(actor: Actor): (task: TaskSummaryDto, to: TaskStateName) => void {
  const { t, i18n } = useTranslation();
  const label = useLabel();
  const request = useRequestTransition();
  return useCallback(
    (task, to) => {
      const vars = { code: task.code, from: label(STATE_LABELS[task.state]), to: label(STATE_LABELS[to]) };
      if (task.state === to) return;
      const event = eventForMove(task.state, to);
      if (!event) {
        const hint = to === 'assigned' && task.state === 'in_progress' ? ` ${t('board.toast.reassignViaMenu')}` : '';
        showToast('error', t('board.toast.notPossible', vars) + hint);
        return;
      }
      if (!eventsFor(task, actor).includes(event)) {
        const refusal = refusalOf(task, actor, event);
        const why = refusal ? (i18n.language === 'en' ? refusal.en : refusal.vi) : '';
        showToast('error', `${t('board.toast.notPossible', vars)} ${why}`.trim());
        return;
      }
      request(task, event);
    },
    [actor, label, request, t, i18n.language],
  );
}
