import { collapseSpaces, isUpperCaseLine } from './normalize-text.js';

export type BlockKind =
  | 'roman' // I- NHIỆM VỤ
  | 'letter-section' // A. KẾT QUẢ ...
  | 'numbered' // 1. ... / **1.** ...
  | 'sub-numbered' // 1.1. ...
  | 'paren-numbered' // (1) ...
  | 'sub-letter' // a) ...
  | 'bullet' // - ...
  | 'table-row'
  | 'paragraph';

/** One paragraph of the body, with lines broken by a page end joined back. */
export interface Block {
  kind: BlockKind;
  /** The marker's value: "II", "3", "b"; null for bullets and paragraphs. */
  marker: string | null;
  /** Text after the marker, on one line. */
  text: string;
  /** 1-based, inclusive, in the input text. */
  startLine: number;
  endLine: number;
  /** Inside "Nơi nhận", a signature block, or anything after them that is not an appendix. */
  zone: 'body' | 'trailer' | 'appendix';
}

const MARKERS: ReadonlyArray<[BlockKind, RegExp]> = [
  ['roman', /^([IVX]{1,4})\s*[.\-–—/)]\s*(\S.*)$/],
  ['roman', /^(?:PHẦN|Phần)\s+([IVX]{1,4}|thứ\s+\p{L}+)\s*[.:\-–—]?\s*(\S.*)$/u],
  ['letter-section', /^([A-DĐ])\s*[.\-–)/]\s+(\S.*)$/],
  ['sub-numbered', /^(\d{1,2}(?:\.\d{1,2}){1,3})\.?\s+(\S.*)$/],
  ['numbered', /^(\d{1,2})\s*[.)\-–/]\s*(?!\d)(\S.*)$/],
  ['numbered', /^(?:Điều|Mục)\s+(\d{1,2})\s*[.:]\s*(\S.*)$/u],
  ['paren-numbered', /^\((\d{1,2})\)\s*(\S.*)$/],
  ['sub-letter', /^([a-zđ])\s*[)]\s*(\S.*)$/u],
  ['sub-letter', /^([a-hđ])\s*[.]\s+(\S.*)$/u],
  ['bullet', /^()[-–—•+*]\s*(\S.*)$/],
];

const TRAILER_START = /^(?:nơi nhận|noi nhan)\s*:?/iu;
const SIGNATURE = /^(?:T\/M|TM\.?|K\/T|KT\.?|T\/L|TL\.?|Q\.|THAY MẶT|KÝ THAY|THỪA LỆNH)\s*\S/u;
const APPENDIX = /^(?:DANH MỤC|PHỤ LỤC|BẢNG|BIỂU)\b/u;

function isTableLine(line: string): boolean {
  return line.split('\t').length >= 3 || /^\|.*\|\s*$/.test(line);
}

