import { parseDirective } from './parse-directive.js';
import type { RegistryAgency } from './agency-matcher.js';
import { toCliOutput } from './cli-output.js';

// A registry of another province, with its own codes and ids.
const agencies: RegistryAgency[] = [
  { id: 'a1', code: 'btg', name: 'Ban Tuyên giáo Tỉnh ủy' },
  { id: 'a2', code: 'btc', name: 'Ban Tổ chức Tỉnh ủy' },
  { id: 'a3', code: 'ubkt', name: 'Ủy ban Kiểm tra Tỉnh ủy', aliases: ['UBKT Tỉnh ủy'] },
  { id: 'a4', code: 'bcs-ubnd', name: 'Ban cán sự đảng UBND tỉnh' },
  { id: 'a5', code: 'dd-hdnd', name: 'Đảng đoàn HĐND tỉnh' },
  { id: 'a6', code: 'du-qs', name: 'Đảng ủy Quân sự tỉnh' },
  { id: 'a7', code: 'du-ca', name: 'Đảng ủy Công an tỉnh' },
];

const CONCLUSION = `ĐẢNG BỘ TỈNH QUẢNG NAM
TỈNH ỦY QUẢNG NAM
*
Số 125-TB/TU
ĐẢNG CỘNG SẢN VIỆT NAM
Tam Kỳ, ngày 15 tháng 7 năm 2022

THÔNG BÁO KẾT LUẬN
của Ban Thường vụ Tỉnh ủy về tình hình thực hiện nhiệm vụ 6 tháng đầu năm, phương hướng nhiệm vụ 6 tháng cuối năm 2022

Ngày 12/7/2022, Ban Thường vụ Tỉnh uỷ đã họp nghe báo cáo tình hình thực hiện nhiệm vụ 6 tháng đầu năm 2022. Sau khi thảo luận, Ban Thường vụ Tỉnh ủy kết luận như sau:

I. KẾT QUẢ 6 THÁNG ĐẦU NĂM 2022

1. Tăng trưởng kinh tế đạt 7,5%, thu ngân sách đạt 65% dự toán năm 2022.
2. Hoàn thành 12/15 chỉ tiêu đề ra trong quý II-2022.

II. NHIỆM VỤ TRỌNG TÂM 6 THÁNG CUỐI NĂM 2022

1. Giao Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với Ban Tổ chức Tỉnh ủy và các cơ quan liên quan xây dựng Kế hoạch tổng kết 10 năm thực hiện Nghị quyết số 33-NQ/TW về văn hóa; hoàn thành trong quý III/2022.

2. Ban cán sự đảng UBND tỉnh lãnh đạo xây dựng Đề án phát triển du lịch biển đảo, trình Ban Thường vụ Tỉnh ủy trước ngày 30/11/2022.

3. Về công tác xây dựng Đảng, tập trung thực hiện các nội dung sau:
a) Giao Ủy ban Kiểm tra Tỉnh uỷ xây dựng Chương trình kiểm tra, giám sát năm 2023, hoàn thành trong tháng 12/2022.
b) Giao Ban Tổ chức Tỉnh ủy tham mưu Quy định về phân cấp quản lý cán bộ; thời gian: tháng 9/2022.
c) Các cấp ủy tiếp tục rà soát, bổ sung quy hoạch cán bộ.

4. Đảng đoàn HĐND tỉnh chỉ đạo tổ chức kỳ họp thường lệ cuối năm; thời gian thực hiện: năm 2022.

5. Tăng cường công tác tuyên truyền, vận động nhân dân (thời gian: thường xuyên).

6. Giao Sở Y tế phối hợp Ban cán sự đảng UBND tỉnh chuẩn bị phương án phòng, chống dịch bệnh mùa mưa bão.

Nơi nhận:
- Ban Bí thư Trung ương Đảng,
- Các đồng chí Tỉnh ủy viên,
- Lưu VPTU.

T/L BAN THƯỜNG VỤ
CHÁNH VĂN PHÒNG

Nguyễn Văn Minh
`;

