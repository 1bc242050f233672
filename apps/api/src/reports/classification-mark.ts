import { CLASSIFICATION_STAMPS, higherClassification, type Classification } from '@dondoc/workflow';
import type ExcelJS from 'exceljs';

/** The highest of the levels (a document is as secret as the most secret thing it holds); 'normal' for none. */
export function highestLevel(levels: Iterable<Classification>): Classification {
  let level: Classification = 'normal';
  for (const l of levels) level = higherClassification(level, l);
  return level;
}

/** "MẬT", "TỐI MẬT", "TUYỆT MẬT"; null for an unclassified document. */
export function stampOf(level: Classification): string | null {
  return CLASSIFICATION_STAMPS[level];
}

/** What a report says of the classified tasks the reader is not cleared for; null when there are none. */
export function hiddenLine(hidden: number | undefined): string | null {
  return hidden ? `${hidden} nhiệm vụ mật không hiển thị / ${hidden} classified tasks not shown` : null;
}

/**
 * The stamp on every printed page of a sheet: the page header, on the left as Vietnamese document rules place the
 * mark (under the number and symbol), bold, in red. Every page kind is given, whatever the print settings choose.
 */
export function stampPageHeader(ws: ExcelJS.Worksheet, stamp: string): void {
  const header = `&L&"Times New Roman,Bold"&14&KFF0000${stamp}`;
  ws.headerFooter = { oddHeader: header, evenHeader: header, firstHeader: header };
}

/** The stamp as a boxed, bold cell at the top left of the sheet (A1, over `span` columns), for the reader on screen. */
export function stampCell(ws: ExcelJS.Worksheet, stamp: string, font: string, span = 2): void {
  ws.mergeCells(1, 1, 1, span);
  const cell = ws.getCell(1, 1);
  cell.value = stamp;
  cell.font = { name: font, size: 14, bold: true, color: { argb: 'FFFF0000' } };
  cell.alignment = { horizontal: 'center', vertical: 'middle' };
  const red = { style: 'medium' as const, color: { argb: 'FFFF0000' } };
  cell.border = { top: red, left: red, bottom: red, right: red };
  ws.getRow(1).height = 24;
}
