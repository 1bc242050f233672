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
// Case matters: "TU" is "Tỉnh ủy" but "tư" is a word. Written together ("VPTU", "BTGTU") or apart ("BTG TU").
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
  ['UBKTTU', 'Ủy ban Kiểm tra Tỉnh ủy'],
  ['UBKT', 'Ủy ban Kiểm tra'],
  ['BTVTU', 'Ban Thường vụ Tỉnh ủy'],
  ['BTV', 'Ban Thường vụ'],
  ['BTGTU', 'Ban Tuyên giáo Tỉnh ủy'],
  ['BTG', 'Ban Tuyên giáo'],
  ['BTCTU', 'Ban Tổ chức Tỉnh ủy'],
  ['BTC', 'Ban Tổ chức'],
  ['BDVTU', 'Ban Dân vận Tỉnh ủy'],
  ['BDV', 'Ban Dân vận'],
  ['BNCTU', 'Ban Nội chính Tỉnh ủy'],
  ['BNC', 'Ban Nội chính'],
  ['VPTU', 'Văn phòng Tỉnh ủy'],
  ['BCH', 'Ban Chấp hành'],
  ['ĐUTT', 'Đảng ủy trực thuộc'],
  ['ĐUQS', 'Đảng ủy Quân sự'],
  ['ĐUCA', 'Đảng ủy Công an'],
  ['ĐUK', 'Đảng ủy Khối'],
  ['ĐU', 'Đảng ủy'],
  ['ĐĐ', 'Đảng đoàn'],
  ['BĐBP', 'Bộ đội Biên phòng'],
  ['BCHQS', 'Bộ Chỉ huy Quân sự'],
  ['LĐLĐ', 'Liên đoàn Lao động'],
  ['BHXH', 'Bảo hiểm xã hội'],
  ['KBNN', 'Kho bạc Nhà nước'],
  ['BQL', 'Ban Quản lý'],
  ['VP', 'Văn phòng'],
  ['TU', 'Tỉnh ủy'],
  ['HU', 'Huyện ủy'],
  ['TƯ', 'Trung ương'],
  ['TW', 'Trung ương'],
  ['TP', 'thành phố'],
  ['KH&ĐT', 'Kế hoạch và Đầu tư'],
  ['KHĐT', 'Kế hoạch và Đầu tư'],
  ['TN&MT', 'Tài nguyên và Môi trường'],
  ['TNMT', 'Tài nguyên và Môi trường'],
  ['GD&ĐT', 'Giáo dục và Đào tạo'],
  ['GDĐT', 'Giáo dục và Đào tạo'],
  ['KH&CN', 'Khoa học và Công nghệ'],
  ['KHCN', 'Khoa học và Công nghệ'],
  ['NN&PTNT', 'Nông nghiệp và Phát triển nông thôn'],
  ['NNPTNT', 'Nông nghiệp và Phát triển nông thôn'],
  ['LĐ-TB&XH', 'Lao động - Thương binh và Xã hội'],
  ['LĐTBXH', 'Lao động - Thương binh và Xã hội'],
  ['VH-TT&DL', 'Văn hóa, Thể thao và Du lịch'],
  ['VHTTDL', 'Văn hóa, Thể thao và Du lịch'],
  ['TT&TT', 'Thông tin và Truyền thông'],
  ['TTTT', 'Thông tin và Truyền thông'],
  ['GTVT', 'Giao thông vận tải'],
  ['PT-TH', 'Phát thanh và Truyền hình'],
  ['PTTH', 'Phát thanh và Truyền hình'],
];

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const ABBREVIATION_PATTERN = new RegExp(
  `(?<![\\p{L}\\p{N}&-])(${[...ABBREVIATIONS]
    .sort((a, b) => b[0].length - a[0].length)
    .map(([short]) => escapeRegExp(short))
    .join('|')})(?![\\p{L}\\p{N}&-])`,
  'gu',
);
const EXPANSIONS = new Map(ABBREVIATIONS);

export function expandAbbreviations(text: string): string {
  return text.normalize('NFC').replace(ABBREVIATION_PATTERN, (short: string) => EXPANSIONS.get(short) ?? short);
}

// Titles of the head of an agency: "Giám đốc Sở Y tế" is the Sở's work.
const TITLE =
  /^(?:giam doc|pho giam doc|chu tich|pho chu tich|thu truong|chanh|cuc truong|chi cuc truong|hieu truong)\s+/;
// A province's name after its "Tỉnh ủy" or "tỉnh": the registry is one province's, so "Ban Tuyên giáo Tỉnh ủy An
// Giang" is its Ban Tuyên giáo. A district's name stays ("Huyện ủy Tri Tôn" is not "Huyện ủy Gò Quao").
const PROVINCE_NAME = /(\s)(tinh uy|tinh(?! uy(?: |$)))(?:\s+[a-z]+){1,3}$/;

/**
 * The comparable form of an agency name: abbreviations expanded, folded, without the "Ban Thường vụ" of a party
 * committee (the Standing Committee of the Đảng ủy Quân sự acts for it) and without a leading "giao"/"đồng chí".
 */
export function agencyKey(raw: string): string {
  let key = foldWords(expandAbbreviations(raw));
  key = key
    .replace(/^(giao cho|giao|de nghi|yeu cau|cac dong chi|dong chi)\s+/, '')
    .replace(/\s+(chu tri|phoi hop)$/, '');
  const untitled = key.replace(TITLE, '');
  if (untitled) key = untitled;
  key = key.replace(PROVINCE_NAME, '$1$2');
  const withoutStanding = key.replace(/^ban thuong vu\s+/, '');
  if (withoutStanding !== key && !/^(tinh uy|thanh uy|huyen uy|thi uy)?$/.test(withoutStanding)) key = withoutStanding;
  return key;
}

// Words every party body carries; two names that differ only in these ("Ban Tổ chức" / "Ban Tổ chức Tỉnh ủy")
// name the same agency within one province.
const GENERIC_TOKENS = new Set(['tinh', 'uy', 'ban', 'dang', 'cua', 'cac', 'va', 'truc', 'thuoc']);

function distinctiveTokens(key: string): Set<string> {
  const tokens = new Set(key.split(' ').filter((t) => t && !GENERIC_TOKENS.has(t)));
  // "Đảng ủy Công an tỉnh" (the Party committee) is not "Công an tỉnh" (the police), though "Ban Tổ chức" is
  // "Ban Tổ chức Tỉnh ủy": a Party committee keeps its "Đảng ủy".
  if (/(?:^| )dang uy(?: |$)/.test(key)) tokens.add('dang-uy');
  return tokens;
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
