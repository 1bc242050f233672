import { foldKeepingLength } from './normalize-text.js';

/**
 * Who a sentence gives the work to, as written (not yet matched to the registry).
 *
 * The reader works on words, not on regular expressions over the whole sentence: an agency name starts with a head
 * ("Sở", "Ban", "Ủy ban", "Đảng ủy", "UBND", "Công an", …) followed by a capitalised word or a level ("tỉnh",
 * "huyện"), and runs until an action verb ("chủ trì", "tham mưu", "có trách nhiệm", …), a function word or a
 * punctuation mark. After the level ("tỉnh", "Tỉnh ủy", "huyện Châu Thành") only capitalised words (a place name)
 * continue it. A comma or "và" followed by a capitalised word that starts no other agency stays inside the name
 * ("Sở Văn hóa, Thể thao và Du lịch", "Sở Kế hoạch và Đầu tư"); a capitalised verb is part of a name ("Ban Tổ chức",
 * "Ủy ban Kiểm tra", "Sở Xây dựng").
 *
 * Groups are leads as written (see GROUPS); placeholders are never agencies (see GENERIC_STARTS).
 * Input is expected in NFC (what `normalizeText` gives).
 */
export interface Assignment {
  lead: string | null;
  coordinating: string[];
}

/** One assignment of a paragraph: an agency and its action, with its place in the paragraph. */
export interface AssignmentClause {
  /**
   * As written; null when the clause names no one (or only placeholders, or a citizen's petition). A clause that is
   * the same agency's next work with its own deadline ("…; lãnh đạo rà soát …, hoàn thành trong năm 2023") carries
   * the lead of the clause before, which its own text does not name.
   */
  lead: string | null;
  /** As written, without placeholders and without the lead. */
  coordinating: string[];
  /** Offsets in the given text of the clause (the agency + its action), end exclusive. */
  start: number;
  end: number;
  /** The clause's own text, e.g. "Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với ... tuyên truyền ...". */
  text: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Word lists. Folded phrases ("chu tri") compare without marks; exact words ("có", "nắm") with them, where the
// folded form is also another word ("cơ quan", "Việt Nam", "Ban cán sự").
// ---------------------------------------------------------------------------------------------------------------

/** Verbs and adverbs that start the action after the agency ("X chủ trì", "X khẩn trương ..."). */
const ACTION_FOLDED = [
  'chu tri',
  'tham muu',
  'thuc hien',
  'lanh dao',
  'chi dao',
  'xay dung',
  'phoi hop',
  'theo doi',
  'nghien cuu',
  'huong dan',
  'trien khai',
  'ra soat',
  'de xuat',
  'phu trach',
  'dam nhiem',
  'dam nhan',
  'chiu trach nhiem',
  'co trach nhiem',
  'khan truong',
  'tiep tuc',
  'ban hanh',
  'chuan bi',
  'day manh',
  'day nhanh',
  'tang cuong',
  'giai quyet',
  'quan triet',
  'tuyen truyen',
  'van dong',
  'danh gia',
  'tong hop',
  'cu the hoa',
  'soan thao',
  'hoan thien',
  'dieu chinh',
  'bo sung',
  'so ket',
  'tong ket',
  'bao cao',
  'hoan thanh',
  'chu dong',
  'tap trung',
  'kiem tra',
  'to chuc',
  'don doc',
  'giam sat',
  'quan ly',
  'tham dinh',
  'xem xet',
  'cung cap',
  'tiep nhan',
  'xu ly',
  'cap nhat',
  'thanh lap',
  'kien toan',
  'nam bat',
  'nam chac',
  'nang cao',
  'dam bao',
  'bao dam',
  'thong bao',
  'tra loi',
  'ho tro',
  'pho bien',
  'kip thoi',
  'tich cuc',
  'thuong xuyen',
  'nghiem tuc',
  'quyet liet',
  'can phai',
  'bo tri',
  'phan bo',
  'tien hanh',
  'du thao',
  'hoan chinh',
  'quan tam',
  'sap xep',
  'kiem diem',
  'phat dong',
  'dieu tra',
  'phe duyet',
  'thu hoi',
  'giai ngan',
  'lam viec',
  'lam ro',
  'khac phuc',
  'chan chinh',
  'uu tien',
  'huy dong',
  'phat huy',
  'duy tri',
  'dinh huong',
  'tiep thu',
  'tuyen chon',
  'dieu dong',
  'chi tra',
  'thu thap',
  'dieu phoi',
  'lien he',
  'rut kinh nghiem',
  'tham gia',
  'thanh tra',
  'kiem soat',
  'theo chuc nang',
  'can doi',
  'xac minh',
  'thu ly',
  'giai trinh',
  'van hanh',
  'kiem ke',
  'dang ky',
  'doi thoai',
  'hoan tat',
  'quyet toan',
  'thanh toan',
  'cap phat',
  'tiep dan',
  'tham vay',
  'phan loai',
  'thong ke',
  'nghiem thu',
  'ap dung',
  'tu van',
  'de ra',
];
/** One-syllable verbs, compared with their marks ("nắm" is not "Nam", "cử" is not "Củ Chi"). */
const ACTION_EXACT = ['cần', 'phải', 'sớm', 'mở', 'ký', 'cử', 'nắm', 'lập', 'giúp', 'gửi', 'trình', 'rà'];
/** What the issuer says of its own: "UBND tỉnh giao ...", "Ban Thường vụ Tỉnh ủy yêu cầu ...", "... có ý kiến". */
const ISSUER_VERBS = [
  'yeu cau',
  'de nghi',
  'ket luan',
  'thong nhat',
  'dong y',
  'co y kien',
  'y kien',
  'luu y',
  'nhan manh',
  'chi dao nhu sau',
  'phan cong',
  'kien nghi',
  'chap thuan',
  'uy quyen',
];
/** Function words that end a name (compared with their marks: "có" ends it, "cơ quan" does not). */
const STOP_EXACT = new Set([
  'có',
  'đang',
  'để',
  'tại',
  'sẽ',
  'đã',
  'là',
  'thì',
  'khi',
  'nếu',
  'cho',
  'về',
  'trong',
  'theo',
  'với',
  'nhằm',
  'trên',
  'từ',
  'đến',
  'sau',
  'trước',
  'nhưng',
  'được',
  'bị',
  'này',
  'đó',
  'mà',
  'vì',
  'do',
  'hoặc',
  'hay',
  'như',
  'số',
  'ngày',
  'tháng',
  'năm',
  'quý',
  'những',
  'giao',
  'của',
  'căn',
  'chưa',
  'không',
  'cũng',
  'vẫn',
  'đều',
  'nhất',
  'tốt',
  'đầy',
]);

/** Levels that end the generic part of a name: after them only a place name (capitalised words) follows. */
const LEVEL_FOLDED = [
  'tinh uy',
  'huyen uy',
  'thanh uy',
  'thi uy',
  'thanh pho',
  'thi xa',
  'thi tran',
  'cap tinh',
  'cap huyen',
  'cap xa',
  'tinh',
  'huyen',
];
const LEVEL_EXACT = new Set(['xã', 'phường', 'quận']);

type HeadKind = 'needs-name' | 'open' | 'complete';
interface Head {
  words: string[];
  kind: HeadKind;
  /** The first word with its marks ("sở", not "số"). */
  exact?: string;
  /** Written in capitals ("UBND", "ĐĐ"). */
  acronym?: boolean;
}

// A head needs a name after it (a capitalised word or a level), unless "open" (any word: "Ủy ban nhân dân tỉnh",
// "Trung tâm y tế huyện") or "complete" ("Tỉnh đoàn", "MTTQ").
const HEADS: Head[] = [
  ...(
    [
      ['sở', 'needs-name'],
      ['ban', 'needs-name'],
      ['bộ', 'needs-name'],
      ['quỹ', 'needs-name'],
      ['đài', 'needs-name'],
      ['báo', 'needs-name'],
      ['hội', 'needs-name'],
      ['đoàn', 'needs-name'],
      ['cục', 'needs-name'],
      ['viện', 'needs-name'],
      ['trường', 'needs-name'],
      ['phòng', 'needs-name'],
    ] as const
  ).map(([exact, kind]): Head => ({ words: [foldKeepingLength(exact)], kind, exact })),
  ...(
    [
      ['uy ban nhan dan', 'open'],
      ['hoi dong nhan dan', 'open'],
      ['uy ban mat tran to quoc viet nam', 'complete'],
      ['uy ban mat tran to quoc', 'complete'],
      ['mat tran to quoc viet nam', 'complete'],
      ['mat tran to quoc', 'complete'],
      ['uy ban', 'needs-name'],
      ['hoi dong', 'needs-name'],
      ['ban can su dang', 'needs-name'],
      ['ban can su', 'needs-name'],
      ['ban thuong vu', 'needs-name'],
      ['ban quan ly', 'open'],
      ['thuong truc', 'needs-name'],
      ['dang uy', 'needs-name'],
      ['dang doan', 'needs-name'],
      ['tinh uy', 'needs-name'],
      ['huyen uy', 'needs-name'],
      ['thanh uy', 'needs-name'],
      ['thi uy', 'needs-name'],
      ['tinh doan', 'complete'],
      ['thanh doan', 'complete'],
      ['huyen doan', 'complete'],
      ['van phong', 'needs-name'],
      ['trung tam', 'open'],
      ['chi cuc', 'needs-name'],
      ['vien kiem sat nhan dan', 'open'],
      ['toa an nhan dan', 'open'],
      ['toa an', 'needs-name'],
      ['lien minh', 'needs-name'],
      ['lien hiep', 'needs-name'],
      ['lien doan lao dong', 'open'],
      ['benh vien', 'open'],
      ['cong ty', 'open'],
      ['tong cong ty', 'open'],
      ['chi nhanh', 'open'],
      ['ngan hang', 'needs-name'],
      ['hiep hoi', 'needs-name'],
      ['bo chi huy', 'needs-name'],
      ['bo tu lenh', 'needs-name'],
      ['bo doi bien phong', 'open'],
      ['quan khu', 'needs-name'],
      ['cong an', 'needs-name'],
      ['thanh tra', 'needs-name'],
      ['kho bac', 'needs-name'],
      ['bao hiem xa hoi', 'needs-name'],
      ['to cong tac', 'open'],
      ['dien luc', 'needs-name'],
    ] as const
  ).map(([phrase, kind]): Head => ({ words: phrase.split(' '), kind })),
  ...(
    [
      ['ubnd', 'needs-name'],
      ['hdnd', 'needs-name'],
      ['ubmttqvn', 'complete'],
      ['ubmttq', 'complete'],
      ['mttqvn', 'complete'],
      ['mttq', 'complete'],
      ['bcs dang', 'needs-name'],
      ['bcsd', 'needs-name'],
      ['bcs', 'needs-name'],
      ['btv', 'needs-name'],
      ['ubkt', 'needs-name'],
      ['btg', 'needs-name'],
      ['btc', 'needs-name'],
      ['bdv', 'needs-name'],
      ['bnc', 'needs-name'],
      ['vp', 'needs-name'],
      ['dd', 'needs-name'],
      ['du', 'needs-name'],
      ['bchqs', 'needs-name'],
      ['bdbp', 'needs-name'],
      ['bhxh', 'needs-name'],
      ['ldld', 'needs-name'],
      ['bql', 'needs-name'],
      ['vptu', 'complete'],
      ['btgtu', 'complete'],
      ['btctu', 'complete'],
      ['bdvtu', 'complete'],
      ['bnctu', 'complete'],
      ['ubkttu', 'complete'],
    ] as const
  ).map(([phrase, kind]): Head => ({ words: phrase.split(' '), kind, acronym: true })),
];

/** Titles of a head of agency: "Giao Giám đốc Sở Y tế" gives the work to the Sở. */
const TITLES = [
  'giam doc',
  'pho giam doc',
  'chu tich',
  'pho chu tich',
  'thu truong',
  'chanh',
  'cuc truong',
  'chi cuc truong',
  'vien truong',
  'chanh an',
  'hieu truong',
  'tong bien tap',
  'chi huy truong',
  'bi thu',
  'pho bi thu',
  'dong chi',
  'cac dong chi',
  'truong',
];

/**
 * Placeholders, never a lead nor a coordinator: "các cơ quan (có) liên quan", "các cơ quan, đơn vị", "các địa
 * phương", "các cấp ủy, chính quyền", "các cấp, các ngành", "các cấp ủy, tổ chức đảng" (every Party body: the
 * audience of the directive, which an intro would otherwise pass on to every task), "các đoàn thể", "Thủ trưởng các
 * cơ quan, đơn vị". Anything starting with "các"/"những"/"mọi" that GROUPS does not name is one.
 */
const GENERIC_STARTS = [
  'cac',
  'nhung',
  'moi',
  'toan',
  'co quan',
  'don vi',
  'dia phuong',
  'nganh',
  'cap uy',
  'chinh quyen',
  'to chuc dang',
  'doan the',
  'nguoi dung dau',
  'can bo',
  'dang vien',
];
const GENERIC_EXACT_FIRST = new Map([
  ['cac', 'các'],
  ['nhung', 'những'],
  ['moi', 'mọi'],
  ['toan', 'toàn'],
  ['nganh', 'ngành'],
]);

// Groups of agencies named by kind, leads as written: a definite set the issuer can follow up on.
const SEP = String.raw`(?:\s*[,;]\s*(?:va\s+)?|\s+va\s+|\s+)`;
const PROVINCE = String.raw`(?:\s+(?:cap tinh|thuoc tinh|truc thuoc tinh|trong tinh|tren dia ban tinh|tinh))?`;
// "UBND các huyện, thành, thị" (Phú Thọ) writes "thành phố, thị xã" short.
const LOCAL = String.raw`(?:thi xa|thanh pho|thi tran|huyen|xa|phuong|quan|thanh|thi)`;
const PARTY_UNDER = String.raw`(?:\s+truc thuoc(?:\s+tinh uy)?)?`;
const GROUPS: RegExp[] = [
  // "các sở, ban, ngành (, đoàn thể) tỉnh", "các sở, ngành, địa phương"
  String.raw`cac\s+so(?:${SEP}(?:ban|nganh|doan the|dia phuong|hoi|don vi))*${PROVINCE}`,
  String.raw`cac\s+ban${SEP}nganh(?:${SEP}(?:doan the|dia phuong|hoi))*${PROVINCE}`,
  // "UBND các huyện, thị xã, thành phố", "UBND cấp huyện", "Ủy ban nhân dân các xã, phường, thị trấn", "UBND các cấp"
  String.raw`(?:ubnd|uy ban nhan dan)\s+(?:cac\s+cap|cap\s+(?:huyen|xa)|cac\s+${LOCAL}(?:${SEP}${LOCAL})*)` +
    String.raw`(?:\s+(?:co\s+)?(?:khu vuc\s+)?(?:bien gioi|ven bien|ven song|vung lu|mien nui|dau nguon|trong diem|bien))?` +
    String.raw`(?:\s+(?:trong tinh|tren dia ban tinh|truc thuoc tinh|thuoc tinh))?`,
  // "các huyện ủy, thị ủy, thành ủy (, đảng ủy trực thuộc Tỉnh ủy)", "Các huyện, thị, thành ủy, đảng ủy trực thuộc"
  String.raw`cac\s+(?:huyen|thi|thanh)(?:\s+uy)?(?:${SEP}(?:huyen|thi|thanh)(?:\s+uy)?)*\s+uy` +
    String.raw`(?:${SEP}(?:cac\s+)?dang uy${PARTY_UNDER})?`,
  // "các huyện, thị xã, thành phố" (the district governments, two kinds at least)
  String.raw`cac\s+(?:huyen|thi xa|thanh pho)(?:${SEP}(?:thi xa|thanh pho|huyen|thanh|thi))+${PROVINCE}`,
  String.raw`cac\s+(?:dang uy|dang bo|cap uy)\s+truc thuoc(?:\s+tinh uy)?`,
  // "(Bí thư) huyện ủy, thị ủy, thành ủy": the kinds listed without "các"
  String.raw`(?:huyen|thi|thanh)\s+uy(?:${SEP}(?:huyen|thi|thanh)(?:\s+uy)?)+(?:${SEP}(?:cac\s+)?dang uy${PARTY_UNDER})?`,
  String.raw`cac\s+cap uy,?\s*to chuc (?:co so )?dang\s+truc thuoc(?:\s+tinh uy)?`,
  // "các ban đảng", "các ban xây dựng Đảng Tỉnh ủy", "các ban của Tỉnh ủy", "các ban Tỉnh ủy"
  String.raw`cac\s+ban\s+(?:dang|xay dung dang|cua tinh uy|tinh uy)(?:\s+tinh uy)?`,
  String.raw`cac\s+(?:dang doan${SEP}ban can su dang|ban can su dang${SEP}dang doan|dang doan|ban can su dang)${PARTY_UNDER}`,
  String.raw`cac\s+(?:to chuc|doan the)\s+chinh tri\s*-?\s*xa hoi(?:\s+(?:cap tinh|cac cap|tinh))?`,
].map((source) => new RegExp(`${source}(?![a-z0-9])`, 'y'));
const LIEN_QUAN = /\s+(?:co\s+)?lien quan(?![a-z0-9])/y;

const ISSUER = new RegExp(
  String.raw`^(?:(?:ban thuong vu|btv|thuong truc|tt|ban chap hanh)(?:\s|$)|(?:tinh|huyen|thanh|thi) uy(?:\s|$)|` +
    String.raw`(?:uy ban nhan dan|ubnd|hoi dong nhan dan|hdnd) (?:tinh|huyen|thanh pho|thi xa)(?:\s|$))`,
);

/** A citizen's (or a company's) petition: "Ông Nguyễn Văn A … đề nghị UBND tỉnh xem xét". */
const PERSON_EXACT = new Set(['ông', 'bà']);
const PERSON_PHRASES = [
  'công dân',
  'hộ dân',
  'người dân',
  'cử tri',
  'hộ gia đình',
  'chủ hộ',
  'bạn đọc',
  'luật sư',
  'công ty',
  'doanh nghiệp',
];
const PETITION_PHRASES = ['tờ trình', 'văn bản số', 'công văn số', 'đơn', 'kiến nghị'];
/** "theo đề nghị của", "xét đề nghị", "được giao", "bàn giao": the noun or the passive, not an assignment. */
const NOT_BEFORE_REQUEST = new Set([
  'theo',
  'xét',
  'của',
  'được',
  'có',
  'các',
  'những',
  'đúng',
  'về',
  'tại',
  'đã',
  'ứng',
  'với',
]);
const NOT_BEFORE_GIAO = new Set(['được', 'bàn', 'chuyển', 'trao', 'tuyên', 'giao']);

/** Words that open a sentence before its subject: "Đồng thời, Sở Y tế ...", "Hằng năm Ủy ban Kiểm tra ...". */
const ADVERBIALS = [
  'dong thoi',
  'trong do',
  'rieng',
  'ngoai ra',
  'ben canh do',
  'hang nam',
  'hang thang',
  'hang quy',
  'dinh ky',
  'truoc mat',
  'mat khac',
  'sau do',
  'tiep do',
  'tu nay',
  'thoi gian toi',
  'qua do',
  'tren co so do',
  'cung voi do',
  // "Thứ nhất, Ban cán sự đảng UBND tỉnh …", "Một là, …"
  'thu nhat',
  'thu hai',
  'thu ba',
  'thu tu',
  'thu nam',
  'thu sau',
  'thu bay',
  'thu tam',
  'thu chin',
  'thu muoi',
  'mot la',
  'hai la',
  'ba la',
  'bon la',
  'nam la',
  'sau la',
  'bay la',
  'cuoi cung',
];
/** Words that open a lead-in ended by a comma: "Để thực hiện tốt nhiệm vụ trên, Sở Y tế ...". */
const LEAD_INS = [
  'de',
  'can cu',
  'tren co so',
  'sau khi',
  'doi voi',
  've',
  'rieng',
  'trong',
  'thuc hien',
  'theo',
  'xet',
  'tiep theo',
  'nham',
  'qua',
  'truoc',
  'tu',
  'nhan dip',
  'ngay',
  'dong thoi',
  'ket luan',
];
const LABEL_LEAD = [
  'co quan chu tri',
  'don vi chu tri',
  'co quan thuc hien',
  'don vi thuc hien',
  'chu tri',
  'co quan phu trach',
  'don vi phu trach',
  'co quan chu tri thuc hien',
  'don vi chu tri thuc hien',
  'co quan chiu trach nhiem',
  'don vi chiu trach nhiem',
];
const LABEL_COORD = ['co quan phoi hop', 'don vi phoi hop', 'phoi hop', 'co quan phoi hop thuc hien'];
const HELPER_WORK = ['thuc hien', 'tham muu', 'trien khai'];
const TRAILING = new Set(['va', 'cua', 'cac', 'cung', 'voi']);

// "chức năng, nhiệm vụ được giao" between a subject and its verb.
const QUALIFIER =
  /\s*,?\s*(?:theo|can cu(?:\s+vao)?|trong pham vi)\s+(?:chuc nang|tham quyen|nhiem vu)(?:\s*,?\s*(?:va\s+)?(?:nhiem vu|quyen han|linh vuc|chuc nang))*(?:\s+(?:duoc giao|cua minh|phu trach|quan ly))?\s*,?/y;

const MAX_NAME_WORDS = 18;
const MAX_LIST = 30;
// Lower-case syllables after the last capitalised one: "Đầu tư" (1), "Kiểm soát bệnh tật" (3), "Khối các cơ quan"
// (3). More is the sentence running on ("Sở Kế hoạch và Đầu tư cân đối nguồn vốn"): the name keeps the first.
const MAX_LOWER_RUN = 3;

// ---------------------------------------------------------------------------------------------------------------
// Words of a text
// ---------------------------------------------------------------------------------------------------------------

/** A word or a punctuation mark. Its lower-case form is made when first asked for: most words never are. */
class Tok {
  private lower: string | null;

