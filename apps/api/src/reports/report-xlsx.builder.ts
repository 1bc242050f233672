import type {
  ReportByAgency,
  ReportCoordination,
  ReportCoordinationFigures,
  ReportFigures,
  ReportLateness,
  ReportMeta,
  ReportMilestoneFigures,
  ReportMilestones,
} from '@dondoc/contracts';
import { localDate, type Classification } from '@dondoc/workflow';
import ExcelJS from 'exceljs';
import { hiddenLine, stampCell, stampOf, stampPageHeader } from './classification-mark.js';
import {
  deadlineStatusLabel,
  deliverableTypeLabel,
  fieldLabel,
  localTime,
  stateLabel,
  viDate,
} from './report-labels.js';
import type { ReportTaskProgressRow } from './reports.repository.js';

/** The house style of every workbook (the task list's export too). */
export const FONT = 'Times New Roman';

/**
 * A sheet in the house style of every export: A4 landscape fitted to the page's width, the table's header row
 * printed on each page and frozen on screen, columns in the document font.
 */
export function landscapeSheet(
  wb: ExcelJS.Workbook,
  name: string,
  headerRow: number,
  columns: readonly { width: number }[],
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: `${headerRow}:${headerRow}`,
    },
    views: [{ state: 'frozen', ySplit: headerRow }],
  });
  ws.columns = columns.map((c) => ({ width: c.width, style: { font: { name: FONT, size: 12 } } }));
  return ws;
}
export const DATE_FORMAT = 'dd/mm/yyyy';
/**
 * Rates are fractions stored as numbers, so a reader can sum, sort and chart them; Excel shows them as
 * percentages with the reader's own decimal separator ("87,5%" in a Vietnamese Excel).
 */
const PERCENT_FORMAT = '0.0%';
const COUNT_FORMAT = '0';
export const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

interface Column {
  header: string;
  width: number;
  /** Excel number format for numbers and dates. */
  format?: string;
}

/**
 * A calendar date as an Excel date: midnight UTC of that day, which exceljs writes as the day's serial
 * number, so Excel shows the same day whatever the reader's time zone.
 */
export function excelDate(iso: string | null): Date | null {
  if (!iso) return null;
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

/** `generatedAt` is an instant in UTC; the line shows it on Vietnamese clocks, as the date beside it is. */
function asOfLine(meta: ReportMeta): string {
  return meta.live
    ? `Số liệu tính đến ngày ${viDate(meta.asOf)}, thời điểm lập: ${localTime(meta.generatedAt)} (giờ Việt Nam)`
    : `Số liệu tính đến hết ngày ${viDate(meta.asOf)}`;
}

/**
 * A printable sheet: A4 landscape, one page wide, title rows, a bold bordered header repeated on each page. A
 * classified sheet (`level`: the most secret task it holds) starts with its stamp and carries it in every page's
 * header; the row before the table says how many classified tasks the reader does not see (`meta.hidden`), if any.
 */
function sheet(
  wb: ExcelJS.Workbook,
  name: string,
  title: string,
  meta: ReportMeta,
  columns: Column[],
  level: Classification = 'normal',
) {
  const stamp = stampOf(level);
  const top = stamp ? 1 : 0;
  const head = 4 + top;
  const ws = landscapeSheet(wb, name, head, columns);
  const last = columns.length;
  if (stamp) {
    stampPageHeader(ws, stamp);
    stampCell(ws, stamp, FONT);
  }
  ws.mergeCells(1 + top, 1, 1 + top, last);
  ws.getCell(1 + top, 1).value = title;
  ws.getCell(1 + top, 1).font = { name: FONT, size: 14, bold: true };
  ws.getCell(1 + top, 1).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  ws.getRow(1 + top).height = 36;
  ws.mergeCells(2 + top, 1, 2 + top, last);
  ws.getCell(2 + top, 1).value = asOfLine(meta);
  ws.getCell(2 + top, 1).font = { name: FONT, size: 12, italic: true };
  ws.getCell(2 + top, 1).alignment = { horizontal: 'center' };
  const hidden = hiddenLine(meta.hidden);
  if (hidden) {
    ws.mergeCells(3 + top, 1, 3 + top, last);
    ws.getCell(3 + top, 1).value = hidden;
    ws.getCell(3 + top, 1).font = { name: FONT, size: 12, italic: true };
    ws.getCell(3 + top, 1).alignment = { horizontal: 'center' };
  }
  const header = ws.getRow(head);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { name: FONT, size: 12, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = THIN;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
  });
  header.height = 48;
  return {
    ws,
    addRow: (values: (string | number | Date | null)[], bold = false) => {
      const row = ws.addRow(values);
      columns.forEach((c, i) => {
        const cell = row.getCell(i + 1);
        cell.border = THIN;
        cell.font = { name: FONT, size: 12, bold };
        cell.alignment = { vertical: 'top', wrapText: typeof values[i] === 'string' };
        if (c.format) cell.numFmt = c.format;
      });
      return row;
    },
  };
}

