import { foldVietnamese } from '@dondoc/contracts';

// Runs in the import worker thread. Text as laid out on a page (a PDF's text items, or the words OCR found) →
// lines in reading order, a catalog table's rows each on ONE line with its cells joined by TAB, which is what
// the directive parser reads as a table (libs/directive-parser/src/catalog-table.parser.ts).

/** Text with no wide gap inside it, on one line: a cell's line, or a line of prose. */
export interface TextRun {
  text: string;
  /** Left and right edges, in the page's units. */
  x: number;
  end: number;
}

/** One line of a page, top to bottom (y grows downwards), its runs left to right. */
export interface LayoutLine {
  top: number;
  bottom: number;
  /** The text's size (a PDF's font size, an OCR word's height): gaps and tolerances are measured in it. */
  size: number;
  runs: TextRun[];
}

export interface LayoutPage {
  width: number;
  lines: LayoutLine[];
}

/** A positioned piece of text: a PDF text item, or an OCR word. */
export interface PlacedText {
  text: string;
  x: number;
  width: number;
  /** Baseline (PDF) or bottom (OCR), y downwards. */
  y: number;
  size: number;
}

/** A gap wider than this (in text sizes) separates runs: a table's cells, or the two halves of a letterhead. */
const RUN_GAP = 0.6;
/** Outside a table, runs further apart than this stay apart (TAB), as the parser's letterhead reader expects. */
const WIDE_GAP = 2.5;

const isBlank = (s: string) => !/\S/.test(s);

/**
 * Groups positioned text into lines (by y, within 40% of the text size) and each line into runs (split where the
 * gap between two pieces exceeds `RUN_GAP` sizes). Whitespace pieces are dropped: gaps come from positions.
 */
