export const TASK_STATES = ['drafted', 'assigned', 'in_progress', 'submitted', 'approved', 'cancelled'] as const;
export type TaskState = (typeof TASK_STATES)[number];

export const FINAL_STATES: readonly TaskState[] = Object.freeze(['approved', 'cancelled'] as const);

export const TASK_EVENTS = ['ASSIGN', 'REASSIGN', 'START', 'SUBMIT', 'APPROVE', 'RETURN', 'CANCEL'] as const;
export type TaskEventType = (typeof TASK_EVENTS)[number];

export const ROLES = ['office', 'standing_committee', 'agency', 'inspector', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** A person's place in an agency (head, deputy, officer) or in the Standing Committee (its Thường trực or a member). */
export const POSITIONS = ['head', 'deputy', 'officer', 'standing_board', 'member'] as const;
export type Position = (typeof POSITIONS)[number];

/** Who decides on a task's result ("rõ thẩm quyền"): the Standing Committee, its Thường trực, or the Office by delegation. */
export const DECIDING_AUTHORITIES = ['standing_committee', 'standing_board', 'office'] as const;
export type DecidingAuthority = (typeof DECIDING_AUTHORITIES)[number];

export interface Actor {
  userId: string;
  role: Role;
  agencyId: string | null;
  /** Unset for accounts read before positions existed: they act as the agency's head did. */
  position?: Position | null;
  /** The agency's head lets its officers work on every task it leads, not only those assigned to them. */
  officersActOnAll?: boolean;
  /**
   * The committee (organisation) the person belongs to. Unset only in the rules' own tests, where every actor and
   * task belong to one province: an actor with an organisation acts only on tasks that carry the same one.
   */
  organisationId?: string | null;
  /** That organisation's path of codes (`tinh_uy.thanh_uy_rach_gia`, as the `ltree` column): its subtree is what it sees. */
  organisationPath?: string | null;
  /**
   * The agency that stands for the person's committee among the parent committee's agencies (Thành ủy Rạch Giá
   * among the province's): the parent's tasks given to it are the committee's to carry out.
   */
  organisationAgencyId?: string | null;
}

export type Relation = 'lead' | 'coordinating' | 'none';

/** What the rules need to know about a task (a plain object, e.g. a DB row mapped). */
export interface TaskFacts {
  state: TaskState;
  /** The committee whose task it is (its directive's); see `Actor.organisationId`. */
  organisationId?: string | null;
  leadAgencyId: string | null;
  coordinatingAgencyIds: readonly string[];
  /** The lead agency's handling officer (chuyên viên xử lý), if named. */
  assigneeUserId?: string | null;
  /** Who approves or returns the result; the Standing Committee when unset. */
  decidingAuthority?: DecidingAuthority;
  /** Calendar date 'YYYY-MM-DD' in Asia/Ho_Chi_Minh. */
  dueDate: string | null;
  /** Continuous work (thường xuyên): no deadline, assigned without one. */
  continuous?: boolean;
  /** Bumps whenever dueDate or lead agency changes through an event; keys the scheduled jobs. */
  deadlineVersion: number;
  /** Bumps on every RETURN. */
  revision: number;
  /** A deliverable exists for the current revision and is undecided. */
  hasPendingSubmission?: boolean;
  /** When the approved work was submitted (set by the caller). */
  completedAt?: Date | null;
}

export type TaskEvent =
  | { type: 'ASSIGN'; leadAgencyId?: string; dueDate?: string; comment?: string }
  | { type: 'REASSIGN'; leadAgencyId: string; dueDate?: string; comment?: string }
  | { type: 'START'; comment?: string }
  | { type: 'SUBMIT'; comment?: string }
  | { type: 'APPROVE'; comment?: string }
  | { type: 'RETURN'; comment: string }
  | { type: 'CANCEL'; comment: string };

export type RefusalCode =
  | 'FORBIDDEN_ROLE'
  | 'INVALID_TRANSITION'
  | 'COMMENT_REQUIRED'
  | 'SUBMISSION_REQUIRED'
  | 'LEAD_AGENCY_REQUIRED'
  | 'DUE_DATE_REQUIRED'
  | 'SAME_LEAD_AGENCY'
  | 'INVALID_DUE_DATE';

export interface Refusal {
  code: RefusalCode;
  message: string;
  messageVi: string;
}

export type Effect =
  | { kind: 'schedule_deadline_actions'; dueDate: string; deadlineVersion: number; leadAgencyId: string }
  | { kind: 'cancel_scheduled_actions' }
  | { kind: 'schedule_review_reminder' }
  | { kind: 'clear_review_reminder' }
  | { kind: 'record_submission_decision'; decision: 'approved' | 'returned'; comment?: string };

export type ApplyResult =
  { ok: true; from: TaskState; to: TaskState; task: TaskFacts; effects: Effect[] } | { ok: false; refusal: Refusal };
