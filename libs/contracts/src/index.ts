export * from './error-codes.js';
export * from './schemas.js';
export * from './date-range.js';
export * from './responses.js';
export * from './notification-text.js';
export * from './reports.js';
export * from './directive-import.js';
export * from './labels.js';
export * from './bus.js';
export { foldVietnamese, stripVietnameseMarks, type FoldOptions } from './fold-vietnamese.js';
export {
  compareAgencyOrder,
  compareVietnamese,
  sortByAgencyOrder,
  sortByVietnamese,
  type OrderedAgency,
} from './vietnamese-order.js';
export * from './password-policy.js';
export * from './request-schemas.js';
export * from './task-bulk.js';
export * from './contributions.js';
export * from './progress.js';
export * from './task-people.js';
export * from './series.js';
export * from './calendar.js';
