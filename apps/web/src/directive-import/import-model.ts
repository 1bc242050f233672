import type {
  ConfirmDirectiveImportRequest,
  DeliverableTypeValue,
  DirectiveImportProposal,
  DirectiveImportUnmatchedAgency,
  DirectiveKindValue,
  FieldValue,
} from '@dondoc/contracts';

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
  dueDate: string | null;
  dueDateValid: boolean;
  dueText: string | null;
  /** The milestones the wording proposes ("quý I và quý II-2021": 2021-03-31), stored with the task. */
  milestones: string[];
  /** null for a row the Office added. */
  confidence: number | null;
  lines: { from: number; to: number } | null;
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
    },
    rows: p.tasks.map((t) => ({
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
      dueDate: t.dueDate,
      dueDateValid: true,
      dueText: t.dueText,
      milestones: t.milestones,
      confidence: t.confidence,
      lines: { from: t.source.startLine, to: t.source.endLine },
    })),
  };
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
    dueDate: null,
    dueDateValid: true,
    dueText: null,
    milestones: [],
    confidence: null,
    lines: null,
  };
}

export function rowProblems(r: DraftRow): boolean {
  return !r.title.trim() || !r.dueDateValid;
}

const orNull = (s: string) => (s.trim() ? s.trim() : null);

export function toConfirmRequest(d: DraftDirective, rows: DraftRow[], assign = false): ConfirmDirectiveImportRequest {
  return {
    ...(assign ? { assign: true } : {}),
    directive: {
      number: d.number.trim(),
      kind: d.kind,
      title: d.title.trim(),
      issuedOn: d.issuedOn,
      issuer: orNull(d.issuer),
      signer: orNull(d.signer),
      place: orNull(d.place),
    },
    tasks: rows.map((r) => ({
      title: r.title.trim(),
      description: r.description,
      deliverableType: r.deliverableType,
      field: r.field,
      leadAgencyId: r.leadAgencyId,
      coordinatingAgencyIds: r.coordinatingAgencyIds.filter((id) => id !== r.leadAgencyId),
      dueDate: r.dueDate,
      deadlineText: r.dueText ? r.dueText.slice(0, 200) : null,
      milestones: proposedMilestones(r),
    })),
  };
}

/** The proposed milestones still before the (possibly edited) due date, labelled by their date. */
export function proposedMilestones(r: Pick<DraftRow, 'milestones' | 'dueDate'>): { label: string; dueDate: string }[] {
  return r.milestones
    .filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d) && (!r.dueDate || d < r.dueDate))
    .map((d) => ({ label: `Mốc ${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`, dueDate: d }));
}

/**
 * Why the rows cannot be assigned at once ("Xác nhận và giao"): the 1-based numbers of rows without a lead
 * agency and of rows without a deadline. Both empty: every row can be assigned.
 */
export function assignGaps(rows: readonly DraftRow[]): { noLead: number[]; noDeadline: number[] } {
  const numbers = (missing: (r: DraftRow) => boolean) => rows.flatMap((r, i) => (missing(r) ? [i + 1] : []));
  return {
    noLead: numbers((r) => !r.leadAgencyId),
    noDeadline: numbers((r) => !r.dueDate || !r.dueDateValid),
  };
}

/** Directive numbers compare as the registry files them: spaces and case do not make a new one. */
export function sameNumber(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, '').toLowerCase();
  return norm(a) === norm(b);
}
