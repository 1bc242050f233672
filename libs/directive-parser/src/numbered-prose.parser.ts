import { looksLikeAgency, parseAssignment } from './assignment.parser.js';
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
  // "Phương hướng, nhiệm vụ 6 tháng cuối năm", "Sở Văn hóa, Thể thao và Du lịch": a short line that announces a
  // section or names the agency the items below are for, commas or not.
  if (
    trimmed.length <= 90 &&
    !/[.;]$/.test(trimmed) &&
    trimmed.split(/\s+/).length <= 14 &&
    (sectionKindOf(trimmed) !== 'neutral' || isAgencyHeading(trimmed))
  )
    return true;
  return trimmed.length <= 90 && !/[.;]$/.test(trimmed) && trimmed.split(/\s+/).length <= 14 && !/[,;]/.test(trimmed);
}

/** The words before the first colon or full stop. */
function leadingClause(text: string): string {
  return text.split(/[:.](?:\s|$)/)[0].slice(0, 120);
}

/** A short line without a full stop that announces results, goals, tasks, implementation or a field. */
function isUnnumberedHeading(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed.length > 90 || /[.;,]$/.test(trimmed) || trimmed.split(/\s+/).length > 14) return false;
  if (
    /^(?:về\s+)?(?:kết quả|tình hình|đánh giá|nhiệm vụ|phương hướng|mục tiêu|mục đích|tổ chức thực hiện|một số|những)/iu.test(
      trimmed,
    )
  )
    return sectionKindOf(trimmed) !== 'neutral';
  // "Hạn chế", "Nguyên nhân", "Ưu điểm": the parts of an assessment, written as plain lines.
  if (/^(?:hạn chế|tồn tại|nguyên nhân|ưu điểm|khuyết điểm|bài học|khó khăn)/iu.test(trimmed))
    return trimmed.split(/\s+/).length <= 8;
  // "Về phát triển kinh tế", "Về văn hóa - xã hội:": a field's heading.
  return /^về\s/iu.test(trimmed) && trimmed.split(/\s+/).length <= 12 && !/\s(?:giao|đề nghị)\s/iu.test(trimmed);
}

// Paragraphs that close a directive's list: how to implement it, who follows it up.
const CLOSING =
  /^(?:(?:ban thuong vu|thuong truc) tinh uy (?:yeu cau|de nghi) cac (?:cap uy|dia phuong|co quan|so|nganh)|(?:yeu cau|de nghi) (?:thu truong|giam doc|chu tich) cac|can cu (?:chuong trinh|ket luan|nghi quyet|ke hoach|thong bao|chi thi|noi dung|cong van|quyet dinh|y kien)|de nghi cac|yeu cau cac|trong qua trinh (?:thuc hien|trien khai)|giao van phong tinh uy (?:theo doi|chu tri theo doi)|van phong tinh uy (?:theo doi|co trach nhiem|tham muu theo doi)|(?:chuong trinh|ket luan|thong bao|chi thi|nghi quyet|cong van|quyet dinh) nay|cac cap uy(?:,)? .{0,60}(?:to chuc thuc hien|quan triet|bao cao)|(?:tren day la|tren day|noi dung tren))/;

