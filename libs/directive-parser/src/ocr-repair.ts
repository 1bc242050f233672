/**
 * What a scan (or a PDF's text layer) adds to a directive's text, taken out before its structure is read:
 * the incoming-mail stamp ("VĂN BẢN ĐẾN", "Số: … Ngày: … Chuyển: …"), filing notes, digital-signature stamps,
 * page numbers, stray letters, and words cut at the end of a line. Lines are blanked, never removed, so line
 * numbers still point into the text the user gave.
 */

// Lines of the incoming-mail stamp, a filing note or a digital signature: never part of a directive's own text.
const STAMP_LINES: readonly RegExp[] = [
  /^(?:công\s+văn|văn\s+bản)\s+đến(?!\p{L})/iu,
  /^đến\s*[:.]?\s*(?:số(?!\p{L}).*)?$/iu,
  /^chuyển\s*:/iu,
  /^lưu\s+hồ\s+sơ(?!\p{L})/iu,
  /^số\s+và\s+ký\s+hiệu\s+hồ\s+sơ(?!\p{L})/iu,
  // "Thời gian ký:" stays: a letter whose date line was left blank is dated by its signature.
  /^(?:người\s+ký|ký\s+bởi|email)\s*:/iu,
  /^giờ\s*:\s*\d/iu,
];

/** "Số: 1234 Ngày: 05/10/2022": the register number of the incoming stamp, not the document's number. */
function isRegisterStamp(line: string): boolean {
  return /(?:^|\s)ngày\s*:/iu.test(line) && /(?:^|\s)(?:số|đến|chuyển|giờ)\s*:/iu.test(line);
}

/** "2", "- 3 -", "Trang 2/5": a page number on a line of its own. */
function isPageNumber(line: string): boolean {
  return /^[-–—\s]*\d{1,3}[-–—\s]*$/.test(line) || /^trang\s+\d{1,3}(?:\s*\/\s*\d{1,3})?$/iu.test(line);
}

/** A letter or two on a line of their own, left by a speck or a stamp's edge; list markers ("a)", "I.") stay. */
function isStray(line: string): boolean {
  if (!/^[\p{L}\p{P}\p{S}]{1,2}$/u.test(line)) return false;
  return !/^(?:[a-zđ]\)|[IVX]{1,2}\.?|[-–•+*])$/u.test(line);
}

export function isNoiseLine(line: string): boolean {
  const trimmed = line.trim();
  if (trimmed === '') return false;
  // "-------", "_____", "* * *": the rules under a header's names.
  if (/^[-–—_=~.·•*\s]{3,}$/.test(trimmed)) return true;
  return (
    STAMP_LINES.some((p) => p.test(trimmed)) || isRegisterStamp(trimmed) || isPageNumber(trimmed) || isStray(trimmed)
  );
}

const WORD = /\p{L}+/gu;

function wordCounts(lines: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of lines)
    for (const m of line.matchAll(WORD)) {
      const w = m[0].toLowerCase();
      counts.set(w, (counts.get(w) ?? 0) + 1);
    }
  return counts;
}

function nextNonEmpty(lines: readonly string[], from: number): number {
  for (let i = from; i < lines.length; i++) if (lines[i].trim() !== '') return i;
  return -1;
}

/**
 * Joins a word a line end cut in two: "thực hi-" + "ện" always; "thực hi" + "ện" only when the document itself
 * writes "hiện" elsewhere and one of the pieces is no word of it (so "phối" + "hợp" stay two words).
 */
function joinCutWords(lines: string[]): void {
  const counts = wordCounts(lines);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trimEnd();
    if (line === '') continue;
    const j = nextNonEmpty(lines, i + 1);
    if (j < 0 || j - i > 2) continue;
    const next = lines[j].trimStart();
    const head = /^(\p{Ll}+)(?=[\s,.;:]|$)/u.exec(next)?.[1];
    if (!head) continue;
    const hyphenated = /(\p{L}+)-$/u.exec(line);
    const tail = hyphenated?.[1] ?? /(?:^|\s)(\p{L}+)$/u.exec(line)?.[1];
    if (!tail) continue;
    const joined = (tail + head).toLowerCase();
    if (!hyphenated) {
      const known = (counts.get(joined) ?? 0) > 0;
      const pieceUnknown = (counts.get(head.toLowerCase()) ?? 0) <= 1 || (counts.get(tail.toLowerCase()) ?? 0) <= 1;
      if (!known || !pieceUnknown) continue;
    }
    lines[i] = (hyphenated ? line.slice(0, -1) : line) + head;
    lines[j] = next.slice(head.length).trimStart();
  }
}

/** The text with OCR and page furniture blanked and cut words joined; same number of lines. */
export function repairOcrNoise(normalizedText: string): string {
  const lines = normalizedText.split('\n').map((line) => (isNoiseLine(line) ? '' : line));
  joinCutWords(lines);
  return lines.join('\n');
}
