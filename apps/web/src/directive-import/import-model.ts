import type {
  ConfirmDirectiveImportRequest,
  DeadlineFromValue,
  DeliverableTypeValue,
  DirectiveImportProposal,
  DirectiveImportTask,
  DirectiveImportUnmatchedAgency,
  DirectiveKindValue,
  FieldValue,
} from '@dondoc/contracts';
import { isRecordOnly, type Classification } from '@dondoc/workflow';
import {
  choiceIncomplete,
  effectiveLevel,
  levelFields,
  RECORD_ONLY_DIRECTIVE_TITLE,
  RECORD_ONLY_TASK_TITLE,
} from '../classification/classification-model';

/** How a row gives its deadline: a date, N working days (dated when assigned), or continuous work with none. */
export type DeadlineKind = 'date' | 'working_days' | 'continuous';
export const DEADLINE_KINDS: readonly DeadlineKind[] = ['date', 'working_days', 'continuous'];

/** The deadline of a row as the Office sees it. */
export interface DeadlineChoice {
  deadlineKind: DeadlineKind;
  dueDate: string | null;
  workingDays: number | null;
  deadlineFrom: DeadlineFromValue;
}

/** One editable row of the proposal table. */
export interface DraftRow {
  key: string;
  title: string;
  description: string;
  deliverableType: DeliverableTypeValue;
  field: FieldValue;
  fieldFound: boolean;
  leadAgencyId: string | null;
  leadUnmatched: DirectiveImportUnmatchedAgency | null;
  coordinatingAgencyIds: string[];
  coordinatingUnmatched: DirectiveImportUnmatchedAgency[];
  deadlineKind: DeadlineKind;
  dueDate: string | null;
  dueDateValid: boolean;
  /** The N of "trong N ngày làm việc" (null while the field is empty). */
  workingDays: number | null;
  deadlineFrom: DeadlineFromValue;
  /** What the parser proposed, to show beside the Office's choice and to go back to (null for an added row). */
  proposedDeadline: DeadlineChoice | null;
  dueText: string | null;
  /** The milestones the wording proposes ("quý I và quý II-2021": 2021-03-31), stored with the task. */
  milestones: string[];
  /** null for a row the Office added. */
  confidence: number | null;
  /** Why the parser read each field as it did (null for a row the Office added). */
  reasons: DirectiveImportTask['reasons'] | null;
  /** The lead is the parser's suggestion by remit (the text names nobody) until the Office picks one. */
  leadSuggested: boolean;
  lines: { from: number; to: number } | null;
  /** Set only to be higher than the directive's level (null: the task takes the directive's). */
  classification: Classification | null;
  /** Where a tuyệt mật row's content is kept, when its own level makes it one. */
  contentReference: string;
}

export interface DraftDirective {
  number: string;
  kind: DirectiveKindValue;
  title: string;
  issuedOn: string | null;
  issuedOnValid: boolean;
  issuer: string;
  signer: string;
  place: string;
  /** Thường unless the Office picks a level; its tasks inherit it. */
  classification: Classification;
  /** Where a tuyệt mật document is kept (required then: only the record is stored). */
  contentReference: string;
}

let seq = 0;
const nextKey = () => `row-${++seq}`;

export function toDraft(p: DirectiveImportProposal): { directive: DraftDirective; rows: DraftRow[] } {
  return {
    directive: {
      number: p.directive.number ?? '',
      kind: p.directive.kind,
      title: p.directive.title,
      issuedOn: p.directive.issuedOn,
      issuedOnValid: true,
      issuer: p.directive.issuer ?? '',
      signer: p.directive.signer ?? '',
      place: p.directive.place ?? '',
      classification: 'normal',
      contentReference: '',
    },
    rows: p.tasks.map((t) => {
      const deadline = proposedDeadlineOf(t);
      return {
        key: nextKey(),
        title: t.title,
        description: t.text,
        deliverableType: t.deliverableType,
        field: t.field,
        fieldFound: t.fieldFound,
        leadAgencyId: t.leadAgencyId,
        leadUnmatched: t.leadAgencyUnmatched,
        coordinatingAgencyIds: t.coordinatingAgencyIds,
        coordinatingUnmatched: t.coordinatingAgenciesUnmatched,
        ...deadline,
        dueDateValid: true,
        proposedDeadline: deadline,
        dueText: t.dueText,
        milestones: t.milestones,
        confidence: t.confidence,
        reasons: t.reasons,
        leadSuggested: t.leadSuggested,
        lines: { from: t.source.startLine, to: t.source.endLine },
        classification: null,
        contentReference: '',
      };
    }),
  };
}

