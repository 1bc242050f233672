import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_AGENCIES } from '@dondoc/persistence';
import { parseDirective } from '@dondoc/directive-parser';
import { ImportWorkerPool } from './import-worker-pool.js';
import { layoutText, linesOf, type LayoutPage, type PlacedText } from './pdf-layout.js';

const REPO = join(__dirname, '../../../..');
const FIXTURE = readFileSync(
  join(REPO, 'libs/directive-parser/fixtures/kien-giang-07-CTr-TU-action-program-2021.txt'),
  'utf8',
);
const agencies = DEMO_AGENCIES.map((a) => ({ code: a.code, name: a.name, aliases: a.shortName ? [a.shortName] : [] }));

/** A page of text pieces: each line a baseline and its pieces' left edges (12-point text, 6 points a letter). */
function page(lines: Array<[number, Array<[number, string]>]>, size = 12): LayoutPage {
  const pieces: PlacedText[] = lines.flatMap(([y, parts]) =>
    parts.map(([x, text]) => ({ text, x, y, width: text.length * size * 0.5, size })),
  );
  return { width: 595, lines: linesOf(pieces) };
}

describe('layoutText: a page laid out as text', () => {
  it('keeps prose in reading order, rejoins words pdf.js cut where the font changes, and a letterhead with a TAB', () => {
    const text = layoutText([
      page([
        // Items in no particular order, as a content stream may give them.
        [
          60,
          [
            [330, 'ĐẢNG CỘNG SẢN VIỆT NAM'],
            [60, 'TỈNH ỦY KIÊN GIANG'],
          ],
        ],
        [
          100,
          [
            [60, 'Ch'],
            [72, 'ươ'],
            [84, 'ng trình hành động'],
          ],
        ],
        [
          80,
          [
            [60, 'Số 07-CTr/TU'],
            [330, 'Rạch Giá, ngày 02 tháng 4 năm 2021'],
          ],
        ],
      ]),
    ]);
    expect(text.split('\n')).toEqual([
      'TỈNH ỦY KIÊN GIANG\tĐẢNG CỘNG SẢN VIỆT NAM',
      'Số 07-CTr/TU\tRạch Giá, ngày 02 tháng 4 năm 2021',
      'Chương trình hành động',
    ]);
  });

  // STT | Nội dung | Cơ quan chủ trì | Thời gian: columns at 60, 90, 300, 450.
  const header: Array<[number, Array<[number, string]>]> = [
    [
      100,
      [
        [62, 'STT'],
        [150, 'Nội dung'],
        [320, 'Cơ quan chủ'],
        [455, 'Thời gian'],
      ],
    ],
    [114, [[340, 'trì']]],
  ];

  it('puts each table row on one line, cells joined by TAB, wrapped cells and a row cut by a page joined', () => {
    const text = layoutText([
      page([
        [40, [[60, 'DANH MỤC NHIỆM VỤ']]],
        ...header,
        [
          140,
          [
            [62, '1'],
            [90, 'Xây dựng đề án phát triển'],
            [300, 'Ban cán sự đảng'],
            [450, 'Quý II-'],
          ],
        ],
        [
          154,
          [
            [90, 'nguồn nhân lực'],
            [300, 'UBND tỉnh'],
            [450, '2021'],
          ],
        ],
        [
          180,
          [
            [62, '2'],
            [90, 'Kế hoạch tuyên truyền'],
            [300, 'Ban Tuyên giáo'],
            [450, 'Quý III-2021'],
          ],
        ],
        [194, [[90, 'Nghị quyết Đại hội, phần']]],
      ]),
      page([
        // The header again at the top of the next page, then the rest of row 2, then row 3, then prose.
        ...header,
        [140, [[90, 'đầu']]],
        [
          166,
          [
            [62, '3'],
            [90, 'Tổng kết chỉ thị'],
            [300, 'Ban Tổ chức'],
            [450, 'Quý IV-2021'],
          ],
        ],
        [220, [[60, 'Ghi chú: Chương trình đề ra 3 phần việc, gồm các đề án và kế hoạch nêu trên.']]],
      ]),
    ]);
    expect(text.split('\n')).toEqual([
      'DANH MỤC NHIỆM VỤ',
      'STT\tNội dung\tCơ quan chủ trì\tThời gian',
      '1\tXây dựng đề án phát triển nguồn nhân lực\tBan cán sự đảng UBND tỉnh\tQuý II-2021',
      '2\tKế hoạch tuyên truyền Nghị quyết Đại hội, phần đầu\tBan Tuyên giáo\tQuý III-2021',
      '3\tTổng kết chỉ thị\tBan Tổ chức\tQuý IV-2021',
      'Ghi chú: Chương trình đề ra 3 phần việc, gồm các đề án và kế hoạch nêu trên.',
    ]);
  });

  it('finds a row whose index is centred vertically by the gap between rows', () => {
    const text = layoutText([
      page([
        ...header,
        // Row 1 takes three lines, its index on the middle one; rows are 24 points apart, lines 14.
        [
          140,
          [
            [90, 'Đề án nguồn'],
            [300, 'Ban cán sự'],
            [450, 'Quý II'],
          ],
        ],
        [
          154,
          [
            [62, '1'],
            [90, 'nhân lực'],
          ],
        ],
        [168, [[90, 'giai đoạn mới']]],
        [
          192,
          [
            [90, 'Kế hoạch'],
            [300, 'Ban Tuyên giáo'],
            [450, 'Quý III'],
          ],
        ],
        [
          206,
          [
            [62, '2'],
            [90, 'tuyên truyền'],
          ],
        ],
        [220, [[90, 'Nghị quyết']]],
      ]),
    ]);
    expect(text.split('\n').slice(1)).toEqual([
      '1\tĐề án nguồn nhân lực giai đoạn mới\tBan cán sự\tQuý II',
      '2\tKế hoạch tuyên truyền Nghị quyết\tBan Tuyên giáo\tQuý III',
    ]);
  });

  it('keeps a group heading across the table as a row of its own', () => {
    const text = layoutText([
      page([
        ...header,
        [
          140,
          [
            [62, 'I'],
            [90, 'LĨNH VỰC XÂY DỰNG ĐẢNG VÀ HỆ THỐNG CHÍNH TRỊ'],
          ],
        ],
        [
          160,
          [
            [62, '1'],
            [90, 'Đề án cán bộ'],
            [300, 'Ban Tổ chức'],
            [450, 'Quý II'],
          ],
        ],
        [
          180,
          [
            [62, '2'],
            [90, 'Quy định nêu gương'],
            [300, 'Ban Tuyên giáo'],
            [450, 'Quý III'],
          ],
        ],
      ]),
    ]);
    expect(text.split('\n').slice(1)).toEqual([
      'I\tLĨNH VỰC XÂY DỰNG ĐẢNG VÀ HỆ THỐNG CHÍNH TRỊ',
      '1\tĐề án cán bộ\tBan Tổ chức\tQuý II',
      '2\tQuy định nêu gương\tBan Tuyên giáo\tQuý III',
    ]);
  });
});

