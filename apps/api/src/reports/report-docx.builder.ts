import type {
  ReportAverages,
  ReportByAgency,
  ReportCoordination,
  ReportEscalations,
  ReportFigures,
  ReportLateness,
  ReportMilestones,
  ReportReviewQueue,
  ReportSummary,
} from '@dondoc/contracts';
import type { Classification } from '@dondoc/workflow';
import { hiddenLine, highestLevel, stampOf } from './classification-mark.js';
import { grid, headingBlock, ISSUER, pack, para, run, signatureBlock } from './docx-parts.js';
import { localYear, viAsOf, viDate, viPercent } from './report-labels.js';
import type { ReportTaskProgressRow, ReportTaskRow } from './reports.repository.js';

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

/** Key tasks (nhiệm vụ trọng tâm) in one sentence; nothing when there are none. */
export function keyTasksSentence(k: ReportFigures | undefined): string | null {
  if (!k || k.total === 0) return null;
  const finished = k.finished
    ? `đã hoàn thành ${k.finished}` +
      among(
        counted([
          ['đúng hạn', k.onTime],
          ['quá hạn', k.late],
        ]),
      )
    : 'chưa có nhiệm vụ nào hoàn thành';
  const unfinished = k.unfinished
    ? `; chưa hoàn thành ${k.unfinished}` +
      among(
        counted([
          ['trong hạn', k.notDue],
          ['sắp đến hạn', k.dueSoon],
          ['quá hạn', k.overdue],
        ]),
      )
    : '';
  return `Nhiệm vụ trọng tâm: ${k.total} nhiệm vụ, ${finished}${unfinished}.`;
}

/** Working then calendar days late of a group (sums over its late tasks); blank in an older snapshot. */
function latenessCells(l: ReportLateness | undefined): (number | string)[] {
  return l ? [l.workingDaysTotal, l.calendarDaysTotal] : ['', ''];
}

/** "85%" for a task's latest progress; the narrative, or why there is none. */
function progressCells(t: ReportTaskProgressRow): [string, string] {
  if (t.progress_percent !== null) return [`${t.progress_percent}%`, t.progress_narrative ?? ''];
  return ['', t.state === 'approved' ? 'Đã hoàn thành' : 'Chưa báo cáo'];
}

