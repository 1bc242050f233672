import type { PersonDto, SetClassificationRequest } from '@dondoc/contracts';
import {
  CLASSIFICATIONS,
  classificationChangeRefusal,
  classificationRank,
  higherClassification,
  isRecordOnly,
  type Actor,
  type Classification,
} from '@dondoc/workflow';

export type { Classification };

/** What a tuyệt mật item is called in place of its own words (the API stores these placeholders too). */
export const RECORD_ONLY_TASK_TITLE = 'Nhiệm vụ tuyệt mật';
export const RECORD_ONLY_DIRECTIVE_TITLE = 'Văn bản tuyệt mật';

/** The levels an item may take above `floor` (a task is at least as secret as its directive), lowest first. */
export function levelsFrom(floor: Classification = 'normal'): Classification[] {
  return CLASSIFICATIONS.filter((l) => classificationRank(l) >= classificationRank(floor));
}

export function isLowering(from: Classification, to: Classification): boolean {
  return classificationRank(to) < classificationRank(from);
}

/** The Office sets levels and access lists; the Standing Committee and the inspector read the lists. */
export function mayChangeClassification(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'office';
}

export function mayReadAccessList(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'office' || actor.role === 'standing_committee' || actor.role === 'inspector';
}

export interface LevelDraft {
  level: Classification;
  comment: string;
  contentReference: string;
}

export type ChangeProblem = 'same' | 'belowDirective' | 'commentRequired' | 'referenceRequired';

/**
 * Why a change of level cannot be sent yet: libs/workflow's own rule (raising is free, lowering needs a comment,
 * never below the directive), plus the reference tuyệt mật needs. Null when it may be sent.
 */
export function changeProblem(from: Classification, draft: LevelDraft, floor?: Classification): ChangeProblem | null {
  const refusal = classificationChangeRefusal({ from, to: draft.level, floor, comment: draft.comment });
  if (refusal === 'SAME_CLASSIFICATION' || refusal === 'INVALID_CLASSIFICATION') return 'same';
  if (refusal === 'CLASSIFICATION_BELOW_DIRECTIVE') return 'belowDirective';
  if (refusal === 'COMMENT_REQUIRED') return 'commentRequired';
  if (isRecordOnly(draft.level) && !draft.contentReference.trim()) return 'referenceRequired';
  return null;
}

/** The PUT …/classification body: the reference only for tuyệt mật, the comment only when written. */
export function changeRequest(draft: LevelDraft, expectedVersion?: number): SetClassificationRequest {
  const comment = draft.comment.trim();
  return {
    classification: draft.level,
    ...(comment ? { comment } : {}),
    ...(isRecordOnly(draft.level) ? { contentReference: draft.contentReference.trim() } : {}),
    ...(expectedVersion !== undefined ? { expectedVersion } : {}),
  };
}

/** A level chosen when registering a directive or creating a task, with where tuyệt mật content is kept. */
export interface LevelChoice {
  level: Classification;
  contentReference: string;
}

export const UNCLASSIFIED: LevelChoice = Object.freeze({ level: 'normal', contentReference: '' });

/** Tuyệt mật needs to say where its content is kept (else the API answers 400 CONTENT_REFERENCE_REQUIRED). */
export function choiceIncomplete(choice: LevelChoice): boolean {
  return isRecordOnly(choice.level) && !choice.contentReference.trim();
}

/** The create request's fields: nothing for thường (the default), the reference only for tuyệt mật. */
export function levelFields(choice: LevelChoice): { classification?: Classification; contentReference?: string } {
  if (choice.level === 'normal') return {};
  return isRecordOnly(choice.level)
    ? { classification: choice.level, contentReference: choice.contentReference.trim() }
    : { classification: choice.level };
}

/** A task's level: its own when set higher, else its directive's. */
export function effectiveLevel(directive: Classification, own: Classification | null): Classification {
  return own ? higherClassification(directive, own) : directive;
}

// Who may be on a need-to-know list besides the users of the task's own agencies (the API's rule).
const CLEARABLE_ROLES: readonly string[] = ['standing_committee', 'office', 'inspector'];

/**
 * The people the Office may add to a task's list: the Standing Committee, the Office, the inspector, and the
 * users of the task's lead and coordinating agencies (anyone else earns 400 ACCESS_USER_NOT_ELIGIBLE).
 */
export function eligiblePeople<P extends Pick<PersonDto, 'role' | 'agencyId'>>(
  people: readonly P[],
  task: { leadAgencyId: string | null; coordinatingAgencyIds: readonly string[] },
): P[] {
  const agencies = new Set([...(task.leadAgencyId ? [task.leadAgencyId] : []), ...task.coordinatingAgencyIds]);
  return people.filter(
    (p) => CLEARABLE_ROLES.includes(p.role) || (p.role === 'agency' && !!p.agencyId && agencies.has(p.agencyId)),
  );
}

/** The list must keep someone of the Office, who manages it (else 400 ACCESS_LIST_NEEDS_OFFICE). */
export function hasOffice(list: readonly Pick<PersonDto, 'role'>[]): boolean {
  return list.some((p) => p.role === 'office');
}

/** Whether the edited list differs from the one in force (order aside). */
export function listChanged(before: readonly { id: string }[], after: readonly { id: string }[]): boolean {
  if (before.length !== after.length) return true;
  const held = new Set(before.map((p) => p.id));
  return after.some((p) => !held.has(p.id));
}

const ROLE_ORDER = ['standing_committee', 'office', 'inspector', 'agency'];

/** The Committee first, then the Office, the inspector and the agencies; by name within each (Vietnamese order). */
export function sortAccessPeople<P extends Pick<PersonDto, 'role' | 'fullName'>>(people: readonly P[]): P[] {
  const rank = (role: string) => {
    const i = ROLE_ORDER.indexOf(role);
    return i < 0 ? ROLE_ORDER.length : i;
  };
  return [...people].sort((a, b) => rank(a.role) - rank(b.role) || a.fullName.localeCompare(b.fullName, 'vi'));
}

const EXPLAINED = [
  'COMMENT_REQUIRED',
  'CLASSIFICATION_BELOW_DIRECTIVE',
  'CLASSIFIED_CONTENT_PRESENT',
  'CONTENT_REFERENCE_REQUIRED',
  'CLASSIFIED_RECORD_ONLY',
  'SAME_CLASSIFICATION',
  'NOT_CLASSIFIED',
  'ACCESS_USER_NOT_ELIGIBLE',
  'ACCESS_LIST_NEEDS_OFFICE',
  'VERSION_CONFLICT',
];

/** The i18n key that explains a refusal of these endpoints in the reader's words, or null for the generic one. */
export function classificationErrorKey(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && EXPLAINED.includes(code) ? `classification.errors.${code}` : null;
}
