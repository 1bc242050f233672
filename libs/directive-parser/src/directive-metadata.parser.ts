import type { DirectiveKind, DirectiveMetadata } from './directive.model.js';
import { collapseSpaces, foldWords, isUpperCaseLine, toSentenceCase } from './normalize-text.js';

// Party documents number "07-CTr/TU"; state bodies "45/KH-UBND".
const NUMBER = /(?<![\p{L}\d])(\d{1,4})\s*[-–]\s*([A-ZĐ][A-Za-zĐđ]{0,5})\s*\/\s*([A-ZĐƯ][A-ZĐƯa-z]{0,7})(?![\p{L}])/gu;
const STATE_NUMBER =
  /(?<![\p{L}\d/])(\d{1,5})\s*\/\s*([A-ZĐ][A-Za-zĐđ]{0,5})\s*-\s*([A-ZĐ][A-ZĐa-z]{1,9})(?![\p{L}])/gu;
const CENTRAL_SUFFIX = /^(?:TW|TƯ)$/u;

const KIND_BY_CODE: Record<string, DirectiveKind> = {
  CTr: 'chuong-trinh-hanh-dong',
  KL: 'ket-luan',
  TB: 'thong-bao-ket-luan',
  NQ: 'nghi-quyet',
  CT: 'chi-thi',
  KH: 'ke-hoach',
};

/** The kind a title names: "CHƯƠNG TRÌNH HÀNH ĐỘNG", "Chương trình chỉ đạo tháng 4", "THÔNG BÁO KẾT LUẬN". */
export function kindOfTitle(title: string): DirectiveKind | null {
  const folded = foldWords(title);
  if (/^thong bao(?: ket luan)?/.test(folded) && /ket luan|y kien chi dao/.test(folded)) return 'thong-bao-ket-luan';
  if (/^chuong trinh hanh dong/.test(folded)) return 'chuong-trinh-hanh-dong';
  if (/^chuong trinh(?: cong tac)?(?: lanh dao)?,? chi dao|^chuong trinh cong tac/.test(folded))
    return 'chuong-trinh-chi-dao';
  if (/^ket luan/.test(folded)) return 'ket-luan';
  if (/^nghi quyet/.test(folded)) return 'nghi-quyet';
  if (/^chi thi/.test(folded)) return 'chi-thi';
  if (/^ke hoach/.test(folded)) return 'ke-hoach';
  if (/^thong bao/.test(folded)) return 'thong-bao-ket-luan';
  return null;
}

const HEADER_LINE =
  /^(?:ĐẢNG CỘNG SẢN VIỆT NAM|CỘNG HÒA XÃ HỘI|Độc lập|\*|Số\b|TỈNH ỦY|THÀNH ỦY|HUYỆN ỦY|ĐẢNG ỦY|BAN THƯỜNG VỤ|BAN CHẤP HÀNH|BAN CÁN SỰ|ĐẢNG ĐOÀN|VĂN PHÒNG)/iu;
const PLACE_DATE = /^([^\t\d]{2,40}?),\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/u;
const DATE_ONLY = /^()[Nn]gày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})\s*$/u;

function cellsOf(line: string): string[] {
  return line
    .split(/\t+| {3,}/)
    .map((cell) => cell.trim())
    .filter(Boolean);
}
const SIGNATURE = /^(?:T\/M|TM\.?|K\/T|KT\.?|T\/L|TL\.?|Q\.|THAY MẶT|KÝ THAY|THỪA LỆNH)\s*\S/u;
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

interface NumberHit {
  number: string;
  /** Length of the number as written ("07 - CTr/TU"). */
  length: number;
  code: string;
  line: number;
  index: number;
  local: boolean;
}

function numbersIn(lines: string[]): NumberHit[] {
  const hits: NumberHit[] = [];
  lines.forEach((line, lineIndex) => {
    // Cited numbers come in order of appearance; the first form found at a position wins.
    for (const m of line.matchAll(STATE_NUMBER)) {
      hits.push({
        number: `${m[1]}/${m[2]}-${m[3]}`,
        length: m[0].length,
        code: m[2],
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
        line: lineIndex,
        index: m.index,
        local: !CENTRAL_SUFFIX.test(m[3]),
      });
    }
  });
  return hits.sort((a, b) => a.line - b.line || a.index - b.index);
}