describe('a numbered-prose conclusion of another province', () => {
  const parsed = parseDirective(CONCLUSION, { agencies });

  it('reads the header block', () => {
    expect(parsed.directive).toMatchObject({
      number: '125-TB/TU',
      kind: 'thong-bao-ket-luan',
      issuedAt: '2022-07-15',
      place: 'Tam Kỳ',
      issuer: 'Tỉnh ủy Quảng Nam',
      signer: 'Nguyễn Văn Minh',
    });
    expect(parsed.directive.title).toMatch(/^Thông báo kết luận của Ban Thường vụ Tỉnh ủy về tình hình/u);
    expect(parsed.period).toEqual({ text: '6 tháng cuối năm 2022', dueDate: '2022-12-31' });
  });

  it('skips the results section, the heading of the a) b) c) items, the recipients and the signature', () => {
    expect(parsed.tasks.map((t) => t.source.marker)).toEqual(['1', '2', 'a', 'b', 'c', '4', '5', '6']);
    const all = parsed.tasks.map((t) => t.text).join('\n');
    expect(all).not.toMatch(/Tăng trưởng kinh tế đạt|Nơi nhận|Nguyễn Văn Minh|VPTU/u);
  });

  it('reads who leads, who coordinates, what and when', () => {
    const rows = parsed.tasks.map((t) => [
      t.leadAgency?.code ?? t.leadAgency?.name ?? null,
      t.coordinatingAgencies.map((a) => a.code ?? a.name),
      t.deliverableType,
      t.dueDate,
      t.dueSource,
    ]);
    expect(rows).toEqual([
      ['btg', ['btc'], 'ke-hoach', '2022-09-30', 'stated'],
      ['bcs-ubnd', [], 'de-an', '2022-11-30', 'stated'],
      ['ubkt', [], 'chuong-trinh', '2022-12-31', 'stated'],
      ['btc', [], 'quy-dinh', '2022-09-30', 'stated'],
      [null, [], 'khac', '2022-12-31', 'document-period'],
      ['dd-hdnd', [], 'khac', '2022-12-31', 'stated'],
      [null, [], 'khac', null, 'stated'],
      ['Sở Y tế', ['bcs-ubnd'], 'khac', '2022-12-31', 'document-period'],
    ]);
    expect(parsed.tasks[6].recurring).toBe(true);
    expect(parsed.tasks[0].leadAgency).toMatchObject({ matched: true, id: 'a1', name: 'Ban Tuyên giáo Tỉnh ủy' });
  });

  it('titles a task by its work, not by its assignment', () => {
    expect(parsed.tasks[0].title).toBe('Xây dựng Kế hoạch tổng kết 10 năm thực hiện Nghị quyết số 33-NQ/TW về văn hóa');
    expect(parsed.tasks[0].text).toMatch(/^Giao Ban Tuyên giáo Tỉnh ủy chủ trì/u);
  });

  it('leaves an agency outside the registry for the Office to pick', () => {
    expect(parsed.tasks[7].leadAgency).toMatchObject({ matched: false, name: 'Sở Y tế', code: null });
    expect(parsed.unmatchedAgencies).toEqual(['Sở Y tế']);
  });

  it('points at the lines each task came from', () => {
    const lines = CONCLUSION.split('\n');
    for (const task of parsed.tasks) {
      expect(lines[task.source.startLine - 1]).toContain(task.text.split('\n')[0].slice(0, 20));
    }
  });

  it('prints the command-line shape', () => {
    const out = toCliOutput(parsed);
    expect(out.tasks[0]).toMatchObject({
      leadAgency: 'Ban Tuyên giáo Tỉnh ủy',
      coordinatingAgencies: ['Ban Tổ chức Tỉnh ủy'],
      dueText: 'hoàn thành trong quý III/2022',
      dueDate: '2022-09-30',
      deliverableType: 'ke-hoach',
    });
    expect(out.tasks[7].leadAgency).toBe('Sở Y tế');
  });
});

