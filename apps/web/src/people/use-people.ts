import type { AgencySettingsRequest, PersonDto } from '@dondoc/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { typedApi, unwrap } from '../api/api-client';

type PeopleFilter = { agencyId?: string; role?: 'office' | 'standing_committee' | 'agency' };

export const peopleKeys = {
  list: (f: PeopleFilter) => ['people', f.agencyId ?? '', f.role ?? ''] as const,
  settings: (agencyId: string) => ['agency-settings', agencyId] as const,
};

const NO_PEOPLE: PersonDto[] = [];

/**
 * The people the caller may name (the API scopes it: an agency's users see their own agency only). Accounts
 * change rarely, so one answer serves every panel and card for a few minutes.
 */
export function usePeople(filter: PeopleFilter = {}, enabled = true) {
  const query = useQuery({
    queryKey: peopleKeys.list(filter),
    queryFn: ({ signal }) =>
      unwrap(
        typedApi.GET('/api/people', {
          params: { query: { agencyId: filter.agencyId, role: filter.role } },
          signal,
        }),
      ),
    staleTime: 5 * 60_000,
    enabled,
  });
  const people = query.data?.items ?? NO_PEOPLE;
  const byId = useMemo(() => new Map(people.map((p) => [p.id, p])), [people]);
  return { ...query, people, byId };
}

/** An agency's working settings (its own for an agency's users). */
export function useAgencySettings(agencyId: string | null, enabled = true) {
  return useQuery({
    queryKey: peopleKeys.settings(agencyId ?? ''),
    queryFn: ({ signal }) =>
      unwrap(typedApi.GET('/api/agencies/{id}/settings', { params: { path: { id: agencyId ?? '' } }, signal })),
    enabled: enabled && Boolean(agencyId),
    staleTime: 60_000,
  });
}

export function useUpdateAgencySettings(agencyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AgencySettingsRequest) =>
      unwrap(typedApi.PATCH('/api/agencies/{id}/settings', { params: { path: { id: agencyId } }, body })),
    onSuccess: (data) => queryClient.setQueryData(peopleKeys.settings(agencyId), data),
  });
}
