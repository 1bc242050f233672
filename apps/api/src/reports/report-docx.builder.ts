import type {
  ReportAverages,
  ReportByAgency,
  ReportEscalations,
  ReportReviewQueue,
  ReportSummary,
} from '@dondoc/contracts';
import { grid, headingBlock, ISSUER, pack, para, run, signatureBlock } from './docx-parts.js';
import { localYear, viAsOf, viDate, viPercent } from './report-labels.js';
import type { ReportTaskRow } from './reports.repository.js';

const num = (n: number) => String(n).replace('.', ',');

/**
 * "đúng hạn 3, quá hạn 1" without the parts that count nothing: a document that says "quá hạn 0" or
 * "0 nhiệm vụ sắp đến hạn" reads as sloppy, so zero counts are left out rather than written.
 */
function counted(parts: readonly [label: string, count: number][]): string {
  return parts
    .filter(([, n]) => n > 0)
    .map(([label, n]) => `${label} ${n}`)
    .join(', ');
}

/** ", trong đó …" when the breakdown has something to say, else nothing. */
const among = (breakdown: string) => (breakdown ? `, trong đó ${breakdown}` : '');

/** Section I of the periodic report, one paragraph each: all tasks and finished ones, unfinished ones, times. */
function overviewSentences(r: {
  summary: ReportSummary;
  reviewQueue: ReportReviewQueue;
  averages: ReportAverages;
}): string[] {
  const f = r.summary.figures;
  if (f.total === 0) return ['Không có nhiệm vụ nào đang theo dõi.'];
  const original = counted([
    ['đúng hạn', f.onTimeOriginal],
    ['quá hạn', f.lateOriginal],
  ]);
  const finished = f.finished
    ? ` Đã hoàn thành: ${f.finished} nhiệm vụ (tỷ lệ ${viPercent(f.completionRate)})` +
      among(
        counted([
          ['hoàn thành đúng hạn', f.onTime],
          ['hoàn thành quá hạn', f.late],
        ]),
      ) +
      (original ? `; so với thời hạn ban đầu (chưa tính gia hạn): ${original}` : '') +
      '.'
    : ' Chưa có nhiệm vụ nào hoàn thành.';
  const unfinished =
    (f.unfinished
      ? `Chưa hoàn thành: ${f.unfinished} nhiệm vụ` +
        among(
          counted([
            ['trong hạn', f.notDue],
            ['sắp đến hạn', f.dueSoon],
            ['quá hạn', f.overdue],
          ]),
        ) +
        '.'
      : 'Không còn nhiệm vụ chưa hoàn thành.') + (f.extended ? ` Số nhiệm vụ được gia hạn: ${f.extended}.` : '');

  // An average over nothing (no submission, no decision yet) is left out like a zero count.
  const { assignmentToSubmission: toSubmit, submissionToDecision: toDecide, returns } = r.averages;
  const averages = [
    toSubmit.averageDays !== null ? `từ khi giao đến khi trình: ${num(toSubmit.averageDays)} ngày` : '',
    toDecide.averageDays !== null
      ? `từ khi trình đến khi Ban Thường vụ cho ý kiến: ${num(toDecide.averageDays)} ngày`
      : '',
  ].filter(Boolean);
  const returned = returns.total > 0 ? `số lần trả lại để bổ sung, chỉnh sửa: ${returns.total}` : '';
  const timing = averages.length
    ? `Thời gian trung bình ${[...averages, returned].filter(Boolean).join('; ')}. `
    : returned
      ? `Số lần trả lại để bổ sung, chỉnh sửa: ${returns.total}. `
      : '';
  const waiting = r.reviewQueue.items.length;
  const longest = r.reviewQueue.longestWaitingDays;
  const queue = waiting
    ? `Đang chờ Ban Thường vụ cho ý kiến: ${waiting} nhiệm vụ` + (longest ? ` (lâu nhất ${longest} ngày).` : '.')
    : 'Không có nhiệm vụ nào đang chờ Ban Thường vụ cho ý kiến.';
  return [`Tổng số nhiệm vụ đang theo dõi: ${f.total} nhiệm vụ.${finished}`, unfinished, timing + queue];
}

