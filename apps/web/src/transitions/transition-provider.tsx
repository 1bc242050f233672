import type { TaskEventName, TaskSummaryDto } from '@dondoc/contracts';
import { useCallback, useState, type ReactNode } from 'react';
import { TransitionContext } from './transition-context';
import { TransitionDialog } from './transition-dialog';
import type { TransitionValues } from './transition-rules';
import { useTransitionMutation } from './use-transition-mutation';

interface Pending {
  task: TaskSummaryDto;
  event: TaskEventName;
}

/** Owns the one transition dialog of the board: drops and card menus both come through here. */
export function TransitionProvider({ children }: { children: ReactNode }) {
  const [pending, setPending] = useState<Pending | null>(null);
  const mutation = useTransitionMutation();
  const { mutate } = mutation;

  const request = useCallback((task: TaskSummaryDto, event: TaskEventName) => setPending({ task, event }), []);
  const close = useCallback(() => setPending(null), []);
  const confirm = useCallback(
    (values: TransitionValues) => {
      if (!pending) return;
      setPending(null);
      mutate({ task: pending.task, event: pending.event, ...values });
    },
    [pending, mutate],
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
