import { parseCatalogTables, parseDeclaredCount } from './catalog-table.parser.js';
import { normalizeText } from './normalize-text.js';

describe('parseCatalogTables', () => {
  it('joins a row cut by a page end and skips the header printed again', () => {
    const text = normalizeText(
      [
        'DANH MỤC CÁC ĐỀ ÁN',
        'TT\tCơ quan chủ trì\tTên đề án\tThời gian',
        '01\tBan Tổ chức Tỉnh ủy\tĐề án nâng cao chất lượng\tQuý II-2021',
        '\t\tcủa đội ngũ cán bộ cơ sở\t',
        '',
        'TT\tCơ quan chủ trì\tTên đề án\tThời gian',
        '02\tBan Dân vận Tỉnh ủy\tQuy chế <b>dân chủ</b> ở cơ sở\tQuý III-2021',
      ].join('\n'),
    );
    const [table] = parseCatalogTables(text);
    expect(table.caption).toBe('DANH MỤC CÁC ĐỀ ÁN');
    expect(table.columns).toEqual(['index', 'lead', 'title', 'due']);
    expect(table.rows.map((r) => [r.index, r.cells.title, r.startLine, r.endLine])).toEqual([
      ['01', 'Đề án nâng cao chất lượng của đội ngũ cán bộ cơ sở', 3, 4],
      ['02', 'Quy chế dân chủ ở cơ sở', 7, 7],
    ]);
  });

  it('ignores tab-separated text that has no header naming a title column', () => {
    expect(parseCatalogTables('a\tb\tc\n1\t2\t3\n4\t5\t6')).toEqual([]);
  });
});

describe('parseDeclaredCount', () => {
  it('reads the tally of a catalog note', () => {
    const note =
      'Ghi chú: Chương trình hành động đề ra 33 phần việc, gồm: xây dựng 13 đề án, 04 chương trình, 06 kế hoạch, ' +
      '01 quy định, 02 danh mục các dự án, 01 nghị quyết chuyên đề và sơ, tổng kết 06 chủ trương đã thực hiện.';
    const declared = parseDeclaredCount(note);
    expect(declared?.total).toBe(33);
    expect(declared?.counts.map((c) => c.count)).toEqual([13, 4, 6, 1, 2, 1, 6]);
  });
});