function isClosing(text: string): boolean {
  // A portal's "Tin liên quan" list, or a link to another article: "Bình Thuận: Sẵn sàng … (18/10/2022)".
  if (/^(?:tin liên quan|tin cùng chuyên mục|các tin khác|tin khác|bài viết liên quan|xem thêm)\b/iu.test(text.trim()))
    return true;
  if (/\(\d{1,2}\/\d{1,2}\/\d{4}\)\s*$/.test(text.trim()) && !/[.;:]\s*\(/.test(text)) return true;
  const folded = foldWords(text);
  // "… thông báo để các cơ quan, đơn vị biết, thực hiện./.": a letter's last sentence.
  return (
    CLOSING.test(folded) ||
    /thong bao (?:de|cho) .{0,80}biet|(?:de|duoc) biet(?: va|,)? (?:thuc hien|phoi hop)|\/\.\s*$/.test(
      `${folded}${/\.\/\.\s*$/.test(text) ? ' /.' : ''}`,
    )
  );
}

// "… chịu trách nhiệm thi hành Quyết định này", "Quyết định có hiệu lực kể từ ngày ký": a decision's last article.
const EXECUTION = /chiu trach nhiem thi hanh|co hieu luc (?:thi hanh )?(?:ke )?tu ngay|co hieu luc ke tu/;

/**
 * What is no task however it is numbered: approving ("Thống nhất chủ trương …", "Phê duyệt …", "Ban hành kèm theo
 * Quyết định này …"), a decision's execution clause, the context ("Căn cứ …", "Xét đề nghị của …").
 */
export function isNonTask(text: string): boolean {
  const trimmed = text.trim();
  // A header line in capitals, the motto, the place and date; a quotation (a citizen's own "Đề nghị …").
  if (isUpperCaseLine(trimmed) || /^["“'‘«]/u.test(trimmed)) return true;
  const folded = foldWords(text);
  if (/^(?:doc lap tu do hanh phuc|cong hoa xa hoi chu nghia|dang cong san viet nam)/.test(folded)) return true;
  if (/^(?:thoi gian ky|ngay ky|nguoi ky|ky boi)\s/.test(folded)) return true;
  if (/^[\p{L} .]{2,40}, ngày \d{1,2} tháng \d{1,2} năm \d{4}\.?$/u.test(trimmed)) return true;
  // What the past period achieved, or a judgement: "Từ đầu năm đến nay, toàn tỉnh ghi nhận …", "Việc tổ chức … là
  // cần thiết", "Cơ bản thống nhất với dự thảo …".
  if (
    /^(?:tu dau nam(?: den nay)?|nhin chung|thoi gian qua|trong thoi gian qua|ket qua dat duoc|qua \d+ (?:nam|thang))(?:\s|$)/.test(
      folded,
    )
  )
    return true;
  if (/^viec\s.{0,160}\sla (?:can thiet|phu hop|dung dan|kip thoi)(?:\s|$)/.test(folded)) return true;
  // What a letter tells its reader, not work: "Trường hợp ông không đồng ý … có quyền khiếu nại", "Ảnh: …",
  // "Nội dung đơn: …".
  if (
    /^(?:truong hop|neu (?:ong|ba|cong dan)|anh|noi dung don|nay uy ban nhan dan|uy ban nhan dan tinh tra loi)(?:\s|$)/.test(
      folded,
    )
  )
    return true;
  if (EXECUTION.test(folded)) return true;
  if (
    /^(?:can cu|xet de nghi|theo de nghi|xet to trinh|thuc hien (?:cong van|chi thi|nghi quyet|ket luan|quyet dinh|thong bao|y kien))\s/.test(
      folded,
    )
  )
    return true;
  // "Giao Văn phòng Tỉnh ủy theo dõi, đôn đốc việc thực hiện Kế hoạch này": the Office's standing duty, which this
  // system carries out, not a task to track.
  if (
    /^(?:giao\s+)?(?:cho\s+)?van phong\s/.test(folded) &&
    /theo doi|don doc/.test(folded.slice(0, 90)) &&
    !/(?:^|\s)(?:so ket|tong ket|xay dung|ban hanh|de an|to chuc hoi nghi)(?:\s|$)/.test(folded) &&
    folded.length < 260
  )
    return true;
  const approves =
    /^(?:(?:ban thuong vu|thuong truc)(?: tinh uy)?\s+)?(?:co ban\s+)?(?:thong nhat|dong y|chap thuan|phe duyet|ban hanh kem theo|thong qua|ghi nhan|cho phep|danh gia cao|bieu duong|hoan nghenh|dong tinh|nhat tri|khen ngoi|chia se)(?:\s|$)/.test(
      folded,
    );
  // "Thống nhất giao Sở … chủ trì …" approves and assigns: a task.
  return approves && !/(?:^|\s)(?:giao|de nghi|yeu cau)\s/.test(folded.slice(0, 200));
}

/** "Kính gửi:" starts the list of recipients of a letter; its "- Sở …;" lines are not tasks. */
function opensRecipients(text: string): boolean {
  return /^kính gửi\s*:?/iu.test(text.trim());
}

/**
 * A paragraph that introduces what follows: "… kết luận như sau:", "… các nhiệm vụ sau:", or "Để thực hiện các nhiệm
 * vụ nêu trên, giao … tham mưu …" whose colon a PDF's cut line lost.
 */
function introduces(text: string): boolean {
  return (
    /:\s*$/u.test(text.trim()) || /^để (?:thực hiện|triển khai|hoàn thành) (?:các |những )?nhiệm vụ/iu.test(text.trim())
  );
}

/** "… như sau:", "… chỉ đạo:" — an introduction after which the paragraphs are the work to do. */
function introducesWork(text: string): boolean {
  return (
    introduces(text) &&
    /nhu sau|sau day|cac (?:noi dung|nhiem vu|viec|cong viec|giai phap)|ket luan|chi dao|y kien|yeu cau|giao|de nghi|doi voi/.test(
      foldWords(text).slice(-120),
    )
  );
}

/**
 * A paragraph that gives work to someone: an assignment word ("giao", "đề nghị", "chủ trì", "có trách nhiệm")
 * and an agency to receive it. "Hội nghị thống nhất đánh giá: …" reports, it assigns nothing.
 */
function assignsWork(text: string): boolean {
  // One reading of the paragraph: the reader is the parser's costliest step.
  const lead = parseAssignment(text).lead;
  if (lead === null || /^hội (?:nghị|thảo)/iu.test(lead)) return /^(?:giao|đề nghị|yêu cầu)\s/iu.test(text.trim());
  // "Chi cục Kiểm lâm thường xuyên tuần tra …": an agency as the subject of the paragraph, with its work.
  if (text.trimStart().startsWith(lead)) return true;
  return /(?:^|[\s,;:(])(?:giao|đề nghị|yêu cầu|chủ trì|có trách nhiệm|chịu trách nhiệm|phụ trách|khẩn trương|tham mưu)(?=[\s,;:)]|$)/iu.test(
    text.slice(0, 240),
  );
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

/** "1.2" is 3, "1.2.1" 3.3, "1.2.1.1" 3.6: deeper numbers sit below their parent, above "a)" and "- ". */
function levelOf(block: Block, stack: readonly ProseItem[], headings: readonly Heading[]): number {
  const open = [...stack.map((i) => i.origin), ...headings.map((h) => h.origin)];
  if (block.kind === 'sub-numbered') return 3 + ((block.marker ?? '').split('.').length - 2) * 0.3;
  // "(1)" lines under a "1." item are its sub-items; on their own they are the items.
  if (block.kind === 'paren-numbered' && open.includes('numbered')) return 2.5;
  // "a)" under "1.2." belongs to it.
  if (block.kind === 'sub-letter' && open.includes('sub-numbered')) return 3.9;
  return LEVELS[block.kind];
}

function allowsTasks(kind: SectionKind): boolean {
  return kind === 'tasks' || kind === 'neutral';
}

/**
 * Whether an item is work: under a tasks or neutral heading unless it approves or cites; under "Tổ chức thực hiện"
 * only when it gives work to a named agency (a plan's implementation section is where its assignments are).
 */
function taskInSection(kind: SectionKind, text: string, sectionLead: string | null): boolean {
  if (isNonTask(text)) return false;
  if (kind === 'organization') return sectionLead !== null || assignsWork(text);
  return allowsTasks(kind);
}

interface Heading {
  text: string;
  kind: SectionKind;
  field: TaskField | null;
  level: number;
  origin: Block['kind'] | 'section';
  /** Who leads the work under it, when its prose says so ("giao Ban cán sự đảng … thực hiện các nội dung sau:"). */
  lead: string | null;
}

function combineKind(headings: readonly Heading[], introduced: boolean): SectionKind {
  const kinds = headings.map((h) => h.kind);
  for (const blocking of ['review', 'purpose', 'organization'] as const) if (kinds.includes(blocking)) return blocking;
  return kinds.includes('tasks') || introduced ? 'tasks' : 'neutral';
}

/** A numbered line deeper than "1." that names a section: capitals, "Về …", or a review / tasks heading. */
function isSubHeading(text: string): boolean {
  const trimmed = text.trim();
  if (isUpperCaseLine(trimmed)) return true;
  const short = trimmed.length <= 90 && !/[.;]$/.test(trimmed) && trimmed.split(/\s+/).length <= 12;
  if (!short) return false;
  return (
    /^(?:về|công tác|lĩnh vực|đối với|nhóm|khối|phần)\s/iu.test(trimmed) ||
    sectionKindOf(trimmed) !== 'neutral' ||
    /:\s*$/.test(trimmed) ||
    isAgencyHeading(trimmed) ||
    (fieldOfHeading(trimmed) !== null && trimmed.split(/\s+/).length <= 8)
  );
}

/** "1. Sở Nông nghiệp và Phát triển nông thôn": a heading that is only an agency's name; its items are its work. */
function isAgencyHeading(text: string): boolean {
  const name = text.trim().replace(/[:.]\s*$/, '');
  return name.split(/\s+/).length <= 14 && looksLikeAgency(name) && parseAssignment(name).lead === null;
}

/** A heading line that also carries its own work: "3. Về văn hóa: giao Sở … xây dựng …". */
function carriesWork(text: string): boolean {
  const colon = text.indexOf(':');
  return (colon >= 0 && text.slice(colon + 1).trim().length > 20) || text.length > 90;
}

/**
 * Reads the body's items. Numbered items ("1.", "(1)") are tasks unless they only name a section; their sub-items
 * ("a)", "1.1.", "- ") are tasks of their own when the item introduces them ("... như sau:") or names a section,
 * otherwise part of it. Under a heading, each paragraph of its own is a task ("Về phát triển kinh tế" followed by
 * one paragraph per piece of work). Items under a heading about past results, goals or implementation are kept
 * for context but are not tasks.
 */
export function parseProseItems(blocks: readonly Block[]): ProseItem[] {
  const items: ProseItem[] = [];
  let headings: Heading[] = [];
  let current: ProseItem | null = null;
  // Open items, outermost first: a "1." item, then its "a)", then a "- " under it.
  let stack: ProseItem[] = [];
  let pendingHeading: ProseItem | null = null;
  let closed = false;
  let recipients = false;
  // After "… kết luận như sau:" the paragraphs are work, even without a tasks heading.
  let introduced = false;

  const sectionKind = (): SectionKind => combineKind(headings, introduced);
  const sectionLead = (): string | null => [...headings].reverse().find((h) => h.lead)?.lead ?? null;
  const newItem = (block: Block, parent: ProseItem | null, level: number, origin?: ProseItem['origin']): ProseItem => {
    const kind = sectionKind();
    const texts = headings.map((h) => h.text);
    return {
      origin: origin ?? (ITEM_ORIGINS.has(block.kind) ? (block.kind as ProseItem['origin']) : 'section'),
      marker: block.marker,
      head: block.text,
      text: block.text,
      startLine: block.startLine,
      endLine: block.endLine,
      section: texts.join(' › ') || null,
      headings: texts,
      sectionKind: kind,
      headingField: [...headings].reverse().find((h) => h.field)?.field ?? null,
      sectionLead: sectionLead(),
      parent,
      level,
      isTask: taskInSection(kind, block.text, sectionLead()),
    };
  };
  const append = (item: ProseItem, block: Block): void => {
    item.text = `${item.text}\n\n${block.text}`;
    item.endLine = block.endLine;
  };
  const finishPending = (): void => {
    // A section heading with prose but no items of its own is itself the task ("3. Về văn hóa: giao ... xây dựng ...");
    // so is a short numbered line that is no section's name ("3. Xây dựng Đề án phát triển kinh tế biển").
    const heading = pendingHeading;
    pendingHeading = null;
    if (!heading) return;
    const sectionName =
      isUpperCaseLine(heading.head) ||
      /^về\s/iu.test(heading.head) ||
      sectionKindOf(leadingClause(heading.head)) !== 'neutral' ||
      introduces(heading.head);
    if (heading.text !== heading.head || carriesWork(heading.head) || !sectionName) {
      heading.isTask = allowsTasks(heading.sectionKind) && !isNonTask(heading.head);
      items.push(heading);
    }
  };
  const openHeading = (block: Block, level: number, text: string, origin: Heading['origin']): void => {
    headings = headings.filter((h) => h.level < level);
    const lead = isAgencyHeading(text) ? text.trim().replace(/[:.]\s*$/, '') : null;
    headings.push({ text, kind: sectionKindOf(leadingClause(text)), field: fieldOfHeading(text), level, origin, lead });
    introduced = false;
  };
  const itemIntroduces = (item: ProseItem): boolean =>
    /(?:như sau|sau đây|gồm|sau)\s*:\s*$|:\s*$/u.test(item.text.trim());

  for (const block of blocks) {
    if (block.zone !== 'body' || block.kind === 'table-row') continue;
    if (recipients && block.kind === 'bullet') continue;
    recipients = false;
    switch (block.kind) {
      case 'roman':
      case 'letter-section': {
        finishPending();
        current = null;
        stack = [];
        closed = false;
        openHeading(block, LEVELS[block.kind], block.text, block.kind);
        break;
      }
      case 'numbered':
      case 'paren-numbered':
      case 'sub-numbered':
      case 'sub-letter':
      case 'bullet': {
        closed = false;
        const level = levelOf(block, stack, headings);
        // "1. Kết quả 6 tháng đầu năm: ..." opens a review however long it is.
        const clause = leadingClause(block.text);
        const opensReview =
          ['review', 'purpose'].includes(sectionKindOf(clause)) &&
          (block.text.startsWith(`${clause}:`) || clause.split(/\s+/).length <= 6);
        const heading =
          block.kind === 'numbered'
            ? isHeadingLike(block.text) || opensReview
            : block.kind !== 'bullet' && (isSubHeading(block.text) || opensReview);
        if (heading) {
          // "2.1. Công tác xây dựng Đảng" right above "2.1.1. …": a section's name, not work of its own.
          if (pendingHeading && level > pendingHeading.level && pendingHeading.text === pendingHeading.head)
            pendingHeading = null;
          finishPending();
          while (stack.length > 0 && stack[stack.length - 1].level >= level) stack.pop();
          // A heading under an item that introduces it ("1. … như sau:" then "1.1. Về …") stays under that item.
          openHeading(block, level, block.text, block.kind);
          pendingHeading = newItem(block, null, level);
          pendingHeading.isTask = false;
          current = pendingHeading;
          stack = [];
          break;
        }
        // "2.1. Công tác xây dựng Đảng" followed by "2.1.1. …": the item was a heading after all.
        const owner = stack.find(
          (item) =>
            block.kind === 'sub-numbered' &&
            item.marker !== null &&
            (block.marker ?? '').startsWith(`${item.marker}.`) &&
            item.text === item.head &&
            item.head.length <= 90 &&
            !/[.;]$/.test(item.head),
        );
        if (owner) {
          items.splice(items.indexOf(owner), 1);
          stack = stack.slice(0, stack.indexOf(owner));
          openHeading(block, owner.level, owner.head, owner.origin);
        }
        if (pendingHeading) {
          if (level <= pendingHeading.level) finishPending();
          else {
            // The heading has children: its prose introduces them, possibly naming who leads them.
            const lead = parseAssignment(pendingHeading.text).lead;
            const own = headings.at(-1);
            if (lead && own) own.lead = lead;
            pendingHeading = null;
          }
        }
        // A paragraph-task keeps its "- " details; any numbered line ends it.
        if (stack.at(-1)?.origin === 'paragraph' && block.kind !== 'bullet') stack = [];
        // A task is a sibling of the headings at its level: their scope ends here.
        if (headings.some((h) => h.level >= level)) headings = headings.filter((h) => h.level < level);
        while (stack.length > 0 && stack[stack.length - 1].level >= level) stack.pop();
        const parent = stack.at(-1) ?? null;
        if (parent && !itemIntroduces(parent)) {
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
        // "Tin liên quan:" and its links to other articles close a portal's news.
        if (
          /^(?:tin liên quan|tin cùng chuyên mục|các tin khác|tin khác|bài viết liên quan|xem thêm)(?!\p{L})/iu.test(
            block.text,
          )
        ) {
          finishPending();
          current = null;
          stack = [];
          closed = true;
          recipients = true;
          break;
        }
        if (opensRecipients(block.text)) {
          recipients = true;
          break;
        }
        if (isUnnumberedHeading(block.text)) {
          // "Về tình hình tháng 02", "Nhiệm vụ trọng tâm tháng 3", "Về phát triển kinh tế" written as plain lines: a
          // heading just below the innermost numbered one, a sibling of the plain heading before it.
          finishPending();
          current = null;
          stack = [];
          closed = false;
          const top = headings.at(-1);
          const level = top ? (top.origin === 'section' ? top.level : top.level + 0.5) : LEVELS.section;
          openHeading(block, level, block.text.replace(/:\s*$/, ''), 'section');
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
        if (current && current.origin !== 'paragraph' && current !== pendingHeading) {
          // "2. Thời gian tới, … Ban Thường vụ Tỉnh ủy phân công như sau:" followed by paragraphs: the item introduces
          // them, as a heading would; each paragraph is a task.
          if (current.text === current.head && introduces(current.head) && items.includes(current)) {
            const intro = current;
            items.splice(items.indexOf(intro), 1);
            stack = [];
            openHeading(block, intro.level, intro.head, intro.origin);
            const lead = parseAssignment(intro.head).lead;
            const own = headings.at(-1);
            if (own && lead) own.lead = lead;
            introduced = introducesWork(intro.head) || introduced;
            current = null;
          } else {
            append(current, block);
            break;
          }
        }
        // A paragraph of its own under a heading, or after "… như sau:": one task — unless it introduces what
        // follows (then it may name who leads it) or is context.
        if (introduces(block.text)) {
          const lead = parseAssignment(block.text).lead;
          const own = headings.at(-1);
          if (lead && own) own.lead = lead;
          if (introducesWork(block.text)) introduced = true;
          if (pendingHeading) {
            pendingHeading.text = `${pendingHeading.text}\n\n${block.text}`;
            pendingHeading.endLine = block.endLine;
            const heading = pendingHeading;
            pendingHeading = null;
            if (lead && own) heading.isTask = false;
          }
          current = null;
          stack = [];
          break;
        }
        const kind = sectionKind();
        const assigns = assignsWork(block.text);
        const isWork =
          !isNonTask(block.text) && (kind === 'tasks' || ((kind === 'neutral' || kind === 'organization') && assigns));
        if (!isWork) {
          // Prose that is no work of its own: the heading's text, or the rest of the paragraph-task before it
          // ("Thời gian hoàn thành: …").
          if (pendingHeading) append(pendingHeading, block);
          else if (current?.origin === 'paragraph') append(current, block);
          break;
        }
        if (pendingHeading) {
          // The heading's own prose when the heading carries none; its children otherwise.
          const heading = pendingHeading;
          pendingHeading = null;
          if (carriesWork(heading.head)) {
            heading.isTask = allowsTasks(heading.sectionKind) && !isNonTask(heading.head);
            items.push(heading);
          }
        }
        const parentLevel = headings.at(-1)?.level ?? LEVELS.section;
        current = newItem(block, null, parentLevel + 0.2, 'paragraph');
        items.push(current);
        stack = [current];
        break;
      }
    }
  }
  finishPending();
  // A section whose work is listed in items ("- Xây dựng Đề án …") tells its orientation in its paragraphs
  // ("Tập trung thúc đẩy kinh tế phát triển nhanh …"): those are context, the items are the tasks.
  // A paragraph that gives work to a named agency is a task wherever it stands.
  const listed = new Set(items.filter((i) => i.origin !== 'paragraph' && i.isTask).map((i) => i.section));
  for (const item of items)
    if (item.origin === 'paragraph' && item.section !== null && listed.has(item.section) && !assignsWork(item.text))
      item.isTask = false;
  return items;
}
