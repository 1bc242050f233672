import type { EndpointSpec } from '../openapi/api-endpoint.decorator.js';
import type { Role } from '@dondoc/workflow';

/**
 * Reports compare every agency with every other, which is the Office's, the Standing Committee's and
 * the Inspection Committee's business; an agency follows its own work on its board, so agencies are
 * refused (403) rather than shown a report cut down to themselves. The administrator manages accounts,
 * not tasks. The SQL still applies the task-visibility rule, so widening this list cannot leak tasks.
 */
export const REPORT_READERS: Role[] = ['office', 'standing_committee', 'inspector'];

/**
 * The report by person also answers agencies: a head follows its officers' work ("việc của tôi", by
 * officer) there. The SQL scope cuts it down to the tasks the agency sees, like its board.
 */
export const PERSON_REPORT_READERS: Role[] = [...REPORT_READERS, 'agency'];

/** Freezing a report is writing: the inspector only reads. */
export const SNAPSHOT_WRITERS: Role[] = ['office', 'standing_committee'];

/** A report filtered by a directive, an agency or a person that does not exist answers 400. */
export const REPORT_FILTER_ERRORS = {
  400: ['UNKNOWN_DIRECTIVE', 'UNKNOWN_AGENCY', 'UNKNOWN_USER', 'UNKNOWN_ORGANISATION', 'UNKNOWN_PARENT_TASK'],
} satisfies EndpointSpec['errors'];