  constructor(
    private readonly text: string,
    /** Folded: no marks, lower case. */
    readonly w: string,
    readonly start: number,
    readonly end: number,
    /** First letter upper case. */
    readonly cap: boolean,
    /** Written in capitals (an acronym, or a heading). */
    readonly upper: boolean,
    readonly punct: boolean,
    /** Line breaks before it. */
    readonly nl: number,
  ) {
    this.lower = punct ? w : null;
  }

  /** Lower case, with marks. */
  get lc(): string {
    this.lower ??= this.text.slice(this.start, this.end).toLowerCase();
    return this.lower;
  }
}

interface Doc {
  text: string;
  folded: string;
  toks: Tok[];
}

function isAlnum(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
}

const UPPER_UNITS = new Map<number, boolean>();

/** An upper-case letter (one UTF-16 unit of NFC text), without making a string each time. */
function isUpperUnit(code: number): boolean {
  if (code < 128) return code >= 65 && code <= 90;
  let upper = UPPER_UNITS.get(code);
  if (upper === undefined) {
    const ch = String.fromCharCode(code);
    upper = ch !== ch.toLowerCase();
    UPPER_UNITS.set(code, upper);
  }
  return upper;
}

function makeDoc(text: string): Doc {
  const folded = foldKeepingLength(text);
  const toks: Tok[] = [];
  let nl = 0;
  for (let i = 0; i < folded.length;) {
    const code = folded.charCodeAt(i);
    if (isAlnum(code)) {
      let j = i + 1;
      let letters = code >= 97 ? 1 : 0;
      let uppers = code >= 97 && isUpperUnit(text.charCodeAt(i)) ? 1 : 0;
      for (; j < folded.length && isAlnum(folded.charCodeAt(j)); j++) {
        if (folded.charCodeAt(j) < 97) continue;
        letters++;
        if (isUpperUnit(text.charCodeAt(j))) uppers++;
      }
      const cap = isUpperUnit(text.charCodeAt(i));
      toks.push(new Tok(text, folded.slice(i, j), i, j, cap, uppers > 0 && uppers === letters, false, nl));
      nl = 0;
      i = j;
    } else if (code === 32 || code === 10 || code === 13 || code === 12 || code === 11) {
      if (code === 10) nl++;
      i++;
    } else {
      toks.push(new Tok(text, folded.charAt(i), i, i + 1, false, false, true, nl));
      nl = 0;
      i++;
    }
  }
  return { text, folded, toks };
}

class PhraseSet {
  private readonly byFirst = new Map<string, string[][]>();

