import type { RegistryAgency } from './agency-matcher.js';
import { foldWords } from './normalize-text.js';

/**
 * Who usually leads a piece of work nobody was named for, by what it is about. A Standing Committee's monthly
 * program or a conference's conclusion often names no agency ("Chỉ đạo tốt công tác chuẩn bị bầu cử …"): the
 * Office then gives it to the advisory body whose remit it is. Each topic points at a registry agency by the
 * words of its name, so the rule holds for any province's registry.
 */
interface Remit {
  /** Words of the registry agency's name (folded). */
  agency: RegExp;
  /** What the work is about (folded words), with a weight. */
  topics: ReadonlyArray<[RegExp, number]>;
  label: string;
}

const REMITS: readonly Remit[] = [
  {
    agency: /\bban tuyen giao\b/,
    label: 'tuyên truyền, tư tưởng, văn hóa',
    topics: [
      [/\btuyen truyen\b/, 3],
      [/\btu tuong\b/, 2],
      [/\bdu luan\b/, 2],
      [/\bvan hoa van nghe\b|\bvan nghe\b/, 2],
      [/\bky niem\b|\bngay le\b/, 2],
      [/\bgiao duc chinh tri\b|\bhoc tap va lam theo\b|\bquan triet\b/, 2],
      [/\bbao chi\b|\bthong tin\b/, 1],
    ],
  },
  {
    agency: /\bban to chuc\b/,
    label: 'tổ chức, cán bộ, đảng viên',
    topics: [
      [/\bcan bo\b/, 2],
      [/\bdang vien\b/, 2],
      [/\bto chuc dang\b|\bto chuc co so dang\b/, 2],
      [/\bdai hoi\b/, 2],
      [/\bphan loai\b|\bdanh gia, xep loai\b|\bxep loai\b/, 2],
      [/\bquy hoach can bo\b|\bnhan su\b|\bbo may\b/, 3],
      [/\bbau cu\b/, 1],
    ],
  },
  {
    agency: /\buy ban kiem tra\b/,
    label: 'kiểm tra, giám sát, kỷ luật đảng',
    topics: [
      [/\bkiem tra\b/, 1],
      [/\bgiam sat\b/, 1],
      [/\bkiem tra, giam sat\b|\bkiem tra giam sat\b/, 2],
      [/\bky luat\b/, 3],
    ],
  },
  {
    agency: /\bban dan van\b/,
    label: 'dân vận, tôn giáo, dân tộc',
    topics: [
      [/\bdan van\b/, 3],
      [/\bton giao\b|\bdan toc\b/, 2],
      [/\bdan chu o co so\b|\bquy che dan chu\b/, 3],
      [/\bdoan the\b|\bnhan dan\b/, 1],
    ],
  },
  {
    agency: /\bban noi chinh\b/,
    label: 'nội chính, phòng, chống tham nhũng',
    topics: [
      [/\btham nhung\b|\btieu cuc\b/, 3],
      [/\bcai cach tu phap\b|\btu phap\b/, 3],
      [/\bkhieu nai\b|\bto cao\b|\btiep cong dan\b/, 2],
    ],
  },
  {
    agency: /\bquan su\b/,
    label: 'quốc phòng, quân sự địa phương',
    topics: [
      [/\bquoc phong\b/, 3],
      [/\bquan su\b/, 3],
      [/\bdien tap\b|\bphong thu\b|\bsan sang chien dau\b/, 3],
      [/\bgiao quan\b|\btuyen quan\b|\bnghia vu quan su\b/, 3],
    ],
  },
  {
    agency: /\bcong an\b/,
    label: 'an ninh, trật tự',
    topics: [
      [/\ban ninh\b/, 2],
      [/\btrat tu\b/, 2],
      [/\btoi pham\b|\bma tuy\b/, 3],
      [/\ban toan giao thong\b/, 2],
    ],
  },
  {
    agency: /\bbien phong\b/,
    label: 'biên giới, biển đảo',
    topics: [[/\bbien gioi\b|\bbien phong\b/, 3]],
  },
  {
    agency: /\bdang doan hoi dong nhan dan\b/,
    label: 'kỳ họp Hội đồng nhân dân',
    topics: [[/\bky hop\b.*\bhoi dong nhan dan\b|\bhoi dong nhan dan\b.*\bky hop\b/, 3]],
  },
  {
    agency: /\bvan phong tinh uy\b/,
    label: 'hội nghị, chương trình công tác của Tỉnh ủy',
    topics: [
      [/\bhoi nghi ban chap hanh\b|\bky hop ban chap hanh\b|\bcac ky hop ban chap hanh\b/, 3],
      [/\bchuong trinh cong tac\b|\bchuong trinh lam viec\b/, 2],
    ],
  },
  {
    agency: /\bban can su dang uy ban nhan dan\b/,
    label: 'kinh tế - xã hội, quản lý nhà nước',
    topics: [
      [/\bkinh te\b|\bngan sach\b|\bthu ngan sach\b|\bthat thu\b/, 2],
      [/\bdau tu\b|\bgiai ngan\b|\bcong trinh\b|\bdu an\b/, 2],
      [/\bnong nghiep\b|\bcay trong\b|\bvu mua\b|\bdong xuan\b|\bsan xuat\b|\bthu hoach\b/, 2],
      [/\bcong nghiep\b|\bthuong mai\b|\bdich vu\b|\bdu lich\b|\bdoanh nghiep\b/, 2],
      [/\bnong thon moi\b/, 3],
      [/\bcovid\b|\bdich benh\b|\by te\b/, 2],
      [/\bhoc sinh\b|\bnam hoc\b|\bgiao duc\b/, 2],
      [/\bchinh sach\b|\ban sinh\b|\bnguoi co cong\b|\bgiam ngheo\b/, 2],
      [/\btai nguyen\b|\bmoi truong\b|\bdat dai\b/, 2],
    ],
  },
];

export interface TopicLead {
  agency: RegistryAgency;
  /** The remit that decided it, for the Office to see why ("kinh tế - xã hội"). */
  remit: string;
  /** 0..1: share of the topic words that point at this agency. */
  strength: number;
}

/**
 * The registry agency whose remit the work falls under, or null when no remit stands out (a tie, or no topic
 * word) or the registry has no such agency.
 */
export function suggestLeadByTopic(text: string, registry: readonly RegistryAgency[]): TopicLead | null {
  // The work's own first sentences count; a long tail of context ("theo chỉ đạo của …") would only add noise.
  // Its first sentence says what the work is and counts twice.
  const folded = ` ${foldWords(text.slice(0, 400))} `;
  const first = ` ${foldWords(text.split(/[.;](?:\s|$)/u)[0].slice(0, 300))} `;
  const scores: { remit: Remit; score: number }[] = [];
  for (const remit of REMITS) {
    let score = 0;
    for (const [pattern, weight] of remit.topics) {
      if (pattern.test(first)) score += 2 * weight;
      else if (pattern.test(folded)) score += weight;
    }
    if (score > 0) scores.push({ remit, score });
  }
  scores.sort((a, b) => b.score - a.score);
  const best = scores[0];
  if (!best || best.score < 3) return null;
  if (scores[1] && scores[1].score >= best.score) return null;
  const agency = registry.find((a) => best.remit.agency.test(foldWords(a.name)));
  if (!agency) return null;
  const total = scores.reduce((sum, s) => sum + s.score, 0);
  return { agency, remit: best.remit.label, strength: Math.round((best.score / total) * 100) / 100 };
}
