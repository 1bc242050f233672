/** The one queue of deadline and review actions. Job data is ids only: the action, and the request that caused it. */
export const ESCALATION_QUEUE = 'escalations';

export interface EscalationJobData {
  actionId: string;
  /** The HTTP request that scheduled the action (X-Request-Id), carried into the job's logs. */
  requestId?: string;
}
