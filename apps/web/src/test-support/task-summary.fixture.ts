import type { TaskSummaryDto } from '@dondoc/contracts';

/** A task as the board lists it, in progress and due 30/06/2021, for the web's unit specs. */
export function taskSummary(overrides: Partial<TaskSummaryDto> = {}): TaskSummaryDto {
  return {
    id: 't-1',
    code: '07-CTr/TU-01',
    directiveId: 'd-1',
    title: 'Xây dựng kế hoạch tuyên truyền',
    deliverableType: 'plan',
    field: 'party_building',
    state: 'in_progress',
    version: 3,
    revision: 0,
    deadlineVersion: 1,
    leadAgencyId: 'a-btg',
    coordinatingAgencyIds: [],
    dueDate: '2021-06-30',
    deadlineText: null,
    deadlineStatus: 'not_due',
    daysOverdue: null,
    escalationLevel: 0,
    completedAt: null,
    updatedAt: '2021-06-01T02:00:00.000Z',
    allowedEvents: [],
    openExtensionRequest: null,
    ...overrides,
  };
}
