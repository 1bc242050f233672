import { createAgencyMatcher } from '../agency-matcher.js';
import type { ParsedDirective, ProposedAgency, ProposedTask } from '../directive.model.js';
import {
  countPhrase,
  formatMisses,
  formatScoreTable,
  matchTasks,
  scoreDirective,
  sumScores,
  validateGold,
  type GoldDirective,
  type GoldTask,
} from './score-directive.js';

const matcher = createAgencyMatcher([
  { code: 'ban-tuyen-giao', name: 'Ban Tuyên giáo Tỉnh ủy', aliases: ['Ban Tuyên giáo'] },
  { code: 'ban-to-chuc', name: 'Ban Tổ chức Tỉnh ủy', aliases: ['Ban Tổ chức'] },
  { code: 'ban-dan-van', name: 'Ban Dân vận Tỉnh ủy', aliases: ['Ban Dân vận'] },
  { code: 'bcsd-ubnd', name: 'Ban cán sự đảng Ủy ban nhân dân tỉnh', aliases: ['Ban cán sự đảng UBND tỉnh'] },
]);

function agency(raw: string, code: string | null = null): ProposedAgency {
  return { raw, matched: code !== null, name: raw, code, id: null, score: code ? 1 : 0, candidates: [] };
}

// Only the fields the scorer reads (and the ones every proposal has); the parser's explanations do not enter the score.
function task(text: string, fields: Partial<ProposedTask> = {}): ProposedTask {
  const proposal = {
    title: text.split(/[.;]/)[0],
    text,
    deliverableType: 'khac' as const,
    workItems: [],
    leadAgency: null,
    coordinatingAgencies: [],
    dueText: null,
    dueDate: null,
    milestones: [],
    recurring: false,
    workingDays: null,
    continuous: false,
    dueSource: 'none' as const,
    field: null,
    suggestedLead: null,
    confidence: 0.5,
    source: { startLine: 1, endLine: 1, origin: 'numbered' as const, marker: null, section: null, bodyLines: null },
    ...fields,
  };
  return proposal as ProposedTask;
}

function parsed(tasks: ProposedTask[], directive: Partial<ParsedDirective['directive']> = {}): ParsedDirective {
  const result = {
    directive: {
      number: '45-TB/TU',
      kind: 'thong-bao-ket-luan',
      issuedAt: '2022-10-12',
      issuer: 'Tỉnh ủy An Giang',
      place: 'Long Xuyên',
      signer: 'Nguyễn Văn An',
      signerRole: null,
      title: 'Thông báo kết luận',
      ...directive,
    },
    period: null,
    tasks,
    unmatchedAgencies: [],
    workItems: null,
    warnings: [],
  };
  return result as ParsedDirective;
}

const TUYEN_TRUYEN: GoldTask = {
  match: 'ban hành Kế hoạch tuyên truyền về chuyển đổi số',
  lead: 'Ban Tuyên giáo Tỉnh ủy',
  coordinating: ['Ban Dân vận Tỉnh ủy'],
  due: '2022-12-31',
  type: 'ke-hoach',
};
const DE_AN: GoldTask = {
  match: 'xây dựng Đề án phát triển du lịch cộng đồng',
  lead: 'Ban cán sự đảng UBND tỉnh',
  coordinating: [],
  due: '2023-03-31',
  type: 'de-an',
};

function gold(tasks: GoldTask[], layout = 'multi-level'): GoldDirective {
  return {
    layout,
    today: '2022-10-20',
    metadata: { number: '45-TB/TU', kind: 'thong-bao-ket-luan', issuedAt: '2022-10-12', signer: 'Nguyễn Văn An' },
    tasks,
  };
}

const RIGHT_TUYEN_TRUYEN = task(
  'Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với Ban Dân vận Tỉnh ủy tham mưu ban hành Kế hoạch tuyên truyền về chuyển đổi số, hoàn thành trong quý IV/2022.',
  {
    leadAgency: agency('Ban Tuyên giáo Tỉnh ủy', 'ban-tuyen-giao'),
    coordinatingAgencies: [agency('Ban Dân vận Tỉnh ủy', 'ban-dan-van')],
    dueDate: '2022-12-31',
    deliverableType: 'ke-hoach',
  },
);
const RIGHT_DE_AN = task(
  'Ban cán sự đảng UBND tỉnh chỉ đạo xây dựng Đề án phát triển du lịch cộng đồng, trình trong quý I/2023.',
  { leadAgency: agency('Ban cán sự đảng UBND tỉnh', 'bcsd-ubnd'), dueDate: '2023-03-31', deliverableType: 'de-an' },
);

