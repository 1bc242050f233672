import type { DeliverableType, TaskField, WorkItem } from './directive.model.js';
import { foldWords } from './normalize-text.js';

const DELIVERABLE_WORDS: ReadonlyArray<[RegExp, DeliverableType]> = [
  [/^so (?:va |\s*)?(?:tong )?ket(?! qua)/, 'so-ket'],
  [/^tong ket(?! qua)/, 'tong-ket'],
  [/^de an/, 'de-an'],
  [/^nghi quyet/, 'nghi-quyet'],
  [/^chuong trinh/, 'chuong-trinh'],
  [/^ke hoach/, 'ke-hoach'],
  [/^(?:quy dinh|quy che)/, 'quy-dinh'],
  [/^danh muc/, 'danh-muc'],
  [/^(?:bao cao|to trinh)(?! vien)/, 'bao-cao'],
];

const NOUN_TYPES: Record<string, DeliverableType> = {
  'de an': 'de-an',
  'ke hoach': 'ke-hoach',
  'quy dinh': 'quy-dinh',
  'quy che': 'quy-dinh',
  'nghi quyet': 'nghi-quyet',
  'chuong trinh': 'chuong-trinh',
  'danh muc': 'danh-muc',
};

// A document the work cites rather than produces: "Kế hoạch số 125/KH-UBND", "Kế hoạch này", "Đề án 06".
const CITED =
  /^(?:so\s+\d|\d|nay(?:\s|$)|tren(?:\s|$)|da\s|duoc\s|cua\s+(?:ubnd|uy ban|ban thuong vu|tinh uy|chinh phu|thu tuong|bo\s))/;

// Verbs that produce a document: "xây dựng Đề án", "ban hành Kế hoạch", "rà soát, ban hành danh mục", "hoàn chỉnh
// Đề án", "tham mưu Quy định", "cụ thể hóa bằng kế hoạch". "Thực hiện", "triển khai", "quán triệt" carry one out.
const PRODUCE =
  /(?:^|\s)(?:xay dung|ban hanh|hoan chinh|hoan thien|soan thao|du thao|lap|sua doi(?: bo sung)?|bo sung|de xuat|tham muu|trinh|thong qua|cu the hoa(?: bang| thanh)?)(?:\s*,?\s*(?:va\s+)?(?:ban hanh|trinh|trien khai|to chuc thuc hien|thuc hien|hoan thien))*\s+(?:(?:viec|moi|mot|01|1|du thao)\s+)?(de an|ke hoach|quy dinh|quy che|nghi quyet|chuong trinh|danh muc)(?=\s|$)(.{0,12})/g;

// Reviews: "sơ kết 5 năm thực hiện …", "tổ chức tổng kết …", "sơ, tổng kết"; not "kết quả sơ kết".
const REVIEW = /(?:^|\s)(?<!ket qua |theo |sau )(so(?:\s+va)?\s*(?:tong\s+)?ket|tong ket)(?! qua| nap| luan)(?=\s|$)/g;

// A report the work hands in: "tổng hợp, báo cáo UBND tỉnh kết quả", "tham mưu báo cáo …", "báo cáo tình hình …";
// not "theo báo cáo của", "nghe báo cáo", "để báo cáo" (a purpose), "báo cáo viên".
const REPORT =
  /(?:^|\s)(?<!theo |nghe |de |qua |che do |so lieu |mau |cac |nhung )bao cao(?!\s+(?:vien|cua|so\s+\d|nay))(?=\s|$)/g;

