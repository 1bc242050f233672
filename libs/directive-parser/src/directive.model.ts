import { DIRECTIVE_IMPORT_REASON_CODES } from '@dondoc/contracts';
import type { AgencyCandidate, RegistryAgency } from './agency-matcher.js';

export const DIRECTIVE_KINDS = [
  'chuong-trinh-hanh-dong',
  'ket-luan',
  'thong-bao-ket-luan',
  'chuong-trinh-chi-dao',
  'nghi-quyet',
  'chi-thi',
  'ke-hoach',
  'cong-van',
  'quyet-dinh',
  'thong-bao',
  'khac',
] as const;
export type DirectiveKind = (typeof DIRECTIVE_KINDS)[number];

export const DELIVERABLE_TYPES = [
  'de-an',
  'chuong-trinh',
  'ke-hoach',
  'quy-dinh',
  'danh-muc',
  'nghi-quyet',
  'so-ket',
  'tong-ket',
  'bao-cao',
  'khac',
] as const;
export type DeliverableType = (typeof DELIVERABLE_TYPES)[number];

/** The four fields of `@dondoc/contracts` (FIELD_VALUES), so a proposal can be saved as it is. */
export const TASK_FIELDS = ['party_building', 'economy', 'culture_society', 'defense_security'] as const;
export type TaskField = (typeof TASK_FIELDS)[number];

export interface DirectiveMetadata {
  number: string | null;
  kind: DirectiveKind;
  /** YYYY-MM-DD */
  issuedAt: string | null;
  issuer: string | null;
  place: string | null;
  signer: string | null;
  /** The signer's capacity as printed: "T/M TỈNH ỦY, BÍ THƯ". */
  signerRole: string | null;
  title: string;
}

/** An agency as the directive names it, matched to the registry or left for a person to choose. */
export interface ProposedAgency {
  raw: string;
  matched: boolean;
  /** Registry name when matched, else the raw text. */
  name: string;
  code: string | null;
  id: string | null;
  score: number;
  /** Suggestions when not matched. */
  candidates: AgencyCandidate[];
}

export interface TaskSource {
  /** 1-based inclusive lines of the input text. */
  startLine: number;
  endLine: number;
  origin:
    'catalog-row' | 'numbered' | 'paren-numbered' | 'sub-numbered' | 'sub-letter' | 'bullet' | 'section' | 'paragraph';
  /** Item number as printed ("07", "3", "b"). */
  marker: string | null;
  /** Headings the task sits under. */
  section: string | null;
  /** Lines of the body text that describe the same catalog row, when found. */
  bodyLines: { startLine: number; endLine: number } | null;
}

export interface WorkItem {
  type: DeliverableType;
  text: string;
}

/** Why the parser proposed a field as it did, so the Office sees its reading and can correct it. */
export const REASON_CODES = DIRECTIVE_IMPORT_REASON_CODES;
export type ReasonCode = (typeof REASON_CODES)[number];

export interface FieldReason {
  code: ReasonCode;
  /** The words of the document the reading rests on ("trước ngày 30/9/2022", "Về văn hóa - xã hội"). */
  evidence: string | null;
}

export interface TaskReasons {
  task: FieldReason;
  lead: FieldReason;
  coordinating: FieldReason;
  due: FieldReason;
  type: FieldReason;
  field: FieldReason;
}

export interface ProposedTask {
  title: string;
  text: string;
  deliverableType: DeliverableType;
  /** Each deliverable or review the task asks for (a row may ask for an Đề án and a Kế hoạch). */
  workItems: WorkItem[];
  leadAgency: ProposedAgency | null;
  coordinatingAgencies: ProposedAgency[];
  dueText: string | null;
  dueDate: string | null;
  milestones: string[];
  recurring: boolean;
  /** "trong 10 ngày làm việc kể từ ngày nhận": a deadline in working days, fixed as a date at ASSIGN. */
  workingDays: { days: number; from: 'assigned' | 'received' } | null;
  /** "thường xuyên", "liên tục": continuous work with no deadline. */
  continuous: boolean;
  /** 'stated': the task's own wording; 'document-period': the period the whole directive covers. */
  dueSource: 'stated' | 'document-period' | 'none';
  field: TaskField | null;
  /**
   * When the text names no lead: the agency whose remit the work falls under, for the Office to confirm
   * (`leadAgency` stays null: nobody was named).
   */
  suggestedLead: (ProposedAgency & { remit: string }) | null;
  /** 0..1: how sure the parser is that this is a task and that its fields are right. */
  confidence: number;
  source: TaskSource;
  reasons: TaskReasons;
}

export interface WorkItemCount {
  total: number;
  byType: Partial<Record<DeliverableType, number>>;
}

/** A catalog's own count ("33 phần việc, gồm: ...") next to what the parser found. */
export interface WorkItemReconciliation {
  declared: WorkItemCount;
  found: WorkItemCount;
  rows: number;
  matches: boolean;
  /** The note as written. */
  note: string;
}

export interface ParsedDirective {
  directive: DirectiveMetadata;
  /** The period the directive governs ("tháng 4-2021"), the default deadline of its tasks. */
  period: { text: string; dueDate: string | null } | null;
  tasks: ProposedTask[];
  /** Agency names found but not matched, for the Office to resolve once. */
  unmatchedAgencies: string[];
  workItems: WorkItemReconciliation | null;
  warnings: string[];
}

export interface ParseDirectiveOptions {
  agencies: readonly RegistryAgency[];
  /** Reference date (YYYY-MM-DD or Date) for wording without a year when the document gives none. */
  today?: string | Date;
}