/** The parser's proposal: working days first (they carry no date), then continuous work, else the date. */
export function proposedDeadlineOf(
  t: Pick<DirectiveImportTask, 'dueDate' | 'deadlineWorkingDays' | 'deadlineFrom' | 'continuous'>,
): DeadlineChoice {
  const deadlineKind: DeadlineKind = t.deadlineWorkingDays
    ? 'working_days'
    : t.continuous && !t.dueDate
      ? 'continuous'
      : 'date';
  return {
    deadlineKind,
    dueDate: t.dueDate,
    workingDays: t.deadlineWorkingDays,
    deadlineFrom: t.deadlineFrom ?? 'assigned',
  };
}

/** Whether the Office changed the proposed deadline (the row then offers to go back to it). */
export function deadlineChanged(r: DraftRow): boolean {
  const p = r.proposedDeadline;
  if (!p) return false;
  if (p.deadlineKind !== r.deadlineKind) return true;
  if (r.deadlineKind === 'date') return p.dueDate !== r.dueDate;
  if (r.deadlineKind === 'working_days') return p.workingDays !== r.workingDays || p.deadlineFrom !== r.deadlineFrom;
  return false;
}

export function emptyRow(): DraftRow {
  return {
    key: nextKey(),
    title: '',
    description: '',
    deliverableType: 'ke_hoach',
    field: 'party_building',
    fieldFound: true,
    leadAgencyId: null,
    leadUnmatched: null,
    coordinatingAgencyIds: [],
    coordinatingUnmatched: [],
    deadlineKind: 'date',
    dueDate: null,
    dueDateValid: true,
    workingDays: null,
    deadlineFrom: 'assigned',
    proposedDeadline: null,
    dueText: null,
    milestones: [],
    confidence: null,
    reasons: null,
    leadSuggested: false,
    lines: null,
    classification: null,
    contentReference: '',
  };
}

/** Working days as the tasks accept them: a whole number from 1 to 365. */
export function validWorkingDays(n: number | null): boolean {
  return n !== null && Number.isInteger(n) && n >= 1 && n <= 365;
}

/** A deadline the Office must correct before confirming (an empty one is allowed: the draft gets it later). */
function deadlineInvalid(r: DraftRow): boolean {
  if (r.deadlineKind === 'date') return !r.dueDateValid;
  if (r.deadlineKind === 'working_days') return !validWorkingDays(r.workingDays);
  return false;
}

type DirectiveLevel = Pick<DraftDirective, 'classification'>;

/** A row's level: its own when set higher, else the directive's. */
export function rowLevel(r: Pick<DraftRow, 'classification'>, d: DirectiveLevel): Classification {
  return effectiveLevel(d.classification, r.classification);
}

/**
 * What the Office must correct in a row before confirming: a title (not for tuyệt mật, whose title is not
 * stored), a valid deadline, and where the content is kept when the row's own level is tuyệt mật.
 */
export function rowProblems(r: DraftRow, d: DirectiveLevel = { classification: 'normal' }): boolean {
  const recordOnly = isRecordOnly(rowLevel(r, d));
  const referenceMissing =
    r.classification !== null &&
    choiceIncomplete({ level: r.classification, contentReference: r.contentReference }) &&
    !isRecordOnly(d.classification);
  return (!recordOnly && !r.title.trim()) || deadlineInvalid(r) || referenceMissing;
}

/** What the Office must correct in the directive: number, title (unless tuyệt mật), date, the reference. */
export function directiveProblems(d: DraftDirective): boolean {
  return (
    !d.number.trim() ||
    (!d.title.trim() && !isRecordOnly(d.classification)) ||
    !d.issuedOnValid ||
    choiceIncomplete({ level: d.classification, contentReference: d.contentReference })
  );
}

