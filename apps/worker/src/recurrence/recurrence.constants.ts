/** The queue of the recurring-work tick. Its one job scheduler has a fixed id, so every worker upserts the same one. */
export const RECURRENCE_QUEUE = 'recurrence';
export const RECURRENCE_SCHEDULER_ID = 'recurrence-tick';
