import { foldVietnamese } from '@dondoc/contracts';

/**
 * Text clean-up shared by every parser. Two levels:
 * - `normalizeText` keeps a directive readable (it is what the Office reviews) but removes what the different
 *   sources add: NFD input, old tone placement (`Uỷ`, `khoá`), markdown emphasis, HTML fragments, stray spaces.
 *   It never adds or removes a line, so line numbers still point into the text the user pasted.
 * - `foldWords` is for comparing: no diacritics, lower case, punctuation as single spaces.
 */

const OPEN_SYLLABLE_TONES: ReadonlyArray<[RegExp, string]> = [
  // Old placement puts the tone on the second vowel of an open "oa/oe/uy" syllable (`hoá`, `Uỷ`); the house style
  // (and most documents) put it on the first (`hóa`, `Ủy`). "qu" is a consonant, so `quý` is left alone.
  [/(?<![qQ])([oO])([áàảãạÁÀẢÃẠ])(?![\p{L}])/gu, 'oa'],
  [/(?<![qQ])([oO])([éèẻẽẹÉÈẺẼẸ])(?![\p{L}])/gu, 'oe'],
  [/(?<![qQ])([uU])([ýỳỷỹỵÝỲỶỸỴ])(?![\p{L}])/gu, 'uy'],
];

const TONED: Record<string, Record<string, string>> = {
  o: { '\u0301': 'ó', '\u0300': 'ò', '\u0309': 'ỏ', '\u0303': 'õ', '\u0323': 'ọ' },
  O: { '\u0301': 'Ó', '\u0300': 'Ò', '\u0309': 'Ỏ', '\u0303': 'Õ', '\u0323': 'Ọ' },
  u: { '\u0301': 'ú', '\u0300': 'ù', '\u0309': 'ủ', '\u0303': 'ũ', '\u0323': 'ụ' },
  U: { '\u0301': 'Ú', '\u0300': 'Ù', '\u0309': 'Ủ', '\u0303': 'Ũ', '\u0323': 'Ụ' },
};

function toneOf(vowel: string): string {
  return vowel.normalize('NFD').replace(/[^\u0300\u0301\u0303\u0309\u0323]/g, '');
}

/** `Uỷ` → `Ủy`, `khoá` → `khóa`, `hoà` → `hòa`; NFC in, NFC out. */
export function modernizeToneMarks(text: string): string {
  let out = text.normalize('NFC');
  for (const [pattern, pair] of OPEN_SYLLABLE_TONES) {
    out = out.replace(pattern, (_m: string, first: string, second: string) => {
      const tone = toneOf(second);
      const toned = TONED[first]?.[tone] ?? first;
      const base = second.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      const plain = base === base.toUpperCase() ? pair[1].toUpperCase() : pair[1];
      return toned + plain;
    });
  }
  return out;
}

const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" };

