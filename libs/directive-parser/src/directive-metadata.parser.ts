import type { DirectiveKind, DirectiveMetadata } from './directive.model.js';
import { collapseSpaces, foldKeepingLength, foldWords, isUpperCaseLine, toSentenceCase } from './normalize-text.js';

/*
 * Kinds of notice. A notice of conclusions is `thong-bao-ket-luan` when a Party committee issues it (Ban Thường vụ
 * or Thường trực Tỉnh ủy: "Số 45-TB/TU", "THÔNG BÁO KẾT LUẬN CỦA BAN THƯỜNG VỤ TỈNH ỦY") and `thong-bao` when a
 * state body does ("Số 88/TB-VPUBND", "THÔNG BÁO Kết luận của Chủ tịch UBND tỉnh tại cuộc họp …"): the issuer's
 * system decides (its number's form, its header, the body the title names), not the word "kết luận", so one
 * province's notices are always filed the same way. Both are conclusions downstream (apps/api to-proposal KIND).
 */

// Party documents number "07-CTr/TU"; state bodies "45/KH-UBND".
const NUMBER = /(?<![\p{L}\d])(\d{1,4})\s*[-–]\s*([A-ZĐ][A-Za-zĐđ]{0,5})\s*\/\s*([A-ZĐƯ][A-ZĐƯa-z]{0,7})(?![\p{L}])/gu;
const STATE_NUMBER =
  /(?<![\p{L}\d/])(\d{1,5})\s*(?:\/\s*(?:19|20)\d{2}\s*)?\/\s*([A-ZĐ][A-Za-zĐđ]{0,7})\s*-\s*([A-ZĐ][A-ZĐa-z]{1,9})(?![\p{L}])/gu;
const CENTRAL_SUFFIX = /^(?:TW|TƯ)$/u;

/** Type codes of a Party number ("07-CTr/TU": CTr), folded to upper-case ASCII. */
const PARTY_KIND_BY_CODE: Record<string, DirectiveKind> = {
  CTR: 'chuong-trinh-hanh-dong',
  KL: 'ket-luan',
  TB: 'thong-bao-ket-luan',
  NQ: 'nghi-quyet',
  CT: 'chi-thi',
  KH: 'ke-hoach',
  CV: 'cong-van',
  QD: 'quyet-dinh',
};
/** Type codes of a state number ("123/QĐ-UBND": QĐ). A công văn has none: "4567/UBND-KT" starts with its issuer. */
const STATE_KIND_BY_CODE: Record<string, DirectiveKind> = {
  QD: 'quyet-dinh',
  KH: 'ke-hoach',
  TB: 'thong-bao',
  CT: 'chi-thi',
  NQ: 'nghi-quyet',
  CTR: 'chuong-trinh-hanh-dong',
  CV: 'cong-van',
};
/** Other type codes of Decree 30/2020 (báo cáo, tờ trình, hướng dẫn, công điện …): a number that is not a công văn's. */
const OTHER_TYPE_CODES = new Set([
  'QC',
  'QYD',
  'HD',
  'PA',
  'DA',
  'BC',
  'BB',
  'TTR',
  'CD',
  'GUQ',
  'GM',
  'GGT',
  'GNP',
  'PG',
  'PC',
  'PB',
  'TC',
  'GCN',
  'GXN',
  'KL',
  'TT',
  'ND',
  'PL',
  'L',
]);
/** Known type codes a scan may glue to the issuer's code ("1961/QĐUBND"). */
const GLUED_TYPE = /^(QĐ|KH|TB|CTr|CT|NQ|KL|BC|TTr|HD|CĐ)(UBND|VPUBND|HĐND|[A-ZĐ]{2,})$/u;

function foldCode(code: string): string {
  return code.replace(/[Đđ]/g, 'D').toUpperCase();
}

const STATE_NOTICE =
  /^thong bao(?: ket luan| y kien(?: ket luan| chi dao)?| noi dung)*(?: cua| tai)?(?: dong chi)?(?: pho)? (?:chu tich|ubnd|uy ban nhan dan|hdnd|hoi dong nhan dan|lanh dao ubnd|lanh dao uy ban|tap the ubnd|van phong ubnd)/;

/** The kind a title names: "CHƯƠNG TRÌNH HÀNH ĐỘNG", "Chương trình chỉ đạo tháng 4", "THÔNG BÁO KẾT LUẬN", "V/v …". */
export function kindOfTitle(title: string): DirectiveKind | null {
  const folded = foldWords(title.slice(0, 300));
  // The subject line of a công văn: "V/v triển khai …", "Về việc …".
  if (/^(?:v v|ve viec)\b/.test(folded)) return 'cong-van';
  if (/^thong bao/.test(folded)) {
    if (STATE_NOTICE.test(folded)) return 'thong-bao';
    return /ket luan|y kien chi dao/.test(folded) ? 'thong-bao-ket-luan' : 'thong-bao';
  }
  if (/^chuong trinh hanh dong/.test(folded)) return 'chuong-trinh-hanh-dong';
  if (/^chuong trinh(?: cong tac)?(?: lanh dao)?,? chi dao|^chuong trinh cong tac/.test(folded))
    return 'chuong-trinh-chi-dao';
  if (/^ket luan/.test(folded)) return 'ket-luan';
  if (/^nghi quyet/.test(folded)) return 'nghi-quyet';
  if (/^chi thi/.test(folded)) return 'chi-thi';
  if (/^ke hoach/.test(folded)) return 'ke-hoach';
  if (/^quyet dinh/.test(folded)) return 'quyet-dinh';
  if (/^cong van/.test(folded)) return 'cong-van';
  return null;
}

const HEADER_LINE =
  /^(?:ĐẢNG CỘNG SẢN VIỆT NAM|CỘNG HÒA XÃ HỘI|CỘNG HOÀ XÃ HỘI|Độc lập|\*|Số\b|TỈNH ỦY|THÀNH ỦY|HUYỆN ỦY|ĐẢNG ỦY|BAN THƯỜNG VỤ|BAN CHẤP HÀNH|BAN CÁN SỰ|ĐẢNG ĐOÀN|VĂN PHÒNG|ỦY BAN NHÂN DÂN|UBND)/iu;
const PLACE_DATE = /^([^\t\d]{2,40}?),\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/u;
const DATE_ONLY = /^()[Nn]gày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})\s*$/u;

/** Cells of one line: tabs, table bars and wide gaps separate the two columns of a header or a signature. */
function cellsOf(line: string): string[] {
  return line
    .split(/\t+| {3,}|\s\|\s|^\||\|$/)
    .map((cell) => cell.trim())
    .filter((cell) => cell && cell !== '|');
}

const ISSUER_LINE = /^(TỈNH ỦY|THÀNH ỦY|HUYỆN ỦY|THỊ ỦY|ĐẢNG ỦY|BAN THƯỜNG VỤ|BAN CHẤP HÀNH)(?:\s+(.+))?$/u;