/** Báo cáo kết quả thực hiện: the periodic report of the Office to the Standing Committee. */
export function periodicReportDocx(r: {
  summary: ReportSummary;
  byAgency: ReportByAgency;
  escalations: ReportEscalations;
  reviewQueue: ReportReviewQueue;
  averages: ReportAverages;
  coordination: ReportCoordination;
  milestones: ReportMilestones;
  progress: readonly ReportTaskProgressRow[];
  /** The reporting period (kỳ báo cáo) the progress is read for, if one was asked. */
  periodLabel: string | null;
  directiveTitle: string | null;
  /** The most secret task the report holds (or its directive's level): the stamp on every page. */
  level?: Classification;
}): Promise<Buffer> {
  const hidden = hiddenLine(r.summary.hidden);
  const keySentence = keyTasksSentence(r.summary.keyFigures);
  const keyRows = r.byAgency.rows.filter((a) => (a.keyFigures?.total ?? 0) > 0);
  const s = r.summary;
  const scope = r.directiveTitle ? ` ${r.directiveTitle}` : ' các văn bản chỉ đạo của Tỉnh ủy, Ban Thường vụ Tỉnh ủy';
  const asOf = viAsOf(s);
  const children = [
    headingBlock('BC/VPTU', localYear(s.generatedAt)),
    para('', { after: 240 }),
    para([run('BÁO CÁO', { bold: true, size: 15 })], { align: 'center', after: 0 }),
    para([run(`kết quả thực hiện nhiệm vụ theo${scope}`, { bold: true })], { align: 'center', after: 0 }),
    para([run(`(${asOf})`, { italics: true })], { align: 'center', after: 0 }),
    ...(hidden ? [para([run(`(${hidden})`, { italics: true, size: 13 })], { align: 'center', after: 0 })] : []),
    para('-----', { align: 'center', after: 240 }),
    para(
      `Thực hiện chức năng theo dõi, đôn đốc việc thực hiện các nhiệm vụ do Tỉnh ủy, Ban Thường vụ Tỉnh ủy giao, ` +
        `Văn phòng Tỉnh ủy báo cáo kết quả thực hiện ${asOf} như sau:`,
      { indent: true },
    ),
    para([run('I. TÌNH HÌNH CHUNG', { bold: true })], { indent: true }),
    ...overviewSentences(r).map((text) => para(text, { indent: true })),
    ...(keySentence ? [para(keySentence, { indent: true })] : []),
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
        'Số ngày làm việc quá hạn',
        'Số ngày quá hạn',
      ],
      [6, 26, 8, 9, 8, 9, 8, 9, 9, 8],
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
          ...latenessCells(a.lateness),
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
          ...latenessCells(r.byAgency.latenessTotals),
        ],
      ],
      true,
    ),
    ...(keyRows.length
      ? [
          para([run('Nhiệm vụ trọng tâm theo cơ quan chủ trì:', { italics: true })], { indent: true }),
          grid(
            [
              'STT',
              'Cơ quan chủ trì',
              'Nhiệm vụ trọng tâm',
              'Đã hoàn thành',
              'Đúng hạn',
              'Chưa HT',
              'Quá hạn (chưa HT)',
            ],
            [6, 38, 12, 11, 10, 10, 13],
            [
              ...keyRows.map((a, i) => [
                i + 1,
                a.agencyName,
                a.keyFigures!.total,
                a.keyFigures!.finished,
                a.keyFigures!.onTime,
                a.keyFigures!.unfinished,
                a.keyFigures!.overdue,
              ]),
              ...(r.byAgency.keyTotals
                ? [
                    [
                      '',
                      'Tổng cộng',
                      r.byAgency.keyTotals.total,
                      r.byAgency.keyTotals.finished,
                      r.byAgency.keyTotals.onTime,
                      r.byAgency.keyTotals.unfinished,
                      r.byAgency.keyTotals.overdue,
                    ],
                  ]
                : []),
            ],
            true,
          ),
        ]
      : []),
    para('', { after: 120 }),
    para([run('III. CÁC NHIỆM VỤ QUÁ HẠN CHƯA HOÀN THÀNH', { bold: true })], { indent: true }),
    r.escalations.items.length
      ? grid(
          ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời hạn', 'Số ngày quá hạn', 'Số ngày làm việc quá hạn'],
          [6, 38, 22, 14, 10, 10],
          r.escalations.items.map((t, i) => [
            i + 1,
            `${t.title} (${t.directiveNumber})`,
            t.leadAgencyName ?? '',
            viDate(t.dueDate) +
              (t.effectiveDueDate && t.effectiveDueDate !== t.dueDate
                ? ` (kết thúc ${viDate(t.effectiveDueDate)})`
                : '') +
              (t.originalDueDate !== t.dueDate ? ` (ban đầu ${viDate(t.originalDueDate)})` : ''),
            t.daysOverdue,
            t.workingDaysOverdue ?? '',
          ]),
        )
      : para('Không có nhiệm vụ quá hạn.', { indent: true }),
    para('', { after: 120 }),
    para([run('IV. PHỐI HỢP CỦA CÁC CƠ QUAN PHỐI HỢP', { bold: true })], { indent: true }),
    r.coordination.rows.length
      ? grid(
          [
            'STT',
            'Cơ quan phối hợp',
            'Được đề nghị',
            'Đã gửi',
            'Phối hợp đúng hạn',
            'Phối hợp quá hạn',
            'Quá hạn chưa gửi',
            'Được chấp nhận',
          ],
          [6, 30, 10, 9, 11, 11, 11, 12],
          [
            ...r.coordination.rows.map((a, i) => [
              i + 1,
              a.agencyName,
              a.figures.requested,
              a.figures.submitted,
              a.figures.onTime,
              a.figures.late,
              a.figures.overdue,
              a.figures.accepted,
            ]),
            [
              '',
              'Tổng cộng',
              r.coordination.totals.requested,
              r.coordination.totals.submitted,
              r.coordination.totals.onTime,
              r.coordination.totals.late,
              r.coordination.totals.overdue,
              r.coordination.totals.accepted,
            ],
          ],
          true,
        )
      : para('Không có yêu cầu phối hợp nào.', { indent: true }),
    para('', { after: 120 }),
    para([run('V. CÁC MỐC THỰC HIỆN THEO CƠ QUAN CHỦ TRÌ', { bold: true })], { indent: true }),
    r.milestones.rows.length
      ? grid(
          [
            'STT',
            'Cơ quan chủ trì',
            'Số mốc',
            'Hoàn thành đúng mốc',
            'Hoàn thành sau mốc',
            'Trễ mốc chưa HT',
            'Chưa đến mốc',
          ],
          [6, 34, 10, 13, 13, 12, 12],
          [
            ...r.milestones.rows.map((a, i) => [
              i + 1,
              a.agencyName,
              a.figures.total,
              a.figures.doneOnTime,
              a.figures.doneLate,
              a.figures.missed,
              a.figures.upcoming,
            ]),
            [
              '',
              'Tổng cộng',
              r.milestones.totals.total,
              r.milestones.totals.doneOnTime,
              r.milestones.totals.doneLate,
              r.milestones.totals.missed,
              r.milestones.totals.upcoming,
            ],
          ],
          true,
        )
      : para('Không có mốc thực hiện nào.', { indent: true }),
    para('', { after: 120 }),
    para(
      [
        run(
          'VI. TIẾN ĐỘ THỰC HIỆN CÁC NHIỆM VỤ' + (r.periodLabel ? ` (KỲ BÁO CÁO: ${r.periodLabel.toUpperCase()})` : ''),
          { bold: true },
        ),
      ],
      { indent: true },
    ),
    r.progress.length
      ? grid(
          ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Tiến độ', 'Nội dung báo cáo'],
          [6, 32, 20, 9, 33],
          r.progress.map((t, i) => [
            i + 1,
            `${t.title} (${t.directive_number})` + (t.is_key ? ' - trọng tâm' : ''),
            t.lead_agency_name ?? '',
            ...progressCells(t),
          ]),
        )
      : para('Không có nhiệm vụ nào đang theo dõi.', { indent: true }),
    para('', { after: 120 }),
    para([run('VII. ĐỀ XUẤT', { bold: true })], { indent: true }),
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
  return pack(children, 'Báo cáo kết quả thực hiện nhiệm vụ', stampOf(r.level ?? 'normal'));
}