/** The first sentence of a task, without its parentheses ("(Giao … chủ trì; thời gian …)", "(bọ gậy)"). */
function firstSentence(text: string): string {
  // A task's first sentence is short; a run-on paragraph is read as far as a sentence reasonably goes.
  const plain = text.slice(0, 1200).replace(/\([^()]*\)/g, ' ');
  const end = /[.!?](?:\/\.)?(?=\s+["“(]?\p{Lu}|\s*$)|\n\s*\n/u.exec(plain);
  return end ? plain.slice(0, end.index) : plain;
}

function typeAtStart(folded: string): DeliverableType | null {
  for (const [pattern, type] of DELIVERABLE_WORDS) {
    const m = pattern.exec(folded);
    if (!m) continue;
    // "Kế hoạch số 125/KH-UBND …", "Kế hoạch này": a document already issued.
    if (NOUN_TYPES[m[0]] && CITED.test(folded.slice(m[0].length).trimStart())) return null;
    return type;
  }
  return null;
}

/** The first deliverable a sentence produces, wherever it stands: after its assignment, after a verb. */
function firstProduced(folded: string): DeliverableType | null {
  const hits: Array<{ at: number; type: DeliverableType }> = [];
  for (const m of folded.matchAll(PRODUCE)) {
    if (CITED.test(m[2].trimStart())) continue;
    // "ban hành các đề án" is plural: PRODUCE only takes a noun right after the verb, so "các" never matches.
    hits.push({ at: m.index, type: NOUN_TYPES[m[1]] });
    break;
  }
  for (const m of folded.matchAll(REVIEW)) {
    hits.push({ at: m.index, type: m[1].startsWith('tong') ? 'tong-ket' : 'so-ket' });
    break;
  }
  for (const m of folded.matchAll(REPORT)) {
    hits.push({ at: m.index, type: 'bao-cao' });
    break;
  }
  hits.sort((a, b) => a.at - b.at);
  return hits[0]?.type ?? null;
}

/**
 * The kind of the first deliverable a task produces: read at the start of its text ("Đề án ...", "Sơ kết Chỉ thị
 * ...", a catalog's cell), else after the verb that produces it, wherever the assignment puts it ("Giao Ban Tuyên
 * giáo Tỉnh ủy chủ trì, phối hợp với … xây dựng Đề án …", "Sở Y tế chủ trì tham mưu UBND tỉnh ban hành Kế hoạch
 * …", "… tổng hợp, báo cáo UBND tỉnh kết quả …"), in its first sentence. A deliverable cited ("thực hiện Kế hoạch
 * số 12/KH-UBND"), carried out ("triển khai Kế hoạch"), or in the plural ("các đề án") is what the work is about,
 * not what it produces; a report that follows another deliverable ("…, báo cáo kết quả thực hiện") does not change
 * it.
 */
export function classifyDeliverable(text: string): DeliverableType {
  const sentence = firstSentence(text.replace(/^[\s\-–•+]+/, ''));
  // "UBND các huyện, thị xã, thành phố: Ban hành Kế hoạch …": the work follows the label.
  const folded = foldWords(sentence.replace(/^[^:]{3,80}:\s+(?=\p{Lu})/u, ''));
  return typeAtStart(folded) ?? firstProduced(folded) ?? 'khac';
}

const CLAUSE_SPLIT = /(?:[.;]\s+|\s+-\s+|,?\s+(?:đồng thời|trên cơ sở đó|từ đó)\s+)/iu;

/**
 * The deliverables inside one task. When the author marked them in bold (as the action programs do) the marks are
 * the count; otherwise each clause that starts with a deliverable (after an optional verb) is one.
 */
export function countWorkItems(text: string, boldMarks: readonly string[] = []): WorkItem[] {
  if (boldMarks.length > 0) {
    return boldMarks
      .map((mark) => ({ type: classifyDeliverable(mark), text: mark }))
      .filter((item) => item.type !== 'khac');
  }
  const items: WorkItem[] = [];
  for (const clause of text.split(CLAUSE_SPLIT)) {
    const trimmed = clause.trim();
    if (!trimmed) continue;
    const folded = foldWords(trimmed);
    if (/^thuc hien\s/.test(folded)) continue;
    const type = classifyDeliverable(trimmed);
    if (type !== 'khac') items.push({ type, text: trimmed });
  }
  return items;
}

// Vocabulary of the four fields. Multi-word terms are matched before their parts, and a term is removed once
// counted, so "kinh tế - xã hội" counts for the economy and "giáo dục chính trị" for party building.
const FIELD_TERMS: ReadonlyArray<[string, TaskField, number]> = [
  ['kinh te xa hoi', 'economy', 1],
  ['giao duc chinh tri', 'party_building', 2],
  ['quoc phong', 'defense_security', 3],
  ['an ninh', 'defense_security', 2],
  ['quan su', 'defense_security', 3],
  ['phong thu', 'defense_security', 3],
  ['san sang chien dau', 'defense_security', 3],
  ['dien tap', 'defense_security', 2],
  ['bien gioi', 'defense_security', 1],
  ['toi pham', 'defense_security', 2],
  ['trat tu', 'defense_security', 1],
  ['an toan giao thong', 'defense_security', 2],
  ['ma tuy', 'defense_security', 2],
  ['xay dung dang', 'party_building', 3],
  ['he thong chinh tri', 'party_building', 3],
  ['cai cach hanh chinh', 'party_building', 2],
  ['can bo', 'party_building', 1],
  ['dang vien', 'party_building', 2],
  ['to chuc dang', 'party_building', 2],
  ['cap uy', 'party_building', 1],
  ['dai hoi', 'party_building', 1],
  ['bau cu', 'party_building', 2],
  ['kiem tra giam sat', 'party_building', 2],
  ['ky luat dang', 'party_building', 2],
  ['tu tuong', 'party_building', 2],
  ['dan van', 'party_building', 2],
  ['mat tran', 'party_building', 1],
  ['doan the', 'party_building', 1],
  ['tham nhung', 'party_building', 1],
  ['ban chap hanh', 'party_building', 1],
  ['ton giao', 'party_building', 1],
  ['kinh te', 'economy', 2],
  ['nong nghiep', 'economy', 2],
  ['cong nghiep', 'economy', 2],
  ['san xuat', 'economy', 1],
  ['du lich', 'economy', 2],
  ['thuong mai', 'economy', 2],
  ['dau tu', 'economy', 2],
  ['ngan sach', 'economy', 2],
  ['doanh nghiep', 'economy', 1],
  ['hop tac xa', 'economy', 2],
  ['nong thon moi', 'economy', 2],
  ['cay trong', 'economy', 1],
  ['vat nuoi', 'economy', 1],
  ['thuy san', 'economy', 2],
  ['hai san', 'economy', 1],
  ['dat dai', 'economy', 2],
  ['khoang san', 'economy', 2],
  ['tai nguyen', 'economy', 1],
  ['moi truong', 'economy', 1],
  ['ha tang', 'economy', 2],
  ['cong trinh', 'economy', 1],
  ['du an', 'economy', 1],
  ['giai ngan', 'economy', 2],
  ['rung', 'economy', 1],
  ['do thi', 'economy', 1],
  ['van hoa', 'culture_society', 2],
  ['xa hoi', 'culture_society', 1],
  ['giao duc', 'culture_society', 2],
  ['dao tao', 'culture_society', 1],
  ['nguon nhan luc', 'culture_society', 2],
  ['y te', 'culture_society', 2],
  ['benh vien', 'culture_society', 2],
  ['kham chua benh', 'culture_society', 2],
  ['covid', 'culture_society', 1],
  ['dich benh', 'culture_society', 1],
  ['the thao', 'culture_society', 2],
  ['van nghe', 'culture_society', 2],
  ['an sinh', 'culture_society', 2],
  ['viec lam', 'culture_society', 2],
  ['giam ngheo', 'culture_society', 2],
  ['nguoi co cong', 'culture_society', 2],
  ['hoc sinh', 'culture_society', 2],
  ['giao vien', 'culture_society', 2],
  ['truong hoc', 'culture_society', 1],
  ['bao hiem', 'culture_society', 1],
  ['le hoi', 'culture_society', 1],
  ['ngay le', 'culture_society', 1],
];

function scoreFields(folded: string, weight: number, scores: Map<TaskField, number>): void {
  let rest = ` ${folded} `;
  for (const [term, field, points] of FIELD_TERMS) {
    const pattern = new RegExp(` ${term} `, 'g');
    const hits = rest.match(pattern)?.length ?? 0;
    if (hits === 0) continue;
    scores.set(field, (scores.get(field) ?? 0) + hits * points * weight);
    rest = rest.replace(pattern, '  ');
  }
}

/**
 * The field a heading names ("Về kinh tế", "Về văn hóa, xã hội", "II. LĨNH VỰC QUỐC PHÒNG - AN NINH"), or null
 * when it names none ("Về thực hiện 03 khâu đột phá").
 */
export function fieldOfHeading(heading: string): TaskField | null {
  // Only the heading's own words, not the sentences that may follow it on the same line.
  const folded = foldWords(heading.split(/[:.](?:\s|$)/)[0].slice(0, 120));
  if (
    /xay dung dang|he thong chinh tri|tuyen truyen|tuyen giao|cong tac can bo|to chuc can bo|kiem tra giam sat|dan van|noi chinh|chinh quyen|mat tran/.test(
      folded,
    )
  )
    return 'party_building';
  if (/quoc phong|an ninh|quan su/.test(folded)) return 'defense_security';
  if (/van hoa|xa hoi|giao duc|y te/.test(folded) && !/kinh te xa hoi/.test(folded)) return 'culture_society';
  if (/kinh te|nong nghiep|cong nghiep|tai chinh|ngan sach|dau tu/.test(folded)) return 'economy';
  return null;
}

/** The field a task's own words point to; its first sentence counts double. Null when nothing stands out. */
export function classifyField(text: string): TaskField | null {
  const folded = foldWords(text);
  const firstSentence = foldWords(text.split(/[.;](?:\s|$)/)[0] ?? '');
  const scores = new Map<TaskField, number>();
  scoreFields(folded, 1, scores);
  scoreFields(firstSentence, 1, scores);
  const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1]);
  if (ranked.length === 0) return null;
  if (ranked.length > 1 && ranked[0][1] === ranked[1][1]) return null;
  return ranked[0][0];
}
