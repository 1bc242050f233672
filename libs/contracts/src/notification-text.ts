/** Vietnamese first: notification titles as officials read them, with the English beside for the second language. */
export type NotificationKind =
  | 'CREATE'
  | 'EDIT'
  | 'COMMENT'
  | 'DELIVERABLE_UPLOADED'
  | 'ASSIGN'
  | 'REASSIGN'
  | 'START'
  | 'SUBMIT'
  | 'APPROVE'
  | 'RETURN'
  | 'CANCEL'
  | 'remind_before'
  | 'overdue'
  | 'escalate'
  | 'review_reminder'
  | 'EXTENSION_REQUESTED'
  | 'EXTENSION_GRANTED'
  | 'EXTENSION_REFUSED'
  | 'INCIDENT';

const TITLES: Record<NotificationKind, { vi: string; en: string }> = {
  CREATE: { vi: 'Dự thảo nhiệm vụ mới', en: 'Task drafted' },
  EDIT: { vi: 'Dự thảo nhiệm vụ được sửa', en: 'Draft edited' },
  COMMENT: { vi: 'Có ý kiến mới về nhiệm vụ', en: 'New comment' },
  DELIVERABLE_UPLOADED: { vi: 'Cơ quan chủ trì đã tải lên sản phẩm', en: 'Deliverable uploaded' },
  ASSIGN: { vi: 'Được giao nhiệm vụ', en: 'Task assigned' },
  REASSIGN: { vi: 'Được giao lại nhiệm vụ', en: 'Task reassigned' },
  START: { vi: 'Cơ quan đã bắt đầu thực hiện', en: 'Work started' },
  SUBMIT: { vi: 'Có nội dung trình chờ cho ý kiến', en: 'Submission awaiting decision' },
  APPROVE: { vi: 'Ban Thường vụ đã thông qua', en: 'Approved' },
  RETURN: { vi: 'Ban Thường vụ yêu cầu bổ sung, chỉnh sửa', en: 'Returned for revision' },
  CANCEL: { vi: 'Nhiệm vụ đã hủy', en: 'Task cancelled' },
  remind_before: { vi: 'Nhắc hạn: nhiệm vụ sắp đến hạn', en: 'Reminder: deadline approaching' },
  overdue: { vi: 'Nhiệm vụ đã quá hạn', en: 'Task overdue' },
  escalate: { vi: 'Báo cáo Ban Thường vụ: nhiệm vụ quá hạn kéo dài', en: 'Escalated: long overdue' },
  review_reminder: { vi: 'Nhắc: nội dung trình chưa được cho ý kiến', en: 'Reminder: submission awaiting decision' },
  EXTENSION_REQUESTED: { vi: 'Đề nghị gia hạn', en: 'Extension requested' },
  EXTENSION_GRANTED: { vi: 'Đồng ý gia hạn', en: 'Extension granted' },
  EXTENSION_REFUSED: { vi: 'Không đồng ý gia hạn', en: 'Extension refused' },
  INCIDENT: { vi: 'Sự cố nhắc việc cần xử lý', en: 'Escalation incident' },
};

export function isNotificationKind(kind: string): kind is NotificationKind {
  return Object.hasOwn(TITLES, kind);
}

/** What happened, in Vietnamese: the start of a notification's title, before the task's code and title. */
export function notificationHeadline(kind: NotificationKind): string {
  return TITLES[kind].vi;
}

export function notificationTitle(kind: NotificationKind, task: { code: string; title: string }): string {
  return `${notificationHeadline(kind)} — ${task.code}: ${task.title}`;
}

export function notificationTitleEn(kind: NotificationKind): string {
  return TITLES[kind].en;
}