const MARKDOWN_TABLE = `TỈNH ỦY BẾN TRE
Số 15-KH/TU
Bến Tre, ngày 03 tháng 3 năm 2023

KẾ HOẠCH
thực hiện Nghị quyết số 29-NQ/TW về công nghiệp hóa, hiện đại hóa

Ban Thường vụ Tỉnh ủy ban hành Kế hoạch với các nhiệm vụ cụ thể như sau (kèm theo danh mục).

T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ

Trần Thị Lan

PHỤ LỤC NHIỆM VỤ

| STT | Nội dung nhiệm vụ | Sản phẩm | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |
|---|---|---|---|---|---|
| I | LĨNH VỰC KINH TẾ | | | | |
| 1 | Xây dựng Đề án phát triển công nghiệp chế biến | Đề án | BCS đảng UBND tỉnh | Ban Tuyên giáo Tỉnh uỷ | Quý II/2023 |
| 2 | Sơ kết 3 năm thực hiện Chương trình OCOP | Báo cáo | Ban cán sự đảng Ủy ban nhân dân tỉnh | | tháng 6/2023 |
| II | LĨNH VỰC QUỐC PHÒNG, AN NINH | | | | |
| 3 | Nghị quyết chuyên đề về xây dựng khu vực phòng thủ | Nghị quyết | Đảng ủy Quân sự tỉnh | Đảng ủy Công an tỉnh, Sở Tài chính | 6 tháng cuối năm 2023 |
| STT | Nội dung nhiệm vụ | Sản phẩm | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |
| 4 | Kế hoạch tổ chức diễn tập khu vực phòng thủ tỉnh | Kế hoạch | Ban Thường vụ Đảng ủy Quân sự tỉnh | Sở Nội vụ | Hằng năm |
`;

describe('a markdown catalog with columns in another order and group rows', () => {
  const parsed = parseDirective(MARKDOWN_TABLE, { agencies });

  it('reads the rows, not the group rows nor the repeated header', () => {
    expect(parsed.directive).toMatchObject({
      number: '15-KH/TU',
      kind: 'ke-hoach',
      issuer: 'Tỉnh ủy Bến Tre',
      signer: 'Trần Thị Lan',
    });
    expect(parsed.tasks.map((t) => t.source.marker)).toEqual(['1', '2', '3', '4']);
  });

  it('takes the field from the group row and the columns by their header', () => {
    expect(
      parsed.tasks.map((t) => [
        t.field,
        t.leadAgency?.code,
        t.coordinatingAgencies.map((a) => a.code ?? a.name),
        t.dueDate,
      ]),
    ).toEqual([
      ['economy', 'bcs-ubnd', ['btg'], '2023-06-30'],
      ['economy', 'bcs-ubnd', [], '2023-06-30'],
      ['defense_security', 'du-qs', ['du-ca', 'Sở Tài chính'], '2023-12-31'],
      ['defense_security', 'du-qs', ['Sở Nội vụ'], null],
    ]);
    expect(parsed.tasks.map((t) => t.deliverableType)).toEqual(['de-an', 'so-ket', 'nghi-quyet', 'ke-hoach']);
    expect(parsed.tasks[3]).toMatchObject({ recurring: true, dueText: 'Hằng năm' });
  });
});

const TAB_TABLE = [
  'DANH MỤC NHIỆM VỤ',
  'Thời hạn\tNội dung\tĐơn vị chủ trì\tTT',
  'Quý I và quý II-2024\tKế hoạch tuyên truyền kỷ niệm 95 năm Ngày thành lập Đảng\tBan Tuyên giáo Tỉnh ủy\t1',
  'Tháng 9/2024\tQuy chế phối hợp giữa Ủy ban Kiểm tra và Ban Tổ chức\tUBKT Tỉnh ủy\t2',
  '',
  'Thời hạn\tNội dung\tĐơn vị chủ trì\tTT',
  'Năm 2024\tChương trình giám sát chuyên đề của Ban Thường vụ về công tác cán bộ\tBan Tổ chức Tỉnh ủy\t3',
].join('\n');

describe('a tab-separated catalog whose number column comes last', () => {
  it('maps the columns by their header, not their position', () => {
    const parsed = parseDirective(TAB_TABLE, { agencies, today: '2024-01-15' });
    expect(parsed.tasks.map((t) => [t.deliverableType, t.leadAgency?.code, t.dueDate, t.milestones])).toEqual([
      ['ke-hoach', 'btg', '2024-06-30', ['2024-03-31']],
      ['quy-dinh', 'ubkt', '2024-09-30', []],
      ['chuong-trinh', 'btc', '2024-12-31', []],
    ]);
  });
});

