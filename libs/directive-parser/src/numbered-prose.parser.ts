import { parseAssignment } from './assignment.parser.js';
import type { Block } from './document-structure.js';
import type { TaskField, TaskSource } from './directive.model.js';
import { foldWords, isUpperCaseLine } from './normalize-text.js';
import { fieldOfHeading } from './task-classifier.js';

export type SectionKind = 'tasks' | 'review' | 'purpose' | 'organization' | 'neutral';

/** A numbered item, sub-item or bullet of the body, with what its headings say about it. */
export interface ProseItem {
  origin: Exclude<TaskSource['origin'], 'catalog-row'>;
  marker: string | null;
  /** The item's first paragraph. */
  head: string;
  /** All its paragraphs, joined by blank lines. */
  text: string;
  startLine: number;
  endLine: number;
  section: string | null;
  /** The headings above it, outermost first. */
  headings: string[];
  sectionKind: SectionKind;
  /** The field its headings name. */
  headingField: TaskField | null;
  /** Lead named for the whole section ("giao Ban cán sự đảng ... tham mưu ... như sau:"). */
  sectionLead: string | null;
  /** The item it belongs to, for "a) b) c)" under a numbered item. */
  parent: ProseItem | null;
  /** Depth in the outline: 2 for "1.", 3 for "a)", 4 for "- ". */
  level: number;
  /** True when the item is a task proposal (not a heading with children, not in a review section). */
  isTask: boolean;
}

/** What a heading announces: results of the past period, goals, the work to do, or how to organise it. */
export function sectionKindOf(heading: string): SectionKind {
  const folded = foldWords(heading);
  const forward =
    /nhiem vu|giai phap|phuong huong|chi dao|trong tam|thoi gian toi|can tap trung|ke hoach|tiep tuc/.test(folded);
  if (/^(?:ve\s+)?(?:muc dich|yeu cau|muc tieu|quan diem|chi tieu)/.test(folded)) return 'purpose';
  if (/^(?:ve\s+)?(?:to chuc thuc hien|trach nhiem thuc hien|phan cong thuc hien)/.test(folded)) return 'organization';
  if (
    !forward &&
    /ket qua|tinh hinh|danh gia|da dat|han che|ton tai|nguyen nhan|bai hoc|uu diem|khuyet diem|kiem diem|qua (?:\d+|mot|hai|ba|sau|chin) (?:thang|nam)/.test(
      folded,
    )
  )
    return 'review';
  if (forward) return 'tasks';
  return 'neutral';
}

/** A numbered line that names a section ("3. Về kinh tế") rather than a piece of work. */
export function isHeadingLike(text: string): boolean {
  const trimmed = text.trim();
  if (isUpperCaseLine(trimmed)) return true;
  if (/^về\s/iu.test(trimmed)) return true;
  return trimmed.length <= 90 && !/[.;]$/.test(trimmed) && trimmed.split(/\s+/).length <= 14 && !/[,;]/.test(trimmed);
}

/** The words before the first colon or full stop. */
function leadingClause(text: string): string {
  return text.split(/[:.](?:\s|$)/)[0].slice(0, 120);
}

/** A short line without a full stop that announces results, goals, tasks or implementation. */
function isUnnumberedHeading(text: string): boolean {
  const trimmed = text.trim();
  return (
    trimmed.length <= 90 &&
    !/[.;,]$/.test(trimmed) &&
    trimmed.split(/\s+/).length <= 14 &&
    sectionKindOf(trimmed) !== 'neutral' &&
    /^(?:về\s+)?(?:kết quả|tình hình|đánh giá|nhiệm vụ|phương hướng|mục tiêu|mục đích|tổ chức thực hiện|một số|những)/iu.test(
      trimmed,
    )
  );
}

