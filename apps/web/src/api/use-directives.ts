import type { DirectiveDto } from '@dondoc/contracts';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api } from './api-client';
import { queryKeys } from './query-keys';

export function useDirectives() {
  const query = useQuery({
    queryKey: queryKeys.directives,
    queryFn: ({ signal }) => api<DirectiveDto[]>('/directives', { signal }),
    staleTime: 60_000,
  });
  const byId = useMemo(() => new Map((query.data ?? []).map((d) => [d.id, d])), [query.data]);
  return { ...query, directives: query.data ?? [], byId };
}