describe('scoreDirective', () => {
  it("counts the document's period given as a default as no deadline, and as the deadline when the gold has it", () => {
    const defaulted = { ...RIGHT_DE_AN, dueDate: '2022-12-31', dueSource: 'document-period' as const };
    const unstated: GoldTask = { ...DE_AN, due: null };
    const fieldsOf = (g: GoldTask, t: ProposedTask) =>
      sumScores([scoreDirective(gold([g]), parsed([t]), matcher)]).total.fieldHitsBy.due;
    expect(fieldsOf(unstated, defaulted)).toBe(1);
    expect(fieldsOf({ ...DE_AN, due: '2022-12-31' }, defaulted)).toBe(1);
    expect(fieldsOf(DE_AN, defaulted)).toBe(0);
    // Stated by the text, the same date where the gold has none is wrong.
    expect(fieldsOf(unstated, { ...defaulted, dueSource: 'stated' })).toBe(0);
  });

  it('gives full marks to a proposal that is the gold', () => {
    const score = scoreDirective(gold([TUYEN_TRUYEN, DE_AN]), parsed([RIGHT_TUYEN_TRUYEN, RIGHT_DE_AN]), matcher);
    expect(score.counts).toMatchObject({ gold: 2, proposed: 2, matched: 2, fieldHits: 8, fieldTotal: 8 });
    expect(score.counts).toMatchObject({ metadataHits: 4, metadataTotal: 4 });
    expect(score.misses).toEqual([]);
  });

  it('counts a wrong lead as one wrong field of four and says what was expected', () => {
    const wrong = { ...RIGHT_DE_AN, leadAgency: agency('Ban Tổ chức Tỉnh ủy', 'ban-to-chuc') };
    const score = scoreDirective(gold([DE_AN]), parsed([wrong]), matcher);
    expect(score.counts).toMatchObject({ matched: 1, fieldHits: 3, fieldTotal: 4 });
    expect(score.counts.fieldHitsBy).toEqual({ lead: 0, coordinating: 1, due: 1, type: 1 });
    expect(score.misses).toEqual([
      {
        kind: 'wrong-field',
        match: DE_AN.match,
        field: 'lead',
        expected: 'Ban cán sự đảng UBND tỉnh',
        actual: 'Ban Tổ chức Tỉnh ủy',
      },
    ]);
  });

  it('counts a missing lead as wrong, and a lead where the gold has none as wrong', () => {
    const noLead = { ...RIGHT_DE_AN, leadAgency: null };
    expect(scoreDirective(gold([DE_AN]), parsed([noLead]), matcher).counts.fieldHitsBy.lead).toBe(0);
    const unassigned: GoldTask = { ...DE_AN, lead: null };
    expect(scoreDirective(gold([unassigned]), parsed([RIGHT_DE_AN]), matcher).counts.fieldHitsBy.lead).toBe(0);
    expect(scoreDirective(gold([unassigned]), parsed([noLead]), matcher).counts.fieldHitsBy.lead).toBe(1);
  });

  it('lowers precision, not recall, when a task is split in two', () => {
    const first = task('Ban cán sự đảng UBND tỉnh chỉ đạo xây dựng Đề án phát triển du lịch cộng đồng,', {
      leadAgency: agency('Ban cán sự đảng UBND tỉnh', 'bcsd-ubnd'),
      dueDate: '2023-03-31',
      deliverableType: 'de-an',
    });
    const second = task('trình trong quý I/2023.', { dueDate: '2023-03-31' });
    const score = sumScores([scoreDirective(gold([DE_AN]), parsed([first, second]), matcher)]);
    expect(score.total).toMatchObject({ gold: 1, proposed: 2, matched: 1, recall: 1, precision: 0.5 });
    expect(score.total.fieldAccuracy).toBe(1);
  });

  it('lowers recall, not precision, when two tasks are merged into one', () => {
    const merged = task(`${RIGHT_TUYEN_TRUYEN.text} ${RIGHT_DE_AN.text}`, {
      leadAgency: RIGHT_TUYEN_TRUYEN.leadAgency,
      coordinatingAgencies: RIGHT_TUYEN_TRUYEN.coordinatingAgencies,
      dueDate: '2022-12-31',
      deliverableType: 'ke-hoach',
    });
    const score = scoreDirective(gold([TUYEN_TRUYEN, DE_AN]), parsed([merged]), matcher);
    const total = sumScores([score]).total;
    expect(total).toMatchObject({ gold: 2, proposed: 1, matched: 1, recall: 0.5, precision: 1 });
    expect(score.misses).toContainEqual({ kind: 'gold-not-found', match: DE_AN.match, lead: DE_AN.lead });
  });

  it('reports proposals that match no gold task', () => {
    const review = task('Thống nhất đánh giá kết quả 9 tháng đầu năm 2022.', {
      source: { startLine: 12, endLine: 14, origin: 'numbered', marker: '1', section: null, bodyLines: null },
    });
    const score = scoreDirective(gold([DE_AN]), parsed([review, RIGHT_DE_AN]), matcher);
    expect(score.counts.matched).toBe(1);
    expect(score.misses).toEqual([
      {
        kind: 'unmatched-proposal',
        title: 'Thống nhất đánh giá kết quả 9 tháng đầu năm 2022',
        marker: '1',
        lines: '12-14',
      },
    ]);
    expect(formatMisses('doc.txt', score)[0]).toContain('proposal matches no gold task: [1] lines 12-14');
  });

  it('pairs one to one, in document order, each gold task with the first free proposal', () => {
    const twin = { ...RIGHT_DE_AN };
    expect(matchTasks([DE_AN, DE_AN], [twin, RIGHT_DE_AN])).toEqual([0, 1]);
    expect(matchTasks([DE_AN, DE_AN], [RIGHT_DE_AN])).toEqual([0, -1]);
    expect(matchTasks([TUYEN_TRUYEN, DE_AN], [RIGHT_DE_AN, RIGHT_TUYEN_TRUYEN])).toEqual([1, 0]);
  });

  it('finds the phrase folded (no marks, any case, punctuation as spaces, lines joined), on word boundaries', () => {
    const shouting = task('XÂY DỰNG ĐỀ ÁN PHÁT TRIỂN\nDU LỊCH CỘNG-ĐỒNG');
    expect(matchTasks([DE_AN], [shouting])).toEqual([0]);
    const byTitle = task('(nội dung ở phụ lục)', { title: 'Xây dựng Đề án phát triển du lịch cộng đồng' });
    expect(matchTasks([DE_AN], [byTitle])).toEqual([0]);
    const partWord: GoldTask = { ...DE_AN, match: 'an ninh trật tự tại khu vực' };
    expect(matchTasks([partWord], [task('bảo đảm ban ninh trật tự tại khu vực')])).toEqual([-1]);
  });

  it('compares agencies through the registry, else by containment of at least two words', () => {
    const short = { ...RIGHT_TUYEN_TRUYEN, leadAgency: agency('Ban Tuyên giáo', 'ban-tuyen-giao') };
    expect(scoreDirective(gold([TUYEN_TRUYEN]), parsed([short]), matcher).counts.fieldHitsBy.lead).toBe(1);

    const so: GoldTask = { ...DE_AN, lead: 'Sở Tài chính', coordinating: ['UBND các huyện, thị xã, thành phố'] };
    const soTask = (lead: string, coordinating: string[]): ProposedTask =>
      task(RIGHT_DE_AN.text, {
        leadAgency: agency(lead),
        coordinatingAgencies: coordinating.map((name) => agency(name)),
        dueDate: '2023-03-31',
        deliverableType: 'de-an',
      });
    const longer = scoreDirective(
      gold([so]),
      parsed([soTask('Sở Tài chính tỉnh', ['UBND các huyện, thị xã, thành phố'])]),
      matcher,
    );
    expect(longer.counts.fieldHitsBy).toMatchObject({ lead: 1, coordinating: 1 });
    const otherSo = scoreDirective(gold([so]), parsed([soTask('Sở Tư pháp', ['UBND các huyện'])]), matcher);
    expect(otherSo.counts.fieldHitsBy).toMatchObject({ lead: 0, coordinating: 1 });
    const oneWord: GoldTask = { ...so, lead: 'Sở' };
    expect(scoreDirective(gold([oneWord]), parsed([soTask('Sở Tài chính', [])]), matcher).counts.fieldHitsBy.lead).toBe(
      0,
    );
    // Two registry agencies are two agencies, even though one name contains "Ban ... Tỉnh ủy" like the other.
    const twoCodes = { ...RIGHT_TUYEN_TRUYEN, leadAgency: agency('Ban Dân vận Tỉnh ủy', 'ban-dan-van') };
    expect(scoreDirective(gold([TUYEN_TRUYEN]), parsed([twoCodes]), matcher).counts.fieldHitsBy.lead).toBe(0);
  });

  it('compares coordinating agencies as a set', () => {
    const two: GoldTask = { ...TUYEN_TRUYEN, coordinating: ['Ban Dân vận Tỉnh ủy', 'Ban Tổ chức Tỉnh ủy'] };
    const swapped = {
      ...RIGHT_TUYEN_TRUYEN,
      coordinatingAgencies: [agency('Ban Tổ chức', 'ban-to-chuc'), agency('Ban Dân vận Tỉnh ủy', 'ban-dan-van')],
    };
    expect(scoreDirective(gold([two]), parsed([swapped]), matcher).counts.fieldHitsBy.coordinating).toBe(1);
    const missing = { ...swapped, coordinatingAgencies: [agency('Ban Dân vận Tỉnh ủy', 'ban-dan-van')] };
    expect(scoreDirective(gold([two]), parsed([missing]), matcher).counts.fieldHitsBy.coordinating).toBe(0);
    const doubled = { ...swapped, coordinatingAgencies: [...swapped.coordinatingAgencies, agency('Ban Dân vận')] };
    expect(scoreDirective(gold([two]), parsed([doubled]), matcher).counts.fieldHitsBy.coordinating).toBe(0);
  });

  it('checks the due date together with working days and continuous work', () => {
    const working: GoldTask = { ...DE_AN, due: null, workingDays: 10 };
    const inDays = { ...RIGHT_DE_AN, dueDate: null, workingDays: { days: 10, from: 'received' as const } };
    expect(scoreDirective(gold([working]), parsed([inDays]), matcher).counts.fieldHitsBy.due).toBe(1);
    const otherDays = { ...inDays, workingDays: { days: 5, from: 'received' as const } };
    expect(scoreDirective(gold([working]), parsed([otherDays]), matcher).counts.fieldHitsBy.due).toBe(0);

    const continuous: GoldTask = { ...DE_AN, due: null, continuous: true };
    const ongoing = { ...RIGHT_DE_AN, dueDate: null, continuous: true };
    expect(scoreDirective(gold([continuous]), parsed([ongoing]), matcher).counts.fieldHitsBy.due).toBe(1);
    const periodDate = { ...RIGHT_DE_AN, dueDate: '2022-12-31', continuous: false };
    expect(scoreDirective(gold([continuous]), parsed([periodDate]), matcher).counts.fieldHitsBy.due).toBe(0);
    const noDeadline: GoldTask = { ...DE_AN, due: null };
    expect(scoreDirective(gold([noDeadline]), parsed([periodDate]), matcher).counts.fieldHitsBy.due).toBe(0);
    expect(
      scoreDirective(gold([DE_AN]), parsed([{ ...RIGHT_DE_AN, dueDate: '2023-03-30' }]), matcher).counts.fieldHitsBy
        .due,
    ).toBe(0);
  });

  it('checks the deliverable type', () => {
    const wrongType = { ...RIGHT_DE_AN, deliverableType: 'ke-hoach' as const };
    const score = scoreDirective(gold([DE_AN]), parsed([wrongType]), matcher);
    expect(score.counts.fieldHitsBy.type).toBe(0);
    expect(score.misses).toContainEqual({
      kind: 'wrong-field',
      match: DE_AN.match,
      field: 'type',
      expected: 'de-an',
      actual: 'ke-hoach',
    });
  });

  it('scores four metadata fields; the number ignores spaces and case, the signer case', () => {
    const loose = parsed([RIGHT_DE_AN], { number: '45 -tb/TU', signer: 'NGUYỄN VĂN AN' });
    expect(scoreDirective(gold([DE_AN]), loose, matcher).counts).toMatchObject({ metadataHits: 4, metadataTotal: 4 });
    const wrong = parsed([RIGHT_DE_AN], { number: '46-TB/TU', kind: 'ket-luan', issuedAt: null, signer: null });
    const score = scoreDirective(gold([DE_AN]), wrong, matcher);
    expect(score.counts.metadataHits).toBe(0);
    expect(score.misses.filter((m) => m.kind === 'wrong-metadata').map((m) => m.field)).toEqual([
      'number',
      'kind',
      'issuedAt',
      'signer',
    ]);
    const unsigned: GoldDirective = { ...gold([DE_AN]), metadata: { ...gold([]).metadata, signer: null } };
    expect(scoreDirective(unsigned, parsed([RIGHT_DE_AN], { signer: null }), matcher).counts.metadataHits).toBe(4);
  });
});