  constructor(phrases: readonly string[]) {
    for (const phrase of phrases) {
      const words = phrase.split(' ');
      const list = this.byFirst.get(words[0]) ?? [];
      list.push(words);
      list.sort((a, b) => b.length - a.length);
      this.byFirst.set(words[0], list);
    }
  }

  /** Words of the longest phrase starting at token i (consecutive words, no punctuation between), or 0. */
  at(d: Doc, i: number): number {
    const first = d.toks[i];
    if (!first || first.punct) return 0;
    for (const words of this.byFirst.get(first.w) ?? []) if (wordsAt(d, i, words)) return words.length;
    return 0;
  }
}

function wordsAt(d: Doc, i: number, words: readonly string[]): boolean {
  for (let k = 0; k < words.length; k++) {
    const t = d.toks[i + k];
    if (!t || t.punct || t.w !== words[k]) return false;
  }
  return true;
}

const ACTIONS = new PhraseSet(ACTION_FOLDED);
const ACTIONS_EXACT = new Set(ACTION_EXACT);
const ISSUER_SAYS = new PhraseSet(ISSUER_VERBS);
const LEVELS = new PhraseSet(LEVEL_FOLDED);
const TITLE_SET = new PhraseSet(TITLES);
const GENERIC_SET = new PhraseSet(GENERIC_STARTS);
const ADVERBIAL_SET = new PhraseSet(ADVERBIALS);
const LEAD_IN_SET = new PhraseSet(LEAD_INS);
const HELPER_SET = new PhraseSet(HELPER_WORK);
const HEADS_BY_FIRST = new Map<string, Head[]>();
for (const head of HEADS) {
  const list = HEADS_BY_FIRST.get(head.words[0]) ?? [];
  list.push(head);
  list.sort((a, b) => b.words.length - a.words.length);
  HEADS_BY_FIRST.set(head.words[0], list);
}
const LABEL_LEAD_WORDS = LABEL_LEAD.map((p) => p.split(' '));
const LABEL_COORD_WORDS = LABEL_COORD.map((p) => p.split(' '));
const PERSON_WORDS = PERSON_PHRASES.map((p) => p.split(' '));
const PETITION_WORDS = PETITION_PHRASES.map((p) => p.split(' '));

function actionAt(d: Doc, i: number): number {
  const t = d.toks[i];
  if (!t || t.punct) return 0;
  if (ACTIONS_EXACT.has(t.lc)) return 1;
  return ACTIONS.at(d, i);
}

function issuerSaysAt(d: Doc, i: number): number {
  const t = d.toks[i];
  if (!t || t.punct) return 0;
  if (t.lc === 'giao') return 1;
  return ISSUER_SAYS.at(d, i);
}

/** A word that ends a name: a verb, a function word. Capitalised ("Ban Tổ chức", "Sở Xây dựng") it is a name's. */
function stopsName(d: Doc, i: number): boolean {
  const t = d.toks[i];
  if (!t || t.punct) return true;
  if (t.cap && !t.upper) return false;
  return STOP_EXACT.has(t.lc) || actionAt(d, i) > 0 || issuerSaysAt(d, i) > 0;
}

function levelAt(d: Doc, i: number): number {
  const t = d.toks[i];
  if (!t || t.punct) return 0;
  if (LEVEL_EXACT.has(t.lc)) return t.lc === 'xã' && d.toks[i + 1]?.w === 'hoi' ? 0 : 1;
  if ((t.w === 'tp' || t.w === 'tx') && t.upper) return 1;
  return LEVELS.at(d, i);
}

function headAt(d: Doc, i: number): Head | null {
  const t = d.toks[i];
  if (!t || t.punct || !(t.cap || t.upper)) return null;
  for (const head of HEADS_BY_FIRST.get(t.w) ?? []) {
    if (head.exact !== undefined && t.lc !== head.exact) continue;
    if (head.acronym && !t.upper) continue;
    if (!wordsAt(d, i, head.words)) continue;
    return head;
  }
  return null;
}

/** The head at i has what it needs after it: it starts an agency name (checked without reading the name). */
function startsAgency(d: Doc, i: number): boolean {
  const head = headAt(d, i);
  if (!head) return false;
  const j = i + head.words.length;
  const next = d.toks[j];
  if (levelAt(d, j)) return true;
  if (next && !next.punct && (next.cap || (head.kind === 'open' && !stopsName(d, j)))) return true;
  return head.kind === 'complete';
}

interface NameRead {
  start: number;
  /** Token index after the name. */
  end: number;
  kind: 'agency' | 'group' | 'generic';
  /** The name ended at a level or a place ("… tỉnh", "… Tỉnh ủy", "… huyện Tri Tôn"): what follows is its action. */
  complete?: boolean;
}

function tokenAfter(d: Doc, from: number, offset: number): number {
  let k = from;
  while (k < d.toks.length && d.toks[k].start < offset) k++;
  return k;
}

function readGroup(d: Doc, i: number): NameRead | null {
  const t = d.toks[i];
  if (!t || t.punct) return null;
  let best = -1;
  for (const group of GROUPS) {
    group.lastIndex = t.start;
    const m = group.exec(d.folded);
    if (m) best = Math.max(best, t.start + m[0].length);
  }
  if (best < 0) return null;
  let end = tokenAfter(d, i, best);
  LIEN_QUAN.lastIndex = best;
  const related = LIEN_QUAN.exec(d.folded);
  if (related) {
    end = tokenAfter(d, end, best + related[0].length);
    return { start: i, end, kind: 'generic' };
  }
  return { start: i, end: placesAfter(d, end), kind: 'group', complete: true };
}

/** "UBND các huyện Bình Đại, Ba Tri, Thạnh Phú", "UBND các huyện: Bình Đại, Ba Tri": the places a group names. */
function placesAfter(d: Doc, end: number): number {
  const last = d.toks[end - 1];
  // "Các Sở: Y tế, Giáo dục và Đào tạo, Tài chính có trách nhiệm …": the departments named after the colon.
  if (last && ['so', 'nganh', 'ban'].includes(last.w) && d.toks[end]?.w === ':' && d.toks[end + 1]?.cap) {
    let j = end + 1;
    let after = end;
    while (j < d.toks.length && j < end + 40) {
      const t = d.toks[j];
      if (t.punct ? !/[,-]/.test(t.w) : !t.cap && (stopsName(d, j) || t.w === 'cac')) break;
      j++;
      if (!t.punct) after = j;
    }
    return after;
  }
  if (!last || !['huyen', 'xa', 'phuong', 'thanh', 'thi', 'pho', 'tran', 'quan'].includes(last.w)) return end;
  let j = end;
  if (d.toks[j]?.w === ':' && d.toks[j + 1]?.cap) j++;
  const start = j;
  let after = end;
  while (j < d.toks.length && j < end + 40) {
    const t = d.toks[j];
    if (!t.punct && t.cap && !t.upper && !headAt(d, j)) {
      j++;
      after = j;
      continue;
    }
    if ((t.w === ',' || t.w === 'va') && d.toks[j + 1]?.cap && !d.toks[j + 1].upper && !headAt(d, j + 1)) {
      j++;
      continue;
    }
    break;
  }
  return after > start ? after : end;
}

function genericAt(d: Doc, i: number): number {
  const t = d.toks[i];
  if (!t || t.punct) return 0;
  const exact = GENERIC_EXACT_FIRST.get(t.w);
  if (exact !== undefined && t.lc !== exact) return 0;
  return GENERIC_SET.at(d, i);
}

function readGeneric(d: Doc, i: number): NameRead | null {
  const len = genericAt(d, i);
  if (!len) return null;
  let j = i + len;
  let words = len;
  while (j < d.toks.length && words < 12) {
    const t = d.toks[j];
    if (t.punct) {
      const next = d.toks[j + 1];
      if (t.w === ',' && next && !next.punct && !next.cap && !stopsName(d, j + 1) && !readGroup(d, j + 1)) {
        j++;
        continue;
      }
      if (t.w === '-' && next && !next.punct) {
        j++;
        continue;
      }
      break;
    }
    if (t.lc === 'có' && d.toks[j + 1]?.w === 'lien' && d.toks[j + 2]?.w === 'quan') {
      j += 3;
      words += 3;
      continue;
    }
    if (t.w === 'va' || t.w === 'cung' || stopsName(d, j)) break;
    if (t.cap && startsAgency(d, j)) break;
    j++;
    words++;
  }
  return { start: i, end: j, kind: 'generic' };
}

/** A comma or "và" inside a name: "Sở Văn hóa, Thể thao và Du lịch", "Sở Kế hoạch và Đầu tư". */
function continuesName(d: Doc, k: number): boolean {
  const t = d.toks[k];
  if (!t || t.punct || !t.cap) return false;
  const title = TITLE_SET.at(d, k);
  if (title && readName(d, k + title)) return false;
  if (t.upper && t.w.length > 1) return false;
  if (startsAgency(d, k)) return false;
  if (genericAt(d, k) || readGroup(d, k)) return false;
  return true;
}

function readAgency(d: Doc, i: number): NameRead | null {
  const head = headAt(d, i);
  if (!head) return null;
  const n = d.toks.length;
  let j = i + head.words.length;
  let words = head.words.length;
  let level = false;
  const lv = levelAt(d, j);
  const complement = d.toks[j];
  if (lv) {
    j += lv;
    words += lv;
    level = true;
  } else if (complement && !complement.punct && (complement.cap || (head.kind === 'open' && !stopsName(d, j)))) {
    j++;
    words++;
  } else if (head.kind !== 'complete') return null;

  // Where the run of lower-case syllables began, and its length.
  let runStart = j;
  let run = 0;
  while (j < n) {
    const t = d.toks[j];
    if (t.punct) {
      const next = d.toks[j + 1];
      if (t.w === ',' && !level && continuesName(d, j + 1)) j++;
      else if (t.w === '-' && next && !next.punct && next.cap) j++;
      else if (t.w === '.' && (d.toks[j - 1]?.w === 'tp' || d.toks[j - 1]?.w === 'tx') && next?.cap) j++;
      else break;
      continue;
    }
    const lvl = levelAt(d, j);
    if (lvl) {
      j += lvl;
      words += lvl;
      level = true;
      continue;
    }
    if (level && !t.cap) break;
    if (t.w === 'va' || t.w === 'cung') {
      if (!level && continuesName(d, j + 1)) {
        j++;
        continue;
      }
      break;
    }
    if (stopsName(d, j)) break;
    if (t.nl >= 2) break;
    if (t.cap || t.upper) run = 0;
    else if (run++ === 0) runStart = j;
    if (run > MAX_LOWER_RUN) {
      j = runStart + 1;
      break;
    }
    j++;
    words++;
    if (words > MAX_NAME_WORDS) return null;
  }
  while (j > i + 1 && (d.toks[j - 1].punct || TRAILING.has(d.toks[j - 1].w))) j--;
  return { start: i, end: j, kind: 'agency', complete: level };
}

function readName(d: Doc, i: number): NameRead | null {
  const t = d.toks[i];
  if (!t || t.punct) return null;
  return readGroup(d, i) ?? readGeneric(d, i) ?? readAgency(d, i);
}

/** A name, after the title of its head if any ("Giám đốc Sở Y tế" → "Sở Y tế"). */
function readNameAfterTitle(d: Doc, i: number): NameRead | null {
  let at = i;
  // "đồng chí Chủ tịch UBND huyện": two titles at most.
  for (let k = 0; k < 2; k++) {
    const title = TITLE_SET.at(d, at);
    // "Trưởng Ban Tổ chức" is a title, "Trường Chính trị" a school.
    if (!title || d.toks.slice(at, at + title).some((t) => t.w === 'truong' && t.lc !== 'trưởng')) break;
    at += title;
    const after = readName(d, at);
    if (after) return after;
  }
  return readName(d, i);
}

interface ListRead {
  items: NameRead[];
  end: number;
}

/** "Ban Tổ chức Tỉnh ủy, Ủy ban Kiểm tra Tỉnh ủy và các cơ quan liên quan" (separated by , ; và cùng). */
function readList(d: Doc, i: number): ListRead {
  const items: NameRead[] = [];
  let j = i;
  let end = i;
  // A list is never long: the bound keeps a run of names from being read again from each of its places.
  while (items.length < MAX_LIST) {
    const name = readNameAfterTitle(d, j);
    if (!name || name.end <= j) break;
    items.push(name);
    end = name.end;
    let k = end;
    const sep = d.toks[k];
    if (!sep) break;
    if (sep.punct && (sep.w === ',' || sep.w === ';')) {
      k++;
      if (d.toks[k]?.w === 'va' || d.toks[k]?.w === 'cung') k++;
    } else if (!sep.punct && (sep.w === 'va' || sep.w === 'cung')) {
      k++;
      if (d.toks[k]?.w === 'voi') k++;
    } else break;
    if (!readNameAfterTitle(d, k)) break;
    j = k;
  }
  return { items, end };
}

function named(items: readonly NameRead[]): NameRead[] {
  return items.filter((item) => item.kind !== 'generic');
}

// ---------------------------------------------------------------------------------------------------------------
// Clauses
// ---------------------------------------------------------------------------------------------------------------

/** Past the bullets, the numbering ("1.", "a)", "(2)", "II-") and the adverbials of a sentence's start. */
function clauseHead(d: Doc, a: number, b: number): number {
  let i = a;
  for (let guard = 0; guard < 8 && i < b; guard++) {
    const t = d.toks[i];
    if (t.punct && /[-+*•–]/.test(t.w)) {
      i++;
      continue;
    }
    const next = d.toks[i + 1];
    if (t.punct && t.w === '(' && next && !next.punct && next.w.length <= 4 && d.toks[i + 2]?.w === ')') {
      i += 3;
      continue;
    }
    if (!t.punct && next?.punct && /[.)\-:]/.test(next.w) && (/^\d+$/.test(t.w) || /^[ivx]+$|^[a-zđ]$/.test(t.w))) {
      // "1.", "a)", "II-", "1.2." — but not a sentence's first word followed by its comma.
      if (/^\d+$/.test(t.w) || t.w.length <= 4) {
        i += 2;
        continue;
      }
    }
    const adverbial = ADVERBIAL_SET.at(d, i);
    if (adverbial) {
      i += adverbial;
      if (d.toks[i]?.w === ',') i++;
      continue;
    }
    break;
  }
  return i;
}

