import { useSyncExternalStore } from 'react';

/** Phones and narrow windows: below this the header, filters and board change their layout (board.css agrees). */
export const NARROW_QUERY = '(max-width: 760px)';

/** Small laptops: the header moves its occasional entries into the ☰ menu (styles.css and board.css agree). */
export const COMPACT_QUERY = '(max-width: 1280px)';

/** Below this the header keeps only the brand and the bell (its pages and the person no longer fit beside them). */
export const HEADER_NARROW_QUERY = '(max-width: 900px)';

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

/** Which of the header's layouts this screen gets (see app-header-model). */
export function useHeaderWidth(): 'wide' | 'compact' | 'narrow' {
  const narrow = useMediaQuery(HEADER_NARROW_QUERY);
  const compact = useMediaQuery(COMPACT_QUERY);
  return narrow ? 'narrow' : compact ? 'compact' : 'wide';
}