describe('sumScores', () => {
  it('micro-averages over every task and keeps per-layout figures', () => {
    const perfect = scoreDirective(gold([TUYEN_TRUYEN, DE_AN]), parsed([RIGHT_TUYEN_TRUYEN, RIGHT_DE_AN]), matcher);
    const missed = scoreDirective(gold([DE_AN], 'deadlines'), parsed([]), matcher);
    const corpus = sumScores([perfect, missed]);
    expect(corpus.total).toMatchObject({ documents: 2, gold: 3, proposed: 2, matched: 2 });
    expect(corpus.total.recall).toBeCloseTo(2 / 3);
    expect(corpus.total.precision).toBe(1);
    expect(corpus.total.metadataAccuracy).toBe(1);
    expect(Object.keys(corpus.byLayout)).toEqual(['deadlines', 'multi-level']);
    expect(corpus.byLayout['deadlines']).toMatchObject({ recall: 0, precision: 1, fieldAccuracy: 1 });
    expect(corpus.byLayout['multi-level']).toMatchObject({ recall: 1, precision: 1, fieldAccuracy: 1 });
    const table = formatScoreTable('dev', corpus);
    expect(table).toMatch(/^dev\nlayout/);
    expect(table).toMatch(/\nTOTAL +2 +3 +2 +2 +66\.7% +100\.0%/);
  });
});

