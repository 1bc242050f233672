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
  ['sub-numbered', /^(\d{1,2}\.\d{1,2})\.?\s+(\S.*)$/],
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

/** Classifies a line and returns its marker and text. */
export function classifyLine(line: string): { kind: BlockKind; marker: string | null; text: string } {
  if (isTableLine(line)) return { kind: 'table-row', marker: null, text: line };
  for (const [kind, pattern] of MARKERS) {
    const m = pattern.exec(line);
    if (!m) continue;
    if (kind === 'roman' && !(isUpperCaseLine(m[2]) || m[2].length <= 80)) continue;
    if (kind === 'letter-section' && !isUpperCaseLine(m[2])) continue;
    return { kind, marker: m[1] === '' ? null : m[1], text: m[2].trim() };
  }
  return { kind: 'paragraph', marker: null, text: line.trim() };
}

/** Splits normalised text into blocks; lines that a page break cut in two are joined. */
export function splitBlocks(normalizedText: string): Block[] {
  const lines = normalizedText.split('\n');
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
    // A sentence cut by a page end continues on a line that starts in lower case.
    if (
      previous &&
      classified.kind === 'paragraph' &&
      previous.kind !== 'table-row' &&
      previous.zone === zone &&
      !endsSentence(pieces.get(previous)?.at(-1) ?? previous.text) &&
      startsLowercase(line)
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
