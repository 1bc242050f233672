import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { typedApi, unwrap } from '../api/api-client';
import { listQuery, rangeInvalid, type AccessLogFilters } from './access-log-model';

/** One page of the record of access under the filters; the previous page stays shown while the next loads. */
export function useAccessLog(filters: AccessLogFilters) {
  const query = listQuery(filters);
  return useQuery({
    queryKey: ['access-log', query],
    queryFn: ({ signal }) => unwrap(typedApi.GET('/api/access-log', { params: { query }, signal })),
    placeholderData: keepPreviousData,
    enabled: !rangeInvalid(filters),
  });
}