interface Candidate {
  at: number;
  list: ListRead;
  helper: boolean;
}

/** "X phối hợp thực hiện": named only to help whoever leads. */
function helperAt(d: Doc, k: number): boolean {
  if (!wordsAt(d, k, ['phoi', 'hop'])) return false;
  let j = k + 2;
  if (d.toks[j]?.w === 'voi' || d.toks[j]?.w === 'cung') j++;
  return HELPER_SET.at(d, j) > 0;
}

type SubjectVerb = 'action' | 'issuer' | 'label';

interface Subject {
  list: ListRead;
  verb: SubjectVerb;
  verbAt: number;
}

function skipQualifier(d: Doc, k: number): number {
  const t = d.toks[k];
  if (!t) return k;
  if (t.w === '(') {
    // "(chủ trì)" is the verb itself; "(sau đây gọi tắt là ...)" is skipped.
    for (let j = k + 1; j < Math.min(d.toks.length, k + 30); j++) if (d.toks[j].w === ')') return j + 1;
    return k;
  }
  QUALIFIER.lastIndex = t.start;
  const m = QUALIFIER.exec(d.folded);
  return m ? tokenAfter(d, k, t.start + m[0].length) : k;
}

// The Party committee that issues the document: its own words ("Ban Thường vụ Tỉnh ủy đánh giá cao …") assign
// nothing to itself.
const PARTY_ISSUER =
  /^(?:(?:ban thuong vu|btv|thuong truc|ban chap hanh)\s+(?:(?:tinh|huyen|thanh|thi) uy|dang bo)|tinh uy)(?:\s|$)/;