const MONTHLY = `BAN THƯỜNG VỤ TỈNH ỦY
CHƯƠNG TRÌNH CÔNG TÁC THÁNG 3 NĂM 2022

A. VỀ TÌNH HÌNH THÁNG 02

1. Tổ chức tốt các hoạt động mừng Đảng, mừng Xuân Nhâm Dần 2022.
2. Kinh tế tiếp tục phục hồi, thu ngân sách đạt 20% dự toán.

B. NHIỆM VỤ TRỌNG TÂM THÁNG 3

1. Chỉ đạo tổ chức Hội nghị sơ kết công tác quý I-2022 của Ban Chấp hành Đảng bộ tỉnh.
2. Đẩy mạnh sản xuất vụ hè thu, phòng chống hạn mặn.
3. Tổ chức các hoạt động kỷ niệm ngày thành lập Đoàn TNCS Hồ Chí Minh.

Nơi nhận:
- Như trên.
`;

describe('a monthly program that first reviews the past month', () => {
  const parsed = parseDirective(MONTHLY, { agencies });

  it('keeps only the coming month’s tasks, due at its end', () => {
    expect(parsed.directive).toMatchObject({ kind: 'chuong-trinh-chi-dao', issuer: 'Ban Thường vụ Tỉnh ủy' });
    expect(parsed.tasks).toHaveLength(3);
    expect(parsed.tasks.every((t) => t.dueDate === '2022-03-31' && t.dueSource === 'document-period')).toBe(true);
    expect(parsed.tasks[0].text).toMatch(/^Chỉ đạo tổ chức Hội nghị sơ kết/u);
  });
});

const BULLETS_UNDER_FIELDS = `NGHỊ QUYẾT
về nhiệm vụ năm 2023

I- MỤC TIÊU
- Tăng trưởng kinh tế đạt 8%.

II- NHIỆM VỤ, GIẢI PHÁP
1. Về kinh tế
Để thực hiện các nhiệm vụ nêu trên, giao Ban cán sự đảng UBND tỉnh tham mưu xây dựng như sau:
- Xây dựng Đề án phát triển kinh tế ban đêm (thời gian hoàn thành trong quý II-2023).
- Xây dựng Danh mục dự án kêu gọi đầu tư năm 2023 (Giao Ban Tổ chức Tỉnh ủy phối hợp thực hiện; thời gian hoàn thành trong 6 tháng đầu năm 2023).
2. Về quốc phòng, an ninh
- Xây dựng Kế hoạch diễn tập khu vực phòng thủ (Giao Ban Thường vụ Đảng ủy Quân sự tỉnh chủ trì; thời gian hoàn thành trong quý IV-2023).

III- TỔ CHỨC THỰC HIỆN
- Giao Văn phòng Tỉnh ủy theo dõi, đôn đốc việc thực hiện.
`;

describe('a resolution with Roman sections and bullets under field headings', () => {
  const parsed = parseDirective(BULLETS_UNDER_FIELDS, { agencies });

  it('takes bullets as tasks, the section’s lead when a bullet names none, and the field from its heading', () => {
    expect(parsed.directive.kind).toBe('nghi-quyet');
    expect(
      parsed.tasks.map((t) => [t.source.origin, t.leadAgency?.code ?? null, t.field, t.dueDate, t.deliverableType]),
    ).toEqual([
      ['bullet', 'bcs-ubnd', 'economy', '2023-06-30', 'de-an'],
      ['bullet', 'bcs-ubnd', 'economy', '2023-06-30', 'danh-muc'],
      ['bullet', 'du-qs', 'defense_security', '2023-12-31', 'ke-hoach'],
    ]);
    expect(parsed.tasks[1].coordinatingAgencies.map((a) => a.code)).toEqual(['btc']);
  });
});

