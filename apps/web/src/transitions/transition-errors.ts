import type { TaskSummaryDto } from '@dondoc/contracts';
import type { TFunction } from 'i18next';
import { ApiError } from '../api/api-client';

const INPUT_CODES = new Set([
  'COMMENT_REQUIRED',
  'SUBMISSION_REQUIRED',
  'LEAD_AGENCY_REQUIRED',
  'DUE_DATE_REQUIRED',
  'SAME_LEAD_AGENCY',
  'INVALID_DUE_DATE',
  'FILE_TOO_LARGE',
  'FILE_TYPE_NOT_ALLOWED',
  'TOO_MANY_FILES',
  'PAYLOAD_TOO_LARGE',
  'VALIDATION_FAILED',
]);

/** A readable sentence for what the server said about one input, in the current language. */
export function inputErrorText(err: unknown, t: TFunction): string {
  if (err instanceof ApiError) {
    if (INPUT_CODES.has(err.code)) return t(`board.errors.${err.code}`);
    if (err.status === 0) return t('common.networkError');
    return err.message;
  }
  return String(err);
}

/** Whether the refusal means our copy of the task is stale, so it must be fetched again. */
export function isStale(err: unknown): boolean {
  return err instanceof ApiError && (err.code === 'VERSION_CONFLICT' || err.code === 'INVALID_TRANSITION');
}

/** The toast after the server refused a transition; the server's own messages are English. */
export function transitionErrorText(err: unknown, task: TaskSummaryDto, eventLabel: string, t: TFunction): string {
  const vars = { code: task.code, event: eventLabel };
  if (!(err instanceof ApiError)) return t('board.toast.failed', { ...vars, message: String(err) });
  if (err.code === 'VERSION_CONFLICT' || (err.status === 409 && err.code !== 'INVALID_TRANSITION'))
    return t('board.toast.conflict', vars);
  if (err.code === 'INVALID_TRANSITION') return t('board.toast.invalidTransition', vars);
  if (err.status === 403) return t('board.toast.forbidden', vars);
  if (err.status === 0) return t('board.toast.network', vars);
  return t('board.toast.failed', { ...vars, message: inputErrorText(err, t) });
}
