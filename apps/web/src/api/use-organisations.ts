import type { OrganisationDto } from '@dondoc/contracts';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api } from './api-client';
import { queryKeys } from './query-keys';

/**
 * The caller's committee and those below it, parents first (the API's order), each with its depth under the
 * caller's: a picker indents by it. One committee alone means there is no tree to choose in.
 */
export function useOrganisations() {
  const query = useQuery({
    queryKey: queryKeys.organisations,
    queryFn: ({ signal }) => api<OrganisationDto[]>('/organisations', { signal }),
    staleTime: 5 * 60_000,
  });
  const organisations = useMemo(() => {
    const list = query.data ?? [];
    const top = list[0]?.path.length ?? 1;
    return list.map((o) => ({ ...o, depth: o.path.length - top }));
  }, [query.data]);
  const byId = useMemo(() => new Map(organisations.map((o) => [o.id, o])), [organisations]);
  return { ...query, organisations, byId, hasTree: organisations.length > 1 };
}