describe('input without tasks', () => {
  it('returns no tasks and says so', () => {
    const parsed = parseDirective('Hội nghị đã đánh giá kết quả 9 tháng đầu năm.', { agencies });
    expect(parsed.tasks).toEqual([]);
    expect(parsed.warnings.length).toBeGreaterThan(0);
  });
});

const UNNUMBERED_HEADINGS = `KẾT LUẬN
của Ban Thường vụ Huyện ủy về công tác 6 tháng đầu năm 2021

Kết quả 6 tháng đầu năm 2021
1. Hoàn thành đại hội chi bộ nhiệm kỳ 2020-2022.
2. Thu ngân sách đạt 60% dự toán.

Nhiệm vụ 6 tháng cuối năm 2021
1. Giao Ban Tuyên giáo Tỉnh ủy xây dựng kế hoạch tuyên truyền; hoàn thành trong quý III-2021.
2. Tập trung chỉ đạo sản xuất vụ mùa.
3. Kết quả thu ngân sách phải đạt 100% dự toán trong năm 2021.
`;

describe('headings written as plain lines', () => {
  const parsed = parseDirective(UNNUMBERED_HEADINGS, { agencies });

  it('drops the results and dates the rest by their own heading, not the reviewed half-year', () => {
    expect(parsed.tasks.map((t) => [t.source.startLine, t.dueDate, t.dueSource])).toEqual([
      [9, '2021-09-30', 'stated'],
      [10, '2021-12-31', 'document-period'],
      [11, '2021-12-31', 'stated'],
    ]);
    expect(parsed.period).toBeNull();
  });
});

const REVIEW_ITEM = `THÔNG BÁO KẾT LUẬN
của Thường trực Tỉnh ủy về công tác tháng 02 và nhiệm vụ tháng 3 năm 2022

1. Kết quả tháng 02: tổ chức Tết an toàn; hoàn thành 100% kế hoạch tiêm chủng.
2. Giao Ban Dân vận Tỉnh ủy chủ trì, phối hợp với Đảng đoàn HĐND tỉnh tổ chức hội nghị đối thoại với nhân dân.
`;

describe('a numbered item that reports results', () => {
  it('is not a task, and the month of the title dates the rest', () => {
    const parsed = parseDirective(REVIEW_ITEM, { agencies });
    expect(parsed.tasks).toHaveLength(1);
    expect(parsed.tasks[0]).toMatchObject({ dueDate: '2022-03-31', dueText: 'tháng 3 năm 2022' });
    expect(parsed.tasks[0].leadAgency).toMatchObject({ matched: false, name: 'Ban Dân vận Tỉnh ủy' });
    expect(parsed.tasks[0].coordinatingAgencies.map((a) => a.code)).toEqual(['dd-hdnd']);
  });
});

const VE_ITEMS = `KẾT LUẬN
của Ban Thường vụ Tỉnh ủy tại hội nghị ngày 05/9/2022

1. Về công tác tuyên truyền: giao Ban Tuyên giáo Tỉnh ủy chủ trì xây dựng kế hoạch tuyên truyền kỷ niệm ngày thành lập tỉnh, hoàn thành trong tháng 10/2022.
2. Về kinh tế
Giao Ban cán sự đảng UBND tỉnh chỉ đạo rà soát các dự án chậm tiến độ, báo cáo Ban Thường vụ Tỉnh ủy trong quý IV-2022.
`;

describe('numbered items that start with "Về ..."', () => {
  it('are tasks when nothing is numbered under them', () => {
    const parsed = parseDirective(VE_ITEMS, { agencies });
    expect(parsed.tasks.map((t) => [t.leadAgency?.code, t.dueDate, t.field])).toEqual([
      ['btg', '2022-10-31', 'party_building'],
      ['bcs-ubnd', '2022-12-31', 'economy'],
    ]);
  });
});

const PARTS_AND_DASHES = `CHỈ THỊ
của Ban Thường vụ Tỉnh ủy về tăng cường công tác phòng, chống tham nhũng năm 2023

PHẦN I. ĐÁNH GIÁ TÌNH HÌNH
1- Công tác phòng, chống tham nhũng đạt nhiều kết quả.

PHẦN II. NHIỆM VỤ TRỌNG TÂM
1- Giao Ban Nội chính Tỉnh ủy chủ trì xây dựng Kế hoạch kiểm tra việc thực hiện Chỉ thị; hoàn thành trong tháng 4 và tháng 5/2023.
2- Các cấp ủy tổ chức quán triệt Chỉ thị đến cán bộ, đảng viên; báo cáo kết quả vào tháng 12 hằng năm.
`;