function iso(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function numericDate(text: string): string | null {
  const m = /(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*((?:19|20)\d{2})/.exec(text);
  return m ? iso(Number(m[3]), Number(m[2]), Number(m[1])) : null;
}

function titleCaseName(text: string): string {
  return text
    .toLowerCase()
    .split(/\s+/)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

/** "BAN THƯỜNG VỤ" + "TỈNH ỦY" → "Ban Thường vụ Tỉnh ủy"; "TỈNH ỦY" + "QUẢNG NAM" → "Tỉnh ủy Quảng Nam". */
function issuerName(body: string, rest: string): string {
  const parts = [toSentenceCase(body)];
  const known = /^(TỈNH ỦY|THÀNH ỦY|HUYỆN ỦY|THỊ ỦY|ĐẢNG BỘ TỈNH|ĐẢNG BỘ)\s*(.*)$/u.exec(rest.trim());
  if (known) {
    parts.push(toSentenceCase(known[1]).replace(/^./, (c) => c.toUpperCase()));
    if (known[2]) parts.push(titleCaseName(known[2]));
  } else if (rest.trim()) parts.push(titleCaseName(rest.trim()));
  return parts.join(' ');
}

// ---------------------------------------------------------------------------------------------------------------
// Header: the lines before the body, without the national motto and the incoming-mail stamp.

/** "VĂN BẢN ĐẾN", "ĐẾN Số: 2371", "Số: 1234 Ngày: 05/10/2022 Chuyển: …": the receiving office's stamp. */
export function isStampLine(line: string): boolean {
  if (line.length > 200) return false;
  const folded = foldKeepingLength(line).trim();
  if (/^(?:cong\s+)?van\s+ban\s+den\b|^den\b|^chuyen\s*:|^luu\s+ho\s+so|^gio\s*:|^so\s+den\b/.test(folded)) return true;
  if (/(?:^|\s)ngay\s*:/.test(folded) && /(?:^|\s)(?:so|den|chuyen|gio)\s*:/.test(folded)) return true;
  return /^(?:nguoi ky|ky boi|thoi gian ky|ngay ky|email|co quan)\s*:/.test(folded);
}

const MOTTO = [
  /dang\s+cong\s+san\s+viet\s+nam/g,
  /cong\s+hoa\s+xa\s*hoi(?:\s+chu\s+nghia\s+viet\s+nam)?/g,
  /chu\s+nghia\s+viet\s+nam/g,
  /doc\s+lap\s*[-–—]?\s*tu\s+do\s*[-–—]?\s*hanh\s+phuc/g,
  /-{3,}|_{3,}|={3,}/g,
];

/** The line without the motto ("ĐẢNG CỘNG SẢN VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"), same length, blanks instead. */
function withoutMotto(line: string): string {
  if (line.length > 300) return line;
  let folded = foldKeepingLength(line);
  let out = line;
  for (const pattern of MOTTO) {
    for (const m of folded.matchAll(pattern)) {
      const blank = ' '.repeat(m[0].length);
      out = out.slice(0, m.index) + blank + out.slice(m.index + m[0].length);
    }
    folded = foldKeepingLength(out);
  }
  return out.trim() === '*' ? '' : out;
}

// Lines that open the body: the header (number, date, subject line) is above them.
const BODY_START =
  /^(?:Kính gửi|Căn cứ|Xét đề nghị|Theo đề nghị|Thực hiện|Thời gian qua|Sau khi|Hôm nay|Vừa qua|\(?Cổng TTĐT\)?|\([^)]{2,40}\)\s*[-–—])/u;

/** The first line of the body: the header's number, date and subject line are above it. */
function headerEndOf(lines: readonly string[]): number {
  const limit = Math.min(lines.length, 45);
  for (let i = 0; i < limit; i++) {
    const line = lines[i].trim();
    if (!line) continue;
    if (BODY_START.test(line) || line.length > 160) return i;
    // A numbered item ("1. Giao …", "I. MỤC ĐÍCH", "Điều 1."), not a subject line ("V/v …").
    if (/^(?:\d{1,2}\s*[.)]|[IVX]{1,4}\s*[.)–-]|Điều\s+\d+\s*[.:])\s*\p{L}/u.test(line)) return i;
  }
  return limit;
}

interface HeaderCell {
  text: string;
  line: number;
}

function headerCells(lines: readonly string[], end: number): HeaderCell[] {
  const cells: HeaderCell[] = [];
  for (let i = 0; i < Math.min(end, lines.length); i++) {
    if (isStampLine(lines[i])) continue;
    for (const text of cellsOf(withoutMotto(lines[i]))) if (!isStampLine(text)) cells.push({ text, line: i });
  }
  return cells;
}

// ---------------------------------------------------------------------------------------------------------------
// Number.

export interface NumberHit {
  number: string;
  /** Length of the number as written ("07 - CTr/TU"). */
  length: number;
  /** The type code ("CTr", "QĐ") or, for a công văn, the issuer's code ("UBND"). */
  code: string;
  /** Party form ("07-CTr/TU") rather than state form ("45/KH-UBND"). */
  party: boolean;
  line: number;
  index: number;
  local: boolean;
}

function numbersIn(lines: readonly string[]): NumberHit[] {
  const hits: NumberHit[] = [];
  lines.forEach((line, lineIndex) => {
    // Cited numbers come in order of appearance; the first form found at a position wins.
    for (const m of line.matchAll(STATE_NUMBER)) {
      const year = /\/\s*((?:19|20)\d{2})\s*\//.exec(m[0])?.[1];
      hits.push({
        number: `${m[1]}${year ? `/${year}` : ''}/${m[2]}-${m[3]}`,
        length: m[0].length,
        code: m[2],
        party: false,
        line: lineIndex,
        index: m.index,
        local: !/^(?:TTg|CP)$/u.test(m[3]),
      });
    }
    for (const m of line.matchAll(NUMBER)) {
      hits.push({
        number: `${m[1]}-${m[2]}/${m[3]}`,
        length: m[0].length,
        code: m[2],
        party: true,
        line: lineIndex,
        index: m.index,
        local: !CENTRAL_SUFFIX.test(m[3]),
      });
    }
  });
  return hits.sort((a, b) => a.line - b.line || a.index - b.index);
}

const CODE_PART = String.raw`[A-ZĐƯ][A-Za-zĐđƯư&]*`;
/** "Số: 4567/UBND-KT", "Số 07-CTr/TU", "Số: 33/2009/QĐ-UBND", "Số: 5123 /UBND-KT", "Số:\n1961/QĐUBND". */
const LABELLED_NUMBER = new RegExp(
  String.raw`(?<![\p{L}])(?:Số|SỐ|Sô|SÔ|Sồ|So(?=\s*:))(?:\s+(?:hiệu|ký hiệu|và ký hiệu|văn bản))?\s*[:.|]?\s*` +
    String.raw`(\d{1,5}[a-zđ]?(?:\s*\/\s*(?:19|20)\d{2})?\s*[-–/]\s*${CODE_PART}(?:(?:\s*[-–/]\s*|\.)${CODE_PART}){0,3})`,
  'gu',
);