/** The document's own number, not the ones it cites. */
function findNumber(lines: string[], head: number): NumberHit | null {
  const hits = numbersIn(lines);
  const before = (hit: NumberHit, width: number): string =>
    foldWords(lines[hit.line].slice(Math.max(0, hit.index - width), hit.index));
  return (
    hits.find(
      (h) =>
        h.line < head &&
        /^(?:so|so\s*:)?\s*$/.test(before(h, 6)) &&
        /^\s*(?:Số)?\s*:?\s*$/iu.test(
          lines[h.line]
            .slice(0, h.index)
            .split(/\t| {3,}/)
            .pop() ?? '',
        ),
    ) ??
    hits.find((h) => /kem theo .{0,80}so\s*$/.test(before(h, 120))) ??
    hits.find((h) => h.line < head && h.local && /ban hanh .{0,40}so\s*$/.test(before(h, 60))) ??
    hits.find(
      (h) =>
        h.line < head &&
        h.local &&
        /(?:ket luan|thong bao|chuong trinh|nghi quyet|chi thi|ke hoach|van ban) so\s*$/.test(before(h, 40)),
    ) ??
    null
  );
}

const KIND_WORD = /^(?:chuong trinh|ket luan|thong bao|nghi quyet|chi thi|ke hoach)\b/;

function findTitle(lines: string[], head: number): { title: string; line: number } | null {
  for (let i = 0; i < Math.min(lines.length, head); i++) {
    const line = lines[i].trim();
    if (!line || HEADER_LINE.test(line) || PLACE_DATE.test(line) || !KIND_WORD.test(foldWords(line))) continue;
    const parts = [toSentenceCase(line)];
    for (let j = i + 1; j < Math.min(lines.length, i + 6); j++) {
      const next = lines[j].trim();
      if (!next || /^[-*_=]{2,}$/.test(next)) break;
      const cased = toSentenceCase(next);
      // A title's later lines continue its sentence: "CỦA BAN CHẤP HÀNH" → "của Ban Chấp hành".
      parts.push(isUpperCaseLine(next) ? cased.charAt(0).toLowerCase() + cased.slice(1) : cased);
    }
    return { title: collapseSpaces(parts.join(' ')), line: i };
  }
  return null;
}

function findSignature(lines: string[]): { issuer: string | null; signer: string | null; role: string | null } {
  const at = lines.findIndex((line) => SIGNATURE.test(line.trim()));
  if (at < 0) return { issuer: null, signer: null, role: null };
  const roleLines: string[] = [];
  let signer: string | null = null;
  for (let i = at; i < Math.min(lines.length, at + 10); i++) {
    const line = lines[i].trim();
    if (!line) continue;
    if (isUpperCaseLine(line) || i === at) {
      roleLines.push(line);
      continue;
    }
    const words = line.split(/\s+/);
    if (words.length >= 2 && words.length <= 6 && words.every((w) => /^\p{Lu}/u.test(w)) && !/[\d,;:]/.test(line)) {
      signer = line;
      break;
    }
  }
  const onBehalf = /^(?:T\/M|TM\.?|THAY MẶT)\s*(.+)$/u.exec(roleLines[0] ?? '')?.[1] ?? null;
  return { issuer: onBehalf ? toSentenceCase(onBehalf) : null, signer, role: roleLines.join(', ') || null };
}

/** "tỉnh Kiên Giang" written at least twice: the province the document belongs to. */
function provinceOf(text: string): string | null {
  const counts = new Map<string, number>();
  for (const m of text.matchAll(/\btỉnh\s+(\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+){0,2})/gu)) {
    counts.set(m[1], (counts.get(m[1]) ?? 0) + 1);
  }
  const [best] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  return best && best[1] >= 2 ? best[0] : null;
}