function foldedName(d: Doc, name: NameRead): string {
  return d.folded.slice(d.toks[name.start].start, d.toks[name.end - 1].end).replace(/[\s,]+/g, ' ');
}

function subjectAt(d: Doc, i: number): Subject | null {
  const list = readList(d, i);
  if (!list.items.length || PARTY_ISSUER.test(foldedName(d, list.items[0]))) return null;
  let k = list.end;
  if (d.toks[k]?.w === '(' && actionAt(d, k + 1)) k++;
  else k = skipQualifier(d, k);
  if (d.toks[k]?.w === ':') return { list, verb: 'label', verbAt: k };
  if (issuerSaysAt(d, k)) return { list, verb: 'issuer', verbAt: k };
  if (actionAt(d, k)) return { list, verb: 'action', verbAt: k };
  // "Ủy ban Kiểm tra Tỉnh ủy đưa …": after a name that ended at its level, any verb — not the issuer's own words.
  const last = list.items[list.items.length - 1];
  const next = d.toks[k];
  if (
    last.complete &&
    k === list.end &&
    next &&
    !next.punct &&
    !next.cap &&
    !STOP_EXACT.has(next.lc) &&
    genericAt(d, k) === 0 &&
    !ISSUER.test(foldedName(d, list.items[0]))
  )
    return { list, verb: 'action', verbAt: k };
  return null;
}

