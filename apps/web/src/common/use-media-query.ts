import { useSyncExternalStore } from 'react';

/** Phones and narrow windows: below this the header, filters and board change their layout (board.css agrees). */
export const NARROW_QUERY = '(max-width: 760px)';

/** Whether a CSS media query matches now, re-rendering when it starts or stops matching. */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (notify) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', notify);
      return () => list.removeEventListener('change', notify);
    },
    () => window.matchMedia(query).matches,
    () => false,
  );
}

/** True on a phone-sized screen (see NARROW_QUERY). */
export function useIsNarrow(): boolean {
  return useMediaQuery(NARROW_QUERY);
}
