import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Which committee's figures: its id (none: the reader's own with everything below it) and whether with its subtree. */
export interface OrganisationScope {
  organisationId?: string;
  subtree?: 'true' | 'false';
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The dashboard's "as of" day, the committee and the open snapshot live in the URL, so a link shows a colleague
 * the same figures. An empty `asOf` means live figures.
 */
export function useDashboardParams() {
  const [params, setParams] = useSearchParams();
  const rawAsOf = params.get('asOf') ?? '';
  const asOf = ISO_DATE.test(rawAsOf) ? rawAsOf : '';
  const snapshotId = params.get('snapshot') ?? '';
  const rawOrg = params.get('org') ?? '';
  const organisationId = UUID.test(rawOrg) ? rawOrg : '';
  const alone = params.get('alone') === '1';
  const scope: OrganisationScope = organisationId ? { organisationId, subtree: alone ? 'false' : 'true' } : {};

  const set = useCallback(
    (name: 'asOf' | 'snapshot' | 'org' | 'alone', value: string) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (value) next.set(name, value);
          else next.delete(name);
          return next;
        },
        { replace: name !== 'snapshot' },
      );
    },
    [setParams],
  );
  const setAsOf = useCallback((value: string) => set('asOf', value), [set]);
  const openSnapshot = useCallback((id: string) => set('snapshot', id), [set]);
  const closeSnapshot = useCallback(() => set('snapshot', ''), [set]);
  const setOrganisation = useCallback((id: string) => set('org', id), [set]);
  const setAlone = useCallback((value: boolean) => set('alone', value ? '1' : ''), [set]);

  return { asOf, snapshotId, scope, alone, setAsOf, openSnapshot, closeSnapshot, setOrganisation, setAlone };
}
