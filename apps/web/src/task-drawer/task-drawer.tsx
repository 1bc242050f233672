import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { useActor } from '../auth/use-actor';
import { TaskDrawerPanel } from './task-drawer-panel';

/** The task named by `?task=<id>` in a side drawer; the URL is the state, so a link or reload reopens it. */
export function TaskDrawer() {
  const [params, setParams] = useSearchParams();
  const actor = useActor();
  const taskId = params.get('task');
  // Only `task` goes: the board's filters live in the same query string.
  const close = useCallback(
    () =>
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        next.delete('task');
        return next;
      }),
    [setParams],
  );
  if (!taskId || !actor) return null;
  // A new task remounts the panel, so its forms never carry text over from another task.
  return <TaskDrawerPanel key={taskId} taskId={taskId} actor={actor} onClose={close} />;
}