// Paragraphs that close a directive's list: how to implement it, who follows it up.
const CLOSING =
  /^(?:can cu (?:chuong trinh|ket luan|nghi quyet|ke hoach|thong bao|chi thi|noi dung)|de nghi cac|yeu cau cac|trong qua trinh (?:thuc hien|trien khai)|giao van phong tinh uy (?:theo doi|chu tri theo doi)|van phong tinh uy (?:theo doi|co trach nhiem|tham muu theo doi)|(?:chuong trinh|ket luan|thong bao|chi thi|nghi quyet) nay|cac cap uy(?:,)? .{0,60}(?:to chuc thuc hien|quan triet|bao cao))/;

function isClosing(text: string): boolean {
  return CLOSING.test(foldWords(text));
}

/** "Bích Huệ", "Mai Văn Huỳnh": a byline or a signature name after the last item. */
function isNameLine(text: string): boolean {
  const words = text.trim().split(/\s+/);
  return (
    words.length >= 2 && words.length <= 5 && !/[.,;:()\d]/.test(text) && words.every((w) => /^\p{Lu}\p{Ll}*$/u.test(w))
  );
}

const ITEM_ORIGINS = new Set<Block['kind']>(['numbered', 'paren-numbered', 'sub-numbered', 'sub-letter', 'bullet']);

const LEVELS: Record<Block['kind'] | 'section', number> = {
  roman: 0,
  'letter-section': 0,
  section: 1,
  numbered: 2,
  'paren-numbered': 2,
  'sub-numbered': 3,
  'sub-letter': 3,
  bullet: 4,
  paragraph: 5,
  'table-row': 5,
};

function allowsTasks(kind: SectionKind): boolean {
  return kind === 'tasks' || kind === 'neutral';
}

interface Heading {
  text: string;
  kind: SectionKind;
  field: TaskField | null;
}

function combineKind(outer: Heading | null, inner: Heading | null): SectionKind {
  const kinds = [outer?.kind, inner?.kind].filter((k): k is SectionKind => k !== undefined);
  for (const blocking of ['review', 'purpose', 'organization'] as const) if (kinds.includes(blocking)) return blocking;
  return kinds.includes('tasks') ? 'tasks' : 'neutral';
}

/**
 * Reads the body's items. Numbered items ("1.", "(1)") are tasks unless they only name a section; their sub-items
 * ("a)", "1.1.", "- ") are tasks of their own when the item introduces them ("... như sau:") or names a section,
 * otherwise part of it. Items under a heading about past results, goals or implementation are kept for context but
 * are not tasks.
 */