describe('a PDF with a catalog table (07-CTr/TU, made by Chromium)', () => {
  const pool = new ImportWorkerPool();
  afterAll(() => pool.close());

  /** The fixture's catalog rows: index → cells. */
  const expected = new Map(
    FIXTURE.split('\n')
      .filter((l) => /^\d{2}\t/.test(l))
      .map((l) => {
        const cells = l.split('\t');
        return [cells[0], cells] as const;
      }),
  );

  it('reads its 27 rows one a line, the index, lead and deadline cells as the catalog has them', async () => {
    const file = readFileSync(join(REPO, 'test/fixtures/directives/07-CTr-TU.pdf'));
    const result = await pool.run({
      file: { originalname: '07-CTr-TU.pdf', buffer: file },
      agencies,
      today: '2021-04-10',
    });
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result).toMatchObject({ kind: 'pdf', ocr: false, pages: 11 });
    const lines = result.text.split('\n');
    expect(lines.filter((l) => /^TT\t/.test(l))).toEqual([
      'TT\tCơ quan phân công chủ trì\tTên đề án, chương trình, kế hoạch\tThời gian thực hiện',
    ]);
    const rows = lines.filter((l) => /^\d{2}\t/.test(l)).map((l) => l.split('\t'));
    expect(rows.map((r) => r[0])).toEqual([...expected.keys()]);
    for (const row of rows) {
      const want = expected.get(row[0])!;
      expect({ row: row[0], lead: row[1], due: row[3] }).toEqual({ row: want[0], lead: want[1], due: want[3] });
    }
    // A wrapped title is whole again, hyphenated line ends included ("47-" + "CTr/TU").
    expect(rows[0][2]).toBe(expected.get('01')![2]);
    expect(rows[13][2]).toBe(expected.get('14')![2]);
    expect(rows[20][2]).toMatch(/^- Đề án tăng cường .* - Xây dựng Danh mục .*giai đoạn 2021-2025\.$/);

    // And the parser proposes what it proposes from the fixture's own text.
    const fromText = parseDirective(FIXTURE, { agencies, today: '2021-04-10' });
    const fromPdf = result.parsed;
    expect(fromPdf.tasks).toHaveLength(27);
    expect(fromPdf.tasks.map((t) => [t.source.marker, t.leadAgency?.code ?? null, t.dueDate])).toEqual(
      fromText.tasks.map((t) => [t.source.marker, t.leadAgency?.code ?? null, t.dueDate]),
    );
    expect(fromPdf.directive).toMatchObject({ number: '07-CTr/TU', signer: 'Đỗ Thanh Bình' });
  });
});
