import type { ApiClient } from '@dondoc/api-client';
import type { SaveCalendarYearRequest } from '@dondoc/contracts';

/** GET /api/calendar?from&to: the settings and each year's schedule, computed and official. */
export function getCalendar(client: ApiClient, from: number, to: number, signal?: AbortSignal) {
  return client.GET('/api/calendar', { params: { query: { from, to } }, signal });
}

/** PUT /api/calendar/years/:year: the Office enters (or replaces) the year's official schedule. */
export function putCalendarYear(client: ApiClient, year: number, body: SaveCalendarYearRequest) {
  return client.PUT('/api/calendar/years/{year}', { params: { path: { year: String(year) } }, body });
}

/** DELETE /api/calendar/years/:year: withdraws the entry; the computed defaults apply again. */
export function deleteCalendarYear(client: ApiClient, year: number) {
  return client.DELETE('/api/calendar/years/{year}', { params: { path: { year: String(year) } } });
}
