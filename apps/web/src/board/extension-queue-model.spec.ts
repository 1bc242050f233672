import type { ExtensionQueueItemDto } from '@dondoc/contracts';
import { narrowExtensionQueue, requestWaitingDays } from './extension-queue-model';

const item = (id: string, leadAgencyId: string | null): ExtensionQueueItemDto => ({
  id,
  status: 'open',
  task: {
    id: `t-${id}`,
    code: `C-${id}`,
    title: 'Kế hoạch',
    state: 'in_progress',
    leadAgencyId,
    dueDate: '2030-12-31',
  },
  currentDueDate: '2030-12-31',
  requestedDueDate: '2031-06-30',
  reason: 'Cần thêm thời gian',
  requestedBy: 'u-1',
  requestedByName: null,
  requestedAt: '2026-12-01T02:00:00.000Z',
});

describe('requestWaitingDays', () => {
  it('counts whole days in the province’s calendar: sent today is 0, whatever the hour', () => {
    // 23:30 on 1 December in Hà Nội is 16:30 UTC.
    expect(requestWaitingDays('2026-12-01T16:30:00.000Z', '2026-12-01')).toBe(0);
    expect(requestWaitingDays('2026-12-01T02:00:00.000Z', '2026-12-04')).toBe(3);
  });

  it('never goes below zero, and reads an unreadable instant as today', () => {
    expect(requestWaitingDays('2026-12-05T02:00:00.000Z', '2026-12-01')).toBe(0);
    expect(requestWaitingDays('not a date', '2026-12-01')).toBe(0);
  });
});

describe('narrowExtensionQueue', () => {
  const items = [item('1', 'a-btg'), item('2', 'a-dv'), item('3', null)];

  it('keeps the requests of tasks the filtered agency leads, in the server’s order', () => {
    expect(narrowExtensionQueue(items, 'a-btg').map((i) => i.id)).toEqual(['1']);
  });

  it('keeps everything without an agency filter', () => {
    expect(narrowExtensionQueue(items, '').map((i) => i.id)).toEqual(['1', '2', '3']);
  });
});
