import type { CarryForwardRequest, CreateTaskSeriesRequest } from '@dondoc/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { typedApi, unwrap } from '../api/api-client';
import { queryKeys } from '../api/query-keys';
import { getDirectiveSeries, patchSeries, postCarryForward, postDirectiveSeries } from './series-requests';

const seriesKey = (directiveId: string) => ['series', 'directive', directiveId] as const;

export function useDirectiveSeries(directiveId: string | null) {
  return useQuery({
    queryKey: seriesKey(directiveId ?? ''),
    queryFn: ({ signal }) => unwrap(getDirectiveSeries(typedApi, directiveId ?? '', signal)),
    enabled: !!directiveId,
  });
}

export function useCreateSeries(directiveId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTaskSeriesRequest) => unwrap(postDirectiveSeries(typedApi, directiveId, body)),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: seriesKey(directiveId) });
      // The open period's instance is made at once: the board has a new task.
      void qc.invalidateQueries({ queryKey: queryKeys.tasks });
    },
  });
}

export function useToggleSeries(directiveId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) => unwrap(patchSeries(typedApi, id, { active })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: seriesKey(directiveId) }),
  });
}

export function useCarryForward(directiveId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CarryForwardRequest) => unwrap(postCarryForward(typedApi, directiveId, body)),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: queryKeys.directives });
      void qc.invalidateQueries({ queryKey: queryKeys.tasks });
    },
  });
}
