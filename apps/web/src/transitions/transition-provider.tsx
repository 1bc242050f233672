import type { TaskEventName, TaskSummaryDto } from '@dondoc/contracts';
import { useCallback, useState, type ReactNode } from 'react';
import { TransitionContext } from './transition-context';
import { TransitionDialog } from './transition-dialog';
import { isStale } from './transition-errors';
import type { TransitionValues } from './transition-rules';
import { useTransitionMutation } from './use-transition-mutation';

interface Pending {
  task: TaskSummaryDto;
  event: TaskEventName;
}

/** Owns the one transition dialog of the board: drops and card menus both come through here. */
export function TransitionProvider({ children }: { children: ReactNode }) {
  const [pending, setPending] = useState<Pending | null>(null);
  const { mutateAsync } = useTransitionMutation();

  const request = useCallback((task: TaskSummaryDto, event: TaskEventName) => setPending({ task, event }), []);
  const close = useCallback(() => setPending(null), []);
  // The dialog stays until the server has answered: a refusal of the input shows in it, with what was
  // typed still there; a stale copy of the task closes it (the toast says so and the task reloads).
  const confirm = useCallback(
    async (values: TransitionValues) => {
      if (!pending) return;
      try {
        await mutateAsync({ task: pending.task, event: pending.event, ...values, inline: true });
        setPending(null);
      } catch (err) {
        if (!isStale(err)) throw err;
        setPending(null);
      }
    },
    [pending, mutateAsync],
  );

  return (
    <TransitionContext.Provider value={request}>
      {children}
      {pending && (
        <TransitionDialog
          key={`${pending.task.id}:${pending.event}`}
          task={pending.task}
          event={pending.event}
          onCancel={close}
          onConfirm={confirm}
        />
      )}
    </TransitionContext.Provider>
  );
}
