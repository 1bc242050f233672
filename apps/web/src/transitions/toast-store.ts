import { useSyncExternalStore } from 'react';

export type ToastKind = 'error' | 'info' | 'success';

export interface Toast {
  id: number;
  kind: ToastKind;
  text: string;
}

// One message at a time: a newer one replaces the last, so the region never piles up stale news.
let current: Toast | null = null;
let seq = 0;
let timer: ReturnType<typeof setTimeout> | undefined;
const listeners = new Set<() => void>();

function emit(): void {
  listeners.forEach((l) => l());
}

export function dismissToast(): void {
  clearTimeout(timer);
  current = null;
  emit();
}

/** Shows a message in the board's alert region; errors stay longer because they ask for action. */
export function showToast(kind: ToastKind, text: string): void {
  clearTimeout(timer);
  current = { id: ++seq, kind, text };
  timer = setTimeout(dismissToast, kind === 'error' ? 12_000 : 5_000);
  emit();
}

export function useToast(): Toast | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => current,
  );
}
