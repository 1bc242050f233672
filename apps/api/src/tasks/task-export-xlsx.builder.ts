import ExcelJS from 'exceljs';
import { daysOverdue, deadlineStatus, localDate } from '@dondoc/workflow';
import { highestLevel, stampCell, stampOf, stampPageHeader } from '../reports/classification-mark.js';
import { DATE_FORMAT, excelDate, FONT, landscapeSheet, THIN } from '../reports/report-xlsx.builder.js';
import { deadlineStatusLabel, localTime, stateLabel, viDate } from '../reports/report-labels.js';
import { toFacts } from './task-summary.js';
import type { TaskExportRow } from './task-export-rows.query.js';

const COLUMNS: { header: string; width: number; format?: string }[] = [
  { header: 'Mã', width: 14 },
  { header: 'Nhiệm vụ', width: 50 },
  { header: 'Văn bản', width: 16 },
  { header: 'Cơ quan chủ trì', width: 24 },
  { header: 'Cơ quan phối hợp', width: 30 },
  { header: 'Hạn', width: 12, format: DATE_FORMAT },
  { header: 'Tình trạng thời hạn', width: 14 },
  { header: 'Số ngày quá hạn', width: 10, format: '0' },
  { header: 'Trạng thái', width: 16 },
  { header: 'Nhiệm vụ trọng tâm', width: 10 },
  { header: 'Tiến độ (%)', width: 10, format: '0' },
  { header: 'Báo cáo tiến độ mới nhất', width: 48 },
  { header: 'Ngày báo cáo', width: 12, format: DATE_FORMAT },
];

/**
 * Exactly the given rows, in their order: the list on screen as a workbook (dates as dates, counts as numbers). A
 * classified row makes it a classified document: the stamp of the most secret row heads the sheet and every page.
 */
export async function taskExportWorkbook(
  rows: readonly TaskExportRow[],
  now: Date,
  dueSoonDays: number,
): Promise<Buffer> {
  const stamp = stampOf(highestLevel(rows.map((r) => r.classification)));
  // A title, the export time, a blank line, then the table; under the stamp when there is one.
  const top = stamp ? 1 : 0;
  const headerRow = 4 + top;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Đôn Đốc - Văn phòng Tỉnh ủy';
  wb.created = now;
  const ws = landscapeSheet(wb, 'Nhiệm vụ', headerRow, COLUMNS);
  const last = COLUMNS.length;
  if (stamp) {
    stampPageHeader(ws, stamp);
    stampCell(ws, stamp, FONT);
  }
  ws.mergeCells(1 + top, 1, 1 + top, last);
  ws.getCell(1 + top, 1).value = 'DANH SÁCH NHIỆM VỤ';
  ws.getCell(1 + top, 1).font = { name: FONT, size: 14, bold: true };
  ws.getCell(1 + top, 1).alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1 + top).height = 28;
  ws.mergeCells(2 + top, 1, 2 + top, last);
  const iso = now.toISOString();
  const today = new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
  ws.getCell(2 + top, 1).value =
    `Xuất lúc ${localTime(iso)} ngày ${viDate(today)} (giờ Việt Nam), ${rows.length} nhiệm vụ`;
  ws.getCell(2 + top, 1).font = { name: FONT, size: 12, italic: true };
  ws.getCell(2 + top, 1).alignment = { horizontal: 'center' };
  const header = ws.getRow(headerRow);
  COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { name: FONT, size: 12, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = THIN;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
  });
  header.height = 36;
  for (const r of rows) {
    const facts = toFacts(r);
    const values: (string | number | Date | null)[] = [
      r.code,
      r.title,
      r.directive_number,
      r.lead_agency_name ?? '',
      r.coordinating_agency_names.join('; '),
      excelDate(r.due_date),
      deadlineStatusLabel(deadlineStatus(facts, now, { dueSoonDays })),
      daysOverdue(facts, now),
      stateLabel(r.state),
      r.is_key ? 'x' : '',
      r.latest_percent,
      r.latest_narrative ?? '',
      r.latest_at ? excelDate(localDate(r.latest_at)) : null,
    ];
    const row = ws.addRow(values);
    COLUMNS.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      cell.border = THIN;
      cell.font = { name: FONT, size: 12 };
      cell.alignment = { vertical: 'top', wrapText: typeof values[i] === 'string' };
      if (c.format) cell.numFmt = c.format;
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