/**
 * Number, kind, date, place, issuer, signer and title of a directive: from its header block when it has one
 * ("Số 07-CTr/TU", "Rạch Giá, ngày 02 tháng 4 năm 2021"), else from what the text says about itself ("kèm theo
 * Chương trình hành động số 07-CTr/TU, ngày 02-4-2021", "Tỉnh ủy ban hành Văn bản số 28-KL/TU").
 * `headLines` is how many lines come before the first item of the body.
 */
export function parseDirectiveMetadata(normalizedText: string, headLines: number): DirectiveMetadata {
  const lines = normalizedText.split('\n');
  const head = Math.max(headLines, 1);
  const number = findNumber(lines, head);
  const titleHit = findTitle(lines, head);

  let title = titleHit?.title ?? null;
  if (!title && number) {
    // "ban hành Văn bản số 28-KL/TU Kết luận Hội nghị ... năm 2020." — what follows the number names the document.
    const after = lines[number.line].slice(number.index + number.length).replace(/^[\s,]+/, '');
    const sentence = /^(.+?)(?:\.\s|\.$|$)/u.exec(after)?.[1];
    if (sentence && kindOfTitle(sentence)) title = collapseSpaces(sentence);
  }
  if (!title) title = collapseSpaces(lines.find((l) => l.trim().length > 10)?.trim() ?? '');

  let kind: DirectiveKind = kindOfTitle(title) ?? 'khac';
  if (number && KIND_BY_CODE[number.code] && (kind === 'khac' || (kind === 'ket-luan' && number.code === 'TB')))
    kind = KIND_BY_CODE[number.code];

  let issuedAt: string | null = null;
  let place: string | null = null;
  // Header lines often hold two cells side by side ("Số 07-CTr/TU<tab>Kiên Giang, ngày ...").
  const headerCells = lines.slice(0, Math.min(lines.length, head + 5)).flatMap((line) => cellsOf(line));
  for (const cell of headerCells) {
    const m = PLACE_DATE.exec(cell) ?? DATE_ONLY.exec(cell);
    if (m) {
      place = m[1]?.trim() || null;
      issuedAt = iso(Number(m[4]), Number(m[3]), Number(m[2]));
      break;
    }
  }
  if (!issuedAt && number) {
    const line = lines[number.line];
    const after = line.slice(number.index, number.index + number.length + 30);
    const before = line.slice(Math.max(0, number.index - 120), number.index);
    issuedAt =
      (/^\S+\s*,?\s*ngày/u.test(after) ? numericDate(after) : null) ??
      (/Ngày\s+\d{1,2}\s*[/-]\s*\d{1,2}\s*[/-]\s*\d{4}\s*,[^.]*ban hành[^.]*$/u.exec(before)
        ? numericDate(before)
        : null);
  }

  const signature = findSignature(lines);
  let issuer: string | null = null;
  const headerIssuer = lines
    .slice(0, Math.min(lines.length, 8))
    .flatMap((l) => cellsOf(l))
    .map((cell) => ISSUER_LINE.exec(cell))
    .find((m) => m && isUpperCaseLine(m[0]) && (!titleHit || !kindOfTitle(m[0])));
  if (headerIssuer) issuer = issuerName(headerIssuer[1], headerIssuer[2] ?? '');
  if (!issuer && signature.issuer) {
    issuer = /^ban thường vụ$/iu.test(signature.issuer) ? 'Ban Thường vụ Tỉnh ủy' : signature.issuer;
    if (/^Tỉnh ủy$/u.test(issuer)) {
      const province = provinceOf(normalizedText);
      if (province) issuer = `Tỉnh ủy ${province}`;
    }
  }
  if (!issuer) {
    const of = /của\s+(Ban Thường vụ Tỉnh ủy|Tỉnh ủy|Ban Chấp hành Đảng bộ tỉnh)/u.exec(title)?.[1];
    const by = /(Ban Thường vụ Tỉnh ủy|Tỉnh ủy|Thành ủy|Huyện ủy)\s+(?:đã\s+)?ban hành/u.exec(normalizedText)?.[1];
    issuer = of ?? by ?? null;
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
