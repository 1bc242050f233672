import { useSyncExternalStore } from 'react';

// Tasks moved in this tab, newest first. The board lists them at the top of their new column: in a
// column of thousands, sorted by deadline, a moved card would otherwise land out of sight.
const MAX = 50;
let moved: readonly string[] = [];
const listeners = new Set<() => void>();

export function markMoved(taskId: string): void {
  moved = [taskId, ...moved.filter((id) => id !== taskId)].slice(0, MAX);
  listeners.forEach((l) => l());
}

export function useRecentMoves(): readonly string[] {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => moved,
  );
}
