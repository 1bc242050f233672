export * from './error-codes.js';
export * from './schemas.js';
export * from './responses.js';
export * from './notification-text.js';