/** One line without HTML tags or markdown emphasis; list items inside a cell become " - " separators. */
export function stripMarkup(line: string): string {
  return line
    .replace(/<\s*li[^>]*>/gi, ' - ')
    .replace(/<\s*br\s*\/?>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(nbsp|amp|lt|gt|quot|apos|#39);/g, (_m: string, name: string) => ENTITIES[name] ?? ' ')
    .replace(/\*\*|__/g, '')
    .replace(/(^|[\s(])\*(?=\S)/g, '$1')
    .replace(/(?<=\S)\*(?=$|[\s).,;:])/g, '')
    .replace(/(^|\s)\*(?=\s|$)/g, '$1');
}

/**
 * Readable, comparable text with the same lines as the input: NFC, modern tone marks, no markup, tabs kept
 * (they separate table cells), other runs of white space collapsed.
 */
export function normalizeText(raw: string): string {
  const text = modernizeToneMarks(raw.replace(/\r\n?/g, '\n').replace(/[\u00a0\u2007\u202f\u200b\ufeff]/g, ' '));
  return text
    .split('\n')
    .map((line) =>
      stripMarkup(line)
        .split('\t')
        // Only runs that change: replacing every single space with a space built a new string per space, and
        // on a line of half a million of them the garbage grew faster than the text (×13–15 for 4× the text).
        .map((cell) => cell.replace(/[ \f\v]{2,}|[\f\v]/g, ' ').trim())
        .join('\t')
        .replace(/\t+$/, ''),
    )
    .join('\n');
}

/**
 * For comparisons only: `Uỷ ban  Kiểm-tra` → `uy ban kiem tra`. The project's one folding function
 * (`foldVietnamese` of @dondoc/contracts) keeping words only: punctuation, like white space, separates words.
 */
export function foldWords(text: string): string {
  return foldVietnamese(text, { wordsOnly: true });
}

/** Single spaces, no tabs: for titles and task texts. */
export function collapseSpaces(text: string): string {
  return text.replace(/\s{2,}|[^\S ]/g, ' ').trim();
}

const KNOWN_CASING: ReadonlyArray<[RegExp, string]> = [
  [/(?<!\p{L})ban chấp hành(?!\p{L})/gu, 'Ban Chấp hành'],
  [/(?<!\p{L})ban thường vụ(?!\p{L})/gu, 'Ban Thường vụ'],
  [/(?<!\p{L})đảng bộ(?!\p{L})/gu, 'Đảng bộ'],
  [/(?<!\p{L})tỉnh ủy(?!\p{L})/gu, 'Tỉnh ủy'],
  [/(?<!\p{L})thành ủy(?!\p{L})/gu, 'Thành ủy'],
  [/(?<!\p{L})huyện ủy(?!\p{L})/gu, 'Huyện ủy'],
  [/(?<!\p{L})nghị quyết đại hội(?!\p{L})/gu, 'Nghị quyết Đại hội'],
  [/(?<!\p{L})đại hội đại biểu(?!\p{L})/gu, 'Đại hội đại biểu'],
  [/(?<!\p{L})bộ chính trị(?!\p{L})/gu, 'Bộ Chính trị'],
  [/(?<!\p{L})ban bí thư(?!\p{L})/gu, 'Ban Bí thư'],
];

/** `CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA BAN CHẤP HÀNH` → `Chương trình hành động của Ban Chấp hành`. */
export function toSentenceCase(text: string): string {
  if (text !== text.toUpperCase()) return text;
  let out = text.toLowerCase();
  for (const [pattern, replacement] of KNOWN_CASING) out = out.replace(pattern, replacement);
  return out.charAt(0).toUpperCase() + out.slice(1);
}

/** True when a line is written in capitals (a heading or a title), ignoring digits and punctuation. */
export function isUpperCaseLine(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 3 && letters === letters.toUpperCase();
}

/**
 * Like `foldWords` (on NFC input) but one output character per input UTF-16 unit, so a match found in the folded text can be
 * sliced out of the original. Letters lose their marks and case; ASCII punctuation stays; anything else is a space.
 */
export function foldKeepingLength(text: string): string {
  // One pass over char codes with a per-code-unit table, output built in chunks: splitting into one string per
  // character and appending them one by one allocated so much that long inputs spent most of their time in GC.
  const out: string[] = [];
  const chunk = new Array<number>(Math.min(text.length, FOLD_CHUNK));
  for (let start = 0; start < text.length; start += FOLD_CHUNK) {
    const end = Math.min(text.length, start + FOLD_CHUNK);
    chunk.length = end - start;
    for (let i = start; i < end; i++) chunk[i - start] = foldedUnit(text.charCodeAt(i));
    out.push(String.fromCharCode(...chunk));
  }
  return out.join('');
}

const FOLD_CHUNK = 8192;
/** Folded code unit of every UTF-16 code unit met so far (0: not yet computed). */
const FOLDED_UNITS = new Uint16Array(0x10000);

function foldedUnit(code: number): number {
  if (code < 128) return code >= 65 && code <= 90 ? code + 32 : code;
  const known = FOLDED_UNITS[code];
  if (known !== 0) return known;
  const ch = String.fromCharCode(code);
  let folded: number;
  if (ch === 'đ' || ch === 'Đ')
    folded = 100; // d
  else {
    const base = ch.normalize('NFD').charAt(0).toLowerCase();
    folded = /^[a-z]$/.test(base) ? base.charCodeAt(0) : 32;
  }
  FOLDED_UNITS[code] = folded;
  return folded;
}
