import { useSyncExternalStore } from 'react';

/** Whether the event stream is up; when it is not, lists fall back to polling. */
let live = false;
const listeners = new Set<() => void>();

export function setLive(value: boolean): void {
  if (live === value) return;
  live = value;
  listeners.forEach((l) => l());
}

export function useLiveStatus(): boolean {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => live,
  );
}

/** refetchInterval for lists: none while events arrive, 15 s otherwise. */
export const POLL_MS = 15_000;
export function usePollInterval(): number | false {
  return useLiveStatus() ? false : POLL_MS;
}
