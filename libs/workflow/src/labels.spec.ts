import { DEADLINE_STATUS_LABELS, EVENT_LABELS, STATE_LABELS } from './labels.js';
import { TASK_EVENTS, TASK_STATES } from './task.model.js';

describe('labels', () => {
  it('names states as the users do', () => {
    expect(TASK_STATES.map((s) => STATE_LABELS[s].vi)).toEqual([
      'Dự thảo',
      'Đã giao',
      'Đang thực hiện',
      'Đã trình',
      'Đã duyệt',
      'Đã hủy',
    ]);
  });

  it('names events as the users do', () => {
    expect(TASK_EVENTS.map((e) => EVENT_LABELS[e].vi)).toEqual([
      'Giao',
      'Giao lại',
      'Bắt đầu',
      'Trình',
      'Thông qua',
      'Trả lại',
      'Hủy',
    ]);
  });

  it('names deadline statuses as the users do', () => {
    expect(DEADLINE_STATUS_LABELS).toMatchObject({
      not_due: { vi: 'Chưa đến hạn' },
      due_soon: { vi: 'Sắp đến hạn' },
      overdue: { vi: 'Quá hạn' },
      on_time: { vi: 'Hoàn thành đúng hạn' },
      late: { vi: 'Hoàn thành quá hạn' },
    });
  });

  it('stores Vietnamese precomposed (NFC), so search and comparison behave', () => {
    for (const labels of [STATE_LABELS, EVENT_LABELS, DEADLINE_STATUS_LABELS]) {
      for (const { vi, en } of Object.values(labels)) {
        expect(vi).toBe(vi.normalize('NFC'));
        expect(en).toMatch(/^[A-Z][a-z ]+$/);
      }
    }
  });
});
