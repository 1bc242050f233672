import type { Actor } from './task.model.js';

/** Levels of state secrets (độ mật), lowest first: thường, mật, tối mật, tuyệt mật. */
export const CLASSIFICATIONS = ['normal', 'confidential', 'secret', 'top_secret'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

export const CLASSIFICATION_LABELS: Readonly<Record<Classification, { vi: string; en: string }>> = Object.freeze({
  normal: { vi: 'Thường', en: 'Unclassified' },
  confidential: { vi: 'Mật', en: 'Confidential' },
  secret: { vi: 'Tối mật', en: 'Secret' },
  top_secret: { vi: 'Tuyệt mật', en: 'Top secret' },
});

/** What a notification, an e-mail or a log says instead of a classified task's title. */
export const CLASSIFIED_TITLE = Object.freeze({ vi: 'Nhiệm vụ mật', en: 'Classified task' });

/** What a list or a report says instead of a classified directive's title, to a reader not cleared for it. */
export const CLASSIFIED_DIRECTIVE_TITLE = Object.freeze({ vi: 'Văn bản mật', en: 'Classified directive' });

/** The stamp a document carries on every page (Vietnamese document rules: upper case, in the header). */
export const CLASSIFICATION_STAMPS: Readonly<Record<Classification, string | null>> = Object.freeze({
  normal: null,
  confidential: 'MẬT',
  secret: 'TỐI MẬT',
  top_secret: 'TUYỆT MẬT',
});

export function isClassification(value: unknown): value is Classification {
  return typeof value === 'string' && (CLASSIFICATIONS as readonly string[]).includes(value);
}

export function classificationRank(level: Classification): number {
  return CLASSIFICATIONS.indexOf(level);
}

export function isClassified(level: Classification | null | undefined): boolean {
  return !!level && level !== 'normal';
}

/** Tuyệt mật: only the record is kept (number, lead agency, deadline, state, who decided), never content. */
export function isRecordOnly(level: Classification | null | undefined): boolean {
  return level === 'top_secret';
}

/** The higher of two levels: a task is at least as secret as its directive. */
export function higherClassification(a: Classification, b: Classification): Classification {
  return classificationRank(a) >= classificationRank(b) ? a : b;
}

export interface ClassifiedFacts {
  classification?: Classification | null;
  /** The need-to-know list: the users cleared for this item. */
  accessUserIds?: readonly string[];
}

/**
 * Need to know: an unclassified item is cleared for everyone its role rule admits; a classified one only for the
 * people on its access list, whatever their role. `taskScope` in the API is this rule as SQL.
 */
export function isCleared(item: ClassifiedFacts, actor: Pick<Actor, 'userId'>): boolean {
  if (!isClassified(item.classification)) return true;
  return !!item.accessUserIds?.includes(actor.userId);
}

export type ClassificationRefusalCode =
  'INVALID_CLASSIFICATION' | 'CLASSIFICATION_BELOW_DIRECTIVE' | 'COMMENT_REQUIRED' | 'SAME_CLASSIFICATION';

/**
 * Whether a change of level may be made: raising is free; lowering needs a comment (it is recorded in the
 * history); a task never goes below its directive's level.
 */
export function classificationChangeRefusal(input: {
  from: Classification;
  to: unknown;
  floor?: Classification;
  comment?: string | null;
}): ClassificationRefusalCode | undefined {
  if (!isClassification(input.to)) return 'INVALID_CLASSIFICATION';
  if (input.to === input.from) return 'SAME_CLASSIFICATION';
  if (input.floor && classificationRank(input.to) < classificationRank(input.floor)) {
    return 'CLASSIFICATION_BELOW_DIRECTIVE';
  }
  if (classificationRank(input.to) < classificationRank(input.from) && !input.comment?.trim()) {
    return 'COMMENT_REQUIRED';
  }
  return undefined;
}
