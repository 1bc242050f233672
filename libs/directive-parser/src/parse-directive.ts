import { createAgencyMatcher, type AgencyMatcher, type RegistryAgency } from './agency-matcher.js';
import {
  looksLikeAgency,
  parseAssignment,
  splitAgencyList,
  splitAssignments,
  type Assignment,
} from './assignment.parser.js';
import { parseCatalogTables, parseDeclaredCount, type CatalogRow, type CatalogTable } from './catalog-table.parser.js';
import { findDeadline, findPeriods, parseDeadline, type Deadline } from './deadline.parser.js';
import { parseDirectiveMetadata } from './directive-metadata.parser.js';
import type {
  DeliverableType,
  FieldReason,
  ParseDirectiveOptions,
  ParsedDirective,
  ProposedAgency,
  ProposedTask,
  ReasonCode,
  WorkItem,
  WorkItemCount,
  WorkItemReconciliation,
} from './directive.model.js';
import { splitBlocks } from './document-structure.js';
import { foldKeepingLength, foldWords, modernizeToneMarks, normalizeText, stripMarkup } from './normalize-text.js';
import { parseProseItems, type ProseItem } from './numbered-prose.parser.js';
import { repairOcrNoise } from './ocr-repair.js';
import { classifyDeliverable, classifyField, countWorkItems, fieldOfHeading } from './task-classifier.js';
import { suggestLeadByTopic } from './topic-lead.js';

const TITLE_LIMIT = 180;

/** The first sentence of a task, without its assignment parenthesis, short enough for a card. */
export function taskTitle(text: string): string {
  const firstLine = text.split('\n').find((l) => l.trim() && l.trim() !== '-') ?? text;
  let title = firstLine
    .replace(/^[\s\-–•+]+/, '')
    .replace(/\s*\((?:[^()]*?(?<!\p{L})(?:giao|chủ trì|thời gian|hoàn thành)(?!\p{L})[^()]*)\)\s*\.?$/iu, '')
    .trim();
  const sentence = /^(.{20,}?[^A-ZĐ\d])[.;](?:\s|$)/u.exec(title);
  if (sentence) title = sentence[1];
  title = title.replace(/[.;:,\s]+$/, '');
  if (title.length > TITLE_LIMIT) {
    const cut = title.slice(0, TITLE_LIMIT);
    title = `${cut.slice(0, cut.lastIndexOf(' '))}…`;
  }
  return title;
}

const CONNECTORS =
  /^(?:\s|,|;|:|và các cơ quan(?: có)? liên quan|các cơ quan(?: có)? liên quan|và|chủ trì|phối hợp(?: với)?|tham mưu(?: cho)?(?:\s+(?:UBND|Ủy ban nhân dân|Ban Thường vụ|Thường trực|Chủ tịch UBND)(?:\s+Tỉnh ủy|\s+tỉnh)?)?|lãnh đạo|chỉ đạo|cùng|để|thực hiện|có trách nhiệm|chịu trách nhiệm)+/iu;

/**
 * The work an item asks for, without the assignment in front of it: "Giao Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp
 * với Ban Tổ chức Tỉnh ủy xây dựng Kế hoạch ..." → "Xây dựng Kế hoạch ...". Titles and deliverable types read this.
 */
