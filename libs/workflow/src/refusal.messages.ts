import { EVENT_LABELS, STATE_LABELS } from './labels.js';
import type { Refusal, RefusalCode, TaskEventType, TaskState } from './task.model.js';

interface RefusalContext {
  type: TaskEventType;
  state: TaskState;
}

type Text = { en: string; vi: string };

const WHO_MAY_SEND: Readonly<Record<TaskEventType, Text>> = {
  ASSIGN: {
    en: 'Only the Party Committee Office can assign tasks.',
    vi: 'Chỉ Văn phòng Tỉnh ủy mới được giao nhiệm vụ.',
  },
  REASSIGN: {
    en: 'Only the Party Committee Office can reassign tasks.',
    vi: 'Chỉ Văn phòng Tỉnh ủy mới được giao lại nhiệm vụ.',
  },
  START: {
    en: 'Only the lead agency of this task can start it.',
    vi: 'Chỉ cơ quan chủ trì nhiệm vụ này mới được bắt đầu thực hiện.',
  },
  SUBMIT: {
    en: 'Only the lead agency of this task can submit its work for review.',
    vi: 'Chỉ cơ quan chủ trì nhiệm vụ này mới được trình kết quả.',
  },
  APPROVE: {
    en: 'Only the Standing Committee can approve submitted work.',
    vi: 'Chỉ Ban Thường vụ Tỉnh ủy mới được thông qua kết quả đã trình.',
  },
  RETURN: {
    en: 'Only the Standing Committee can return submitted work.',
    vi: 'Chỉ Ban Thường vụ Tỉnh ủy mới được trả lại kết quả đã trình.',
  },
  CANCEL: {
    en: 'Only the Party Committee Office or the Standing Committee can cancel a task.',
    vi: 'Chỉ Văn phòng Tỉnh ủy hoặc Ban Thường vụ Tỉnh ủy mới được hủy nhiệm vụ.',
  },
};

const GENERIC_FORBIDDEN: Text = {
  en: 'You are not allowed to do this on this task.',
  vi: 'Bạn không có quyền thực hiện thao tác này với nhiệm vụ.',
};

function text(code: RefusalCode, { type, state }: RefusalContext): Text {
  switch (code) {
    case 'FORBIDDEN_ROLE':
      return Object.hasOwn(WHO_MAY_SEND, type) ? WHO_MAY_SEND[type] : GENERIC_FORBIDDEN;
    case 'INVALID_TRANSITION': {
      const event = Object.hasOwn(EVENT_LABELS, type) ? EVENT_LABELS[type] : { en: String(type), vi: String(type) };
      const from = Object.hasOwn(STATE_LABELS, state) ? STATE_LABELS[state] : { en: String(state), vi: String(state) };
      return {
        en: `“${event.en}” is not possible while the task is “${from.en}”. Reload the task to see its current state.`,
        vi: `Không thể “${event.vi}” khi nhiệm vụ đang ở trạng thái “${from.vi}”. Vui lòng tải lại để xem trạng thái hiện tại.`,
      };
    }
    case 'COMMENT_REQUIRED':
      return type === 'RETURN'
        ? {
            en: 'Write what must be added or corrected before returning the work.',
            vi: 'Vui lòng ghi rõ nội dung cần bổ sung, chỉnh sửa trước khi trả lại.',
          }
        : {
            en: 'Give the reason for cancelling the task.',
            vi: 'Vui lòng nhập lý do hủy nhiệm vụ.',
          };
    case 'SUBMISSION_REQUIRED':
      return {
        en: 'Upload the deliverable for this round before submitting.',
        vi: 'Vui lòng tải lên sản phẩm, kết quả thực hiện trước khi trình.',
      };
    case 'LEAD_AGENCY_REQUIRED':
      return type === 'REASSIGN'
        ? { en: 'Choose the new lead agency.', vi: 'Vui lòng chọn cơ quan chủ trì mới.' }
        : {
            en: 'Choose the lead agency before assigning the task.',
            vi: 'Vui lòng chọn cơ quan chủ trì trước khi giao nhiệm vụ.',
          };
    case 'DUE_DATE_REQUIRED':
      return {
        en: 'Set the due date before assigning the task.',
        vi: 'Vui lòng nhập thời hạn hoàn thành trước khi giao nhiệm vụ.',
      };
    case 'SAME_LEAD_AGENCY':
      return {
        en: 'This agency already leads the task; choose a different lead agency.',
        vi: 'Cơ quan này đang chủ trì nhiệm vụ; vui lòng chọn cơ quan chủ trì khác.',
      };
    case 'INVALID_DUE_DATE':
      return {
        en: 'The due date is not a real calendar date; pick a date from the calendar.',
        vi: 'Thời hạn hoàn thành không phải là ngày hợp lệ; vui lòng chọn lại ngày trên lịch.',
      };
  }
}

export function refusalFor(code: RefusalCode, context: RefusalContext): Refusal {
  const { en, vi } = text(code, context);
  return { code, message: en, messageVi: vi };
}
