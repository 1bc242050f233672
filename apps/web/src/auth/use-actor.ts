import type { Actor } from '@dondoc/workflow';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { typedApi, unwrap } from '../api/api-client';
import { useAgencySettings } from '../people/use-people';
import { actorOf, needsAgencySettings } from './actor';
import { useSession } from './use-session';

/**
 * The signed-in person as the workflow rules need them, for every place that offers an action (board, panel).
 * A session saved before positions existed lacks one: /api/auth/me says it. An officer's agency settings say
 * whether they work on every task; until they arrive the officer is offered only their own tasks.
 */
export function useActor(): Actor | null {
  const user = useSession()?.user;
  const unknownPosition = !!user && user.position === undefined;
  const me = useQuery({
    queryKey: ['auth', 'me', user?.id ?? ''],
    queryFn: ({ signal }) => unwrap(typedApi.GET('/api/auth/me', { signal })),
    enabled: unknownPosition,
    staleTime: Infinity,
  });
  const position = unknownPosition ? (me.data?.id === user.id ? me.data.position : undefined) : user?.position;
  const id = user?.id;
  const role = user?.role;
  const agencyId = user?.agencyId ?? null;
  const enabled = !!role && needsAgencySettings({ role, agencyId, position });
  const officersActOnAll = useAgencySettings(agencyId, enabled).data?.officersActOnAll;
  return useMemo(
    () => (id && role ? actorOf({ id, role, agencyId, position }, officersActOnAll) : null),
    [id, role, agencyId, position, officersActOnAll],
  );
}