/** Báo cáo kết quả thực hiện: the periodic report of the Office to the Standing Committee. */
export function periodicReportDocx(r: {
  summary: ReportSummary;
  byAgency: ReportByAgency;
  escalations: ReportEscalations;
  reviewQueue: ReportReviewQueue;
  averages: ReportAverages;
  directiveTitle: string | null;
}): Promise<Buffer> {
  const s = r.summary;
  const scope = r.directiveTitle ? ` ${r.directiveTitle}` : ' các văn bản chỉ đạo của Tỉnh ủy, Ban Thường vụ Tỉnh ủy';
  const asOf = viAsOf(s);
  const children = [
    headingBlock('BC/VPTU', localYear(s.generatedAt)),
    para('', { after: 240 }),
    para([run('BÁO CÁO', { bold: true, size: 15 })], { align: 'center', after: 0 }),
    para([run(`kết quả thực hiện nhiệm vụ theo${scope}`, { bold: true })], { align: 'center', after: 0 }),
    para([run(`(${asOf})`, { italics: true })], { align: 'center', after: 0 }),
    para('-----', { align: 'center', after: 240 }),
    para(
      `Thực hiện chức năng theo dõi, đôn đốc việc thực hiện các nhiệm vụ do Tỉnh ủy, Ban Thường vụ Tỉnh ủy giao, ` +
        `Văn phòng Tỉnh ủy báo cáo kết quả thực hiện ${asOf} như sau:`,
      { indent: true },
    ),
    para([run('I. TÌNH HÌNH CHUNG', { bold: true })], { indent: true }),
    ...overviewSentences(r).map((text) => para(text, { indent: true })),
    para([run('II. KẾT QUẢ THEO CƠ QUAN CHỦ TRÌ', { bold: true })], { indent: true }),
    grid(
      [
        'STT',
        'Cơ quan chủ trì',
        'Tổng số',
        'Đã hoàn thành',
        'Đúng hạn',
        'Quá hạn (đã HT)',
        'Chưa HT',
        'Quá hạn (chưa HT)',
      ],
      [6, 34, 9, 11, 10, 10, 9, 11],
      [
        ...r.byAgency.rows.map((a, i) => [
          i + 1,
          a.agencyName,
          a.figures.total,
          a.figures.finished,
          a.figures.onTime,
          a.figures.late,
          a.figures.unfinished,
          a.figures.overdue,
        ]),
        [
          '',
          'Tổng cộng',
          r.byAgency.totals.total,
          r.byAgency.totals.finished,
          r.byAgency.totals.onTime,
          r.byAgency.totals.late,
          r.byAgency.totals.unfinished,
          r.byAgency.totals.overdue,
        ],
      ],
      true,
    ),
    para('', { after: 120 }),
    para([run('III. CÁC NHIỆM VỤ QUÁ HẠN CHƯA HOÀN THÀNH', { bold: true })], { indent: true }),
    r.escalations.items.length
      ? grid(
          ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời hạn', 'Số ngày quá hạn'],
          [6, 44, 24, 13, 13],
          r.escalations.items.map((t, i) => [
            i + 1,
            `${t.title} (${t.directiveNumber})`,
            t.leadAgencyName ?? '',
            viDate(t.dueDate) + (t.originalDueDate !== t.dueDate ? ` (ban đầu ${viDate(t.originalDueDate)})` : ''),
            t.daysOverdue,
          ]),
        )
      : para('Không có nhiệm vụ quá hạn.', { indent: true }),
    para('', { after: 120 }),
    para([run('IV. ĐỀ XUẤT', { bold: true })], { indent: true }),
    para(
      'Văn phòng Tỉnh ủy đề nghị Thường trực Tỉnh ủy chỉ đạo các cơ quan chủ trì khẩn trương hoàn thành các nhiệm vụ ' +
        'quá hạn; Văn phòng Tỉnh ủy tiếp tục theo dõi, đôn đốc và báo cáo định kỳ.',
      { indent: true },
    ),
    para('', { after: 120 }),
    signatureBlock([
      '- Thường trực Tỉnh ủy (b/c),',
      '- Các đồng chí Ủy viên Ban Thường vụ,',
      '- Lưu Văn phòng Tỉnh ủy.',
    ]),
  ];
  return pack(children, 'Báo cáo kết quả thực hiện nhiệm vụ');
}

