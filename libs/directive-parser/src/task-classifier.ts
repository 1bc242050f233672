import type { DeliverableType, TaskField, WorkItem } from './directive.model.js';
import { foldWords } from './normalize-text.js';

const DELIVERABLE_WORDS: ReadonlyArray<[RegExp, DeliverableType]> = [
  [/^so (?:va |\s*)?(?:tong )?ket/, 'so-ket'],
  [/^tong ket/, 'tong-ket'],
  [/^de an/, 'de-an'],
  [/^nghi quyet/, 'nghi-quyet'],
  [/^chuong trinh/, 'chuong-trinh'],
  [/^ke hoach/, 'ke-hoach'],
  [/^(?:quy dinh|quy che)/, 'quy-dinh'],
  [/^danh muc/, 'danh-muc'],
  [/^(?:bao cao|to trinh)/, 'bao-cao'],
];

// Verbs that put a deliverable in front of them: "Xây dựng Đề án", "Chỉ đạo tổng kết", "Ban hành Quy định".
const LEADING_VERBS =
  /^(?:(?:giao\s.{0,160}?\s)?(?:nghien cuu\s+)?(?:xay dung|ban hanh|chi dao|tham muu|hoan thanh|to chuc|trien khai xay dung|soan thao|lanh dao|de xuat|thuc hien|tien hanh)\s+(?:va\s+|viec\s+)?)+/;

function typeAtStart(folded: string): DeliverableType | null {
  for (const [pattern, type] of DELIVERABLE_WORDS) if (pattern.test(folded)) return type;
  return null;
}

/**
 * The kind of the first deliverable a task names, read at the start of its text ("Đề án ...", "Xây dựng Kế hoạch",
 * "Sơ kết Chỉ thị ..."). A deliverable mentioned later, or in the plural ("các đề án"), is what the work is
 * about, not what it produces.
 */
export function classifyDeliverable(text: string): DeliverableType {
  const folded = foldWords(text.replace(/^[\s\-–•+]+/, ''));
  const direct = typeAtStart(folded);
  if (direct) return direct;
  const afterVerb = folded.replace(LEADING_VERBS, '');
  if (afterVerb !== folded) {
    const type = typeAtStart(afterVerb);
    // "Thực hiện Kế hoạch ..." carries out an existing plan.
    if (type && !/^thuc hien\s/.test(folded)) return type;
  }
  return 'khac';
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
