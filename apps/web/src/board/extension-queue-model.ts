import type { ExtensionQueueItemDto } from '@dondoc/contracts';

const DAY_MS = 86_400_000;

/** Whole days since the request, counted to the end of the province's day like the review queue's waiting line. */
export function requestWaitingDays(requestedAt: string, today: string): number {
  const since = Date.parse(requestedAt);
  const now = new Date(`${today}T23:59:59+07:00`).getTime();
  return Number.isNaN(since) ? 0 : Math.max(0, Math.floor((now - since) / DAY_MS));
}

/** The board's agency filter means the lead agency, for requests as for tasks. */
export function narrowExtensionQueue(
  items: readonly ExtensionQueueItemDto[],
  agencyId: string,
): readonly ExtensionQueueItemDto[] {
  return agencyId ? items.filter((item) => item.task.leadAgencyId === agencyId) : items;
}
