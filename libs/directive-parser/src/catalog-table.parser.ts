import { collapseSpaces, foldWords, isUpperCaseLine } from './normalize-text.js';

export type CatalogColumn = 'index' | 'lead' | 'coordinating' | 'title' | 'due' | 'note' | 'form';

export interface CatalogRow {
  index: string | null;
  cells: Partial<Record<CatalogColumn, string>>;
  /** A group row inside the table ("I. LĨNH VỰC KINH TẾ") the row sits under. */
  group: string | null;
  startLine: number;
  endLine: number;
}

export interface CatalogTable {
  columns: CatalogColumn[];
  rows: CatalogRow[];
  /** The heading above the table ("DANH MỤC CÁC CHƯƠNG TRÌNH, ĐỀ ÁN ..."). */
  caption: string | null;
  startLine: number;
  endLine: number;
}

// Order matters: "Cơ quan phối hợp" before "Cơ quan ...", "Tên đề án" before "đề án".
const HEADER_WORDS: ReadonlyArray<[RegExp, CatalogColumn]> = [
  [/^(?:tt|stt|so tt|so thu tu|so)$/, 'index'],
  [/phoi hop/, 'coordinating'],
  [/chu tri|phan cong|co quan thuc hien|don vi thuc hien|co quan tham muu|co quan|don vi|trach nhiem/, 'lead'],
  [/thoi gian|thoi han|tien do|han hoan thanh|moc/, 'due'],
  [/ghi chu/, 'note'],
  [/hinh thuc|san pham|loai van ban/, 'form'],
  [/ten|noi dung|de an|nhiem vu|cong viec|chuong trinh|ke hoach/, 'title'],
];

function splitCells(line: string): string[] | null {
  if (/^\s*\|/.test(line)) {
    if (/^\s*\|?\s*:?-{3,}/.test(line)) return [];
    return line
      .trim()
      .replace(/^\|/, '')
      .replace(/\|$/, '')
      .split('|')
      .map((c) => c.trim());
  }
  if (!line.includes('\t')) return null;
  return line.split('\t').map((c) => c.trim());
}

function headerColumns(cells: string[]): CatalogColumn[] | null {
  if (isIndex(cells[0])) return null;
  const columns = cells.map((cell): CatalogColumn | null => {
    const folded = foldWords(cell);
    if (!folded || folded.split(' ').length > 12) return null;
    return HEADER_WORDS.find(([pattern]) => pattern.test(folded))?.[1] ?? null;
  });
  const named = columns.filter((c): c is CatalogColumn => c !== null);
  if (named.length < 2 || !named.includes('title') || new Set(named).size !== named.length) return null;
  return columns.map((c, i) => c ?? (i === 0 ? 'index' : 'note'));
}

function isIndex(cell: string | undefined): boolean {
  return cell !== undefined && /^(?:\d{1,3}|[IVX]{1,4})[.)]?$/.test(cell.trim());
}

/**
 * "I. LĨNH VỰC KINH TẾ" across the table, or "| II | LĨNH VỰC QUỐC PHÒNG | | |": a heading for the rows below,
 * not a task. It has no agency and no deadline, and is numbered in Roman or written in capitals.
 */
function isGroupRow(cells: string[], columns: CatalogColumn[]): boolean {
  const filled = cells.filter((c) => c !== '');
  if (filled.length === 0) return false;
  // A wrapped cell continues in lower case; a group heading is in capitals or numbered in Roman.
  if (/^\p{Ll}/u.test(filled[0])) return false;
  if (filled.length === 1 && columns.length > 2 && !isIndex(cells[0]) && isUpperCaseLine(filled[0])) return true;
  const valueOf = (column: CatalogColumn): string => cells[columns.indexOf(column)] ?? '';
  const empty = ['lead', 'due', 'coordinating'].every((c) => valueOf(c as CatalogColumn) === '');
  const title = valueOf('title');
  return empty && filled.length <= 2 && (/^[IVX]{1,4}[.)]?$/.test(cells[0] ?? '') || isUpperCaseLine(title));
}

function appendCell(row: CatalogRow, column: CatalogColumn, text: string): void {
  if (!text) return;
  row.cells[column] = row.cells[column] ? collapseSpaces(`${row.cells[column]} ${text}`) : text;
}

