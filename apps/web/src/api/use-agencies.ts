import type { AgencyDto } from '@dondoc/contracts';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api } from './api-client';
import { queryKeys } from './query-keys';

/** The agency registry (rarely changes), with a lookup by id. */
export function useAgencies() {
  const query = useQuery({
    queryKey: queryKeys.agencies,
    queryFn: ({ signal }) => api<AgencyDto[]>('/agencies', { signal }),
    staleTime: 5 * 60_000,
  });
  const byId = useMemo(() => new Map((query.data ?? []).map((a) => [a.id, a])), [query.data]);
  return { ...query, agencies: query.data ?? [], byId };
}
