import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_AGENCIES } from '@dondoc/persistence';
import type { ParsedDirective } from './directive.model.js';
import { parseDirective } from './parse-directive.js';

// One document per layout the second round had to read (issue "Directive understanding, second round"); the scored
// corpus (corpus/) measures the same layouts on more documents, this suite pins the structure of each.
const agencies = DEMO_AGENCIES.map((a) => ({ code: a.code, name: a.name, aliases: a.shortName ? [a.shortName] : [] }));
const read = (name: string): string => readFileSync(join(__dirname, '__layouts__', name), 'utf8');
const parse = (text: string): ParsedDirective => parseDirective(text, { agencies, today: '2022-10-01' });
const rows = (parsed: ParsedDirective): [string | null, string][] =>
  parsed.tasks.map((t) => [t.leadAgency?.raw ?? null, t.title.split(/\s+/).slice(0, 5).join(' ')]);

/** A scan's text: lines wrapped at 70 characters, the incoming stamp, a page number, specks, a word cut by a hyphen. */
function asScanned(text: string): string {
  const out: string[] = [];
  for (const [i, line] of text.split('\n').entries()) {
    const wrapped: string[] = [];
    let rest = line;
    while (rest.length > 70) {
      const cut = rest.lastIndexOf(' ', 70);
      wrapped.push(rest.slice(0, cut));
      rest = rest.slice(cut + 1);
    }
    wrapped.push(rest);
    if (wrapped.length > 1 && i % 3 === 0) {
      // "phấn đấu" → "phấ-" / "n đấu"
      const words = wrapped[0].split(' ');
      const last = words.pop() ?? '';
      if (last.length > 3 && /^\p{L}+$/u.test(last)) {
        wrapped[0] = `${words.join(' ')} ${last.slice(0, 2)}-`;
        wrapped[1] = `${last.slice(2)} ${wrapped[1]}`;
      }
    }
    out.push(...wrapped);
    if (i === 12) out.push('VĂN BẢN ĐẾN', 'Số: 1234 Ngày: 22/7/2022', 'Chuyển: Đ/c Bình');
    if (i === 20) out.push('', '- 2 -', '');
    if (i === 24) out.push('l');
  }
  return out.join('\n');
}

describe('multi-level numbering with unnumbered tasks', () => {
  const parsed = parse(read('multi-level.txt'));

  it('skips the assessment (results, limits, causes) and takes each paragraph under a field heading as a task', () => {
    expect(rows(parsed)).toEqual([
      [null, 'Tập trung chỉ đạo đẩy'],
      ['Ban cán sự đảng UBND tỉnh', 'Xây dựng Đề án phát'],
      [null, 'Đẩy mạnh thu hút đầu'],
      ['Ban Tuyên giáo Tỉnh ủy', 'Tổ chức sơ kết 5'],
      ['Sở Y tế', 'Chủ động các phương án'],
      ['Ban Tổ chức Tỉnh ủy', 'Ban hành Quy định về'],
      ['Ủy ban Kiểm tra Tỉnh ủy', 'Xây dựng Kế hoạch kiểm'],
    ]);
    expect(parsed.tasks.map((t) => t.source.origin)).toEqual([
      'paragraph',
      'paragraph',
      'paragraph',
      'sub-numbered',
      'sub-numbered',
      'paragraph',
      'paragraph',
    ]);
  });

  it('says why: the heading a paragraph sits under, the words a deadline and a type come from', () => {
    const [first, second] = parsed.tasks;
    expect(first.reasons.task).toEqual({
      code: 'paragraph-under-heading',
      evidence: 'Phương hướng, nhiệm vụ 6 tháng cuối năm 2022 › Về phát triển kinh tế',
    });
    expect(second.reasons.lead).toEqual({ code: 'lead-in-text', evidence: 'Ban cán sự đảng UBND tỉnh' });
    expect(second.reasons.due).toEqual({ code: 'due-in-text', evidence: expect.stringMatching(/quý IV\/2022/u) });
    expect(second.reasons.type.code).toBe('type-from-words');
    expect(parsed.tasks[6].reasons.due.evidence).toMatch(/15\/12\/2022/);
  });

  it('proposes the agency whose remit the work is when nobody is named, and keeps the lead empty', () => {
    expect(parsed.tasks[0].leadAgency).toBeNull();
    expect(parsed.tasks[0].suggestedLead).toMatchObject({
      matched: true,
      name: 'Ban cán sự đảng Ủy ban nhân dân tỉnh',
    });
    expect(parsed.tasks[0].reasons.lead.code).toBe('lead-by-topic');
  });
});

