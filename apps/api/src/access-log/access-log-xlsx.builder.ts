import type { AccessLogRowDto } from '@dondoc/contracts';
import ExcelJS from 'exceljs';
import { localTime, viDate } from '../reports/report-labels.js';
import { FONT, landscapeSheet, THIN } from '../reports/report-xlsx.builder.js';

const VIETNAM_OFFSET_MS = 7 * 3_600_000;

const ROLE: Record<string, string> = {
  office: 'Văn phòng Tỉnh ủy',
  standing_committee: 'Ban Thường vụ',
  agency: 'Cơ quan',
  inspector: 'Ủy ban Kiểm tra',
  admin: 'Quản trị hệ thống',
};
const ACTION: Record<AccessLogRowDto['action'], string> = {
  list: 'Xem trong danh sách',
  detail: 'Xem chi tiết',
  download: 'Tải tệp',
  export: 'Xuất tệp',
  report: 'Xem báo cáo',
  stream: 'Nhận trực tiếp',
};
const KIND: Record<AccessLogRowDto['itemKind'], string> = { task: 'Nhiệm vụ', directive: 'Văn bản', file: 'Tệp' };
const LEVEL: Record<AccessLogRowDto['classification'], string> = {
  normal: 'Thường',
  confidential: 'Mật',
  secret: 'Tối mật',
  top_secret: 'Tuyệt mật',
};

const COLUMNS: { header: string; width: number; format?: string }[] = [
  { header: 'Thời điểm (giờ Việt Nam)', width: 20, format: 'dd/mm/yyyy hh:mm:ss' },
  { header: 'Người đọc', width: 26 },
  { header: 'Vai trò', width: 18 },
  { header: 'Hành động', width: 18 },
  { header: 'Đối tượng', width: 10 },
  { header: 'Mã nhiệm vụ', width: 16 },
  { header: 'Độ mật', width: 10 },
  { header: 'Đường dẫn', width: 48 },
  { header: 'Phương thức', width: 10 },
  { header: 'Mã yêu cầu', width: 38 },
  { header: 'Địa chỉ', width: 18 },
  { header: 'Mã nhiệm vụ (id)', width: 38 },
  { header: 'Văn bản (id)', width: 38 },
  { header: 'Tệp (id)', width: 38 },
  { header: 'Số thứ tự bản ghi', width: 12 },
];
const HEADER_ROW = 4;

/** The record of access as a workbook, in the house style of the other exports; `total` counts every match. */
export async function accessLogWorkbook(rows: readonly AccessLogRowDto[], total: number, now: Date): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Đôn Đốc - Văn phòng Tỉnh ủy';
  wb.created = now;
  const ws = landscapeSheet(wb, 'Nhật ký truy cập', HEADER_ROW, COLUMNS);
  const last = COLUMNS.length;
  ws.mergeCells(1, 1, 1, last);
  ws.getCell(1, 1).value = 'NHẬT KÝ TRUY CẬP NHIỆM VỤ MẬT';
  ws.getCell(1, 1).font = { name: FONT, size: 14, bold: true };
  ws.getCell(1, 1).alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 28;
  ws.mergeCells(2, 1, 2, last);
  const iso = now.toISOString();
  const today = new Date(now.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
  const count = rows.length < total ? `${rows.length} lượt đọc mới nhất trong ${total}` : `${total} lượt đọc`;
  ws.getCell(2, 1).value = `Xuất lúc ${localTime(iso)} ngày ${viDate(today)} (giờ Việt Nam), ${count}`;
  ws.getCell(2, 1).font = { name: FONT, size: 12, italic: true };
  ws.getCell(2, 1).alignment = { horizontal: 'center' };
  const header = ws.getRow(HEADER_ROW);
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
    const values: (string | number | Date | null)[] = [
      // Excel has no time zones: the Vietnamese wall-clock time, written as if it were UTC.
      new Date(Date.parse(r.at) + VIETNAM_OFFSET_MS),
      r.user.fullName ?? '',
      r.user.role ? (ROLE[r.user.role] ?? r.user.role) : '',
      ACTION[r.action],
      KIND[r.itemKind],
      r.taskCode ?? '',
      LEVEL[r.classification],
      r.path ?? '',
      r.method ?? '',
      r.requestId ?? '',
      r.address ?? '',
      r.taskId ?? '',
      r.directiveId ?? '',
      r.fileId ?? '',
      r.id,
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
