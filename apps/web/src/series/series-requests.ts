import type { ApiClient } from '@dondoc/api-client';
import type { CarryForwardRequest, CreateTaskSeriesRequest, UpdateTaskSeriesRequest } from '@dondoc/contracts';

/** The recurring work of a directive, through the typed client (checked against the API's own document). */
export function getDirectiveSeries(client: ApiClient, directiveId: string, signal?: AbortSignal) {
  return client.GET('/api/directives/{id}/series', { params: { path: { id: directiveId } }, signal });
}

export function postDirectiveSeries(client: ApiClient, directiveId: string, body: CreateTaskSeriesRequest) {
  return client.POST('/api/directives/{id}/series', { params: { path: { id: directiveId } }, body });
}

/** "Dừng" / "Tiếp tục": stops or resumes a series. */
export function patchSeries(client: ApiClient, seriesId: string, body: UpdateTaskSeriesRequest) {
  return client.PATCH('/api/series/{id}', { params: { path: { id: seriesId } }, body });
}

/** Starts next month's program from a monthly program's unfinished items. */
export function postCarryForward(client: ApiClient, directiveId: string, body: CarryForwardRequest) {
  return client.POST('/api/directives/{id}/carry-forward', { params: { path: { id: directiveId } }, body });
}