const FIGURE_COLUMNS: Column[] = [
  { header: 'Tổng số nhiệm vụ', width: 10, format: COUNT_FORMAT },
  { header: 'Đã hoàn thành', width: 11, format: COUNT_FORMAT },
  { header: 'Hoàn thành đúng hạn', width: 11, format: COUNT_FORMAT },
  { header: 'Hoàn thành quá hạn', width: 11, format: COUNT_FORMAT },
  { header: 'Quá hạn so với hạn ban đầu', width: 13, format: COUNT_FORMAT },
  { header: 'Chưa hoàn thành', width: 11, format: COUNT_FORMAT },
  { header: 'Trong hạn', width: 10, format: COUNT_FORMAT },
  { header: 'Sắp đến hạn', width: 10, format: COUNT_FORMAT },
  { header: 'Quá hạn', width: 10, format: COUNT_FORMAT },
  { header: 'Được gia hạn', width: 10, format: COUNT_FORMAT },
  { header: 'Tỷ lệ hoàn thành', width: 11, format: PERCENT_FORMAT },
  { header: 'Tỷ lệ đúng hạn', width: 11, format: PERCENT_FORMAT },
];

/** Counts and rates as numbers; a rate with nothing to divide by is a blank cell, not 0%. */
function figureCells(f: ReportFigures): (number | null)[] {
  return [
    f.total,
    f.finished,
    f.onTime,
    f.late,
    f.lateOriginal,
    f.unfinished,
    f.notDue,
    f.dueSoon,
    f.overdue,
    f.extended,
    f.completionRate,
    f.onTimeRate,
  ];
}

/**
 * Days late of the tasks overdue or finished late, in working days on the calendar in force then and in calendar
 * days: the sum over the group's tasks and the longest.
 */
const LATENESS_COLUMNS: Column[] = [
  { header: 'Số ngày làm việc quá hạn', width: 12, format: COUNT_FORMAT },
  { header: 'Số ngày quá hạn', width: 11, format: COUNT_FORMAT },
  { header: 'Số ngày làm việc quá hạn (lâu nhất)', width: 13, format: COUNT_FORMAT },
  { header: 'Số ngày quá hạn (lâu nhất)', width: 12, format: COUNT_FORMAT },
];

/** Blank cells for a snapshot frozen before lateness was counted in days. */
function latenessCells(l: ReportLateness | undefined): (number | null)[] {
  return l ? [l.workingDaysTotal, l.calendarDaysTotal, l.workingDaysMax, l.calendarDaysMax] : [null, null, null, null];
}

async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function workbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Đôn Đốc - Văn phòng Tỉnh ủy';
  wb.created = new Date();
  return wb;
}

const COORDINATION_COLUMNS: Column[] = [
  { header: 'Được đề nghị phối hợp', width: 11, format: COUNT_FORMAT },
  { header: 'Đã gửi', width: 10, format: COUNT_FORMAT },
  { header: 'Phối hợp đúng hạn', width: 11, format: COUNT_FORMAT },
  { header: 'Phối hợp quá hạn', width: 11, format: COUNT_FORMAT },
  { header: 'Quá hạn chưa gửi', width: 11, format: COUNT_FORMAT },
  { header: 'Chưa đến hạn', width: 10, format: COUNT_FORMAT },
  { header: 'Được chấp nhận', width: 11, format: COUNT_FORMAT },
  { header: 'Tỷ lệ đúng hạn', width: 11, format: PERCENT_FORMAT },
];

function coordinationCells(f: ReportCoordinationFigures): (number | null)[] {
  return [f.requested, f.submitted, f.onTime, f.late, f.overdue, f.notDue, f.accepted, f.onTimeRate];
}

const MILESTONE_COLUMNS: Column[] = [
  { header: 'Số mốc', width: 10, format: COUNT_FORMAT },
  { header: 'Hoàn thành đúng mốc', width: 12, format: COUNT_FORMAT },
  { header: 'Hoàn thành sau mốc', width: 12, format: COUNT_FORMAT },
  { header: 'Trễ mốc chưa hoàn thành', width: 12, format: COUNT_FORMAT },
  { header: 'Chưa đến mốc', width: 11, format: COUNT_FORMAT },
];

function milestoneCells(f: ReportMilestoneFigures): number[] {
  return [f.total, f.doneOnTime, f.doneLate, f.missed, f.upcoming];
}

/**
 * Kết quả thực hiện theo cơ quan chủ trì: one row per agency (in the report's Vietnamese order), a total
 * row; then the same over key tasks (nhiệm vụ trọng tâm), the coordinating agencies' timeliness and the
 * milestones by lead agency, a sheet each.
 */
