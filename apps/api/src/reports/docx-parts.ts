import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';

/**
 * Where the documents come from. The demo province is Kiên Giang; a deployment for another province
 * changes these two lines (a setting for it belongs with the deployment issue).
 */
export const ISSUER = { party: 'TỈNH ỦY KIÊN GIANG', office: 'VĂN PHÒNG', place: 'Kiên Giang' } as const;

const FONT = 'Times New Roman';
const MM = 56.7; // twips per millimetre

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  underline?: boolean;
  size?: number;
}

export function run(text: string, s: RunStyle = {}): TextRun {
  return new TextRun({
    text,
    bold: s.bold,
    italics: s.italics,
    underline: s.underline ? {} : undefined,
    size: (s.size ?? 14) * 2,
    font: FONT,
  });
}

export function para(
  children: string | TextRun[],
  opts: { align?: 'center' | 'left' | 'right' | 'both'; indent?: boolean; after?: number; style?: RunStyle } = {},
): Paragraph {
  const align = {
    center: AlignmentType.CENTER,
    left: AlignmentType.LEFT,
    right: AlignmentType.RIGHT,
    both: AlignmentType.JUSTIFIED,
  }[opts.align ?? 'both'];
  return new Paragraph({
    alignment: align,
    indent: opts.indent ? { firstLine: Math.round(10 * MM) } : undefined,
    spacing: { after: opts.after ?? 120, line: 288 },
    children: typeof children === 'string' ? [run(children, opts.style)] : children,
  });
}

function cell(children: Paragraph[], widthPct: number, borders = true): TableCell {
  return new TableCell({
    children,
    width: { size: widthPct, type: WidthType.PERCENTAGE },
    verticalAlign: VerticalAlign.CENTER,
    borders: borders
      ? undefined
      : {
          top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
          bottom: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
          left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
          right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
        },
  });
}

/**
 * The heading block of a Party document (Hướng dẫn 36-HD/VPTW): on the left the issuing body and the
 * number left blank for the clerk; on the right "ĐẢNG CỘNG SẢN VIỆT NAM" (a Party body does not use the
 * state's "Cộng hòa xã hội chủ nghĩa Việt Nam" motto) over the place and a date to be filled in on signing.
 */
export function headingBlock(numberSuffix: string, year: number, subject?: string): Table {
  const left = [
    para(ISSUER.party, { align: 'center', after: 0 }),
    para([run(ISSUER.office, { bold: true })], { align: 'center', after: 0 }),
    para('*', { align: 'center', after: 0 }),
    para(`Số       -${numberSuffix}`, { align: 'center', after: 0 }),
    ...(subject ? [para([run(subject, { italics: true, size: 12 })], { align: 'center', after: 0 })] : []),
  ];
  const right = [
    para([run('ĐẢNG CỘNG SẢN VIỆT NAM', { bold: true, underline: true, size: 15 })], { align: 'center', after: 240 }),
    para([run(`${ISSUER.place}, ngày      tháng      năm ${year}`, { italics: true })], { align: 'center', after: 0 }),
  ];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: TableBorders.NONE,
    rows: [new TableRow({ children: [cell(left, 42, false), cell(right, 58, false)] })],
  });
}

/** A bordered table with a bold header row; numbers are centred, text is left-aligned. */
export function grid(headers: string[], widths: number[], rows: (string | number)[][], boldLast = false): Table {
  const size = 12;
  const header = new TableRow({
    tableHeader: true,
    children: headers.map((h, i) =>
      cell([para([run(h, { bold: true, size })], { align: 'center', after: 0 })], widths[i]),
    ),
  });
  const body = rows.map(
    (r, ri) =>
      new TableRow({
        children: r.map((v, i) =>
          cell(
            [
              para([run(String(v), { size, bold: boldLast && ri === rows.length - 1 })], {
                align: typeof v === 'number' ? 'center' : 'left',
                after: 0,
              }),
            ],
            widths[i],
          ),
        ),
      }),
  );
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...body] });
}

/** "Nơi nhận" on the left, the signer's block on the right (K/T: a deputy signs for the Chief of Office). */
export function signatureBlock(recipients: string[]): Table {
  const left = [
    para([run('Nơi nhận:', { bold: true, italics: true, size: 12 })], { align: 'left', after: 0 }),
    ...recipients.map((r) => para([run(r, { size: 11 })], { align: 'left', after: 0 })),
  ];
  const right = [
    para([run('K/T CHÁNH VĂN PHÒNG', { bold: true })], { align: 'center', after: 0 }),
    para([run('PHÓ CHÁNH VĂN PHÒNG', { bold: true })], { align: 'center', after: 1400 }),
    para([run('(Ký, ghi rõ họ tên)', { italics: true, size: 12 })], { align: 'center', after: 0 }),
  ];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: TableBorders.NONE,
    rows: [new TableRow({ children: [cell(left, 50, false), cell(right, 50, false)] })],
  });
}

/**
 * The classification mark (độ mật) of a classified document: bold capitals in a red box at the top left of every
 * page, where Vietnamese document rules place it (under the number and symbol).
 */
function stampHeader(stamp: string): Header {
  const red = { style: BorderStyle.SINGLE, size: 12, color: 'FF0000', space: 2 };
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.LEFT,
        border: { top: red, bottom: red, left: red, right: red },
        indent: { right: Math.round(120 * MM) },
        children: [new TextRun({ text: stamp, bold: true, size: 28, font: FONT, color: 'FF0000' })],
      }),
    ],
  });
}

/**
 * A4, the margins of Hướng dẫn 36 (top/bottom 20 mm, left 30 mm, right 15 mm), Times New Roman 14; a classified
 * document carries its `stamp` ("MẬT", "TỐI MẬT", "TUYỆT MẬT") in the header of every page.
 */
export async function pack(
  children: (Paragraph | Table)[],
  title: string,
  stamp: string | null = null,
): Promise<Buffer> {
  const doc = new Document({
    creator: 'Đôn Đốc - Văn phòng Tỉnh ủy',
    title,
    styles: { default: { document: { run: { font: FONT, size: 28 } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: Math.round(210 * MM), height: Math.round(297 * MM) },
            margin: {
              top: Math.round(20 * MM),
              bottom: Math.round(20 * MM),
              left: Math.round(30 * MM),
              right: Math.round(15 * MM),
            },
          },
        },
        ...(stamp ? { headers: { default: stampHeader(stamp) } } : {}),
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