/** Công văn đôn đốc: to one agency, its overdue and due-soon tasks, ready to number and sign. */
export function urgingLetterDocx(r: {
  agencyName: string;
  asOf: string;
  live: boolean;
  generatedAt: string;
  tasks: readonly ReportTaskRow[];
}): Promise<Buffer> {
  const overdue = r.tasks.filter((t) => t.status === 'overdue');
  const dueSoon = r.tasks.filter((t) => t.status === 'due_soon');
  const daysLeft = (t: ReportTaskRow) =>
    t.due_date ? Math.round((Date.parse(t.due_date) - Date.parse(r.asOf)) / 86_400_000) : 0;
  // Due on the letter's day is "Đến hạn", not "Còn 0 ngày". The code is how the agency finds the task on its board.
  const standing = (t: ReportTaskRow) =>
    t.status === 'overdue'
      ? `Quá hạn ${t.days_overdue ?? 0} ngày`
      : daysLeft(t) > 0
        ? `Còn ${daysLeft(t)} ngày`
        : 'Đến hạn';
  const rows = [...overdue, ...dueSoon].map((t, i) => [
    i + 1,
    t.code,
    t.title,
    t.directive_number,
    t.due_date ? viDate(t.due_date) : '',
    standing(t),
  ]);
  // "còn 1 nhiệm vụ quá hạn", not "còn 1 nhiệm vụ quá hạn và 0 nhiệm vụ sắp đến hạn".
  const owed = [
    overdue.length ? `${overdue.length} nhiệm vụ quá hạn` : '',
    dueSoon.length ? `${dueSoon.length} nhiệm vụ sắp đến hạn` : '',
  ]
    .filter(Boolean)
    .join(' và ');
  const intro =
    `Thực hiện chức năng theo dõi, đôn đốc việc thực hiện các nhiệm vụ do Tỉnh ủy, Ban Thường vụ Tỉnh ủy giao, ` +
    `Văn phòng Tỉnh ủy nhận thấy, ${viAsOf(r)}, ${r.agencyName} ` +
    (owed
      ? `còn ${owed} chưa hoàn thành, cụ thể như sau:`
      : 'không có nhiệm vụ quá hạn hoặc sắp đến hạn chưa hoàn thành.');
  const children = [
    headingBlock('CV/VPTU', localYear(r.generatedAt), 'V/v đôn đốc thực hiện nhiệm vụ'),
    para('', { after: 240 }),
    para([run('Kính gửi: ', { italics: true }), run(r.agencyName, { bold: true })], { align: 'center', after: 240 }),
    para(intro, { indent: true }),
    ...(rows.length
      ? [
          grid(
            ['STT', 'Mã nhiệm vụ', 'Nhiệm vụ', 'Văn bản chỉ đạo', 'Thời hạn', 'Tình trạng'],
            [6, 14, 38, 14, 13, 15],
            rows,
          ),
        ]
      : []),
    para('', { after: 120 }),
    para(
      `Văn phòng Tỉnh ủy đề nghị ${r.agencyName} khẩn trương tập trung thực hiện, ` +
        `hoàn thành các nhiệm vụ nêu trên và báo cáo kết quả về Thường trực Tỉnh ủy (qua Văn phòng Tỉnh ủy); ` +
        `trường hợp cần thêm thời gian, đề nghị có văn bản xin gia hạn nêu rõ lý do.`,
      { indent: true },
    ),
    para(`Văn phòng Tỉnh ủy thông báo để ${r.agencyName} biết, thực hiện./.`, { indent: true }),
    para('', { after: 120 }),
    signatureBlock(['- Như trên,', '- Thường trực Tỉnh ủy (b/c),', `- Lưu Văn phòng Tỉnh ủy.`]),
  ];
  return pack(children, `Công văn đôn đốc - ${ISSUER.office} ${ISSUER.party}`);
}