export async function byAgencyWorkbook(
  report: ReportByAgency,
  coordination: ReportCoordination,
  milestones: ReportMilestones,
  level: Classification = 'normal',
): Promise<Buffer> {
  const wb = workbook();
  const agencyColumns = (name: string): Column[] => [
    { header: 'STT', width: 6, format: COUNT_FORMAT },
    { header: name, width: 40 },
  ];
  const all = sheet(
    wb,
    'Theo cơ quan chủ trì',
    'KẾT QUẢ THỰC HIỆN NHIỆM VỤ THEO CƠ QUAN CHỦ TRÌ',
    report,
    [...agencyColumns('Cơ quan chủ trì'), ...FIGURE_COLUMNS, ...LATENESS_COLUMNS],
    level,
  );
  report.rows.forEach((r, i) =>
    all.addRow([i + 1, r.agencyName, ...figureCells(r.figures), ...latenessCells(r.lateness)]),
  );
  all.addRow(['', 'Tổng cộng', ...figureCells(report.totals), ...latenessCells(report.latenessTotals)], true);

  const key = sheet(
    wb,
    'Nhiệm vụ trọng tâm',
    'KẾT QUẢ THỰC HIỆN NHIỆM VỤ TRỌNG TÂM THEO CƠ QUAN CHỦ TRÌ',
    report,
    [...agencyColumns('Cơ quan chủ trì'), ...FIGURE_COLUMNS],
    level,
  );
  report.rows
    .filter((r) => (r.keyFigures?.total ?? 0) > 0)
    .forEach((r, i) => key.addRow([i + 1, r.agencyName, ...figureCells(r.keyFigures!)]));
  if (report.keyTotals) key.addRow(['', 'Tổng cộng', ...figureCells(report.keyTotals)], true);

  const co = sheet(
    wb,
    'Phối hợp',
    'TÌNH HÌNH PHỐI HỢP CỦA CÁC CƠ QUAN PHỐI HỢP',
    coordination,
    [...agencyColumns('Cơ quan phối hợp'), ...COORDINATION_COLUMNS],
    level,
  );
  coordination.rows.forEach((r, i) => co.addRow([i + 1, r.agencyName, ...coordinationCells(r.figures)]));
  co.addRow(['', 'Tổng cộng', ...coordinationCells(coordination.totals)], true);

  const ms = sheet(
    wb,
    'Mốc thực hiện',
    'CÁC MỐC THỰC HIỆN THEO CƠ QUAN CHỦ TRÌ',
    milestones,
    [...agencyColumns('Cơ quan chủ trì'), ...MILESTONE_COLUMNS],
    level,
  );
  milestones.rows.forEach((r, i) => ms.addRow([i + 1, r.agencyName, ...milestoneCells(r.figures)]));
  ms.addRow(['', 'Tổng cộng', ...milestoneCells(milestones.totals)], true);
  return toBuffer(wb);
}

/**
 * Danh sách nhiệm vụ: every counted task with its deadlines and status at the report's day, whether it is a
 * key task, and its latest progress (of the reporting period `periodLabel` names, when one was asked).
 */
export async function tasksWorkbook(
  meta: ReportMeta,
  tasks: readonly ReportTaskProgressRow[],
  periodLabel: string | null = null,
  level: Classification = 'normal',
): Promise<Buffer> {
  const wb = workbook();
  const { addRow } = sheet(
    wb,
    'Danh sách nhiệm vụ',
    'DANH SÁCH NHIỆM VỤ VÀ TÌNH HÌNH THỰC HIỆN',
    meta,
    [
      { header: 'STT', width: 6 },
      { header: 'Mã nhiệm vụ', width: 16 },
      { header: 'Tên nhiệm vụ', width: 48 },
      { header: 'Văn bản chỉ đạo', width: 14 },
      { header: 'Cơ quan chủ trì', width: 28 },
      { header: 'Lĩnh vực', width: 16 },
      { header: 'Loại sản phẩm', width: 14 },
      { header: 'Hạn ban đầu', width: 12, format: DATE_FORMAT },
      { header: 'Hạn hiện hành', width: 12, format: DATE_FORMAT },
      { header: 'Trạng thái', width: 14 },
      { header: 'Tình hình thực hiện', width: 18 },
      { header: 'Ngày hoàn thành', width: 12, format: DATE_FORMAT },
      { header: 'Số ngày quá hạn', width: 9, format: '0' },
      { header: 'Nhiệm vụ trọng tâm', width: 10 },
      { header: periodLabel ? `Tiến độ (%) - ${periodLabel}` : 'Tiến độ (%)', width: 10, format: '0' },
      { header: 'Nội dung báo cáo tiến độ', width: 48 },
      { header: 'Ngày báo cáo', width: 12, format: DATE_FORMAT },
      { header: 'Số ngày làm việc quá hạn', width: 10, format: '0' },
    ],
    level,
  );
  tasks.forEach((t, i) =>
    addRow([
      i + 1,
      t.code,
      t.title,
      t.directive_number,
      t.lead_agency_name ?? '',
      fieldLabel(t.field),
      deliverableTypeLabel(t.deliverable_type),
      excelDate(t.original_due_date),
      excelDate(t.due_date),
      stateLabel(t.state),
      deadlineStatusLabel(t.status),
      excelDate(t.done_day),
      t.days_overdue ?? null,
      t.is_key ? 'x' : '',
      t.progress_percent,
      t.progress_narrative ?? '',
      t.progress_at ? excelDate(localDate(t.progress_at)) : null,
      t.working_days_overdue ?? null,
    ]),
  );
  return toBuffer(wb);
}
