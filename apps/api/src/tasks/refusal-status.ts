import type { RefusalCode } from '@dondoc/workflow';

/** HTTP status for each workflow refusal: role → 403, state → 409, missing input → 400. */
export const REFUSAL_STATUS: Record<RefusalCode, number> = {
  FORBIDDEN_ROLE: 403,
  INVALID_TRANSITION: 409,
  COMMENT_REQUIRED: 400,
  SUBMISSION_REQUIRED: 400,
  LEAD_AGENCY_REQUIRED: 400,
  DUE_DATE_REQUIRED: 400,
  SAME_LEAD_AGENCY: 400,
  INVALID_DUE_DATE: 400,
};