describe('"PHẦN I" sections and "1-" items', () => {
  it('reads them like Roman sections and numbered items', () => {
    const parsed = parseDirective(PARTS_AND_DASHES, { agencies });
    expect(parsed.directive.kind).toBe('chi-thi');
    expect(parsed.tasks.map((t) => [t.leadAgency?.name ?? null, t.dueDate, t.milestones, t.recurring])).toEqual([
      ['Ban Nội chính Tỉnh ủy', '2023-05-31', ['2023-04-30'], false],
      [null, '2023-12-31', [], true],
    ]);
  });
});

const ROLES_IN_CELL = [
  'TT\tNội dung công việc\tCơ quan thực hiện\tThời gian',
  '1\tBáo cáo sơ kết 3 năm thực hiện Kết luận số 21-KL/TW\tBan Tổ chức Tỉnh ủy (chủ trì); Ban Tuyên giáo Tỉnh ủy (phối hợp)\tTrước ngày 15/11/2023',
  '2\tTờ trình về kiện toàn Ban Chỉ đạo\tUBKT Tỉnh ủy\t',
].join('\n');

describe('roles written after the names in a cell', () => {
  it('reads "(chủ trì)" and "(phối hợp)"', () => {
    const parsed = parseDirective(ROLES_IN_CELL, { agencies, today: '2023-06-01' });
    expect(
      parsed.tasks.map((t) => [
        t.deliverableType,
        t.leadAgency?.code,
        t.coordinatingAgencies.map((a) => a.code),
        t.dueDate,
      ]),
    ).toEqual([
      ['bao-cao', 'btc', ['btg'], '2023-11-15'],
      ['bao-cao', 'ubkt', [], null],
    ]);
  });
});

const DEADLINE_WORDINGS = `THÔNG BÁO KẾT LUẬN
của Thường trực Tỉnh ủy về công tác tháng 02 và nhiệm vụ tháng 3 năm 2022

1. Giao Ban Tuyên giáo Tỉnh ủy chủ trì tham mưu kế hoạch tuyên truyền, hoàn thành trong 10 ngày làm việc kể từ ngày nhận được Thông báo này.
2. Giao Ban Tổ chức Tỉnh ủy chủ trì rà soát quy hoạch cán bộ, hoàn thành trước ngày 20/3/2022.
3. Giao Ủy ban Kiểm tra Tỉnh ủy chủ trì kiểm tra, giám sát (thời gian: thường xuyên).
4. Giao Đảng ủy Công an tỉnh chủ trì tổng kết công tác, báo cáo chậm nhất là ngày 25 tháng 3 năm 2022.
5. Giao Đảng ủy Quân sự tỉnh chủ trì xây dựng đề án, trong mười lăm ngày làm việc kể từ ngày giao.
`;

describe('deadline wordings of a conclusion', () => {
  it('proposes working days, stated dates and continuous work', () => {
    const parsed = parseDirective(DEADLINE_WORDINGS, { agencies });
    expect(parsed.tasks.map((t) => [t.leadAgency?.code, t.dueDate, t.workingDays, t.continuous, t.dueSource])).toEqual([
      ['btg', null, { days: 10, from: 'received' }, false, 'stated'],
      ['btc', '2022-03-20', null, false, 'stated'],
      ['ubkt', null, null, true, 'stated'],
      ['du-ca', '2022-03-25', null, false, 'stated'],
      ['du-qs', null, { days: 15, from: 'assigned' }, false, 'stated'],
    ]);
    expect(parsed.tasks[0].dueText).toBe('hoàn thành trong 10 ngày làm việc kể từ ngày nhận được Thông báo này');
    expect(toCliOutput(parsed).tasks[4]).toMatchObject({ workingDays: { days: 15, from: 'assigned' } });
  });
});
