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
  | 'INCIDENT'
  | 'PEOPLE_SET'
  | 'CALENDAR_CHANGED'
  | 'CLASSIFICATION_SET'
  | 'ACCESS_LIST_SET'
  | 'CONTRIBUTION_REQUESTED'
  | 'CONTRIBUTION_SUBMITTED'
  | 'CONTRIBUTION_ACCEPTED'
  | 'CONTRIBUTION_RETURNED'
  | 'CONTRIBUTION_REMOVED'
  | 'contribution_remind'
  | 'contribution_overdue'
  | 'contribution_escalate'
  | 'MILESTONES_SET'
  | 'MILESTONE_DONE'
  | 'milestone_remind'
  | 'milestone_overdue'
  | 'PROGRESS_REPORTED'
  | 'PROGRESS_REQUESTED'
  | 'progress_remind'
  | 'CARRIED_FORWARD';

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
  PEOPLE_SET: { vi: 'Phân công người thực hiện, theo dõi nhiệm vụ', en: 'People named for a task' },
  CALENDAR_CHANGED: {
    vi: 'Lịch làm việc thay đổi, hạn được tính lại',
    en: 'Working calendar changed; deadline recounted',
  },
  CLASSIFICATION_SET: { vi: 'Thay đổi độ mật', en: 'Classification changed' },
  ACCESS_LIST_SET: { vi: 'Thay đổi danh sách được tiếp cận', en: 'Access list changed' },
  CONTRIBUTION_REQUESTED: { vi: 'Đề nghị phối hợp thực hiện nhiệm vụ', en: 'Contribution requested' },
  CONTRIBUTION_SUBMITTED: { vi: 'Cơ quan phối hợp đã gửi nội dung phối hợp', en: 'Contribution submitted' },
  CONTRIBUTION_ACCEPTED: { vi: 'Cơ quan chủ trì đã tiếp nhận nội dung phối hợp', en: 'Contribution accepted' },
  CONTRIBUTION_RETURNED: { vi: 'Cơ quan chủ trì đề nghị bổ sung nội dung phối hợp', en: 'Contribution returned' },
  CONTRIBUTION_REMOVED: { vi: 'Không còn đề nghị phối hợp', en: 'Contribution no longer requested' },
  contribution_remind: { vi: 'Nhắc hạn: nội dung phối hợp sắp đến hạn', en: 'Reminder: contribution due soon' },
  contribution_overdue: { vi: 'Nội dung phối hợp đã quá hạn', en: 'Contribution overdue' },
  contribution_escalate: {
    vi: 'Báo cáo Văn phòng: phối hợp quá hạn kéo dài',
    en: 'Escalated: contribution long overdue',
  },
  MILESTONES_SET: { vi: 'Cập nhật mốc thực hiện nhiệm vụ', en: 'Milestones set' },
  MILESTONE_DONE: { vi: 'Đã hoàn thành mốc thực hiện', en: 'Milestone reached' },
  milestone_remind: { vi: 'Nhắc hạn: mốc thực hiện sắp đến hạn', en: 'Reminder: milestone due soon' },
  milestone_overdue: { vi: 'Mốc thực hiện đã quá hạn', en: 'Milestone overdue' },
  PROGRESS_REPORTED: { vi: 'Có báo cáo tiến độ mới', en: 'Progress reported' },
  PROGRESS_REQUESTED: { vi: 'Đề nghị báo cáo tiến độ', en: 'Progress report requested' },
  progress_remind: { vi: 'Nhắc: chưa báo cáo tiến độ kỳ này', en: 'Reminder: progress report due' },
  CARRIED_FORWARD: { vi: 'Chuyển tiếp sang chương trình tháng sau', en: 'Carried forward' },
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