function captionAbove(lines: string[], headerIndex: number): string | null {
  for (let i = headerIndex - 1; i >= Math.max(0, headerIndex - 6); i--) {
    const line = lines[i].trim();
    if (!line || line.startsWith('(')) continue;
    if (/^(?:danh muc|phu luc|bang|bieu)\b/.test(foldWords(line))) return line;
  }
  return null;
}

/**
 * Finds the catalog tables of a directive: tab-separated (as copied from a PDF or a word processor) or markdown
 * rows, with a header naming the columns in any order. A header repeated after a page break is skipped, a row
 * without a number continues the row above, and a row with a single filled cell is a group heading.
 */
export function parseCatalogTables(normalizedText: string): CatalogTable[] {
  const lines = normalizedText.split('\n');
  const tables: CatalogTable[] = [];
  let table: CatalogTable | null = null;
  let group: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const cells = splitCells(line);
    if (cells === null) {
      const trimmed = line.trim();
      if (!table || trimmed === '') continue;
      const last = table.rows.at(-1);
      // A wrapped cell that lost its tab: lower-case continuation of the last row's title.
      if (last && /^[\p{Ll}]/u.test(trimmed) && !/[.;:]$/.test(last.cells.title ?? '')) {
        appendCell(last, 'title', trimmed);
        last.endLine = i + 1;
        continue;
      }
      table = null;
      group = null;
      continue;
    }
    if (cells.length === 0) continue;
    const header = headerColumns(cells);
    if (header) {
      if (!table || table.columns.join() !== header.join()) {
        table = { columns: header, rows: [], caption: captionAbove(lines, i), startLine: i + 1, endLine: i + 1 };
        tables.push(table);
        group = null;
      }
      table.endLine = i + 1;
      continue;
    }
    if (!table) continue;
    table.endLine = i + 1;
    const indexAt = table.columns.indexOf('index');
    if (isGroupRow(cells, table.columns)) {
      group = cells.filter((c) => c !== '' && !/^[IVX]{1,4}[.)]?$/.test(c)).join(' ') || null;
      continue;
    }
    const last = table.rows.at(-1);
    const startsRow = indexAt < 0 || isIndex(cells[indexAt]);
    if (!startsRow && last) {
      // The rest of a row cut by a page end: its cells keep their columns (leading tabs survive a copy).
      cells.forEach((cell, c) => appendCell(last, table!.columns[c] ?? 'note', cell));
      last.endLine = i + 1;
      continue;
    }
    const row: CatalogRow = { index: null, cells: {}, group, startLine: i + 1, endLine: i + 1 };
    cells.forEach((cell, c) => {
      const column = table!.columns[c] ?? 'note';
      if (column === 'index') row.index = cell.replace(/[.)]$/, '');
      else appendCell(row, column, cell);
    });
    if (row.cells.title) table.rows.push(row);
  }
  return tables.filter((t) => t.rows.length >= 2);
}

export interface DeclaredCount {
  total: number | null;
  counts: Array<{ words: string; count: number }>;
  note: string;
}

/**
 * Reads a catalog's own tally: "Ghi chú: Chương trình hành động đề ra 33 phần việc, gồm: xây dựng 13 đề án,
 * 04 chương trình, ..., sơ, tổng kết 06 chủ trương".
 */
export function parseDeclaredCount(normalizedText: string): DeclaredCount | null {
  for (const line of normalizedText.split('\n')) {
    const folded = foldWords(line);
    const total = /(\d{1,3})\s+(?:phan viec|nhiem vu|san pham|noi dung|viec)\s+gom/.exec(folded);
    if (!total) continue;
    const rest = folded.slice(total.index + total[0].length);
    const counts: Array<{ words: string; count: number }> = [];
    const pattern =
      /(?:(\d{1,3})\s+((?:de an|chuong trinh|ke hoach|quy dinh|quy che|danh muc|nghi quyet|bao cao)))|(?:((?:so\s+)?(?:va\s+)?(?:so|tong)\s+ket)\s+(\d{1,3}))/g;
    let m: RegExpExecArray | null;
    while ((m = pattern.exec(rest))) {
      if (m[1]) counts.push({ words: m[2], count: Number(m[1]) });
      else counts.push({ words: m[3], count: Number(m[4]) });
    }
    return { total: Number(total[1]), counts, note: line.trim() };
  }
  return null;
}