/** As written, a line break of the scan (or of a wrapped cell) as a space. */
function sliceOf(d: Doc, name: NameRead): string {
  return d.text.slice(d.toks[name.start].start, d.toks[name.end - 1].end).replace(/\s+/g, ' ');
}

function isIssuer(d: Doc, name: NameRead): boolean {
  return ISSUER.test(foldedName(d, name));
}

function phraseEndsAt(d: Doc, last: number, phrases: readonly string[][]): boolean {
  return phrases.some((words) => wordsAt(d, last - words.length + 1, words));
}

function lcPhraseAt(d: Doc, i: number, words: readonly string[]): boolean {
  for (let k = 0; k < words.length; k++) {
    const t = d.toks[i + k];
    if (!t || t.punct || t.lc !== words[k]) return false;
  }
  return true;
}

/** The start of the sentence that holds token t (bounded: a sentence start is never far). */
function sentenceStart(d: Doc, t: number, a: number): number {
  let s = t;
  let depth = 0;
  while (s > a && t - s < 80) {
    const p = d.toks[s - 1];
    if (p.punct && p.w === ')') depth++;
    else if (p.punct && p.w === '(') {
      if (depth === 0) break;
      depth--;
    } else if (p.punct && /[.;:!?\t]/.test(p.w)) break;
    if (d.toks[s].nl >= 2) break;
    s--;
  }
  return s;
}

/** "đề nghị X", "yêu cầu X", "giao X" where the document speaks: not a petition it reports, not a noun. */
function triggerSpeaks(d: Doc, t: number, a: number, giao: boolean): boolean {
  const prev = d.toks[t - 1];
  if (prev && !prev.punct && (giao ? NOT_BEFORE_GIAO : NOT_BEFORE_REQUEST).has(prev.lc)) return false;
  const s = sentenceStart(d, t, a);
  for (let k = s; k < t; k++) {
    if (PERSON_EXACT.has(d.toks[k].lc)) return false;
    if (PERSON_WORDS.some((words) => lcPhraseAt(d, k, words))) return false;
    if (!giao && PETITION_WORDS.some((words) => lcPhraseAt(d, k, words))) return false;
  }
  if (giao) return true;
  // "Sở Tài chính đề nghị UBND tỉnh ..." reports an agency's proposal; "UBND tỉnh đề nghị các sở ..." speaks.
  const head = clauseHead(d, s, t);
  const subject = readList(d, head);
  if (subject.items.length && subject.end === t) return isIssuer(d, subject.items[0]);
  return true;
}

function triggerAt(d: Doc, t: number): { len: number; giao: boolean } | null {
  const tok = d.toks[t];
  if (!tok || tok.punct) return null;
  if (tok.lc === 'giao') return { len: 1, giao: true };
  if (wordsAt(d, t, ['de', 'nghi']) || wordsAt(d, t, ['yeu', 'cau']) || wordsAt(d, t, ['phan', 'cong']))
    return { len: 2, giao: false };
  return null;
}

function objectStart(d: Doc, k: number): number {
  if (d.toks[k]?.w === 'cho') return k + 1;
  if (wordsAt(d, k, ['nhiem', 'vu', 'cho']) || wordsAt(d, k, ['trach', 'nhiem', 'cho'])) return k + 3;
  return k;
}

function listCandidate(d: Doc, at: number, list: ListRead): Candidate {
  return { at, list, helper: helperAt(d, list.end) };
}