export function linesOf(pieces: PlacedText[], runGap = RUN_GAP): LayoutLine[] {
  const placed = pieces.filter((p) => !isBlank(p.text) && Number.isFinite(p.x) && Number.isFinite(p.y) && p.size > 0);
  placed.sort((a, b) => a.y - b.y || a.x - b.x);
  const groups: PlacedText[][] = [];
  for (const piece of placed) {
    const group = groups.at(-1);
    const anchor = group?.[0];
    if (group && anchor && Math.abs(piece.y - anchor.y) <= 0.4 * Math.max(anchor.size, piece.size)) group.push(piece);
    else groups.push([piece]);
  }
  return groups.map((group) => {
    group.sort((a, b) => a.x - b.x);
    const size = median(group.map((p) => p.size));
    const runs: TextRun[] = [];
    for (const p of group) {
      const run = runs.at(-1);
      const gap = run ? p.x - run.end : Infinity;
      if (run && gap <= runGap * size) {
        // pdf.js cuts words where the font changes (a Vietnamese letter from another subset): no space there.
        run.text += gap > 0.12 * size && !/\s$/.test(run.text) && !/^\s/.test(p.text) ? ` ${p.text}` : p.text;
        run.end = Math.max(run.end, p.x + p.width);
      } else runs.push({ text: p.text, x: p.x, end: p.x + p.width });
    }
    for (const run of runs) run.text = run.text.replace(/\s+/g, ' ').trim();
    const ys = group.map((p) => p.y);
    return { top: Math.min(...ys) - size, bottom: Math.max(...ys), size, runs: runs.filter((r) => r.text) };
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

const fold = (s: string) => foldVietnamese(s, { wordsOnly: true });

/** Words of a catalog's column headings (the parser's own list, roughly): two of them make a header row. */
const HEADER_WORDS = [
  /^(?:s?tt|so tt|so thu tu)$/,
  /noi dung|ten (?:de an|nhiem vu|cong viec|chuong trinh|ke hoach|van ban)|nhiem vu|cong viec/,
  /chu tri|co quan|don vi|phan cong|trach nhiem/,
  /phoi hop/,
  /thoi gian|thoi han|tien do|han hoan thanh/,
  /ghi chu|san pham|hinh thuc/,
];

function headerHits(runs: TextRun[]): number {
  const hits = new Set<number>();
  for (const run of runs) {
    const folded = fold(run.text);
    if (folded.split(' ').length > 12) continue;
    HEADER_WORDS.forEach((pattern, i) => {
      if (pattern.test(folded)) hits.add(i);
    });
  }
  return hits.size;
}

const INDEX = /^(?:\d{1,3}|[IVX]{1,4})[.)]?$/;

interface Table {
  /** Left edge of each column's text; a run belongs to the last column starting left of it. */
  starts: number[];
  header: string[];
  /** Lines the header took (its repetition after a page break is skipped by that count). */
  headerLines: number;
  rows: string[][];
}

/** Which column a run sits in (the last one starting left of it), or null when it reaches into the next one. */
function columnOf(run: TextRun, starts: number[], tolerance: number): number | null {
  let column = 0;
  for (let c = 1; c < starts.length; c++) if (run.x >= starts[c] - tolerance) column = c;
  const next = starts[column + 1];
  return next !== undefined && run.end > next + tolerance ? null : column;
}

function cellsOf(line: LayoutLine, starts: number[]): string[] | null {
  const tolerance = 0.5 * line.size;
  const cells = starts.map(() => '');
  for (const run of line.runs) {
    const column = columnOf(run, starts, tolerance);
    if (column === null) return null;
    cells[column] = joinWrapped(cells[column], run.text);
  }
  return cells;
}

/**
 * Column starts from the table's lines: the left edges of their runs, clustered within a text size; two clusters
 * never seen on the same line merged (a centred column's text starts at varying places); a cluster too rare to be
 * a column (a wide gap inside one cell's line) dropped.
 */
function columnStarts(tableLines: LayoutLine[]): number[] {
  const size = median(tableLines.map((l) => l.size));
  const xs = tableLines.flatMap((line, i) => line.runs.map((run) => ({ x: run.x, line: i })));
  xs.sort((a, b) => a.x - b.x);
  const clusters: Array<{ x: number; last: number; lines: Set<number> }> = [];
  for (const { x, line } of xs) {
    const cluster = clusters.at(-1);
    if (cluster && x - cluster.last <= size) {
      cluster.last = x;
      cluster.lines.add(line);
    } else clusters.push({ x, last: x, lines: new Set([line]) });
  }
  const merged: typeof clusters = [];
  for (const cluster of clusters) {
    const previous = merged.at(-1);
    const together = previous && [...cluster.lines].some((l) => previous.lines.has(l));
    if (previous && !together && cluster.x - previous.last < 6 * size) {
      previous.last = cluster.last;
      for (const l of cluster.lines) previous.lines.add(l);
    } else merged.push(cluster);
  }
  const support = Math.min(tableLines.length, Math.max(2, Math.ceil(tableLines.length * 0.1)));
  return merged.filter((c, i) => i === 0 || c.lines.size >= support).map((c) => c.x);
}

/** The first line of a row: an index (STT) in the first column, and some other cell. */
function isRowStart(line: LayoutLine): boolean {
  return line.runs.length >= 2 && INDEX.test(line.runs[0].text);
}

/** A page number alone at the top or bottom of a page, centred: not part of the text. */
function isPageNumber(line: LayoutLine, page: LayoutPage): boolean {
  if (line.runs.length !== 1 || !/^[-–]?\s*\d{1,3}\s*[-–]?$/.test(line.runs[0].text)) return false;
  const centre = (line.runs[0].x + line.runs[0].end) / 2;
  return Math.abs(centre - page.width / 2) < page.width * 0.12;
}

/** A cell's text wrapped onto the next line: a space between, none after a hyphen ("2021-" + "2025"). */
function joinWrapped(before: string, after: string): string {
  if (!before || !after) return before || after;
  return /[\p{L}\p{N}]-$/u.test(before) ? before + after : `${before} ${after}`;
}

interface FlatLine extends LayoutLine {
  page: number;
}

/**
 * A header row at `h`: two or more runs naming columns, its wrapped lines below it, then the rows, the first
 * beginning with an index within a few lines. The header ends where a gap wider than its line spacing shows the
 * border above the first row (whose index may sit lower, centred).
 */
function tableAt(lines: FlatLine[], h: number): { table: Table; next: number } | null {
  const head = lines[h];
  if (head.runs.length < 2 || headerHits(head.runs) < 2 || isRowStart(head)) return null;
  let first = h + 1;
  while (first < lines.length && first <= h + 5 && !isRowStart(lines[first])) first++;
  if (first >= lines.length || !isRowStart(lines[first]) || lines[first].page !== head.page) return null;
  let body = h + 1;
  while (body < first && lines[body].bottom - lines[body - 1].bottom <= 1.5 * lines[body].size) body++;
  // The table's lines, until the text stops looking like it: a run in the index column that is not an index
  // and reaches into the next column (prose again), or a wide empty space.
  const tableLines: LayoutLine[] = [];
  const second = lines[first].runs[1].x;
  for (let i = body; i < lines.length; i++) {
    const line = lines[i];
    const lead = line.runs[0];
    const above = lines[i - 1];
    if (!INDEX.test(lead.text) && lead.x < second - line.size && lead.end > second + line.size) break;
    if (above.page === line.page && line.top - above.bottom > 4 * line.size) break;
    tableLines.push(line);
  }
  const starts = columnStarts(tableLines);
  if (starts.length < 2) return null;
  const header = starts.map(() => '');
  for (let i = h; i < body; i++) {
    const cells = cellsOf(lines[i], starts);
    if (!cells) return null;
    cells.forEach((cell, c) => (header[c] = joinWrapped(header[c], cell)));
  }
  return { table: { starts, header, headerLines: body - h, rows: [] }, next: body };
}

/** A group heading across the table ("II | LĨNH VỰC QUỐC PHÒNG", or a line in capitals): index, then the text. */
function groupRow(line: LayoutLine): string[] | null {
  const text = line.runs.map((r) => r.text).join(' ');
  const index = INDEX.exec(line.runs[0].text) && line.runs.length > 1 ? line.runs[0].text : '';
  const rest = index
    ? line.runs
        .slice(1)
        .map((r) => r.text)
        .join(' ')
    : text;
  if (rest !== rest.toLocaleUpperCase('vi') || !/\p{Lu}{2}/u.test(rest)) return null;
  return [index, rest];
}

interface Member {
  line: FlatLine;
  cells: string[];
  /** Begins a row: an index in the first column, or a group heading (`group`, its cells as they are). */
  starts: boolean;
  group: boolean;
  /** A gap above it wider than the table's line spacing: the border between two rows. */
  gapAbove: boolean;
}

/**
 * Reads a table from `at` on, until a line does not fit its columns (or prose reaches into the index column, or a
 * wide empty space follows); the header repeated after a page break is skipped. A row starts where the first
 * column holds an index; other lines add their cells to the row above (text wrapping inside a cell, or a row cut
 * by a page end). When the index sits lower than the row's top (centred vertically: no gap above it), the row's
 * first lines would land in the row above: they move down from where a gap shows the border between the rows.
 */
function readTable(lines: FlatLine[], at: number, table: Table): number {
  const members: Member[] = [];
  let i = at;
  let previous: FlatLine | null = null;
  while (i < lines.length) {
    const line = lines[i];
    if (previous && line.page === previous.page && line.top - previous.bottom > 4 * line.size) break;
    if (previous && line.page !== previous.page && headerHits(line.runs) >= 2 && !isRowStart(line)) {
      i += table.headerLines; // the header again, at the top of the next page
      previous = null;
      continue;
    }
    const cells = cellsOf(line, table.starts);
    const member = { line, gapAbove: false, group: false };
    if (!cells) {
      const group = groupRow(line);
      if (!group) break;
      members.push({ ...member, cells: group, starts: true, group: true });
    } else if (INDEX.test(cells[0]) && cells.slice(1).some(Boolean)) {
      members.push({ ...member, cells, starts: true });
    } else if (cells[0]) break;
    else members.push({ ...member, cells, starts: false });
    previous = line;
    i++;
  }
  const pitches: number[] = [];
  members.forEach((m, k) => {
    const above = members[k - 1]?.line;
    if (above && above.page === m.line.page) pitches.push(m.line.bottom - above.bottom);
  });
  const pitch = median(pitches);
  members.forEach((m, k) => {
    const above = members[k - 1]?.line;
    m.gapAbove = !!above && above.page === m.line.page && m.line.bottom - above.bottom > pitch + 0.25 * m.line.size;
  });
  const rows: Member[][] = [];
  for (const m of members) {
    const row = rows.at(-1);
    if (row && m.starts && !m.group && !row.some((x) => x.starts)) {
      row.push(m); // the index of the first row, below its top lines
      continue;
    }
    if (!m.starts || !row) {
      if (row) row.push(m);
      else rows.push([m]);
      continue;
    }
    let moved: Member[] = [];
    if (!m.gapAbove && !m.group) {
      for (let j = row.length - 1; j > 0; j--) {
        if (row[j].gapAbove) {
          moved = row.splice(j);
          break;
        }
      }
    }
    rows.push([...moved, m]);
  }
  for (const row of rows) {
    const lead = row.find((m) => m.starts) ?? row[0];
    if (lead.group) {
      table.rows.push(lead.cells);
      continue;
    }
    const cells = table.starts.map(() => '');
    for (const m of row) {
      m.cells.forEach((cell, c) => {
        if (cell && c > 0) cells[c] = joinWrapped(cells[c], cell);
      });
    }
    cells[0] = lead.cells[0];
    table.rows.push(cells);
  }
  return i;
}

/** A line outside any table: its runs in order, a wide gap kept as a TAB (a letterhead's two columns). */
function proseLine(line: LayoutLine): string {
  let out = '';
  line.runs.forEach((run, i) => {
    if (i > 0) out += run.x - line.runs[i - 1].end >= WIDE_GAP * line.size ? '\t' : ' ';
    out += run.text;
  });
  return out;
}

/**
 * Pages of laid-out text → the document's text: lines in reading order, each row of a catalog table on one line
 * with TAB between its cells (its header row first), cells that wrap over several lines joined.
 */
export function layoutText(pages: LayoutPage[]): string {
  const lines: FlatLine[] = pages.flatMap((page, p) =>
    page.lines
      .filter((line, i) => line.runs.length && !((i === 0 || i === page.lines.length - 1) && isPageNumber(line, page)))
      .map((line) => ({ ...line, page: p })),
  );
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const found = tableAt(lines, i);
    if (found) {
      const end = readTable(lines, found.next, found.table);
      if (found.table.rows.length >= 2) {
        out.push(found.table.header.join('\t'));
        for (const row of found.table.rows) out.push(row.join('\t').replace(/\t+$/, ''));
        i = end;
        continue;
      }
    }
    out.push(proseLine(lines[i]));
    i++;
  }
  return out.join('\n');
}

/** The subset of pdf.js's text item the layout reads. */
interface PdfTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

/** A PDF page's text items (pdf.js `getTextContent`), y turned downwards from the page's top. */
export function pdfPageLayout(items: unknown[], pageWidth: number, pageHeight: number): LayoutPage {
  const pieces: PlacedText[] = [];
  for (const item of items as PdfTextItem[]) {
    if (typeof item?.str !== 'string' || !Array.isArray(item.transform)) continue;
    const [, , c, d, e, f] = item.transform;
    const size = Math.hypot(c, d) || item.height;
    pieces.push({ text: item.str, x: e, y: pageHeight - f, width: item.width, size });
  }
  return { width: pageWidth, lines: linesOf(pieces) };
}
