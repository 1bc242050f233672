export * from './error-codes.js';
export * from './schemas.js';
export * from './responses.js';
export * from './notification-text.js';
export * from './reports.js';
export * from './directive-import.js';
export * from './labels.js';
export * from './bus.js';
export { foldVietnamese, stripVietnameseMarks, type FoldOptions } from './fold-vietnamese.js';
