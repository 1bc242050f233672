/** Response shapes the web app reads. Dates are ISO strings; calendar dates are `YYYY-MM-DD`. */
export type RoleName = 'office' | 'standing_committee' | 'agency' | 'inspector' | 'admin';
export type TaskStateName = 'drafted' | 'assigned' | 'in_progress' | 'submitted' | 'approved' | 'cancelled';
export type TaskEventName = 'ASSIGN' | 'REASSIGN' | 'START' | 'SUBMIT' | 'APPROVE' | 'RETURN' | 'CANCEL';
export type DeadlineStatusName = 'not_due' | 'due_soon' | 'overdue' | 'on_time' | 'late';

export interface UserDto {
  id: string;
  username: string;
  fullName: string;
  role: RoleName;
  agencyId: string | null;
  active?: boolean;
  /** Only in the administrator's views. */
  email?: string | null;
}

export interface LoginResponse {
  accessToken: string;
  expiresAt: string;
  user: UserDto;
}

export interface AgencyDto {
  id: string;
  code: string;
  name: string;
  kind: string;
  active: boolean;
}

export interface DirectiveDto {
  id: string;
  number: string;
  kind: string;
  title: string;
  issuedOn: string | null;
  issuer: string | null;
  signer: string | null;
  place: string | null;
  createdAt: string;
}

export interface DirectiveProgress {
  total: number;
  byState: Record<TaskStateName, number>;
  approved: number;
  overdue: number;
}

export interface TaskSummaryDto {
  id: string;
  code: string;
  directiveId: string;
  title: string;
  deliverableType: string;
  field: string;
  state: TaskStateName;
  version: number;
  revision: number;
  /** Bumps when the deadline or the lead agency changes (an extension, a reassignment). */
  deadlineVersion: number;
  leadAgencyId: string | null;
  coordinatingAgencyIds: string[];
  dueDate: string | null;
  deadlineText: string | null;
  deadlineStatus: DeadlineStatusName | null;
  /** Whole days past the deadline (to approval for approved work); null without a deadline. */
  daysOverdue: number | null;
  escalationLevel: number;
  completedAt: string | null;
  updatedAt: string;
  allowedEvents: TaskEventName[];
}

export interface TaskHistoryEntryDto {
  id: string;
  event: string;
  from: TaskStateName | null;
  to: TaskStateName | null;
  actor: { id: string | null; fullName: string | null; role: string | null; agencyId: string | null };
  comment: string | null;
  at: string;
  version: number;
}

export interface AttachmentDto {
  id: string;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  downloadUrl: string;
}

export interface SubmissionDto {
  id: string;
  seq: number;
  revision: number;
  note: string;
  submittedBy: string;
  submittedAt: string;
  decision: 'approved' | 'returned' | null;
  decisionComment: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  files: AttachmentDto[];
}

export interface CommentDto {
  id: string;
  authorId: string;
  authorName: string | null;
  authorRole: string;
  body: string;
  createdAt: string;
}

export interface TaskDetailDto extends TaskSummaryDto {
  description: string;
  directive: { id: string; number: string; title: string };
  history: TaskHistoryEntryDto[];
  submissions: SubmissionDto[];
  comments: CommentDto[];
  /** The first deadline, kept when an extension moves `dueDate`: lateness statistics judge against it. */
  originalDueDate: string | null;
  /** Every extension request of the task, newest first. */
  extensionRequests: ExtensionRequestDto[];
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export interface NotificationDto {
  id: string;
  taskId: string | null;
  kind: string;
  title: string;
  body: string;
  data: Record<string, unknown>;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationPage extends Page<NotificationDto> {
  unread: number;
}

export interface IncidentDto {
  id: string;
  taskId: string;
  taskCode: string;
  rung: string;
  dueAt: string;
  attempts: number;
  message: string;
  createdAt: string;
}

export type ExtensionRequestStatus = 'open' | 'granted' | 'refused';

export interface ExtensionRequestDto {
  id: string;
  taskId: string;
  requestedDueDate: string;
  /** The task's due date when the request was made. */
  currentDueDate: string;
  reason: string;
  status: ExtensionRequestStatus;
  requestedBy: string;
  requestedByName: string | null;
  decidedBy: string | null;
  decidedByName: string | null;
  decidedAt: string | null;
  decisionComment: string | null;
  createdAt: string;
}

/** A decision answers with the request and the task as it now stands (a grant moves its deadline and version). */
export interface ExtensionDecisionResponse {
  request: ExtensionRequestDto;
  task: TaskSummaryDto;
}

/** `POST /api/events/tickets`: opens one event stream (`GET /api/events?ticket=`) within a minute. */
export interface StreamTicketResponse {
  ticket: string;
  expiresAt: string;
}
