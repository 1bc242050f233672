/** The one queue of deadline and review actions. Job data is ids only: the action, and the request that caused it. */
export const ESCALATION_QUEUE = 'escalations';
/** Redis channel the API publishes on after a commit that changed the schedule, to wake the relay. */
export const SCHEDULE_CHANNEL = 'dondoc.schedule';
/** Redis channel task-change events go out on, for every API instance's event stream. */
export const EVENTS_CHANNEL = 'dondoc.events';

export interface EscalationJobData {
  actionId: string;
  /** The HTTP request that scheduled the action (X-Request-Id), carried into the job's logs. */
  requestId?: string;
}