function cleanNumber(raw: string): { number: string; code: string; party: boolean } | null {
  let number = raw.replace(/\s+/g, '').replace(/–/g, '-');
  const party = /^\d+[a-zđ]?-[^/]+\/.+/u.exec(number);
  if (party) return { number, code: number.split('-')[1].split('/')[0], party: true };
  const state = /^(\d+[a-zđ]?(?:\/\d{4})?)\/([^-/.]+)(.*)$/u.exec(number);
  if (!state) return null;
  let code = state[2];
  const glued = state[3] === '' ? GLUED_TYPE.exec(code) : null;
  if (glued) {
    code = glued[1];
    number = `${state[1]}/${glued[1]}-${glued[2]}`;
  }
  return { number, code, party: false };
}

/** The number printed in the header ("Số: …"), not the stamp's register number nor a number the subject cites. */
function headerNumber(lines: readonly string[], end: number): NumberHit | null {
  for (let i = 0; i < Math.min(end, lines.length); i++) {
    if (isStampLine(lines[i])) continue;
    // The label may end a line and the number open the next one.
    const text =
      /(?:Số|SỐ)\s*:?\s*$/u.test(lines[i]) && i + 1 < lines.length ? `${lines[i]} ${lines[i + 1]}` : lines[i];
    for (const m of text.matchAll(LABELLED_NUMBER)) {
      const before = foldWords(text.slice(0, m.index));
      if (/(?:^|\s)(?:v v|ve viec)(?:\s|$)/.test(before)) continue;
      const clean = cleanNumber(m[1]);
      if (!clean) continue;
      return {
        ...clean,
        length: m[0].length,
        line: i,
        index: m.index,
        local: !CENTRAL_SUFFIX.test(clean.number.split('/').pop() ?? ''),
      };
    }
  }
  return null;
}

/** The document's own number, not the ones it cites. */
function findNumber(lines: readonly string[], head: number, headerEnd: number, hasHeader: boolean): NumberHit | null {
  const labelled = headerNumber(lines, Math.max(headerEnd, Math.min(head, 12)));
  if (labelled) return labelled;
  const hits = numbersIn(lines);
  const before = (hit: NumberHit, width: number): string =>
    foldWords(lines[hit.line].slice(Math.max(0, hit.index - width), hit.index));
  const cited = (h: NumberHit): boolean => /(?:can cu|thuc hien|theo|tai|cua)\s[^.]{0,60}$/.test(before(h, 80));
  return (
    hits.find(
      (h) =>
        h.line < head &&
        !isStampLine(lines[h.line]) &&
        /^(?:so|so\s*:)?\s*$/.test(before(h, 6)) &&
        /^\s*(?:Số)?\s*:?\s*$/iu.test(
          lines[h.line]
            .slice(0, h.index)
            .split(/\t| {3,}/)
            .pop() ?? '',
        ),
    ) ??
    hits.find((h) => /kem theo .{0,80}so\s*$/.test(before(h, 120))) ??
    (hasHeader
      ? null
      : (hits.find((h) => h.line < head && h.local && /ban hanh .{0,40}so\s*$/.test(before(h, 60))) ??
        hits.find(
          (h) =>
            h.line < head &&
            h.local &&
            !cited(h) &&
            /(?:ket luan|thong bao|chuong trinh|nghi quyet|chi thi|ke hoach|van ban|cong van|cong dien|quyet dinh) so\s*$/.test(
              before(h, 40),
            ),
        ))) ??
    null
  );
}

function kindOfNumber(number: Pick<NumberHit, 'code' | 'party'>): DirectiveKind | null {
  const code = foldCode(number.code);
  if (number.party) return PARTY_KIND_BY_CODE[code] ?? null;
  if (STATE_KIND_BY_CODE[code]) return STATE_KIND_BY_CODE[code];
  return OTHER_TYPE_CODES.has(code) ? null : 'cong-van';
}

// ---------------------------------------------------------------------------------------------------------------
// Title.

const KIND_WORD = /^(?:chuong trinh|ket luan|thong bao|nghi quyet|chi thi|ke hoach)\b/;
// Upper-case title lines of every kind ("QUYẾT ĐỊNH", "BÁO CÁO" …), the kind is read from them afterwards.
const TITLE_WORD =
  /^(?:chuong trinh|ket luan|thong bao|nghi quyet|chi thi|ke hoach|quyet dinh|cong van|cong dien|bao cao|to trinh|huong dan|quy dinh|quy che|de an|phuong an)\b/;
// An authority line that follows the title of a decision: "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH", "BAN THƯỜNG VỤ TỈNH ỦY".
const AUTHORITY =
  /^(?:chu tich|pho chu tich|u?y ban nhan dan|ubnd|hoi dong nhan dan|ban thuong vu|ban chap hanh|thuong truc|tinh uy|giam doc|truong ban)\b/;
