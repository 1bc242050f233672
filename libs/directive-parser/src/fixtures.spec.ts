import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_AGENCIES, DEMO_TASKS } from '@dondoc/persistence';
import { parseDirective } from './parse-directive.js';
import type { ParsedDirective } from './directive.model.js';

// Verbatim copies of shared/fixtures/directives/, so the suite does not depend on a path outside the repository.
const FIXTURES = join(__dirname, '..', 'fixtures');
const agencies = DEMO_AGENCIES.map((a) => ({ code: a.code, name: a.name, aliases: a.shortName ? [a.shortName] : [] }));

function parseFixture(name: string): ParsedDirective {
  return parseDirective(readFileSync(join(FIXTURES, name), 'utf8'), { agencies });
}

// The seed's hand-made oracle uses the contracts' snake_case deliverable types.
const kebab = (type: string): string => type.replace(/_/g, '-');

describe('07-CTr/TU (action program with a 27-row catalog)', () => {
  const parsed = parseFixture('kien-giang-07-CTr-TU-action-program-2021.txt');
  const oracle = DEMO_TASKS.filter((t) => t.directiveKey === '07-CTr/TU');

  it('reads the metadata', () => {
    expect(parsed.directive).toMatchObject({
      number: '07-CTr/TU',
      kind: 'chuong-trinh-hanh-dong',
      issuedAt: '2021-04-02',
      issuer: 'Tỉnh ủy Kiên Giang',
      signer: 'Đỗ Thanh Bình',
      title:
        'Chương trình hành động của Ban Chấp hành Đảng bộ tỉnh thực hiện Nghị quyết Đại hội đại biểu Đảng bộ tỉnh ' +
        'lần thứ XI, nhiệm kỳ 2020-2025',
    });
  });

  it('proposes exactly the 27 catalog rows, in order', () => {
    expect(oracle).toHaveLength(27);
    expect(parsed.tasks).toHaveLength(27);
    expect(parsed.tasks.map((t) => t.source.marker)).toEqual(oracle.map((t) => t.code.slice(-2)));
    expect(parsed.tasks.every((t) => t.source.origin === 'catalog-row')).toBe(true);
  });

  it.each(oracle.map((task, i) => [task.code, i] as const))(
    '%s: lead, coordinators, type, deadline, field',
    (_code, i) => {
      const expected = oracle[i];
      const task = parsed.tasks[i];
      expect(task.leadAgency).toMatchObject({ matched: true, code: expected.leadAgencyCode });
      expect(task.coordinatingAgencies.map((a) => a.code)).toEqual(expected.coordinatingAgencyCodes);
      expect(task.deliverableType).toBe(kebab(expected.deliverableType));
      expect(task.dueText).toBe(expected.deadlineText);
      expect(task.dueDate).toBe(expected.dueDate);
      expect(task.milestones).toEqual(expected.milestones ?? []);
      expect(task.field).toBe(expected.field);
      expect(task.dueSource).toBe('stated');
    },
  );

  it('keeps the text of a cell that holds an HTML list as one line per item', () => {
    expect(parsed.tasks[20].text).toBe(oracle[20].description);
  });

  it('links every row to the body paragraph that describes it', () => {
    expect(parsed.tasks.every((t) => t.source.bodyLines !== null)).toBe(true);
  });

  it('reconciles the note "33 phần việc": 27 rows, six of which hold two deliverables', () => {
    expect(parsed.workItems).toMatchObject({
      rows: 27,
      matches: true,
      declared: {
        total: 33,
        byType: {
          'de-an': 13,
          'chuong-trinh': 4,
          'ke-hoach': 6,
          'quy-dinh': 1,
          'danh-muc': 2,
          'nghi-quyet': 1,
          'so-ket': 6,
        },
      },
      found: { total: 33 },
    });
    const doubles = parsed.tasks.filter((t) => t.workItems.length === 2).map((t) => t.source.marker);
    expect(doubles).toEqual(['04', '07', '16', '21', '24', '25']);
  });

  it('leaves no agency unmatched', () => {
    expect(parsed.unmatchedAgencies).toEqual([]);
  });
});

describe('monthly program of April 2021', () => {
  const parsed = parseFixture('kien-giang-monthly-program-2021-04.txt');
  const oracle = DEMO_TASKS.filter((t) => t.directiveKey === 'CTr-T4/2021');

  it('reads the metadata (the fixture has no number and no date)', () => {
    expect(parsed.directive).toMatchObject({
      number: null,
      kind: 'chuong-trinh-chi-dao',
      issuedAt: null,
      issuer: 'Ban Thường vụ Tỉnh ủy',
      signer: 'Mai Văn Huỳnh',
      title: 'Chương trình chỉ đạo tháng 4-2021 của Ban Thường vụ Tỉnh ủy',
    });
    expect(parsed.period).toEqual({ text: 'tháng 4-2021', dueDate: '2021-04-30' });
  });

  it('proposes its four numbered task groups, due at the end of April, with no lead', () => {
    expect(parsed.tasks).toHaveLength(4);
    expect(parsed.tasks.map((t) => t.source.marker)).toEqual(['1', '2', '3', '4']);
    for (const [i, task] of parsed.tasks.entries()) {
      expect(task.dueDate).toBe('2021-04-30');
      expect(task.dueSource).toBe('document-period');
      expect(task.leadAgency).toBeNull();
      expect(task.deliverableType).toBe('khac');
      expect(task.field).toBe(oracle[i].field);
    }
  });

  it('keeps each group whole, joins the sentence cut by a page end, and stops before the closing paragraph', () => {
    expect(parsed.tasks[0].text).toContain('Đẩy mạnh tuyên truyền, vận động đoàn viên');
    expect(parsed.tasks[1].text).toContain('chế biến và tiêu thụ sản phẩm, xây dựng thương hiệu');
    expect(parsed.tasks[3].text).toContain('Triển khai kế hoạch diễn tập đồi với các huyện');
    expect(parsed.tasks[3].text).not.toContain('Căn cứ chương trình chỉ đạo này');
    expect(parsed.tasks.some((t) => /Nơi nhận|Mai Văn Huỳnh|VPTW/u.test(t.text))).toBe(false);
  });
});

