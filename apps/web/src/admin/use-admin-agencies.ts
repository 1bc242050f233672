import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { typedApi, unwrap } from '../api/api-client';
import { queryKeys } from '../api/query-keys';

/** Every agency, disabled ones too: an account may still belong to one that has since been disabled. */
export function useAdminAgencies() {
  const query = useQuery({
    queryKey: queryKeys.adminAgencies,
    queryFn: ({ signal }) => unwrap(typedApi.GET('/api/admin/agencies', { signal })),
    staleTime: 5 * 60_000,
  });
  const byId = useMemo(() => new Map((query.data ?? []).map((a) => [a.id, a])), [query.data]);
  return { ...query, agencies: query.data ?? [], byId };
}