export function workPart(head: string, agencyNames: readonly string[]): string {
  const folded = foldKeepingLength(head);
  const start = folded.replace(/^[\s\-–•+]+/, '');
  const offset = folded.length - start.length;
  const names = agencyNames.map((n) => foldKeepingLength(n)).filter((n) => n.length > 2);
  // "Kết luận cuộc họp, Chủ tịch UBND tỉnh giao Sở …", "Đề nghị Sở …", "Thống nhất giao …": the work follows the name.
  const giao = /(?:^|[,;:]\s*|\s)(?:giao(?:\s+cho)?|de nghi|yeu cau)\s/.exec(start.slice(0, 160));
  // Not inside a parenthesis: "Xây dựng Chương trình … (Giao Ban Tuyên giáo chủ trì; thời gian: quý IV/2023)".
  const insideParens = (at: number): boolean =>
    (start.slice(0, at).match(/\(/g)?.length ?? 0) > (start.slice(0, at).match(/\)/g)?.length ?? 0);
  if (giao && giao.index > 0 && !insideParens(giao.index) && names.some((n) => start.indexOf(n) > giao.index)) {
    const at = offset + giao.index;
    return workPart(head.slice(0, offset) + head.slice(at).replace(/^[\s,;:]+/, ''), agencyNames);
  }
  // "- Chủ trì, phối hợp với Sở Giáo dục và Đào tạo tổ chức …" under an agency's heading.
  if (/^(?:chu tri|phoi hop)(?:\s|,)/.test(start)) {
    let end = offset;
    for (const name of names) {
      const at = folded.indexOf(name, offset);
      if (at >= 0 && at < offset + 250) end = Math.max(end, at + name.length);
    }
    const rest = head.slice(end).replace(CONNECTORS, '');
    if (rest.length >= 10) return rest.charAt(0).toUpperCase() + rest.slice(1);
  }
  if (!/^(?:giao|de nghi|yeu cau)\s/.test(start) && !names.some((n) => start.startsWith(n))) return head;
  let end = 0;
  for (const name of names) {
    const at = folded.indexOf(name, offset);
    if (at >= 0 && at < 250) end = Math.max(end, at + name.length);
  }
  if (end === 0) return head;
  const rest = head.slice(end).replace(CONNECTORS, '');
  if (rest.length < 10) return head;
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

function toProposed(matcher: AgencyMatcher, raw: string): ProposedAgency {
  const match = matcher.match(raw);
  return match.matched
    ? {
        raw: match.raw,
        matched: true,
        name: match.name,
        code: match.code,
        id: match.id ?? null,
        score: match.score,
        candidates: [],
      }
    : { raw: match.raw, matched: false, name: match.raw, code: null, id: null, score: 0, candidates: match.candidates };
}

function agencies(
  matcher: AgencyMatcher,
  leadRaw: string | null,
  coordinatingRaw: readonly string[],
): { lead: ProposedAgency | null; coordinating: ProposedAgency[] } {
  const lead = leadRaw ? toProposed(matcher, leadRaw) : null;
  const seen = new Set<string>(lead ? [lead.code ?? foldWords(lead.raw)] : []);
  const coordinating: ProposedAgency[] = [];
  for (const raw of coordinatingRaw) {
    const agency = toProposed(matcher, raw);
    const key = agency.code ?? foldWords(agency.raw);
    // An agency cannot coordinate with itself ("Ban Tổ chức chủ trì, phối hợp với Ban Tổ chức").
    if (seen.has(key)) continue;
    seen.add(key);
    coordinating.push(agency);
  }
  return { lead, coordinating };
}

function tokens(text: string): Set<string> {
  return new Set(
    foldWords(text)
      .split(' ')
      .filter((t) => t.length > 1 && !/^\d+$/.test(t)),
  );
}

/** The body item that describes the same work as a catalog row (the catalog repeats the body's words). */
function linkBodyItem(row: CatalogRow, items: readonly ProseItem[], used: Set<ProseItem>): ProseItem | null {
  const rowTokens = tokens(row.cells.title ?? '');
  if (rowTokens.size === 0) return null;
  let best: { item: ProseItem; score: number } | null = null;
  for (const item of items) {
    const itemTokens = tokens(item.text);
    let shared = 0;
    for (const t of rowTokens) if (itemTokens.has(t)) shared++;
    const score = shared / rowTokens.size - (used.has(item) ? 0.05 : 0);
    if (!best || score > best.score) best = { item, score };
  }
  return best && best.score >= 0.6 ? best.item : null;
}

function boldMarks(rawLines: readonly string[], startLine: number, endLine: number): string[] {
  const marks: string[] = [];
  for (const line of rawLines.slice(startLine - 1, endLine)) {
    for (const m of line.matchAll(/\*\*(.+?)\*\*/g)) marks.push(modernizeToneMarks(stripMarkup(m[1])).trim());
  }
  return marks.filter(Boolean);
}

function cellText(cell: string): string {
  // "<ul><li>A</li><li>B</li></ul>" arrives as " - A - B": one line per item, as the Office would type it.
  const items = cell
    .split(/\s+-\s+(?=\p{Lu})/u)
    .map((s) => s.trim())
    .filter((s) => s && s !== '-');
  if (/^\s*-\s/.test(cell) || items.length > 1) return items.map((s) => `- ${s.replace(/^-\s*/, '')}`).join('\n');
  return cell.trim();
}

function leadFromCell(cell: string): Assignment {
  // "Ban Tuyên giáo Tỉnh ủy (chủ trì); Văn phòng Tỉnh ủy (phối hợp)": roles written after each name.
  const roles = [...cell.matchAll(/([^;,()]+?)\s*\((chủ trì|phối hợp)\)/giu)].map((m) => ({
    name: m[1].replace(/^\s*(?:và|-)\s+/u, '').trim(),
    leads: /chủ trì/iu.test(m[2]),
  }));
  if (roles.some((r) => r.leads))
    return {
      lead: roles.find((r) => r.leads)?.name ?? null,
      coordinating: roles.filter((r) => !r.leads).map((r) => r.name),
    };
  const parsed = parseAssignment(cell);
  if (parsed.lead) return parsed;
  // A "Cơ quan chủ trì" cell may hold only names: the first leads, the others share the work.
  const names = splitAgencyList(cell).filter(looksLikeAgency);
  return { lead: names[0] ?? null, coordinating: [...names.slice(1), ...parsed.coordinating] };
}

function firstKnown(...types: DeliverableType[]): DeliverableType {
  return types.find((t) => t !== 'khac') ?? 'khac';
}

function round(n: number): number {
  return Math.round(Math.min(0.99, Math.max(0.05, n)) * 100) / 100;
}

interface Context {
  matcher: AgencyMatcher;
  defaultYear: number | null;
  period: Deadline | null;
  rawLines: string[];
  registry: readonly RegistryAgency[];
}

function dueOf(
  own: Deadline | null,
  context: Context,
  section: Deadline | null = null,
): Pick<ProposedTask, 'dueText' | 'dueDate' | 'milestones' | 'recurring' | 'workingDays' | 'continuous' | 'dueSource'> {
  if (own)
    return {
      dueText: own.text,
      dueDate: own.dueDate,
      milestones: own.milestones,
      recurring: own.recurring,
      workingDays: own.workingDays,
      continuous: own.continuous,
      dueSource: 'stated',
    };
  const period = section ?? context.period;
  if (period)
    return {
      dueText: period.text,
      dueDate: period.dueDate,
      milestones: [],
      recurring: false,
      workingDays: null,
      continuous: false,
      dueSource: 'document-period',
    };
  return {
    dueText: null,
    dueDate: null,
    milestones: [],
    recurring: false,
    workingDays: null,
    continuous: false,
    dueSource: 'none',
  };
}

function clip(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > 140 ? `${one.slice(0, 139)}…` : one;
}

function reason(code: ReasonCode, evidence: string | null = null): FieldReason {
  return { code, evidence: evidence ? clip(evidence) : null };
}

function dueReason(
  due: Pick<ProposedTask, 'dueText' | 'dueSource' | 'continuous' | 'workingDays'>,
  stated: ReasonCode,
  fromSection: boolean,
): FieldReason {
  if (due.dueSource === 'none') return reason('due-none');
  if (due.dueSource === 'document-period')
    return reason(fromSection ? 'due-section-period' : 'due-document-period', due.dueText);
  if (due.continuous) return reason('due-continuous', due.dueText);
  if (due.workingDays) return reason('due-working-days', due.dueText);
  return reason(stated, due.dueText);
}

function typeReason(type: DeliverableType, code: ReasonCode, evidence: string): FieldReason {
  if (type === 'khac') return reason('type-none');
  return reason(code, evidence.split(/\s+/).slice(0, 8).join(' '));
}

/** The agency whose remit the work is, when the text names none; null when it names one or no remit stands out. */
function suggestedLead(context: Context, text: string): ProposedTask['suggestedLead'] {
  const topic = suggestLeadByTopic(text, context.registry);
  if (!topic) return null;
  const proposed = toProposed(context.matcher, topic.agency.name);
  return proposed.matched ? { ...proposed, score: topic.strength, remit: topic.remit } : null;
}

function leadReason(
  lead: ProposedAgency | null,
  suggestion: ProposedTask['suggestedLead'],
  found: ReasonCode,
): FieldReason {
  if (lead) return reason(found, lead.raw);
  if (suggestion) return reason('lead-by-topic', suggestion.remit);
  return reason('lead-none');
}

function coordinatingReason(list: readonly ProposedAgency[], found: ReasonCode): FieldReason {
  return list.length ? reason(found, list.map((a) => a.raw).join('; ')) : reason('coordinating-none');
}

function catalogTasks(tables: CatalogTable[], items: readonly ProseItem[], context: Context): ProposedTask[] {
  const used = new Set<ProseItem>();
  const candidates = items.filter((item) => item.sectionKind !== 'purpose' && item.sectionKind !== 'organization');
  return tables.flatMap((table) =>
    table.rows.map((row): ProposedTask => {
      const text = cellText(row.cells.title ?? '');
      const body = linkBodyItem(row, candidates, used);
      if (body) used.add(body);
      const fromCell = leadFromCell(row.cells.lead ?? '');
      const bodyAssignment = body ? parseAssignment(body.text) : { lead: null, coordinating: [] };
      const leadRaw = fromCell.lead ?? bodyAssignment.lead ?? body?.sectionLead ?? null;
      const coordinatingCells = [
        ...fromCell.coordinating,
        ...splitAgencyList(row.cells.coordinating ?? '').filter(looksLikeAgency),
      ];
      const coordinatingRaw = [...coordinatingCells, ...bodyAssignment.coordinating];
      const { lead, coordinating } = agencies(context.matcher, leadRaw, coordinatingRaw);
      const own = row.cells.due ? parseDeadline(row.cells.due, { defaultYear: context.defaultYear }) : null;
      const due = dueOf(own, context);
      if (own) due.dueText = row.cells.due?.trim() ?? own.text;
      const marks = body ? boldMarks(context.rawLines, body.startLine, body.endLine) : [];
      const workItems = countWorkItems(text.replace(/^- /gm, ''), marks);
      const groupField = row.group ? fieldOfHeading(row.group) : null;
      const field = groupField ?? body?.headingField ?? classifyField(text) ?? null;
      const fromWords = classifyDeliverable(text.replace(/^- /, ''));
      const deliverableType = firstKnown(fromWords, classifyDeliverable(row.cells.form ?? ''));
      const suggestion = lead ? null : suggestedLead(context, text);
      return {
        title: taskTitle(text),
        text,
        deliverableType,
        workItems: workItems.length ? workItems : [{ type: deliverableType, text }],
        leadAgency: lead,
        coordinatingAgencies: coordinating,
        ...due,
        field,
        suggestedLead: suggestion,
        confidence: round(
          0.9 -
            (lead ? 0 : 0.2) -
            (lead && !lead.matched ? 0.1 : 0) -
            (own?.dueDate || own?.workingDays ? 0 : 0.15) -
            (body ? 0 : 0.05),
        ),
        source: {
          startLine: row.startLine,
          endLine: row.endLine,
          origin: 'catalog-row',
          marker: row.index,
          section: table.caption,
          bodyLines: body ? { startLine: body.startLine, endLine: body.endLine } : null,
        },
        reasons: {
          task: reason('catalog-row', row.index ? `${table.caption ?? ''} ${row.index}`.trim() : table.caption),
          lead: leadReason(lead, suggestion, fromCell.lead ? 'lead-column' : 'lead-in-body'),
          coordinating: coordinatingReason(
            coordinating,
            coordinating.length && coordinatingCells.length ? 'coordinating-column' : 'coordinating-in-text',
          ),
          due: dueReason(due, 'due-column', false),
          type:
            marks.length > 0 && deliverableType !== 'khac'
              ? reason('type-bold-marks', marks.join('; '))
              : typeReason(
                  deliverableType,
                  fromWords !== 'khac' ? 'type-from-words' : 'type-form-column',
                  fromWords !== 'khac' ? text : (row.cells.form ?? ''),
                ),
          field: groupField
            ? reason('field-group', row.group)
            : field && body?.headingField
              ? reason('field-heading', body.headings.at(-1) ?? null)
              : field
                ? reason('field-words')
                : reason('field-none'),
        },
      };
    }),
  );
}

const ORIGIN_CONFIDENCE: Record<ProseItem['origin'], number> = {
  numbered: 0.8,
  'paren-numbered': 0.8,
  'sub-numbered': 0.75,
  'sub-letter': 0.75,
  bullet: 0.65,
  section: 0.6,
  paragraph: 0.65,
};

/** The pieces of an item that are tasks: one per (agency, action) pair when it gives work to several agencies. */
function piecesOf(item: ProseItem): { text: string; head: string; split: boolean; assignment: Assignment }[] {
  const clauses = splitAssignments(item.text).filter((c) => c.lead !== null);
  if (clauses.length < 2)
    return [{ text: item.text, head: item.head, split: false, assignment: parseAssignment(item.text) }];
  // A clause keeps the lead it was split with: "…, hoàn thành trong quý I; đồng thời rà soát …, trước 30/6" is the
  // same agency's second task though its own words name nobody.
  return clauses.map((c) => ({
    text: c.text,
    head: c.text.split('\n\n')[0],
    split: true,
    assignment: { lead: c.lead, coordinating: c.coordinating },
  }));
}

function taskReason(item: ProseItem, split: boolean): FieldReason {
  const where = [item.marker, item.section].filter(Boolean).join(' — ') || null;
  if (split) return reason('split-assignment', where);
  if (item.origin === 'paragraph')
    return reason(item.section ? 'paragraph-under-heading' : 'paragraph-assignment', item.section);
  if (item.parent) return reason('sub-item', where);
  return reason('numbered-item', where);
}

function proseTasks(items: readonly ProseItem[], context: Context): ProposedTask[] {
  return items
    .filter((item) => item.isTask)
    .flatMap((item) =>
      piecesOf(item).map(({ text, head, split, assignment: own }): ProposedTask => {
        const parent = item.parent ? parseAssignment(item.parent.head) : null;
        const leadRaw = own.lead ?? parent?.lead ?? item.sectionLead ?? null;
        const { lead, coordinating } = agencies(context.matcher, leadRaw, [
          ...own.coordinating,
          ...(own.lead ? [] : (parent?.coordinating ?? [])),
        ]);
        const ownDeadline = findDeadline(text, { defaultYear: context.defaultYear });
        const parentDeadline =
          !ownDeadline && item.parent ? findDeadline(item.parent.head, { defaultYear: context.defaultYear }) : null;
        const stated = ownDeadline ?? parentDeadline;
        const section = sectionPeriod(item, context.defaultYear);
        const due = dueOf(stated, context, section);
        const work = workPart(head, [leadRaw ?? '', ...own.coordinating]);
        const deliverableType = classifyDeliverable(work);
        const workItems = countWorkItems(work);
        const field = item.headingField ?? classifyField(text);
        const suggestion = lead ? null : suggestedLead(context, work);
        return {
          title: taskTitle(work),
          text,
          deliverableType,
          workItems: workItems.length ? workItems : [{ type: deliverableType, text: head }],
          leadAgency: lead,
          coordinatingAgencies: coordinating,
          ...due,
          field,
          suggestedLead: suggestion,
          confidence: round(
            ORIGIN_CONFIDENCE[item.origin] +
              (lead?.matched ? 0.1 : lead ? 0 : -0.05) +
              (stated?.dueDate || stated?.workingDays || stated?.continuous ? 0.05 : due.dueDate ? 0 : -0.1) +
              (item.sectionKind === 'tasks' ? 0.05 : 0) -
              (split ? 0.05 : 0),
          ),
          source: {
            startLine: item.startLine,
            endLine: item.endLine,
            origin: item.origin,
            marker: item.marker,
            section: item.section,
            bodyLines: null,
          },
          reasons: {
            task: taskReason(item, split),
            lead: leadReason(
              lead,
              suggestion,
              own.lead ? 'lead-in-text' : parent?.lead ? 'lead-of-parent' : 'lead-of-section',
            ),
            coordinating: coordinatingReason(
              coordinating,
              own.coordinating.length ? 'coordinating-in-text' : 'coordinating-of-parent',
            ),
            due: dueReason(due, ownDeadline ? 'due-in-text' : 'due-of-parent', section !== null),
            type: typeReason(deliverableType, 'type-from-words', work),
            field: item.headingField
              ? reason('field-heading', [...item.headings].reverse().find((h) => fieldOfHeading(h)) ?? null)
              : field
                ? reason('field-words')
                : reason('field-none'),
          },
        };
      }),
    );
}

/**
 * The period the whole directive covers, the deadline of tasks that state none: "chỉ đạo tháng 4-2021",
 * "triển khai nhiệm vụ 3 tháng cuối năm 2020". Periods the text reviews ("kết quả 6 tháng đầu năm") do not count.
 */
const REVIEW_WORDS = /ket qua|danh gia|tinh hinh|so ket|tong ket|\bqua\b|da dat/;
const FORWARD_WORDS = /nhiem vu|chi dao|trong tam|thuc hien|trien khai|phuong huong|chuong trinh|ke hoach|trong$/;

function periodsIn(text: string, defaultYear: number | null, forwardOnly: boolean): Deadline[] {
  return findPeriods(text, { defaultYear }).filter((p) => {
    if (!p.dueDate) return false;
    const near = foldWords(text.slice(Math.max(0, p.start - 60), p.start))
      .split(' ')
      .slice(-6)
      .join(' ');
    if (REVIEW_WORDS.test(near)) return false;
    if (FORWARD_WORDS.test(near)) return true;
    // Without a forward word, a title's period still names the document's ("Chương trình công tác tháng 3"),
    // unless it is the first part of a year, which titles review ("về công tác 6 tháng đầu năm").
    return !forwardOnly && !/dau nam/.test(foldWords(p.text));
  });
}

/**
 * The period the whole directive covers, the deadline of tasks that state none: "chỉ đạo tháng 4-2021",
 * "triển khai nhiệm vụ 3 tháng cuối năm 2020". Periods the text reviews ("kết quả 6 tháng đầu năm") do not count.
 */
function documentPeriod(title: string, intro: string, defaultYear: number | null): Deadline | null {
  return (
    periodsIn(title, defaultYear, true)[0] ??
    periodsIn(intro, defaultYear, true)[0] ??
    periodsIn(title, defaultYear, false)[0] ??
    null
  );
}

/** The period a task's own section heading names ("II. NHIỆM VỤ TRỌNG TÂM 6 THÁNG CUỐI NĂM 2022"). */
function sectionPeriod(item: ProseItem, defaultYear: number | null): Deadline | null {
  for (const heading of [...item.headings].reverse()) {
    if (!/nhiem vu|phuong huong|chi dao|trong tam/.test(foldWords(heading))) continue;
    const found = periodsIn(heading, defaultYear, false)[0];
    if (found) return found;
  }
  return null;
}

function yearOf(date: string | Date | undefined): number | null {
  if (date === undefined) return null;
  const year = typeof date === 'string' ? Number(date.slice(0, 4)) : date.getUTCFullYear();
  return Number.isFinite(year) ? year : null;
}

function count(items: readonly WorkItem[]): WorkItemCount {
  const byType: Partial<Record<DeliverableType, number>> = {};
  for (const item of items) {
    // The notes count "sơ, tổng kết" together.
    const type = item.type === 'tong-ket' ? 'so-ket' : item.type;
    byType[type] = (byType[type] ?? 0) + 1;
  }
  return { total: items.length, byType };
}

function reconcile(normalized: string, tasks: readonly ProposedTask[]): WorkItemReconciliation | null {
  const declared = parseDeclaredCount(normalized);
  if (!declared) return null;
  const byType: Partial<Record<DeliverableType, number>> = {};
  for (const { words, count: n } of declared.counts) {
    const type = /ket$/.test(words) ? 'so-ket' : classifyDeliverable(words);
    byType[type] = (byType[type] ?? 0) + n;
  }
  const found = count(tasks.flatMap((t) => t.workItems));
  const declaredCount: WorkItemCount = { total: declared.total ?? 0, byType };
  const matches =
    declaredCount.total === found.total &&
    Object.entries(byType).every(([type, n]) => found.byType[type as DeliverableType] === n);
  return { declared: declaredCount, found, rows: tasks.length, matches, note: declared.note };
}

/**
 * Reads a directive and proposes its tasks for the Office to review. Pure: no I/O, same input → same output.
 *
 * A catalog table, when there is one, is the list of tasks (the body's bullets fill in fields, agencies and the
 * count of deliverables); otherwise the numbered items of the body are, minus reviews of past results,
 * goals, implementation duties, distribution lists and signatures.
 */
export function parseDirective(text: string, options: ParseDirectiveOptions): ParsedDirective {
  const warnings: string[] = [];
  const rawLines = text.replace(/\r\n?/g, '\n').split('\n');
  const normalized = repairOcrNoise(normalizeText(text));
  const blocks = splitBlocks(normalized);
  const items = parseProseItems(blocks);
  // A loop, not Math.min(...lines): spreading a long document's items overflows the call stack.
  let firstItemLine = rawLines.length + 1;
  for (const item of items) firstItemLine = Math.min(firstItemLine, item.startLine);
  for (const block of blocks) if (block.kind === 'roman') firstItemLine = Math.min(firstItemLine, block.startLine);
  const directive = parseDirectiveMetadata(normalized, firstItemLine - 1);
  const intro = normalized
    .split('\n')
    .slice(0, firstItemLine - 1)
    .join('\n');
  const fallbackYear = yearOf(directive.issuedAt ?? undefined) ?? yearOf(options.today);
  const period = documentPeriod(directive.title, intro, fallbackYear);
  const defaultYear =
    yearOf(directive.issuedAt ?? undefined) ?? yearOf(period?.dueDate ?? undefined) ?? yearOf(options.today);
  const context: Context = {
    matcher: createAgencyMatcher(options.agencies),
    defaultYear,
    period,
    rawLines,
    registry: options.agencies,
  };

  const tables = parseCatalogTables(normalized).filter((t) => t.columns.includes('lead') || t.columns.includes('due'));
  const tasks = tables.length ? catalogTasks(tables, items, context) : proseTasks(items, context);
  if (tasks.length === 0) warnings.push('Không tìm thấy nhiệm vụ nào trong văn bản.');
  if (!directive.number) warnings.push('Không đọc được số hiệu văn bản.');
  const unmatched = new Set<string>();
  for (const task of tasks)
    for (const agency of [task.leadAgency, ...task.coordinatingAgencies])
      if (agency && !agency.matched) unmatched.add(agency.raw);

  return {
    directive,
    period: period ? { text: period.text, dueDate: period.dueDate } : null,
    tasks,
    unmatchedAgencies: [...unmatched],
    workItems: tables.length ? reconcile(normalized, tasks) : null,
    warnings,
  };
}