describe('28-KL/TU (conclusion published as a news item)', () => {
  const parsed = parseFixture('provincial-conclusion-28-KL-TU-q4-2020-news.txt');
  const oracle = DEMO_TASKS.filter((t) => t.directiveKey === '28-KL/TU');

  it('reads the metadata from the article', () => {
    expect(parsed.directive).toMatchObject({
      number: '28-KL/TU',
      kind: 'ket-luan',
      issuedAt: '2020-10-06',
      issuer: 'Tỉnh ủy',
      signer: null,
      title:
        'Kết luận Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ hai mươi mốt (khóa XI) về công tác 9 tháng, ' +
        'triển khai nhiệm vụ 3 tháng cuối năm 2020',
    });
  });

  it('proposes its fifteen numbered tasks, due 2020-12-31, and none of the review paragraphs', () => {
    expect(parsed.tasks).toHaveLength(15);
    expect(parsed.tasks.map((t) => t.source.marker)).toEqual(oracle.map((_t, i) => String(i + 1)));
    expect(parsed.tasks.every((t) => t.dueDate === '2020-12-31' && t.leadAgency === null)).toBe(true);
    expect(parsed.tasks.map((t) => t.field)).toEqual(oracle.map((t) => t.field));
    const all = parsed.tasks.map((t) => t.text).join('\n');
    expect(all).not.toMatch(/Hội nghị thống nhất đánh giá|Tuy nhiên, vẫn còn|PublishingPortal|Bích Huệ/u);
  });

  it('names no lead, so it suggests the agency whose remit each task is, for the Office to confirm', () => {
    const suggested = parsed.tasks.map((t) => t.suggestedLead?.code ?? null);
    expect(suggested.filter(Boolean).length).toBeGreaterThanOrEqual(12);
    const defence = parsed.tasks.find((t) => t.title.startsWith('Thực hiện tốt nhiệm vụ quốc phòng'));
    expect(defence?.suggestedLead).toMatchObject({ code: 'dang-uy-quan-su', remit: 'quốc phòng, quân sự địa phương' });
    expect(defence?.reasons.lead).toEqual({ code: 'lead-by-topic', evidence: 'quốc phòng, quân sự địa phương' });
    const propaganda = parsed.tasks.find((t) => t.title.startsWith('Đẩy mạnh các hoạt động văn hóa, văn nghệ'));
    expect(propaganda?.suggestedLead?.code).toBe('ban-tuyen-giao');
    expect(parsed.tasks.every((t) => t.leadAgency === null)).toBe(true);
  });

  it('keeps the paragraphs that follow item (14) with it', () => {
    expect(parsed.tasks[13].text.split('\n\n')).toHaveLength(4);
    expect(parsed.tasks[14].text).toMatch(/^Tiến hành việc phân loại cán bộ, công chức.*khách quan\.\/\.$/u);
  });
});

describe('the same fixtures in other encodings', () => {
  const oldTones = (text: string): string =>
    text.replace(/Ủy/g, 'Uỷ').replace(/ủy/g, 'uỷ').replace(/hóa/g, 'hoá').replace(/khóa/g, 'khoá');
  const variants: Array<[string, (text: string) => string]> = [
    ['CRLF line ends', (t) => t.replace(/\n/g, '\r\n')],
    ['NFD', (t) => t.normalize('NFD')],
    ['old tone placement (Uỷ, hoá)', oldTones],
  ];

  it.each(
    variants.flatMap(([label, transform]) =>
      [
        'kien-giang-07-CTr-TU-action-program-2021.txt',
        'kien-giang-monthly-program-2021-04.txt',
        'provincial-conclusion-28-KL-TU-q4-2020-news.txt',
      ].map((file) => [file, label, transform] as const),
    ),
  )('%s with %s gives the same proposal', (file, _label, transform) => {
    const text = readFileSync(join(FIXTURES, file), 'utf8');
    const summary = (p: ParsedDirective): unknown => ({
      directive: p.directive,
      tasks: p.tasks.map((t) => [
        t.title,
        t.leadAgency?.code,
        t.coordinatingAgencies.map((a) => a.code),
        t.dueDate,
        t.field,
        t.deliverableType,
      ]),
    });
    expect(summary(parseDirective(transform(text), { agencies }))).toEqual(summary(parseDirective(text, { agencies })));
  });
});