/** The deadline fields of the task request: one way only, as the API requires. */
export function deadlineFields(
  r: Pick<DraftRow, 'deadlineKind' | 'dueDate' | 'workingDays' | 'deadlineFrom'>,
): Pick<
  ConfirmDirectiveImportRequest['tasks'][number],
  'dueDate' | 'deadlineWorkingDays' | 'deadlineFrom' | 'continuous'
> {
  if (r.deadlineKind === 'working_days' && validWorkingDays(r.workingDays)) {
    return { dueDate: null, deadlineWorkingDays: r.workingDays, deadlineFrom: r.deadlineFrom };
  }
  if (r.deadlineKind === 'continuous') return { dueDate: null, continuous: true };
  return { dueDate: r.deadlineKind === 'date' ? r.dueDate : null };
}

const orNull = (s: string) => (s.trim() ? s.trim() : null);

/**
 * The confirm request. A tuyệt mật directive or task sends its placeholder title and no description: its words
 * never leave the browser (the API would drop them anyway). A classified task states its level; a tuyệt mật one
 * where its content is kept (its own reference, else the directive's).
 */
export function toConfirmRequest(d: DraftDirective, rows: DraftRow[], assign = false): ConfirmDirectiveImportRequest {
  const directiveChoice = { level: d.classification, contentReference: d.contentReference };
  return {
    ...(assign ? { assign: true } : {}),
    directive: {
      number: d.number.trim(),
      kind: d.kind,
      title: isRecordOnly(d.classification) ? RECORD_ONLY_DIRECTIVE_TITLE : d.title.trim(),
      issuedOn: d.issuedOn,
      issuer: orNull(d.issuer),
      signer: orNull(d.signer),
      place: orNull(d.place),
      ...levelFields(directiveChoice),
    },
    tasks: rows.map((r) => ({
      ...taskContent(r, d),
      deliverableType: r.deliverableType,
      field: r.field,
      leadAgencyId: r.leadAgencyId,
      coordinatingAgencyIds: r.coordinatingAgencyIds.filter((id) => id !== r.leadAgencyId),
      ...deadlineFields(r),
      deadlineText: r.dueText ? r.dueText.slice(0, 200) : null,
      milestones: r.deadlineKind === 'date' ? proposedMilestones(r) : [],
      ...levelFields({
        level: rowLevel(r, d),
        contentReference: (r.classification === 'top_secret' && r.contentReference.trim()) || d.contentReference,
      }),
    })),
  };
}

function taskContent(r: DraftRow, d: DirectiveLevel): { title: string; description: string } {
  return isRecordOnly(rowLevel(r, d))
    ? { title: RECORD_ONLY_TASK_TITLE, description: '' }
    : { title: r.title.trim(), description: r.description };
}

/** The proposed milestones still before the (possibly edited) due date, labelled by their date. */
export function proposedMilestones(r: Pick<DraftRow, 'milestones' | 'dueDate'>): { label: string; dueDate: string }[] {
  return r.milestones
    .filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d) && (!r.dueDate || d < r.dueDate))
    .map((d) => ({ label: `Mốc ${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`, dueDate: d }));
}

/** Whether a row's deadline lets it be assigned: a valid date, or working days counted when it is assigned. */
function assignableDeadline(r: DraftRow): boolean {
  if (r.deadlineKind === 'working_days') return validWorkingDays(r.workingDays);
  // Continuous work has no date, and an assignment needs one.
  if (r.deadlineKind === 'continuous') return false;
  return Boolean(r.dueDate) && r.dueDateValid;
}

/**
 * Why the rows cannot be assigned at once ("Xác nhận và giao"): the 1-based numbers of rows without a lead
 * agency and of rows without a deadline that can be assigned. Both empty: every row can be assigned.
 */
export function assignGaps(rows: readonly DraftRow[]): { noLead: number[]; noDeadline: number[] } {
  const numbers = (missing: (r: DraftRow) => boolean) => rows.flatMap((r, i) => (missing(r) ? [i + 1] : []));
  return {
    noLead: numbers((r) => !r.leadAgencyId),
    noDeadline: numbers((r) => !assignableDeadline(r)),
  };
}

/** Directive numbers compare as the registry files them: spaces and case do not make a new one. */
export function sameNumber(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, '').toLowerCase();
  return norm(a) === norm(b);
}
