import { sortByVietnamese, type AgencyDto } from '@dondoc/contracts';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api } from './api-client';
import { queryKeys } from './query-keys';

/**
 * Every picker lists agencies in Vietnamese order, whatever order a server (or an older cached answer)
 * gives them in. A module-level function, so React Query sorts once per answer, not on every render.
 */
const inVietnameseOrder = (agencies: AgencyDto[]): AgencyDto[] => sortByVietnamese(agencies, (a) => a.name);

/** The agency registry (rarely changes), with a lookup by id. */
export function useAgencies() {
  const query = useQuery({
    queryKey: queryKeys.agencies,
    queryFn: ({ signal }) => api<AgencyDto[]>('/agencies', { signal }),
    select: inVietnameseOrder,
    staleTime: 5 * 60_000,
  });
  const byId = useMemo(() => new Map((query.data ?? []).map((a) => [a.id, a])), [query.data]);
  return { ...query, agencies: query.data ?? [], byId };
}
