import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The dashboard's "as of" day and the open snapshot live in the URL, so a link shows a colleague the
 * same figures. An empty `asOf` means live figures.
 */
export function useDashboardParams() {
  const [params, setParams] = useSearchParams();
  const rawAsOf = params.get('asOf') ?? '';
  const asOf = ISO_DATE.test(rawAsOf) ? rawAsOf : '';
  const snapshotId = params.get('snapshot') ?? '';

  const set = useCallback(
    (name: 'asOf' | 'snapshot', value: string) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (value) next.set(name, value);
          else next.delete(name);
          return next;
        },
        { replace: name === 'asOf' },
      );
    },
    [setParams],
  );
  const setAsOf = useCallback((value: string) => set('asOf', value), [set]);
  const openSnapshot = useCallback((id: string) => set('snapshot', id), [set]);
  const closeSnapshot = useCallback(() => set('snapshot', ''), [set]);

  return { asOf, snapshotId, setAsOf, openSnapshot, closeSnapshot };
}