const TITLE_STOP =
  /^(?:Căn cứ|Kính gửi|Xét|Hôm nay|Vừa qua|Ngày \d|Sáng|Chiều|Thời gian qua|Sau khi|Điều \d|\(Ban hành)/u;
// A line a title goes on with although it starts with a capital: "Về việc …", "Kết luận của …".
const CONTINUING_WORDS =
  /^(?:Về|Kết luận|Ý kiến|Triển khai|Thực hiện|Tổ chức|Phê duyệt|Ban hành|Tăng cường|Đẩy mạnh|Tiếp tục|Chỉ đạo|Của|Nâng cao|Phát triển|Thành lập|Sửa đổi|Bổ sung|Giao|Công bố|Điều chỉnh|Chấn chỉnh|Khắc phục|Hướng dẫn|Tuyên truyền|Xây dựng|Hỗ trợ|Kiện toàn|Tập trung|Lãnh đạo|Phòng|Chống|Đảm bảo|Bảo đảm)(?!\p{L})/u;

interface TitleHit {
  title: string;
  line: number;
  /** An upper-case title line or a subject line: the kind it names wins over the number's. */
  strong: boolean;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** A title line and the lines that continue it, as one sentence: "THÔNG BÁO" + "Kết luận của …" → "Thông báo kết luận của …". */
function titleFrom(lines: readonly string[], i: number, first: string): string {
  const parts = [toSentenceCase(first)];
  let sawUpper = false;
  let sawMixed = false;
  for (let j = i + 1; j < Math.min(lines.length, i + 7); j++) {
    const next = cellsOf(withoutMotto(lines[j]))[0] ?? '';
    if (!next || /^[-*_=.]{2,}$/.test(next) || isStampLine(lines[j])) break;
    if (
      TITLE_STOP.test(next) ||
      PLACE_DATE.test(next) ||
      /[:]$/.test(next) ||
      /^(?:\d{1,2}|[IVX]{1,4})[.)]\s/.test(next)
    )
      break;
    const upper = isUpperCaseLine(next);
    if (upper && (sawMixed || AUTHORITY.test(foldWords(next)) || HEADER_LINE.test(next))) break;
    if (!upper && /^\p{Lu}/u.test(next)) {
      if (sawUpper && !CONTINUING_WORDS.test(next)) break;
      if (sawMixed && /[.;]$/.test(next) && next.length > 120) break;
    }
    const cased = toSentenceCase(next);
    // A title's later lines continue its sentence: "CỦA BAN CHẤP HÀNH" → "của Ban Chấp hành".
    parts.push(upper || CONTINUING_WORDS.test(next) ? lowerFirst(cased) : cased);
    if (upper) sawUpper = true;
    else sawMixed = true;
  }
  return collapseSpaces(parts.join(' '));
}

/** "V/v triển khai …" over one to four lines of the left column. */
function subjectFrom(lines: readonly string[], i: number, first: string): string {
  const parts = [first.replace(/\s+\p{Lu}[\p{L} .-]{1,40},?\s*ngày\s+\d.*$/u, '')];
  for (let j = i + 1; j < Math.min(lines.length, i + 6); j++) {
    const raw = lines[j];
    if (/^\t/.test(raw)) break;
    const next = cellsOf(withoutMotto(raw))[0] ?? '';
    if (!next || isStampLine(raw) || isUpperCaseLine(next) || HEADER_LINE.test(next) || PLACE_DATE.test(next)) break;
    if (TITLE_STOP.test(next) || BODY_START.test(next) || /^[-*_=]{2,}$/.test(next)) break;
    parts.push(next.replace(/\s+\p{Lu}[\p{L} .-]{1,40},?\s*ngày\s+\d.*$/u, ''));
  }
  return collapseSpaces(parts.join(' '));
}

/** A news page's headline: a short line that is no date, no menu and no sentence. */
function isHeadline(line: string): boolean {
  if (line.length > 250) return false;
  const folded = foldWords(line);
  const words = folded.split(' ').filter(Boolean).length;
  if (words < 4 || line.length > 250 || /[.:;]$/.test(line) || /\d{1,2}\/\d{1,2}\/\d{4}/.test(line)) return false;
  // The portal's own name ("CỔNG THÔNG TIN ĐIỆN TỬ TỈNH …") is in capitals; headlines are not.
  if (isUpperCaseLine(line) || /cong thong tin|dien tu|portal|website/.test(folded)) return false;
  if (/(?:^|\s)(?:>|»|\|)(?:\s|$)/.test(line) || /\w+_\w+/.test(line)) return false;
  return !/^(?:trang chu|tin tuc|cap nhat|ngay dang|tac gia|nguon|chia se|in bai|luot xem|tang co chu|publishingportal)/.test(
    folded,
  );
}

function findTitle(lines: readonly string[], head: number, headerEnd: number): TitleHit | null {
  const end = Math.min(lines.length, head);
  // 1. An upper-case title line: "QUYẾT ĐỊNH", "THÔNG BÁO", "CHƯƠNG TRÌNH HÀNH ĐỘNG".
  for (let i = 0; i < Math.min(end, Math.max(headerEnd + 1, 12)); i++) {
    if (lines[i].length > 300) continue;
    const line = cellsOf(withoutMotto(lines[i]))[0] ?? '';
    if (!line || /:$/.test(line) || !isUpperCaseLine(line) || HEADER_LINE.test(line) || isStampLine(line)) continue;
    if (TITLE_WORD.test(foldWords(line))) return { title: titleFrom(lines, i, line), line: i, strong: true };
  }
  // 2. A công văn's subject line.
  for (let i = 0; i < Math.min(end, headerEnd + 1); i++) {
    const cells = cellsOf(withoutMotto(lines[i]));
    const at = cells.findIndex((c) => /^(?:V\/v|V\/V|v\/v|Về việc|VỀ VIỆC)\s*:?\s*\S/u.test(c));
    if (at >= 0) return { title: subjectFrom(lines, i, cells[at]), line: i, strong: true };
  }
  // 3. A title written in mixed case ("Chương trình chỉ đạo tháng 4-2021 …").
  for (let i = 0; i < end; i++) {
    const line = lines[i].trim();
    if (!line || HEADER_LINE.test(line) || PLACE_DATE.test(line) || !KIND_WORD.test(foldWords(line.slice(0, 40))))
      continue;
    return { title: titleFrom(lines, i, line), line: i, strong: false };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// Date and place.

const WORD_DATE = /ngay\s*(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*((?:19|20)\d{2})(?!\d)/g;
const SLASH_DATE = /ngay\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*((?:19|20)\d{2})(?!\d)/g;
// "Long Xuyên, 12 tháng 10 năm 2022": a scan that lost "ngày".
const COMMA_DATE = /(?<=,\s*)(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*((?:19|20)\d{2})(?!\d)/g;
const PLACE_BEFORE =
  /(?:^|[^\p{L}])((?:(?:TP|Tp|TX|Tx)\.\s?|(?:Thành phố|Thị xã|thành phố|thị xã)\s)?\p{Lu}\p{Ll}*(?:[ -]+\p{Lu}\p{Ll}*){0,3})\s*,?\s*$/u;

/** "Long Xuyên, ngày 12 tháng 10 năm 2022" anywhere in the header, lines and cells joined (a wrap may cut it). */
function headerDate(cells: readonly HeaderCell[]): { issuedAt: string; place: string | null } | null {
  const text = cells.map((c) => c.text).join(' \n ');
  const folded = foldKeepingLength(text);
  const found: Array<{ issuedAt: string; place: string | null; index: number; lineStart: boolean }> = [];
  for (const pattern of [WORD_DATE, SLASH_DATE, COMMA_DATE]) {
    for (const m of folded.matchAll(pattern)) {
      const date = iso(Number(m[3]), Number(m[2]), Number(m[1]));
      if (!date) continue;
      const before = text.slice(Math.max(0, m.index - 60), m.index);
      // "… số 847/CĐ-TTg ngày 17/9/2022": a date the subject cites.
      if (/(?:\d|[A-ZĐ]{2,}|TTg|CP)\s*,?\s*$/u.test(before) && !/\p{Lu}\p{Ll}+\s*,\s*$/u.test(before)) continue;
      const placeMatch = PLACE_BEFORE.exec(before.split('\n').pop() ?? '');
      const place = placeMatch && placeMatch[1].length >= 2 && !/^Ngày$/u.test(placeMatch[1]) ? placeMatch[1] : null;
      const lineStart = /(?:^|\n)\s*$/.test(before) && /^N/.test(text.slice(m.index, m.index + 1));
      found.push({ issuedAt: date, place, index: m.index, lineStart });
    }
  }
  found.sort((a, b) => a.index - b.index);
  const best = found.find((f) => f.place) ?? found.find((f) => f.lineStart);
  return best ? { issuedAt: best.issuedAt, place: best.place } : null;
}

/** "Cập nhật: 12/10/2022", "Ngày đăng: 12/10/2022 08:30", "Thứ Tư, 12/10/2022, 08:30 (GMT+7)": a news page's date. */
function postedDate(lines: readonly string[], end: number): string | null {
  for (let i = 0; i < Math.min(lines.length, end); i++) {
    const line = lines[i].trim();
    if (line.length > 80 || isStampLine(line)) continue;
    const m = /(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*((?:19|20)\d{2})(?!\d)/.exec(line);
    if (!m) continue;
    // A date line, not a sentence: a label, a weekday, a time, a view count around the date.
    const rest = `${line.slice(0, m.index)} ${line.slice(m.index + m[0].length)}`;
    if (
      foldWords(rest)
        .split(' ')
        .filter((w) => /^[a-z]/.test(w)).length > 6
    )
      continue;
    const date = iso(Number(m[3]), Number(m[2]), Number(m[1]));
    if (date) return date;
  }
  return null;
}

/** "(Cổng TTĐT) - Ngày 12/10, UBND tỉnh ban hành …": the lead of a news item, the year from the page's date. */
function leadDate(lines: readonly string[], end: number, posted: string | null): string | null {
  for (let i = 0; i < Math.min(lines.length, end); i++) {
    const m =
      /^(?:\([^)]{2,40}\)\s*[-–—:]?\s*)?Ngày\s+(\d{1,2})\s*[/-]\s*(\d{1,2})(?:\s*[/-]\s*((?:19|20)\d{2}))?\s*,\s*(.*)$/u.exec(
        lines[i].trim(),
      );
    if (!m) continue;
    if (!/ban hành|(?:^|\s)ký|vừa có|đã có|có văn bản|có công văn/iu.test(m[4].slice(0, 160))) continue;
    const day = Number(m[1]);
    const month = Number(m[2]);
    let year = m[3] ? Number(m[3]) : posted ? Number(posted.slice(0, 4)) : null;
    if (year === null) continue;
    if (!m[3] && posted && month > Number(posted.slice(5, 7))) year -= 1;
    const date = iso(year, month, day);
    if (date) return date;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// Signature block.

const SIGN_PREFIX =
  /^(?:(?:T\s?\/\s?M|T\.M|K\s?\/\s?T|K\.T|T\s?\/\s?L|T\.L)\.?\s*|(?:TM|KT|TL|TUQ|Q)\.\s*|(?:TM|KT|TL|TUQ)\s+|(?:THAY MẶT|KÝ THAY|THỪA LỆNH|THỪA ỦY QUYỀN|THỪA UỶ QUYỀN)\s+)(?=\p{Lu})/u;
const BARE_PREFIX = /^(?:T\s?\/\s?M|T\.M|K\s?\/\s?T|K\.T|T\s?\/\s?L|T\.L|TM|KT|TL|TUQ|Q)\.?$/u;
// Capacities without a prefix: "CHỦ TỊCH", "PHÓ BÍ THƯ THƯỜNG TRỰC", "CHÁNH VĂN PHÒNG".
const ROLE_TITLE =
  /^(?:q |quyen )?(?:pho )?(?:chu tich|bi thu|giam doc|chanh van phong|truong ban|truong phong|tong giam doc|chanh an|vien truong|truong doan|uy vien|thu truong|cuc truong|chi cuc truong|chanh thanh tra|hieu truong|truong)\b/;
const STAMP_WORDS =
  /^\(?\s*(?:da ky|ky ten|ky va dong dau|ky ghi ro ho ten|chu ky so|ky duyet|dong dau|ky so|daky|da ky va dong dau)\b/;
const SURNAMES = new Set(
  (
    'nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly lam truong dinh doan mai trinh luong ha ' +
    'ta cao chau thai to tang quach luu kieu trieu van dao chu vuong lai thach danh kim son tu la diep lu khuc hua ' +
    'dam nong lo tong mac au phung nghiem than giang doan ton ong ninh khuong kha quan y h dieu hau tieu ma nhan ' +
    'loc tao lang khong ung vien giap bach chung hong ca sam thieu trang'
  ).split(' '),
);
// First words of organisations, capacities and list lines, never of a person's name.
const NOT_A_NAME =
  /^(?:nhu|noi|kinh|cac|so|ban|uy|phong|trung|tinh|thuong|chu|pho|bi|giam|chanh|truong|thanh|huyen|hoi|dang|cong|bo|cuc|chi|doan|mat|bao|dai|benh|quy|kho|ngan|toa|vien|lien|da|ky|luu|tong|xa|thi|quan|ubnd|hdnd|vp|ttg|dong chi|d c)$/;

function isRoleStart(cell: string): boolean {
  if (cell.length > 80) return false;
  if (!isUpperCaseLine(cell) && !BARE_PREFIX.test(cell)) return false;
  if (BARE_PREFIX.test(cell) || SIGN_PREFIX.test(cell)) return true;
  return ROLE_TITLE.test(foldWords(cell)) && cell.split(/\s+/).length <= 8;
}

function isStamp(cell: string): boolean {
  if (cell.length > 200) return false;
  return STAMP_WORDS.test(foldWords(cell)) || /^\[?\s*(?:đã ký|daky)\s*\]?$/iu.test(cell) || isStampLine(cell);
}

function isRecipient(cell: string): boolean {
  return /^[-–+•*]\s*\S/u.test(cell) || /^(?:như trên|như điều|lưu\s*:)/iu.test(cell);
}

/** "Nguyễn Văn A", "Võ Thành Nghĩa", "TRẦN THỊ B" (a surname first when strict or written in capitals). */
function personName(cell: string, strict: boolean): string | null {
  if (cell.length > 60) return null;
  const text = cell.replace(/^(?:ông|bà|đồng chí|đ\/c|(?:PGS\.\s?)?TS\.|ThS\.|BS\.|KS\.|CKII\.|Ths\.)\s*/u, '').trim();
  const words = text.split(/\s+/);
  if (words.length < 2 || words.length > 6 || /[\d,;:()/.&]/.test(text)) return null;
  const folded = words.map((w) => foldWords(w));
  if (NOT_A_NAME.test(folded[0]) && !SURNAMES.has(folded[0])) return null;
  if (folded[0] === 'dong' || (folded[0] === 'van' && folded[1] === 'phong')) return null;
  if (isUpperCaseLine(text)) {
    if (!SURNAMES.has(folded[0]) || ROLE_TITLE.test(foldWords(text)) || /\b(?:ban|uy|tinh|ky)\b/.test(folded.join(' ')))
      return null;
    return titleCaseName(text);
  }
  if (!words.every((w) => /^\p{Lu}\p{Ll}*$/u.test(w))) return null;
  if (words.every((w) => w.length === 1)) return null;
  if (strict && !SURNAMES.has(folded[0])) return null;
  return text;
}

/** Splits what a text layer glued together: "Nơi nhận: KT. CHỦ TỊCH", "- Như trên; PHÓ CHỦ TỊCH", "…, Võ Văn A". */
function splitMerged(cell: string): string[] {
  // Signature and recipient lines are short; a paragraph is left whole.
  if (cell.length > 300) return [cell];
  const head = /^(nơi nhận\s*:?)\s*(\S.*)$/iu.exec(cell);
  if (head) return [head[1], ...splitMerged(head[2])];
  const stamp = /^(\((?:đã ký|Đã ký|ĐÃ KÝ)[^)]*\))\s*(\S.*)$/u.exec(cell);
  if (stamp) return [stamp[1], ...splitMerged(stamp[2])];
  const roleName = /^([\p{Lu}\s./]+?)\s+(\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}*){1,4})$/u.exec(cell);
  if (roleName && isRoleStart(roleName[1].trim())) return [roleName[1].trim(), roleName[2]];
  if (/[;,.:]$/.test(cell)) return [cell];
  const tail = /^(.*[;,.)])\s+([^;,]+)$/u.exec(cell);
  if (tail && (isRoleStart(tail[2]) || isStamp(tail[2]) || personName(tail[2], false)))
    return [tail[1], tail[2].trim()];
  const inline = /^(.*?[\p{Ll};,.)])\s+((?:T\/M|TM\.|KT\.|TL\.|T\/L|K\/T)\s*\p{Lu}[\p{Lu}\s]*)$/u.exec(cell);
  if (inline) return [inline[1], inline[2].trim()];
  return [cell];
}

interface Cell {
  text: string;
  line: number;
}

function trailerCells(lines: readonly string[], from: number): Cell[] {
  const cells: Cell[] = [];
  for (let i = from; i < lines.length; i++)
    for (const cell of cellsOf(lines[i])) for (const text of splitMerged(cell)) cells.push({ text, line: i });
  return cells;
}

/** Where the trailer (signature, "Nơi nhận") starts: its first line, or the signature lines just above it. */
function trailerStart(lines: readonly string[], from: number): number {
  let at = -1;
  for (let i = Math.max(0, from); i < lines.length && at < 0; i++) {
    for (const cell of cellsOf(lines[i])) {
      const parts = splitMerged(cell);
      if (parts.some((p) => /^nơi nhận\b/iu.test(p) || (SIGN_PREFIX.test(p) && isUpperCaseLine(p)))) at = i;
    }
  }
  if (at < 0) {
    // No "Nơi nhận" and no prefix: a bare capacity ("CHỦ TỊCH") near the end.
    for (let i = Math.max(from, lines.length - 20); i < lines.length && at < 0; i++)
      if (cellsOf(lines[i]).some(isRoleStart)) at = i;
    if (at < 0) return -1;
  }
  // The signature may sit just above "Nơi nhận": "CHỦ TỊCH" / "(Đã ký)" / "Nguyễn Văn A".
  let start = at;
  let taken = 0;
  for (let i = at - 1; i >= from && taken < 8; i--) {
    const cells = cellsOf(lines[i]);
    if (cells.length === 0) continue;
    if (
      !cells.every((c) => isRoleStart(c) || isStamp(c) || personName(c, false) || (isUpperCaseLine(c) && c.length < 60))
    )
      break;
    start = i;
    taken++;
  }
  return start;
}

interface Signature {
  issuer: string | null;
  signer: string | null;
  role: string | null;
}

function findSignature(lines: readonly string[], from: number): Signature {
  const start = trailerStart(lines, from);
  if (start < 0) return { issuer: null, signer: null, role: null };
  const cells = trailerCells(lines, start);
  const roles: string[] = [];
  let signer: string | null = null;
  let sinceRole = 0;
  let lastWasRole = false;
  for (const { text } of cells) {
    if (roles.length === 0) {
      if (isRoleStart(text)) {
        roles.push(text);
        lastWasRole = true;
      }
      continue;
    }
    if (signer === null && roles.length < 5 && (isRoleStart(text) || (lastWasRole && isRoleContinuation(text)))) {
      const last = roles.length - 1;
      if (BARE_PREFIX.test(roles[last])) roles[last] = `${roles[last]} ${text}`;
      else roles.push(text);
      lastWasRole = true;
      sinceRole = 0;
      continue;
    }
    lastWasRole = false;
    if (!isRecipient(text) && !isStamp(text) && !/^nơi nhận/iu.test(text)) {
      const name = personName(text, false);
      if (name) {
        signer = name;
        break;
      }
    }
    if (++sinceRole > 25) break;
  }
  if (roles.length === 0) signer = nameWithoutRole(lines, cells);
  const role = roles.length ? collapseSpaces(roles.join(', ')) : null;
  const onBehalf = /^(?:T\s?\/\s?M|T\.M|TM|THAY MẶT)\.?\s*(.+)$/u.exec(roles[0] ?? '')?.[1] ?? null;
  return { issuer: onBehalf ? toSentenceCase(onBehalf.trim()) : null, signer, role };
}

/** "ỦY BAN NHÂN DÂN TỈNH" under "TM.", "PHÓ CHỦ TỊCH" under "KT. CHỦ TỊCH": more capacity lines. */
function isRoleContinuation(cell: string): boolean {
  if (!isUpperCaseLine(cell) || isStamp(cell) || personName(cell, true)) return false;
  if (/^(?:phu luc|danh muc|quy dinh|quy che|bieu|bang|noi nhan)\b/.test(foldWords(cell))) return false;
  return cell.split(/\s+/).length <= 8 && !/[;,:]$/.test(cell);
}

/** No capacity printed: the name on the line before "Nơi nhận", or the last line after the recipients. */
function nameWithoutRole(lines: readonly string[], cells: readonly Cell[]): string | null {
  const recipientsAt = cells.findIndex((c) => /^nơi nhận/iu.test(c.text));
  if (recipientsAt < 0) return null;
  for (let i = recipientsAt - 1; i >= 0; i--) {
    if (isStamp(cells[i].text)) continue;
    const name = personName(cells[i].text, true);
    if (name) return name;
    break;
  }
  const last = [...cells].reverse().find((c) => !isStamp(c.text));
  if (last && cells.indexOf(last) > recipientsAt && !isRecipient(last.text)) {
    const lastLine = lines.length - 1 - [...lines].reverse().findIndex((l) => l.trim() !== '');
    if (last.line === lastLine) return personName(last.text, true);
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// Issuer.

/** "tỉnh Kiên Giang" written at least twice: the province the document belongs to. */
function provinceOf(text: string): string | null {
  const counts = new Map<string, number>();
  for (const m of text.matchAll(/\btỉnh\s+(\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+){0,2})/gu)) {
    counts.set(m[1], (counts.get(m[1]) ?? 0) + 1);
  }
  const [best] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  return best && best[1] >= 2 ? best[0] : null;
}

const LOCATION = /^(tinh|thanh pho|huyen|thi xa|quan)\s+(.+)$/;

/** "TỈNH ĐỒNG THÁP" → "tỉnh Đồng Tháp". */
function locationName(cell: string): string | null {
  const folded = foldWords(cell);
  const m = LOCATION.exec(folded);
  if (!m) return null;
  const words = cell.trim().split(/\s+/);
  const unitWords = m[1].split(' ').length;
  return `${words.slice(0, unitWords).join(' ').toLowerCase()} ${titleCaseName(words.slice(unitWords).join(' '))}`;
}

/** "SỞ Y TẾ" → "Sở Y tế"; "SỞ KẾ HOẠCH VÀ ĐẦU TƯ" → "Sở Kế hoạch và Đầu tư". */
function agencyCase(text: string): string {
  if (!isUpperCaseLine(text)) return text;
  return text
    .toLowerCase()
    .split(/(\s+và\s+|,\s*)/u)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('')
    .replace(/^(\p{Lu}\p{Ll}*)\s+(\p{Ll})/u, (_m, a: string, b: string) => `${a} ${b.toUpperCase()}`);
}

/** The state body in the header: "ỦY BAN NHÂN DÂN" + "TỈNH ĐỒNG THÁP", "UBND TỈNH AN GIANG" + "VĂN PHÒNG". */
function stateIssuer(cells: readonly HeaderCell[]): string | null {
  const texts = cells.slice(0, 10).map((c) => c.text);
  for (let i = 0; i < texts.length; i++) {
    const folded = foldWords(texts[i]);
    const ubnd = /^(?:u?y ban nhan dan|ubnd)(?:\s+(.*))?$/.exec(folded);
    const hdnd = /^(?:hoi dong nhan dan|hdnd)(?:\s+(.*))?$/.exec(folded);
    const body = ubnd ? 'Ủy ban nhân dân' : hdnd ? 'Hội đồng nhân dân' : null;
    if (!body || !isUpperCaseLine(texts[i])) continue;
    const rest = texts[i]
      .trim()
      .split(/\s+/)
      .slice(/^(?:ubnd|hdnd)/.test(folded) ? 1 : 4)
      .join(' ');
    let place = rest ? locationName(rest) : null;
    let next = i + 1;
    if (!place && texts[next] && locationName(texts[next])) place = locationName(texts[next++]);
    const parent = place ? `${body} ${place}` : body;
    const sub = texts[next];
    if (
      sub &&
      isUpperCaseLine(sub) &&
      /^(?:van phong|so\s|ban\s)/.test(foldWords(sub)) &&
      !/^ban thuong vu/.test(foldWords(sub))
    ) {
      const subName = /^van phong$/.test(foldWords(sub)) ? 'Văn phòng' : agencyCase(sub);
      return /^Văn phòng$/u.test(subName) ? `${subName} ${parent}` : `${subName}${place ? ` ${place}` : ''}`;
    }
    return parent;
  }
  const so = texts.find((t) => isUpperCaseLine(t) && /^so\s/.test(foldWords(t)));
  return so ? agencyCase(so) : null;
}

function partyIssuer(cells: readonly HeaderCell[], titleLine: number | null, lines: readonly string[]): string | null {
  const match = cells
    .filter((c) => c.line < 8)
    .map((c) => ISSUER_LINE.exec(c.text.trim()))
    .find((m) => m && isUpperCaseLine(m[0]) && (titleLine === null || !kindOfTitle(m[0])));
  if (!match) return null;
  const issuer = issuerName(match[1], match[2] ?? '');
  if (!/^Tỉnh ủy$/u.test(issuer)) return issuer;
  // "ĐẢNG BỘ TỈNH ĐỒNG THÁP" above "TỈNH ỦY".
  const bo = cells.find((c) => /^dang bo tinh\s+\S/.test(foldWords(c.text)) && isUpperCaseLine(c.text));
  if (bo) return `Tỉnh ủy ${titleCaseName(bo.text.trim().split(/\s+/).slice(3).join(' '))}`;
  void lines;
  return issuer;
}

/**
 * Number, kind, date, place, issuer, signer and title of a directive: from its header block when it has one
 * ("Số 07-CTr/TU", "Số: 4567/UBND-KT", "Rạch Giá, ngày 02 tháng 4 năm 2021", "V/v triển khai …"), else from what the
 * text says about itself ("kèm theo Chương trình hành động số 07-CTr/TU, ngày 02-4-2021", "Tỉnh ủy ban hành Văn
 * bản số 28-KL/TU", a news page's headline and date). `headLines` is how many lines come before the first item of
 * the body.
 */
export function parseDirectiveMetadata(normalizedText: string, headLines: number): DirectiveMetadata {
  const lines = normalizedText.split('\n');
  // Where the body's first item starts, as the caller read it; a subject line ("V/v …") or a rule ("-----") may
  // look like an item, so the header is found on its own and the item count only widens it.
  const headerEnd = headerEndOf(lines);
  const head = Math.max(headLines, headerEnd + 1, 1);
  const cells = headerCells(lines, headerEnd);
  const titleHit = findTitle(lines, head, headerEnd);
  const hasHeader =
    cells.some((c) => /^(?:Số|SỐ)(?![\p{L}])/u.test(c.text)) ||
    lines.slice(0, headerEnd).some((l) => /cong hoa xa\s*hoi|dang cong san viet nam/.test(foldWords(l)));
  const number = findNumber(lines, head, headerEnd, hasHeader);

  let title = titleHit?.title ?? null;
  if (!title && number) {
    // "ban hành Văn bản số 28-KL/TU Kết luận Hội nghị ... năm 2020." — what follows the number names the document.
    const after = lines[number.line].slice(number.index + number.length).replace(/^[\s,]+/, '');
    const sentence = /^(.+?)(?:\.\s|\.$|$)/u.exec(after)?.[1];
    if (sentence && kindOfTitle(sentence) && !/^(?:v\/v|về việc)/iu.test(sentence)) title = collapseSpaces(sentence);
  }
  if (!title) {
    const headline = lines.slice(0, Math.max(headerEnd, Math.min(head, 12))).find((l) => isHeadline(l.trim()));
    if (headline) title = collapseSpaces(headline);
  }
  if (!title) title = collapseSpaces(lines.find((l) => l.trim().length > 10)?.trim() ?? '');

  const byNumber = number ? kindOfNumber(number) : null;
  const byTitle = kindOfTitle(title);
  let kind: DirectiveKind = byTitle ?? byNumber ?? 'khac';
  if (byNumber && byTitle && !titleHit?.strong) kind = byNumber;
  if (kind === 'ket-luan' && byNumber === 'thong-bao-ket-luan') kind = byNumber;
  if (kind === 'khac' && !hasHeader) kind = kindOfLead(lines.slice(0, Math.min(lines.length, head + 2))) ?? kind;

  // Date and place: the header's "Long Xuyên, ngày …" first, then what the text says, then a news page's dates.
  let issuedAt: string | null = null;
  let place: string | null = null;
  const dateRegion =
    titleHit?.strong && titleHit.line < headerEnd && !/^v\/v|^về việc/iu.test(title) ? titleHit.line : headerEnd;
  const dated = headerDate(headerCells(lines, dateRegion)) ?? headerDate(cells);
  if (dated) ({ issuedAt, place } = dated);
  if (!issuedAt) {
    // Header lines often hold two cells side by side ("Số 07-CTr/TU<tab>Kiên Giang, ngày ...").
    for (const cell of lines.slice(0, Math.min(lines.length, head + 5)).flatMap((line) => cellsOf(line))) {
      const m = PLACE_DATE.exec(cell) ?? DATE_ONLY.exec(cell);
      if (m) {
        place = m[1]?.trim() || null;
        issuedAt = iso(Number(m[4]), Number(m[3]), Number(m[2]));
        break;
      }
    }
  }
  if (!issuedAt && number) {
    const line = lines[number.line];
    const after = line.slice(number.index, number.index + number.length + 40);
    const before = line.slice(Math.max(0, number.index - 120), number.index);
    issuedAt =
      (/^\S+\s*,?\s*ngày/u.test(after) ? (numericDate(after) ?? wordDate(after)) : null) ??
      (/Ngày\s+\d{1,2}\s*[/-]\s*\d{1,2}\s*[/-]\s*\d{4}\s*,[^.]*ban hành[^.]*$/u.exec(before)
        ? numericDate(before)
        : null);
  }
  // "ngày    tháng 10 năm 2022" left blank for a digital signature: the signature's time, when the text kept it.
  if (!issuedAt) issuedAt = signedDate(lines);
  if (!issuedAt && !hasHeader) {
    const posted = postedDate(lines, Math.max(headerEnd, Math.min(head, 15)));
    // "… Công văn số 4321/UBND-VX ngày 11/10 về việc …": the year of the page's date.
    const short =
      number && posted
        ? /^\S+\s*,?\s*ngày\s+(\d{1,2})\s*[/-]\s*(\d{1,2})(?!\s*[/-]?\s*\d)/u.exec(
            lines[number.line].slice(number.index, number.index + number.length + 20),
          )
        : null;
    const shortDate = short && posted ? iso(Number(posted.slice(0, 4)), Number(short[2]), Number(short[1])) : null;
    issuedAt = shortDate ?? leadDate(lines, Math.min(lines.length, head, 30), posted) ?? posted;
  }

  const bodyFrom = Math.max(titleHit ? titleHit.line + 1 : 0, number && number.line < head ? number.line + 1 : 0);
  const signature = findSignature(lines, bodyFrom);
  let issuer = partyIssuer(cells, titleHit?.line ?? null, lines) ?? stateIssuer(cells);
  if (!issuer && signature.issuer) {
    issuer = /^ban thường vụ$/iu.test(signature.issuer) ? 'Ban Thường vụ Tỉnh ủy' : signature.issuer;
    if (/^(?:Tỉnh ủy|Ủy ban nhân dân(?: tỉnh)?)$/u.test(issuer)) {
      const province = provinceOf(normalizedText);
      if (province) issuer = /^Tỉnh ủy$/u.test(issuer) ? `Tỉnh ủy ${province}` : `Ủy ban nhân dân tỉnh ${province}`;
    }
  }
  if (!issuer) {
    const of = /của\s+(Ban Thường vụ Tỉnh ủy|Tỉnh ủy|Ban Chấp hành Đảng bộ tỉnh)/u.exec(title)?.[1];
    const by =
      /(Ban Thường vụ Tỉnh ủy|Tỉnh ủy|Thành ủy|Huyện ủy|Văn phòng UBND tỉnh|UBND tỉnh|Ủy ban nhân dân tỉnh|Chủ tịch UBND tỉnh)\s+(?:\S+\s+){0,2}?(?:đã\s+|vừa\s+)?(?:ký\s+)?ban hành/u.exec(
        normalizedText,
      )?.[1];
    issuer = of ?? by ?? null;
  }

  // A notice: the issuer's system decides between a Party conclusion and a state notice (see the top of the file).
  if (kind === 'thong-bao' || kind === 'thong-bao-ket-luan') {
    const system = systemOf(number, issuer);
    if (system) kind = system === 'party' ? 'thong-bao-ket-luan' : 'thong-bao';
  }

  return {
    number: number?.number ?? null,
    kind,
    issuedAt,
    issuer,
    place,
    signer: signature.signer,
    signerRole: signature.role,
    title,
  };
}

/** "Thời gian ký: 12.10.2022 08:30:00 +07:00": the date of a digital signature. */
function signedDate(lines: readonly string[]): string | null {
  for (const line of lines) {
    if (line.length > 120) continue;
    const m = /^(?:thoi gian ky|ngay ky)\s*:\s*(\d{1,2})\s*[./-]\s*(\d{1,2})\s*[./-]\s*((?:19|20)\d{2})/.exec(
      foldKeepingLength(line.trim()),
    );
    if (m) return iso(Number(m[3]), Number(m[2]), Number(m[1]));
  }
  return null;
}

/** A news item names what it reports: "UBND tỉnh vừa ban hành Kế hoạch …", "… có văn bản chỉ đạo …". */
function kindOfLead(lines: readonly string[]): DirectiveKind | null {
  for (const line of lines) {
    const m =
      /(?:ban hanh|vua co|da co|co|ky)\s+(cong van|van ban|cong dien|quyet dinh|ke hoach|chi thi|thong bao ket luan|thong bao|ket luan|nghi quyet|chuong trinh hanh dong)(?:\s|$)/.exec(
        foldWords(line.slice(0, 400)),
      );
    if (!m) continue;
    if (m[1] === 'van ban' || m[1] === 'cong van') return 'cong-van';
    return kindOfTitle(m[1]);
  }
  return null;
}

function wordDate(text: string): string | null {
  WORD_DATE.lastIndex = 0;
  const m = WORD_DATE.exec(foldKeepingLength(text));
  return m ? iso(Number(m[3]), Number(m[2]), Number(m[1])) : null;
}

function systemOf(number: NumberHit | null, issuer: string | null): 'party' | 'state' | null {
  if (number) return number.party ? 'party' : 'state';
  if (!issuer) return null;
  const folded = foldWords(issuer);
  if (/tinh uy|thanh uy|huyen uy|dang uy|ban thuong vu|ban chap hanh|thuong truc tinh uy/.test(folded)) return 'party';
  if (/uy ban nhan dan|ubnd|hoi dong nhan dan|^so |van phong/.test(folded)) return 'state';
  return null;
}