describe('validateGold', () => {
  const text =
    'Giao Ban Tuyên giáo Tỉnh ủy ban hành Kế hoạch tuyên truyền về chuyển đổi số. Xây dựng Đề án phát triển du lịch cộng đồng.';

  it('accepts a gold file whose phrases occur once each', () => {
    expect(validateGold(gold([TUYEN_TRUYEN, DE_AN]), text)).toEqual([]);
    expect(countPhrase(text, 'XAY DUNG DE AN')).toBe(1);
  });

  it('rejects phrases found twice or not at all, too short or too long, and unknown values', () => {
    const errors = validateGold(
      {
        ...gold([
          { ...DE_AN, match: 'phát triển du lịch' },
          { ...DE_AN, match: 'Đề án phát triển du lịch sinh thái' },
          { ...DE_AN, match: `${TUYEN_TRUYEN.match} ${DE_AN.match}` },
          { ...DE_AN, type: 'de_an' as never, due: '2023-02-30' },
          { ...DE_AN, due: '2023-01-01', continuous: true },
        ]),
        layout: 'nowhere',
        metadata: { number: 'Số 45-TB/TU', kind: 'cong-van', issuedAt: '2022-13-01', signer: null },
      },
      `${text} Phát triển du lịch.`,
    );
    expect(errors).toEqual([
      'unknown layout nowhere',
      'issuedAt is not a date: 2022-13-01',
      'number Số 45-TB/TU',
      'task 1 "phát triển du lịch": match has 4 words (5-12)',
      'task 1 "phát triển du lịch": match found 2 times in the document',
      'task 2 "Đề án phát triển du lịch sinh thái": match found 0 times in the document',
      `task 3 "${TUYEN_TRUYEN.match} ${DE_AN.match}": match has 20 words (5-12)`,
      'task 4 "xây dựng Đề án phát triển du lịch cộng đồng": due 2023-02-30',
      'task 4 "xây dựng Đề án phát triển du lịch cộng đồng": type de_an',
      'task 5 "xây dựng Đề án phát triển du lịch cộng đồng": continuous and a due date',
    ]);
  });
});