export function parseProseItems(blocks: readonly Block[]): ProseItem[] {
  const items: ProseItem[] = [];
  let outer: Heading | null = null;
  let inner: Heading | null = null;
  // Leads named in the prose under a Roman heading, and under a numbered heading.
  let outerLead: string | null = null;
  let innerLead: string | null = null;
  let current: ProseItem | null = null;
  // Open items, outermost first: a "1." item, then its "a)", then a "- " under it.
  let stack: ProseItem[] = [];
  let pendingHeading: ProseItem | null = null;
  let closed = false;

  const sectionPath = (): string | null => [outer?.text, inner?.text].filter(Boolean).join(' › ') || null;
  const newItem = (block: Block, parent: ProseItem | null, level = LEVELS[block.kind]): ProseItem => {
    const sectionKind = combineKind(outer, inner);
    return {
      origin: ITEM_ORIGINS.has(block.kind) ? (block.kind as ProseItem['origin']) : 'section',
      marker: block.marker,
      head: block.text,
      text: block.text,
      startLine: block.startLine,
      endLine: block.endLine,
      section: sectionPath(),
      headings: [outer?.text, inner?.text].filter((h): h is string => Boolean(h)),
      sectionKind,
      headingField: inner?.field ?? outer?.field ?? null,
      sectionLead: innerLead ?? outerLead,
      parent,
      level,
      isTask: allowsTasks(sectionKind),
    };
  };
  const append = (item: ProseItem, block: Block): void => {
    item.text = `${item.text}\n\n${block.text}`;
    item.endLine = block.endLine;
  };
  const finishPending = (): void => {
    // A section heading with prose but no sub-items is itself the task ("3. Về văn hóa: giao ... xây dựng ...").
    if (pendingHeading && (pendingHeading.text !== pendingHeading.head || pendingHeading.head.length > 90)) {
      pendingHeading.isTask = allowsTasks(pendingHeading.sectionKind);
      items.push(pendingHeading);
    }
    pendingHeading = null;
  };
  const introduces = (item: ProseItem): boolean => /(?:như sau|sau đây|gồm|sau)\s*:\s*$|:\s*$/u.test(item.text.trim());

  for (const block of blocks) {
    if (block.zone !== 'body' || block.kind === 'table-row') continue;
    switch (block.kind) {
      case 'roman':
      case 'letter-section': {
        finishPending();
        current = null;
        stack = [];
        closed = false;
        outer = { text: block.text, kind: sectionKindOf(block.text), field: fieldOfHeading(block.text) };
        inner = null;
        outerLead = null;
        innerLead = null;
        break;
      }
      case 'numbered':
      case 'paren-numbered':
      case 'sub-numbered':
      case 'sub-letter':
      case 'bullet': {
        closed = false;
        // "(1)" lines under a "1." item are its sub-items; on their own they are the items.
        const level =
          block.kind === 'paren-numbered' && stack.some((item) => item.origin === 'numbered')
            ? 2.5
            : LEVELS[block.kind];
        // "1. Kết quả 6 tháng đầu năm: ..." opens a review however long it is.
        const clause = leadingClause(block.text);
        const opensReview =
          ['review', 'purpose'].includes(sectionKindOf(clause)) &&
          (block.text.startsWith(`${clause}:`) || clause.split(/\s+/).length <= 6);
        if (block.kind === 'numbered' && (isHeadingLike(block.text) || opensReview)) {
          finishPending();
          inner = { text: block.text, kind: sectionKindOf(clause), field: fieldOfHeading(block.text) };
          innerLead = null;
          pendingHeading = newItem(block, null);
          pendingHeading.isTask = false;
          current = pendingHeading;
          stack = [];
          break;
        }
        if (pendingHeading) {
          if (level <= LEVELS.numbered) finishPending();
          else {
            // The heading has children: its prose introduces them, possibly naming who leads them.
            const lead = parseAssignment(pendingHeading.text).lead;
            if (lead) innerLead = lead;
            pendingHeading = null;
          }
        }
        if (block.kind === 'numbered') {
          // A numbered task is a sibling of the numbered headings: their scope ends here.
          inner = null;
          innerLead = null;
        }
        while (stack.length > 0 && stack[stack.length - 1].level >= level) stack.pop();
        const parent = stack.at(-1) ?? null;
        if (parent && !introduces(parent)) {
          // Detail of the item above ("- " lines inside "1. ..."), not a task of its own.
          append(parent, block);
          current = parent;
          break;
        }
        current = newItem(block, parent, level);
        if (parent) parent.isTask = false;
        items.push(current);
        stack.push(current);
        break;
      }
      case 'paragraph': {
        if (isUnnumberedHeading(block.text)) {
          // "Về tình hình tháng 02", "Nhiệm vụ trọng tâm tháng 3" written as plain lines.
          finishPending();
          current = null;
          stack = [];
          closed = false;
          outer = { text: block.text, kind: sectionKindOf(block.text), field: fieldOfHeading(block.text) };
          inner = null;
          outerLead = null;
          innerLead = null;
          break;
        }
        if (closed) break;
        if (isClosing(block.text) || (current && isNameLine(block.text))) {
          finishPending();
          current = null;
          stack = [];
          closed = true;
          break;
        }
        if (current) {
          append(current, block);
          break;
        }
        // Prose between a heading and its items: "giao X tham mưu xây dựng ... như sau:".
        if (/giao/iu.test(block.text)) {
          const lead = parseAssignment(block.text).lead;
          if (lead && inner) innerLead = lead;
          else if (lead) outerLead = lead;
        }
        break;
      }
    }
  }
  finishPending();
  return items;
}
