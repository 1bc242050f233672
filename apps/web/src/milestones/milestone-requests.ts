import type { ApiClient } from '@dondoc/api-client';
import type { MilestoneDoneRequest } from '@dondoc/contracts';

/**
 * "Đã đạt": marks a milestone reached through the typed client (path, body {note?} and answer checked against
 * the API's own document); the answer is the task's milestones as they now are.
 */
export function postMilestoneDone(client: ApiClient, milestoneId: string, body: MilestoneDoneRequest = {}) {
  return client.POST('/api/milestones/{id}/done', { params: { path: { id: milestoneId } }, body });
}
