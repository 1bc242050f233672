import type { ContributionStatus } from '@dondoc/contracts';
import type { TaskChange } from '@dondoc/persistence';
import { ApiError } from '../common/api-error.js';
import { missingContributions } from './contribution.rules.js';

/**
 * The lead's SUBMIT while contributions are not all accepted: it must say why, and the history row keeps
 * which were missing so the Standing Committee sees what came in.
 */

export type MissingContribution = { agencyId: string; status: ContributionStatus };

/** The contributions a SUBMIT goes up without, from those its task's read brought (`contributions: true`). */
export function missingContributionsIn(
  rows: readonly { agency_id: string; status: ContributionStatus }[] | undefined,
): MissingContribution[] {
  // Read without them, a SUBMIT would go up as if every contribution were in: a bug, never a default.
  if (!rows) throw new Error('the task was read without its contributions');
  return missingContributions(rows);
}

export function requireReasonForMissing(missing: readonly MissingContribution[], comment: string | undefined): void {
  if (missing.length && !comment?.trim()) {
    throw new ApiError(
      422,
      'CONTRIBUTIONS_MISSING_REASON',
      `Còn ${missing.length} nội dung phối hợp chưa được tiếp nhận: hãy nêu lý do khi gửi trình / ` +
        `${missing.length} coordinating agencies' contributions are not accepted yet: give the reason when submitting`,
      missing.map((m) => ({ path: `contributions.${m.agencyId}`, message: m.status })),
    );
  }
}

/** The SUBMIT's history row with the contributions that were not in. */
export function withMissingContributions(change: TaskChange, missing: readonly MissingContribution[]): TaskChange {
  return missing.length ? { ...change, data: { ...change.data, missingContributions: missing } } : change;
}
