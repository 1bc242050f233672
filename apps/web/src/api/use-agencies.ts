import type { AgencyDto } from '@dondoc/contracts';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api } from './api-client';
import { queryKeys } from './query-keys';
import { useSession } from '../auth/use-session';

/**
 * The agency registry (rarely changes), with a lookup by id. Listed in the official order the API answers
 * with (the administrator's places, then Vietnamese order of the names: `compareAgencyOrder` in
 * @dondoc/contracts), so every picker agrees with the workbooks and documents; not re-sorted here.
 */
export function useAgencies() {
  const query = useQuery({
    queryKey: queryKeys.agencies,
    queryFn: ({ signal }) => api<AgencyDto[]>('/agencies', { signal }),
    staleTime: 5 * 60_000,
  });
  const organisationId = useSession()?.user.organisationId;
  // The API answers the committee's whole line (for names); the pickers offer only the committee's own agencies.
  const agencies = useMemo(
    () => (query.data ?? []).filter((a) => !organisationId || !a.organisationId || a.organisationId === organisationId),
    [query.data, organisationId],
  );
  const byId = useMemo(() => new Map((query.data ?? []).map((a) => [a.id, a])), [query.data]);
  return { ...query, agencies, byId };
}