/** Every place in [a, b) that names who does the work, in order. */
function candidates(d: Doc, a: number, b: number, withSubject: boolean): Candidate[] {
  const found: Candidate[] = [];
  if (withSubject) {
    const head = clauseHead(d, a, b);
    const subject = head < b ? subjectAt(d, head) : null;
    if (subject && subject.verb !== 'issuer') found.push(listCandidate(d, head, subject.list));
    else if (!subject && LEAD_IN_SET.at(d, head)) {
      // "Để thực hiện tốt nhiệm vụ trên, Sở Y tế chủ trì ...": the subject after the lead-in's comma.
      for (let c = head + 1; c < Math.min(b, head + 60); c++) {
        const tok = d.toks[c];
        if (tok.punct && /[.;]/.test(tok.w)) break;
        if (!tok.punct || (tok.w !== ',' && tok.w !== ':')) continue;
        const after = subjectAt(d, c + 1);
        if (after && after.verb === 'action') {
          found.push(listCandidate(d, c + 1, after.list));
          break;
        }
      }
    }
  }
  for (let t = a; t < b; t++) {
    const tok = d.toks[t];
    // A subject after a semicolon, a full stop or at a line start inside the clause: a helper ("…; Sở Tài chính
    // phối hợp thực hiện"), or the first lead after a preamble that named no one.
    const boundary = (tok.nl >= 1 && t > a) || (t > a && /[;.]/.test(d.toks[t - 1].w) && d.toks[t - 1].punct);
    if (boundary && (!tok.punct || /[-+*(]/.test(tok.w))) {
      const head = clauseHead(d, t, b);
      const subject = head < b ? subjectAt(d, head) : null;
      if (subject && subject.verb === 'action') found.push(listCandidate(d, head, subject.list));
    }
    if (tok.punct) {
      // "(Ban Tuyên giáo Tỉnh ủy chủ trì)", "Về công tác cán bộ: Ban Tổ chức Tỉnh ủy tham mưu ...", a table cell.
      if ((tok.w === '(' || tok.w === ':' || tok.w === '\t') && t + 1 < b) {
        const subject = subjectAt(d, t + 1);
        if (subject && subject.verb === 'action') found.push(listCandidate(d, t + 1, subject.list));
      }
      continue;
    }
    const trigger = triggerAt(d, t);
    if (!trigger || !triggerSpeaks(d, t, a, trigger.giao)) continue;
    const start = objectStart(d, t + trigger.len);
    const list = readList(d, start);
    if (list.items.length) found.push(listCandidate(d, t, list));
  }
  return found.sort((x, y) => x.at - y.at);
}

interface Reading {
  lead: NameRead | null;
  coordinating: NameRead[];
}

/** "Cơ quan chủ trì: Sở Kế hoạch và Đầu tư", "Cơ quan phối hợp: Sở Tài chính, Sở Y tế". */
function labels(d: Doc, a: number, b: number): { lead: NameRead | null; coordinating: NameRead[] } {
  let lead: NameRead | null = null;
  const coordinating: NameRead[] = [];
  for (let c = a + 1; c < b; c++) {
    if (d.toks[c].w !== ':') continue;
    if (phraseEndsAt(d, c - 1, LABEL_COORD_WORDS)) coordinating.push(...named(readList(d, c + 1).items));
    else if (!lead && phraseEndsAt(d, c - 1, LABEL_LEAD_WORDS)) lead = named(readList(d, c + 1).items)[0] ?? null;
  }
  return { lead, coordinating };
}

/** "phối hợp (chặt chẽ) (với|cùng) Y, Z", "với sự phối hợp của Y". */
function partners(d: Doc, a: number, b: number): NameRead[] {
  const found: NameRead[] = [];
  for (let t = a; t < b - 1; t++) {
    if (!wordsAt(d, t, ['phoi', 'hop'])) continue;
    let k = t + 2;
    if (wordsAt(d, k, ['chat', 'che'])) k += 2;
    if (d.toks[k]?.w === 'voi' || d.toks[k]?.w === 'cung' || d.toks[k]?.w === 'cua') k++;
    if (k >= b) continue;
    found.push(...named(readList(d, k).items).filter((item) => item.end <= b));
  }
  return found;
}

function readClause(d: Doc, a: number, b: number): Reading {
  const label = labels(d, a, b);
  const coordinating: NameRead[] = [];
  let lead = label.lead;
  if (!lead) {
    for (const candidate of candidates(d, a, b, true)) {
      const names = named(candidate.list.items);
      if (candidate.helper) coordinating.push(...names);
      else if (!lead && names.length > 0) {
        lead = names[0];
        coordinating.push(...names.slice(1));
      }
    }
  }
  coordinating.push(...label.coordinating, ...partners(d, a, b));
  return { lead, coordinating };
}

function keyOf(d: Doc, name: NameRead): string {
  return d.folded.slice(d.toks[name.start].start, d.toks[name.end - 1].end).replace(/[\s,]+/g, ' ');
}

function toAssignment(d: Doc, reading: Reading): Assignment {
  const lead = reading.lead ? sliceOf(d, reading.lead) : null;
  const seen = new Set<string>(reading.lead ? [keyOf(d, reading.lead)] : []);
  const coordinating: string[] = [];
  for (const name of reading.coordinating) {
    const key = keyOf(d, name);
    if (seen.has(key)) continue;
    seen.add(key);
    coordinating.push(sliceOf(d, name));
  }
  return { lead, coordinating };
}

type Separator = ';' | '.' | ',' | 'line' | 'para';

interface Piece {
  start: number;
  end: number;
  /** What separates it from the piece before. */
  sep: Separator | null;
}

function isMarker(d: Doc, i: number): boolean {
  const t = d.toks[i];
  if (!t) return false;
  if (t.punct) return /[-+*•(]/.test(t.w);
  const next = d.toks[i + 1];
  return /^(?:\d+|[a-zđ]|[ivx]+)$/.test(t.w) && next !== undefined && next.punct && /[.)-]/.test(next.w);
}

function pieces(d: Doc): Piece[] {
  const out: Piece[] = [];
  let start = 0;
  let sep: Separator | null = null;
  const toks = d.toks;
  const cut = (end: number, next: number, kind: Separator) => {
    if (end > start) out.push({ start, end, sep });
    start = next;
    sep = kind;
  };
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (i > start && t.nl >= 2) cut(i, i, 'para');
    else if (i > start && t.nl >= 1 && isMarker(d, i)) cut(i, i, 'line');
    if (!t.punct) continue;
    const next = toks[i + 1];
    if (t.w === ';') cut(i, i + 1, ';');
    else if (t.w === '.' && next && next.start > t.end && !next.punct) cut(i + 1, i + 1, '.');
    else if (t.w === ',' && next && wordsAt(d, i + 1, ['dong', 'thoi'])) cut(i, i + 1, ',');
  }
  if (start < toks.length) out.push({ start, end: toks.length, sep });
  return out;
}

/** A piece that opens a new assignment: "Ban Tuyên giáo Tỉnh ủy chủ trì ...", "giao Sở Y tế ...". */
function opensAssignment(d: Doc, piece: Piece): boolean {
  const head = clauseHead(d, piece.start, piece.end);
  if (head >= piece.end) return false;
  const trigger = triggerAt(d, head);
  if (trigger) {
    const list = readList(d, objectStart(d, head + trigger.len));
    return named(list.items).length > 0 && !helperAt(d, list.end);
  }
  const subject = subjectAt(d, head);
  if (subject) return subject.verb === 'action' && named(subject.list.items).length > 0 && !helperAt(d, subject.verbAt);
  return candidates(d, piece.start, Math.min(piece.end, head + 60), true).some(
    (c) => c.at > head && !c.helper && named(c.list.items).length > 0 && d.toks[c.at - 1]?.w === ',',
  );
}

/** The piece ends inside a list of names ("phối hợp với Sở A; Sở B; ..."): the next piece continues it. */
function endsInList(d: Doc, piece: Piece): boolean {
  let last = piece.end;
  while (last > piece.start && d.toks[last - 1].punct && /[,;.]/.test(d.toks[last - 1].w)) last--;
  if (last <= piece.start) return false;
  const starts = [clauseHead(d, piece.start, piece.end)];
  for (let t = piece.start; t < last; t++) {
    const tok = d.toks[t];
    if (tok.punct) continue;
    if (wordsAt(d, t, ['phoi', 'hop'])) starts.push(t + 2, t + 3);
    else if (tok.w === 'voi' || tok.w === 'cung') starts.push(t + 1);
    else {
      const trigger = triggerAt(d, t);
      if (trigger) starts.push(objectStart(d, t + trigger.len));
    }
  }
  // A list read from there runs to the end of the piece, or on through its semicolon.
  return starts.some((s) => s < last && readList(d, s).end >= last);
}

function hasLead(d: Doc, a: number, b: number, withSubject: boolean): boolean {
  if (labels(d, a, b).lead) return true;
  return candidates(d, a, b, withSubject).some((c) => !c.helper && named(c.list.items).length > 0);
}

// A deadline the piece states: "hoàn thành trong quý IV/2022", "trước ngày 15/11/2022", "vào tháng 11/2023", "trong
// năm 2023", "trong 10 ngày làm việc" — not a date it cites ("Nghị quyết … năm 2022", "giai đoạn 2023-2025").
const OWN_DEADLINE = new RegExp(
  String.raw`(?:hoan thanh|truoc|cham nhat(?: la)?|trong|vao|thoi gian|thoi han|xong|den het|den)(?:\s+ngay)?\s*:?\s*` +
    String.raw`(?:\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}|\d{1,2}\s+thang\s+\d{1,2}\s+nam\s+\d{4}|` +
    String.raw`(?:thang|quy)\s+(?:\d{1,2}|[ivx]+)(?:\s*[/-]\s*|\s+nam\s+)\d{4}|nam\s+\d{4}|\d+\s+ngay\s+lam\s+viec)`,
);

function ownDeadline(d: Doc, piece: Piece): boolean {
  if (piece.end <= piece.start) return false;
  return OWN_DEADLINE.test(d.folded.slice(d.toks[piece.start].start, d.toks[piece.end - 1].end));
}

/** "…; lãnh đạo rà soát …", "; đồng thời phối hợp với …": the same agency's next work, its action first. */
function continuesWithAction(d: Doc, piece: Piece): boolean {
  const head = clauseHead(d, piece.start, piece.end);
  return head < piece.end && actionAt(d, head) > 0 && !helperAt(d, head);
}

interface Group {
  pieces: Piece[];
  /** Work of the previous clause's agency, with a deadline of its own: the lead carries over. */
  inherits: boolean;
}