function endsSentence(text: string): boolean {
  return /[.;:!?…"”)\]]$/.test(text.trim());
}

function startsLowercase(text: string): boolean {
  const first = text.trim().charAt(0);
  return first !== '' && first === first.toLowerCase() && first !== first.toUpperCase();
}

// First words of a new piece of work or of an agency as its subject: after a full stop at a wrap, such a line starts
// a paragraph rather than the next sentence of the same one.
const PARAGRAPH_START =
  /^(?:để thực hiện|để triển khai|giao|đề nghị|yêu cầu|tập trung|đẩy mạnh|tăng cường|chỉ đạo|tiếp tục|triển khai|thực hiện|xây dựng|tổ chức|rà soát|nâng cao|phối hợp|chủ động|khẩn trương|kiểm tra|hoàn thành|ban hành|nghiên cứu|quan tâm|làm tốt|chuẩn bị|các|ban|sở|ủy ban|ubnd|đảng|văn phòng|huyện ủy|thành ủy|thị ủy|công an|bộ chỉ huy|trường|hội|mặt trận)\s/iu;

function opensParagraph(line: string): boolean {
  return PARAGRAPH_START.test(line);
}

/** Classifies a line and returns its marker and text. */
export function classifyLine(line: string): { kind: BlockKind; marker: string | null; text: string } {
  if (isTableLine(line)) return { kind: 'table-row', marker: null, text: line };
  // "V/v triển khai …": a letter's subject line, not section V.
  if (/^V\/[vV]\s/.test(line)) return { kind: 'paragraph', marker: null, text: line.trim() };
  // "20-NQ/TW, ngày …" continues a wrapped "Nghị quyết số": a document's number, not item 20.
  if (/^\d{1,4}[-/][A-ZĐ]{2,}/u.test(line)) return { kind: 'paragraph', marker: null, text: line.trim() };
  for (const [kind, pattern] of MARKERS) {
    const m = pattern.exec(line);
    if (!m) continue;
    if (kind === 'roman' && !(isUpperCaseLine(m[2]) || m[2].length <= 80)) continue;
    if (kind === 'letter-section' && !isUpperCaseLine(m[2])) continue;
    return { kind, marker: m[1] === '' ? null : m[1], text: m[2].trim() };
  }
  return { kind: 'paragraph', marker: null, text: line.trim() };
}

/**
 * The width a scan or a PDF's text layer wrapped the body at, or null when lines are paragraphs (a .docx, a paste).
 * Wrapped text has most of its long lines within a few characters of the widest; paragraphs vary freely.
 */
export function wrapWidth(lines: readonly string[]): number | null {
  const lengths = lines
    .filter((l) => !isTableLine(l))
    .map((l) => l.trim().length)
    .filter((n) => n >= 30)
    .sort((a, b) => a - b);
  if (lengths.length < 8) return null;
  const width = lengths[Math.floor(lengths.length * 0.8)];
  if (width > 160) return null;
  const near = lengths.filter((n) => n >= width * 0.85).length;
  return near / lengths.length >= 0.45 ? width : null;
}

/** Splits normalised text into blocks; lines that a page break or a wrap cut in two are joined. */
export function splitBlocks(normalizedText: string): Block[] {
  const lines = normalizedText.split('\n');
  const width = wrapWidth(lines);
  let lastLine = -2;
  const blocks: Block[] = [];
  // A block continued over several lines keeps its pieces here and is joined once at the end: joining (and
  // re-collapsing) the whole text at every line made a long run of continued lines quadratic.
  const pieces = new Map<Block, string[]>();
  let zone: Block['zone'] = 'body';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '') continue;
    if (TRAILER_START.test(line) || SIGNATURE.test(line)) zone = 'trailer';
    else if (zone === 'trailer' && APPENDIX.test(line) && isUpperCaseLine(line)) zone = 'appendix';
    const classified = classifyLine(line);
    const previous = blocks.at(-1);
    const adjacent = lastLine === i - 1;
    const previousLength = adjacent ? lines[i - 1].trim().length : 0;
    lastLine = i;
    // A sentence cut by a page end continues on a line that starts in lower case; in wrapped text, a line that
    // follows a full one continues its paragraph whatever its first letter.
    if (
      previous &&
      classified.kind === 'paragraph' &&
      previous.kind !== 'table-row' &&
      previous.zone === zone &&
      ((!endsSentence(pieces.get(previous)?.at(-1) ?? previous.text) && startsLowercase(line)) ||
        (width !== null &&
          adjacent &&
          previousLength >= width * 0.8 &&
          !(endsSentence(lines[i - 1]) && (previousLength < width * 0.92 || opensParagraph(line))) &&
          !isUpperCaseLine(line)))
    ) {
      let own = pieces.get(previous);
      if (!own) pieces.set(previous, (own = [collapseSpaces(previous.text)]));
      own.push(collapseSpaces(line));
      previous.endLine = i + 1;
      continue;
    }
    // Written out: a spread here is an order of magnitude slower per block.
    const { kind, marker, text } = classified;
    blocks.push({ kind, marker, text, startLine: i + 1, endLine: i + 1, zone });
  }
  for (const [block, own] of pieces) block.text = own.filter((piece) => piece !== '').join(' ');
  return blocks;
}
