import { CLASSIFICATION_LABELS, isRecordOnly, type Classification } from '@dondoc/workflow';
import { ApiError } from '../common/api-error.js';

/** The title a tuyệt mật task carries in place of what it says (as the writer does for new ones). */
export const RECORD_ONLY_TASK_TITLE = 'Nhiệm vụ tuyệt mật';

/** What a tuyệt mật task's history says where a reason would be: the reason is kept with the content. */
export const RECORD_ONLY_REASON = 'Lý do lưu cùng nội dung tuyệt mật, ngoài hệ thống';

/** The title a tuyệt mật directive carries in place of what it says. */
export const RECORD_ONLY_DIRECTIVE_TITLE = 'Văn bản tuyệt mật';

/** Tuyệt mật content stays outside the system: the record must say where it is kept. */
export function checkContentReference(level: Classification, reference: string | null | undefined): void {
  if (isRecordOnly(level) && !reference?.trim()) {
    throw new ApiError(
      400,
      'CONTENT_REFERENCE_REQUIRED',
      `Nội dung ${CLASSIFICATION_LABELS[level].vi.toLowerCase()} không lưu trên hệ thống: cần ghi nơi lưu giữ nội dung / ` +
        'A top secret item keeps only its record here: say where its content is kept (contentReference)',
    );
  }
}

/** Refused for a tuyệt mật task: files, comments, reports and edits of its content. */
export function recordOnlyRefusal(): ApiError {
  return new ApiError(
    409,
    'CLASSIFIED_RECORD_ONLY',
    'Nhiệm vụ tuyệt mật: hệ thống chỉ lưu thông tin theo dõi, không lưu nội dung, tệp hay ý kiến / ' +
      'A top secret task keeps only its record in the system: no content, files or comments',
  );
}
