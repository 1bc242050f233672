import { foldKeepingLength } from './normalize-text.js';

/** Who a sentence gives the work to, as written (not yet matched to the registry). */
export interface Assignment {
  lead: string | null;
  coordinating: string[];
}

// Verbs that end an agency name in "Giao X chủ trì ...", "X tham mưu thực hiện", "phối hợp với Y chuẩn bị ...".
export const TASK_VERBS =
  String.raw`chu tri|tham muu|thuc hien|lanh dao|xay dung|phoi hop|theo doi|nghien cuu|huong dan|trien khai|ra soat|` +
  String.raw`de xuat|phu trach|dam nhiem|chiu trach nhiem|khan truong|giup|tiep tuc|ban hanh|chuan bi|day manh|` +
  String.raw`tang cuong|giai quyet|quan triet|tuyen truyen|van dong|danh gia|tong hop|cu the hoa|soan thao|` +
  String.raw`hoan thien|dieu chinh|bo sung|so ket|tong ket|bao cao|(?<!chuong\s)trinh|hoan thanh|chu dong|tap trung`;
// Verbs that also end a board's name ("Ban Tổ chức", "Ủy ban Kiểm tra", "Ban Chỉ đạo") stop a name only after
// another word.
const NAME_VERBS = String.raw`(?<!ban)\s+(?:to chuc|kiem tra|chi dao)(?![a-z])`;
// "Ban Tuyên giáo", "chuyển giao", "bàn giao" are not the verb "giao" (to assign).
const GIAO = new RegExp(
  String.raw`(?:^|[^a-z0-9])(?<!tuyen |chuyen |ban |trao )giao(?:\s+cho)?\s+(.+?)` +
    String.raw`(?=\s+(?:${TASK_VERBS})(?![a-z])|${NAME_VERBS}|\s*[,;:.()]|$)`,
  'g',
);
const CHU_TRI = /(?:^|[(;:]\s*|\t)([^(;:\t]+?)\s+chu tri(?![a-z])/g;
const LABEL = /(?:co quan|don vi)\s+chu tri\s*:\s*([^;\n.]+)/g;
// "Ban cán sự đảng UBND tỉnh lãnh đạo xây dựng ...": an agency as the subject of the item's first sentence.
const SUBJECT = new RegExp(String.raw`^[-–•+\s]*(.{3,90}?)(?=\s+(?:${TASK_VERBS})(?![a-z])|${NAME_VERBS})`, 'g');
const PHOI_HOP = new RegExp(
  String.raw`phoi hop(?:\s+(?:voi|cung))?\s+(.+?)(?=\s+(?:${TASK_VERBS}|de)(?![a-z])|${NAME_VERBS}|\s*[;.()]|` +
    String.raw`\s*,\s*(?:thoi gian|hoan thanh|trinh|bao cao)|$)`,
  'g',
);

// Placeholders, not agencies: "các cơ quan liên quan", "các địa phương", "các cấp ủy".
const GENERIC = /^(?:cac|nhung|moi|co quan|don vi|dia phuong|nganh)(?:\s|$)|lien quan$|co lien quan/;

// First words an agency name can start with; anything else ("tốt công tác", "việc") is not a name.
const AGENCY_HEAD =
  /^(?:ban|uy ban|dang uy|dang doan|van phong|truong|so|huyen uy|thanh uy|thi uy|cong an|bo chi huy|bo doi|hoi|lien doan|mat tran|doan|tinh doan|thanh doan|toa an|vien kiem sat|kho bac|ngan hang|bao|dai|trung tam|chi cuc|cuc|bo|ubnd|hdnd|btv|bcs|ubkt|mttq|tinh uy|quan khu|ban can su)(?:\s|$)/;

function sliceLike(original: string, folded: string, foldedPart: string, from: number): string {
  const at = folded.indexOf(foldedPart, from);
  return at < 0 ? foldedPart : original.slice(at, at + foldedPart.length);
}

const SUBJECT_WINDOW = 90 + 160;

const BULLET_OR_SPACE = /[-–•+\s]/;

function leadingBullets(folded: string): number {
  let i = 0;
  while (i < folded.length && BULLET_OR_SPACE.test(folded[i])) i++;
  return i;
}

export function isGenericAgency(name: string): boolean {
  return GENERIC.test(foldKeepingLength(name).trim());
}

export function looksLikeAgency(name: string): boolean {
  const folded = foldKeepingLength(name).trim();
  const words = folded.split(/\s+/).length;
  return AGENCY_HEAD.test(folded) && words >= 2 && words <= 14 && !GENERIC.test(folded);
}

/**
 * "Ban Tổ chức Tỉnh ủy, Ủy ban Kiểm tra Tỉnh ủy và các cơ quan liên quan" → the two named agencies. A part that
 * does not start like an agency belongs to the name before it ("Sở Văn hóa, Thể thao và Du lịch").
 */
export function splitAgencyList(text: string): string[] {
  const pieces = text.split(/(\s*(?:,|;|\s(?:và|cùng)\s)\s*)/u);
  const parts: string[] = [];
  for (let i = 0; i < pieces.length; i += 2) {
    const part = pieces[i]
      .replace(/^(?:với|cùng)\s+/u, '')
      .replace(/[.)\s]+$/, '')
      .trim();
    if (!part) continue;
    const folded = foldKeepingLength(part).trim();
    if (parts.length > 0 && !AGENCY_HEAD.test(folded) && !GENERIC.test(folded) && /^\p{Lu}/u.test(part)) {
      parts[parts.length - 1] += `${pieces[i - 1]}${part}`;
      continue;
    }
    parts.push(part);
  }
  return parts.filter((part) => !isGenericAgency(part));
}

/**
 * Reads an assignment clause: "Giao Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với Ban Tổ chức Tỉnh ủy và các cơ quan
 * liên quan tham mưu thực hiện", a table cell "Trường Chính trị tỉnh chủ trì, phối hợp với ...", or a label
 * "Cơ quan chủ trì: ...". Placeholders ("các cơ quan liên quan") are dropped, so a task that names no one gets no lead.
 */
export function parseAssignment(text: string): Assignment {
  const folded = foldKeepingLength(text);
  const leads: { at: number; name: string }[] = [];
  const helpers: { at: number; name: string }[] = [];
  for (const pattern of [LABEL, GIAO, CHU_TRI, SUBJECT]) {
    pattern.lastIndex = 0;
    // SUBJECT is anchored at the start and its name is at most 90 characters after the bullets: reading it in a
    // window keeps a long line from costing 90 backtracking steps per character.
    // A name held entirely in the bullets is no name, so the window starts shortly before their end.
    const bullets = pattern === SUBJECT ? leadingBullets(folded) : 0;
    const offset = Math.max(0, bullets - 100);
    const haystack = pattern === SUBJECT ? folded.slice(offset, bullets + SUBJECT_WINDOW) : folded;
    let m: RegExpExecArray | null;
    while ((m = pattern.exec(haystack))) {
      const part = m[1].trim();
      const at = folded.indexOf(part, offset + m.index);
      const name = text.slice(at, at + part.length).replace(/^[-–•+*\s]+/, '');
      const names = splitAgencyList(name);
      // "Giao Ban Tổ chức phối hợp thực hiện": named only to help whoever leads.
      const helper = /^\s*phoi hop(?:\s+(?:voi|cung))?\s+(?:thuc hien|tham muu|trien khai)(?![a-z])/.test(
        folded.slice(at + part.length),
      );
      if (names.length && looksLikeAgency(names[0])) (helper ? helpers : leads).push({ at, name: names[0] });
      if (pattern.lastIndex === m.index) pattern.lastIndex++;
    }
    if (leads.length) break;
  }
  leads.sort((a, b) => a.at - b.at);
  const lead = leads[0]?.name ?? null;

  const coordinating: string[] = helpers.map((h) => h.name);
  PHOI_HOP.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PHOI_HOP.exec(folded))) {
    const part = sliceLike(text, folded, m[1], m.index);
    for (const name of splitAgencyList(part)) if (looksLikeAgency(name)) coordinating.push(name);
  }
  // "Giao A và B chủ trì": the second one shares the work.
  if (lead) {
    const giao = leads[0];
    const around = text.slice(giao.at, giao.at + 200);
    const list = /^(.+?)\s+(?:chủ trì|tham mưu|thực hiện)/u.exec(around)?.[1];
    if (list) for (const name of splitAgencyList(list).slice(1)) if (looksLikeAgency(name)) coordinating.push(name);
  }
  const seen = new Set<string>();
  return {
    lead,
    coordinating: coordinating.filter((name) => {
      const key = foldKeepingLength(name).replace(/\s+/g, ' ').trim();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    }),
  };
}