describe('OCR noise inside the text', () => {
  it('reads a scan of the same document as the document itself', () => {
    const clean = parse(read('multi-level.txt'));
    const scanned = parse(asScanned(read('multi-level.txt')));
    expect(rows(scanned)).toEqual(rows(clean));
    expect(scanned.tasks.map((t) => t.dueDate)).toEqual(clean.tasks.map((t) => t.dueDate));
    expect(scanned.directive.number).toBe('312-TB/TU');
  });
});

describe("a People's Committee letter with numbered items", () => {
  const parsed = parse(read('letter-items.txt'));

  it('takes the assignments, not the approval in item 1 nor the recipients', () => {
    expect(parsed.tasks.map((t) => t.source.marker)).toEqual(['2', '3', '4']);
    expect(parsed.tasks.map((t) => t.dueDate)).toEqual(['2022-11-15', '2023-03-31', null]);
    expect(parsed.tasks[0].title).toMatch(/^Hoàn chỉnh hồ sơ dự án/u);
  });
});

describe('a decision with articles', () => {
  const parsed = parse(read('decision-articles.txt'));

  it('takes article 2 (one task per agency), not the plan it issues nor the execution clause', () => {
    expect(parsed.tasks.every((t) => t.source.marker === '2')).toBe(true);
    expect(rows(parsed)).toEqual([
      ['Sở Thông tin và Truyền thông', 'Hướng dẫn, theo dõi, đôn'],
      ['Sở Tài chính', 'Bố trí kinh phí thực'],
    ]);
    expect(parsed.tasks[1].reasons.task.code).toBe('split-assignment');
    expect(parsed.tasks.map((t) => t.text).join('\n')).not.toMatch(/thi hành Quyết định|Ban hành kèm theo/u);
  });
});

describe("a portal's news of a meeting", () => {
  const parsed = parse(read('portal-news.txt'));

  it('takes one task per "Giao … trước ngày …" paragraph and none from the report or the byline', () => {
    expect(parsed.tasks.map((t) => t.dueDate)).toEqual(['2022-10-30', '2022-11-15', '2022-10-31', null]);
    expect(parsed.tasks[0].title).toMatch(/^Rà soát các điểm sạt lở/u);
    expect(parsed.tasks.map((t) => t.text).join('\n')).not.toMatch(/xảy ra 25 điểm|Thanh Tâm/u);
  });
});

describe("a reply to a citizen's petition", () => {
  const parsed = parse(read('petition-reply.txt'));

  it("takes the letter's instructions, not the citizen's requests", () => {
    expect(parsed.tasks).toHaveLength(2);
    expect(parsed.tasks.map((t) => t.text).join('\n')).not.toMatch(/ông đề nghị UBND tỉnh xem xét/u);
    expect(parsed.tasks[0].dueDate).toBe('2022-11-30');
  });
});

describe("a plan's implementation section, by agency", () => {
  const parsed = parse(read('plan-implementation.txt'));

  it("takes each agency's items with that agency as the lead, and not the Office's follow-up", () => {
    expect(rows(parsed)).toEqual([
      ['Sở Y tế', 'Tổ chức chiến dịch diệt'],
      ['Sở Y tế', 'Tổng hợp, báo cáo UBND'],
      ['Sở Văn hóa, Thể thao và Du lịch', 'Tuyên truyền về phòng, chống'],
      ['Sở Tài chính', 'Bố trí kinh phí thực'],
    ]);
    expect(parsed.tasks[0].reasons.lead.code).toBe('lead-of-section');
  });
});
