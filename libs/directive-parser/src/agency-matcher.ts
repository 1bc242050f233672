import { foldWords } from './normalize-text.js';

/** An agency of the registry the directive is matched against (the province's own list). */
export interface RegistryAgency {
  id?: string;
  code: string;
  name: string;
  aliases?: string[];
}

export interface AgencyCandidate {
  code: string;
  id?: string;
  name: string;
  score: number;
}

export type AgencyMatch =
  | { matched: true; raw: string; code: string; id?: string; name: string; score: number }
  | { matched: false; raw: string; name: string; candidates: AgencyCandidate[] };

export interface AgencyMatcher {
  match(raw: string): AgencyMatch;
}

// Abbreviations as directives write them, in capitals; expanded before folding so "UBND" meets "Ủy ban nhân dân".
// Case matters: "TU" is "Tỉnh ủy" but "tư" is a word.
const ABBREVIATIONS: ReadonlyArray<[string, string]> = [
  ['BCSĐ', 'Ban cán sự đảng'],
  ['BCS', 'Ban cán sự'],
  ['UBND', 'Ủy ban nhân dân'],
  ['HĐND', 'Hội đồng nhân dân'],
  ['HDND', 'Hội đồng nhân dân'],
  ['UBMTTQVN', 'Ủy ban Mặt trận Tổ quốc Việt Nam'],
  ['UBMTTQ', 'Ủy ban Mặt trận Tổ quốc'],
  ['MTTQVN', 'Mặt trận Tổ quốc Việt Nam'],
  ['MTTQ', 'Mặt trận Tổ quốc'],
  ['UBKT', 'Ủy ban Kiểm tra'],
  ['BTV', 'Ban Thường vụ'],
  ['BCH', 'Ban Chấp hành'],
  ['ĐUTT', 'Đảng ủy trực thuộc'],
  ['ĐU', 'Đảng ủy'],
  ['BĐBP', 'Bộ đội Biên phòng'],
  ['BCHQS', 'Bộ Chỉ huy Quân sự'],
  ['LĐLĐ', 'Liên đoàn Lao động'],
  ['VP', 'Văn phòng'],
  ['TU', 'Tỉnh ủy'],
  ['TƯ', 'Trung ương'],
  ['TW', 'Trung ương'],
  ['TP', 'thành phố'],
];

const ABBREVIATION_PATTERN = new RegExp(
  `(?<![\\p{L}\\p{N}])(${ABBREVIATIONS.map(([short]) => short).join('|')})(?![\\p{L}\\p{N}])`,
  'gu',
);
const EXPANSIONS = new Map(ABBREVIATIONS);

export function expandAbbreviations(text: string): string {
  return text.normalize('NFC').replace(ABBREVIATION_PATTERN, (short: string) => EXPANSIONS.get(short) ?? short);
}

/**
 * The comparable form of an agency name: abbreviations expanded, folded, without the "Ban Thường vụ" of a party
 * committee (the Standing Committee of the Đảng ủy Quân sự acts for it) and without a leading "giao"/"đồng chí".
 */
export function agencyKey(raw: string): string {
  let key = foldWords(expandAbbreviations(raw));
  key = key.replace(/^(giao cho|giao|de nghi|cac dong chi|dong chi)\s+/, '').replace(/\s+(chu tri|phoi hop)$/, '');
  const withoutStanding = key.replace(/^ban thuong vu\s+/, '');
  if (withoutStanding !== key && !/^(tinh uy|thanh uy|huyen uy|thi uy)?$/.test(withoutStanding)) key = withoutStanding;
  return key;
}

// Words every party body carries; two names that differ only in these ("Ban Tổ chức" / "Ban Tổ chức Tỉnh ủy")
// name the same agency within one province.
const GENERIC_TOKENS = new Set(['tinh', 'uy', 'ban', 'dang', 'cua', 'cac', 'va', 'truc', 'thuoc']);

function distinctiveTokens(key: string): Set<string> {
  return new Set(key.split(' ').filter((t) => t && !GENERIC_TOKENS.has(t)));
}

function sameSet(a: Set<string>, b: Set<string>): boolean {
  if (a.size !== b.size || a.size === 0) return false;
  for (const t of a) if (!b.has(t)) return false;
  return true;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let inter = 0;
  for (const t of a) if (b.has(t)) inter++;
  const union = a.size + b.size - inter;
  return union === 0 ? 0 : inter / union;
}

function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_v, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

interface IndexedName {
  agency: RegistryAgency;
  key: string;
  compact: string;
  tokens: Set<string>;
}

function scoreName(rawKey: string, rawTokens: Set<string>, entry: IndexedName): number {
  if (rawKey === entry.key) return 1;
  if (sameSet(rawTokens, entry.tokens)) return 0.9;
  const compact = rawKey.replace(/ /g, '');
  if (compact === entry.compact) return 0.85;
  // OCR drops or swaps letters ("Ban Tuyen giao Tinh uỵ", "Ban Tổ chúc"): near-identical spellings only.
  const longest = Math.max(compact.length, entry.compact.length);
  if (longest >= 8 && 1 - levenshtein(compact, entry.compact) / longest >= 0.9) return 0.75;
  return 0;
}

/** Matches the agency names a directive writes to the registry; anything uncertain is left to a person. */
export function createAgencyMatcher(agencies: readonly RegistryAgency[]): AgencyMatcher {
  const index: IndexedName[] = agencies.flatMap((agency) =>
    [agency.name, ...(agency.aliases ?? [])].map((name) => {
      const key = agencyKey(name);
      return { agency, key, compact: key.replace(/ /g, ''), tokens: distinctiveTokens(key) };
    }),
  );
  return {
    match(raw: string): AgencyMatch {
      const cleaned = raw.replace(/\s+/g, ' ').trim();
      const key = agencyKey(cleaned);
      const tokens = distinctiveTokens(key);
      const best = new Map<string, { agency: RegistryAgency; score: number }>();
      for (const entry of index) {
        const score = scoreName(key, tokens, entry);
        const current = best.get(entry.agency.code);
        if (score > 0 && (!current || score > current.score))
          best.set(entry.agency.code, { agency: entry.agency, score });
      }
      const ranked = [...best.values()].sort((a, b) => b.score - a.score);
      const [top, second] = ranked;
      if (top && (!second || second.score < top.score)) {
        return {
          matched: true,
          raw: cleaned,
          code: top.agency.code,
          ...(top.agency.id === undefined ? {} : { id: top.agency.id }),
          name: top.agency.name,
          score: top.score,
        };
      }
      const candidates = ranked.length
        ? ranked.map(({ agency, score }) => ({ agency, score }))
        : index
            .map((entry) => ({ agency: entry.agency, score: Math.round(jaccard(tokens, entry.tokens) * 100) / 100 }))
            .filter((c) => c.score >= 0.3);
      const unique = new Map<string, AgencyCandidate>();
      for (const { agency, score } of candidates.sort((a, b) => b.score - a.score)) {
        if (!unique.has(agency.code))
          unique.set(agency.code, {
            code: agency.code,
            ...(agency.id === undefined ? {} : { id: agency.id }),
            name: agency.name,
            score,
          });
      }
      return { matched: false, raw: cleaned, name: cleaned, candidates: [...unique.values()].slice(0, 3) };
    },
  };
}
