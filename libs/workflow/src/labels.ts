import type { DeadlineStatus } from './deadline-status.js';
import type { TaskEventType, TaskState } from './task.model.js';

export interface Label {
  vi: string;
  en: string;
}

export const STATE_LABELS: Readonly<Record<TaskState, Label>> = Object.freeze({
  drafted: { vi: 'Dự thảo', en: 'Draft' },
  assigned: { vi: 'Đã giao', en: 'Assigned' },
  in_progress: { vi: 'Đang thực hiện', en: 'In progress' },
  submitted: { vi: 'Đã trình', en: 'Submitted' },
  approved: { vi: 'Đã duyệt', en: 'Approved' },
  cancelled: { vi: 'Đã hủy', en: 'Cancelled' },
});

export const EVENT_LABELS: Readonly<Record<TaskEventType, Label>> = Object.freeze({
  ASSIGN: { vi: 'Giao', en: 'Assign' },
  REASSIGN: { vi: 'Giao lại', en: 'Reassign' },
  START: { vi: 'Bắt đầu', en: 'Start' },
  SUBMIT: { vi: 'Trình', en: 'Submit' },
  APPROVE: { vi: 'Thông qua', en: 'Approve' },
  RETURN: { vi: 'Trả lại', en: 'Return' },
  CANCEL: { vi: 'Hủy', en: 'Cancel' },
});

export const DEADLINE_STATUS_LABELS: Readonly<Record<DeadlineStatus, Label>> = Object.freeze({
  not_due: { vi: 'Chưa đến hạn', en: 'Not yet due' },
  due_soon: { vi: 'Sắp đến hạn', en: 'Due soon' },
  overdue: { vi: 'Quá hạn', en: 'Overdue' },
  on_time: { vi: 'Hoàn thành đúng hạn', en: 'Completed on time' },
  late: { vi: 'Hoàn thành quá hạn', en: 'Completed late' },
});