function splitDoc(d: Doc): AssignmentClause[] {
  const text = d.text;
  const parts = pieces(d);
  if (parts.length === 0) return [{ lead: null, coordinating: [], start: 0, end: text.length, text }];
  const groups: Group[] = [{ pieces: [parts[0]], inherits: false }];
  let leads = hasLead(d, parts[0].start, parts[0].end, true);
  let dated = leads && ownDeadline(d, parts[0]);
  for (let p = 1; p < parts.length; p++) {
    const piece = parts[p];
    const previous = parts[p - 1];
    const listGoesOn = piece.sep !== '.' && piece.sep !== 'para' && endsInList(d, previous);
    if (leads && !listGoesOn && opensAssignment(d, piece)) {
      groups.push({ pieces: [piece], inherits: false });
      dated = ownDeadline(d, piece);
      continue;
    }
    // "Ban cán sự đảng UBND tỉnh lãnh đạo xây dựng …, hoàn thành trong quý IV/2022; lãnh đạo rà soát …, hoàn thành
    // trong năm 2023": two tasks of one agency, each with its own deadline. Work items without one stay together.
    if (leads && dated && (piece.sep === ';' || piece.sep === ',') && !listGoesOn && continuesWithAction(d, piece)) {
      if (ownDeadline(d, piece)) {
        groups.push({ pieces: [piece], inherits: true });
        continue;
      }
    }
    groups[groups.length - 1].pieces.push(piece);
    if (!leads) leads = hasLead(d, piece.start, piece.end, false);
    if (leads && !dated) dated = ownDeadline(d, piece);
  }
  let previousLead: NameRead | null = null;
  return groups.map((group, g): AssignmentClause => {
    const first = group.pieces[0];
    const last = group.pieces[group.pieces.length - 1];
    const a = first.start;
    let b = last.end;
    const start = g === 0 ? 0 : d.toks[a].start;
    let end = text.length;
    if (g < groups.length - 1) {
      while (b > a + 1 && d.toks[b - 1].punct && /[;,]/.test(d.toks[b - 1].w)) b--;
      end = d.toks[b - 1].end;
    }
    const reading = readClause(d, a, last.end);
    if (!reading.lead && group.inherits) reading.lead = previousLead;
    previousLead = reading.lead;
    return { ...toAssignment(d, reading), start, end, text: text.slice(start, end) };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// API
// ---------------------------------------------------------------------------------------------------------------

/**
 * The assignments of one paragraph, in order. "Giao Ban cán sự đảng UBND tỉnh chỉ đạo …; Ban Tuyên giáo Tỉnh ủy chủ
 * trì, phối hợp với … tuyên truyền …; Ủy ban Kiểm tra Tỉnh ủy kiểm tra …" gives three clauses.
 *
 * A new clause starts after ";", ". ", a blank line, a bullet line or ", đồng thời" when what follows starts with an
 * agency and its action ("Sở Y tế chủ trì", "UBND các huyện có trách nhiệm") or with "giao/đề nghị/yêu cầu X". A
 * piece that does not (work items of the same agency, "thời gian hoàn thành ..."), a piece that continues a list of
 * names ("phối hợp với Sở A; Sở B; ..."), a helper ("Sở B phối hợp thực hiện") and anything before the first named
 * lead belong to the clause before — except the same agency's next work after ";" or ", đồng thời" when both it and
 * the clause before state their own deadline ("…, hoàn thành trong quý IV/2022; lãnh đạo rà soát …, hoàn thành trong
 * năm 2023"): a clause of its own, whose lead is the clause before's. Always at least one clause; the first starts at 0 and the last ends at
 * text.length, so a paragraph with one assignment is one clause (0, text.length) with `parseAssignment`'s reading.
 */
export function splitAssignments(text: string): AssignmentClause[] {
  return splitDoc(makeDoc(text));
}

/**
 * Reads who leads and who coordinates: "Giao Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với Ban Tổ chức Tỉnh ủy và các
 * cơ quan liên quan tham mưu thực hiện", "Sở Y tế có trách nhiệm ...", "Đề nghị Đảng đoàn MTTQ tỉnh ...", a table
 * cell "Trường Chính trị tỉnh chủ trì, phối hợp với ...", or a label "Cơ quan chủ trì: ...". Placeholders ("các cơ
 * quan liên quan") are dropped, so a task that names no one gets no lead. Of a paragraph with several assignments,
 * the first one that names a lead (see `splitAssignments` for each).
 */
export function parseAssignment(text: string): Assignment {
  const clauses = splitAssignments(text.normalize('NFC'));
  const first = clauses.find((clause) => clause.lead !== null);
  if (first) return { lead: first.lead, coordinating: first.coordinating };
  const coordinating = [...new Set(clauses.flatMap((clause) => clause.coordinating))];
  return { lead: null, coordinating };
}

/** A placeholder ("các cơ quan liên quan", "các địa phương"), not an agency. */
export function isGenericAgency(name: string): boolean {
  const d = makeDoc(name.normalize('NFC').trim());
  const start = clauseHead(d, 0, d.toks.length);
  const read = readName(d, start);
  if (read) return read.kind === 'generic';
  return OLD_GENERIC.test(foldKeepingLength(name).trim());
}

/** The whole text is one agency name or group ("Sở Y tế", "UBND các huyện, thị xã, thành phố"). */
export function looksLikeAgency(name: string): boolean {
  const d = makeDoc(name.normalize('NFC').trim());
  const start = clauseHead(d, 0, d.toks.length);
  const read = readNameAfterTitle(d, start);
  if (!read || read.kind === 'generic') return false;
  let end = read.end;
  while (end < d.toks.length && d.toks[end].punct && /[.,;]/.test(d.toks[end].w)) end++;
  // "Ban Tổ chức Tỉnh ủy (chủ trì)": a role after the name.
  return end === d.toks.length || d.toks[end].w === '(';
}

// The earlier, looser tests: a name starting with a known word, for the parts the word reader cannot read.
const OLD_GENERIC = /^(?:cac|nhung|moi|co quan|don vi|dia phuong|nganh)(?:\s|$)|lien quan$|co lien quan/;
const OLD_HEAD =
  /^(?:ban|uy ban|dang uy|dang doan|van phong|truong|so|huyen uy|thanh uy|thi uy|cong an|bo chi huy|bo doi|hoi|lien doan|mat tran|doan|tinh doan|thanh doan|toa an|vien kiem sat|kho bac|ngan hang|bao|dai|trung tam|chi cuc|cuc|bo|ubnd|hdnd|btv|bcs|ubkt|mttq|tinh uy|quan khu|ban can su)(?:\s|$)/;

/**
 * "Ban Tổ chức Tỉnh ủy, Ủy ban Kiểm tra Tỉnh ủy và các cơ quan liên quan" → the two named agencies;
 * "Các sở, ban, ngành tỉnh; UBND các huyện" → the two groups. A part the word reader cannot read that does not start
 * like an agency belongs to the name before it.
 */
export function splitAgencyList(text: string): string[] {
  const d = makeDoc(text.normalize('NFC'));
  const parts: string[] = [];
  let i = 0;
  const n = d.toks.length;
  const isSeparator = (t: Tok) =>
    (t.punct && /[,;\-+*•.)(]/.test(t.w)) || t.w === 'va' || t.w === 'cung' || t.w === 'voi';
  while (i < n) {
    while (i < n && isSeparator(d.toks[i])) i++;
    if (i >= n) break;
    const read = readNameAfterTitle(d, i);
    if (read && read.end > i) {
      if (read.kind !== 'generic') parts.push(sliceOf(d, read));
      i = read.end;
      continue;
    }
    // Not readable: up to the next comma or semicolon, as written.
    let j = i;
    while (j < n && !(d.toks[j].punct && (d.toks[j].w === ',' || d.toks[j].w === ';'))) j++;
    const part = d.text.slice(d.toks[i].start, d.toks[j - 1].end).replace(/[.)\s]+$/, '');
    const folded = foldKeepingLength(part).trim();
    if (parts.length > 0 && !OLD_HEAD.test(folded) && !OLD_GENERIC.test(folded) && /^\p{Lu}/u.test(part))
      parts[parts.length - 1] += `${d.text.slice(d.toks[i - 1].start, d.toks[i].start)}${part}`;
    else if (!OLD_GENERIC.test(folded)) parts.push(part);
    i = j;
  }
  return parts;
}

/** Verbs that end an agency name (kept for callers that build their own patterns). */
export const TASK_VERBS = ACTION_FOLDED.map((v) => v.replace(/ /g, String.raw`\s`)).join('|');
