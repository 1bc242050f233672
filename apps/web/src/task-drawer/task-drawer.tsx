import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { useSession } from '../auth/use-session';
import { TaskDrawerPanel } from './task-drawer-panel';

/** The task named by `?task=<id>` in a side drawer; the URL is the state, so a link or reload reopens it. */
export function TaskDrawer() {
  const [params, setParams] = useSearchParams();
  const session = useSession();
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
  if (!taskId || !session) return null;
  const { user } = session;
  // A new task remounts the panel, so its forms never carry text over from another task.
  return (
    <TaskDrawerPanel
      key={taskId}
      taskId={taskId}
      actor={{ userId: user.id, role: user.role, agencyId: user.agencyId }}
      onClose={close}
    />
  );
}