/**
 * Công văn đôn đốc: to one agency, its overdue and due-soon tasks, ready to number and sign; stamped with the level
 * of the most secret task it lists. It does not say how many classified tasks were left out: it goes to the agency.
 */
export function urgingLetterDocx(r: {
  agencyName: string;
  asOf: string;
  live: boolean;
  generatedAt: string;
  tasks: readonly ReportTaskRow[];
}): Promise<Buffer> {
  const overdue = r.tasks.filter((t) => t.status === 'overdue');
  const dueSoon = r.tasks.filter((t) => t.status === 'due_soon');
  const ends = (t: ReportTaskRow) => t.effective_due_date ?? t.due_date;
  const daysLeft = (t: ReportTaskRow) => {
    const end = ends(t);
    return end ? Math.round((Date.parse(end) - Date.parse(r.asOf)) / 86_400_000) : 0;
  };
  // "Quá hạn 5 ngày làm việc (7 ngày)" when the working calendar makes them differ; else the days as before.
  const late = (t: ReportTaskRow) => {
    const days = t.days_overdue ?? 0;
    const working = t.working_days_overdue ?? days;
    return working !== days ? `Quá hạn ${working} ngày làm việc (${days} ngày)` : `Quá hạn ${days} ngày`;
  };
  // Due on the letter's day is "Đến hạn", not "Còn 0 ngày". The code is how the agency finds the task on its board.
  const standing = (t: ReportTaskRow) =>
    t.status === 'overdue' ? late(t) : daysLeft(t) > 0 ? `Còn ${daysLeft(t)} ngày` : 'Đến hạn';
  const listed = [...overdue, ...dueSoon];
  const rows = listed.map((t, i) => [
    i + 1,
    t.code,
    t.title,
    t.directive_number,
    (t.due_date ? viDate(t.due_date) : '') +
      (t.due_date && ends(t) !== t.due_date ? ` (kết thúc ${viDate(ends(t)!)})` : ''),
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
  return pack(
    children,
    `Công văn đôn đốc - ${ISSUER.office} ${ISSUER.party}`,
    stampOf(highestLevel(listed.map((t) => t.classification))),
  );
}
