import {
  isGenericAgency,
  looksLikeAgency,
  parseAssignment,
  splitAgencyList,
  splitAssignments,
  type Assignment,
} from './assignment.parser.js';

const lead = (text: string): string | null => parseAssignment(text).lead;

describe('parseAssignment', () => {
  it('reads "Giao X chủ trì, phối hợp với Y và Z"', () => {
    expect(
      parseAssignment(
        'Giao Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với Ban Tổ chức Tỉnh ủy, Ủy ban Kiểm tra Tỉnh ủy và các ' +
          'cơ quan liên quan tham mưu thực hiện; hoàn thành trong quý III/2022.',
      ),
    ).toEqual({ lead: 'Ban Tuyên giáo Tỉnh ủy', coordinating: ['Ban Tổ chức Tỉnh ủy', 'Ủy ban Kiểm tra Tỉnh ủy'] });
  });

  it('reads a table cell without "giao"', () => {
    expect(
      parseAssignment('Trường Chính trị tỉnh chủ trì, phối hợp với Ban Tổ chức Tỉnh ủy và các cơ quan liên tỉnh'),
    ).toEqual({
      lead: 'Trường Chính trị tỉnh',
      coordinating: ['Ban Tổ chức Tỉnh ủy'],
    });
  });

  it('reads "giao X tham mưu" and a label', () => {
    expect(lead('Để thực hiện, giao Ban cán sự đảng UBND tỉnh tham mưu xây dựng như sau:')).toBe(
      'Ban cán sự đảng UBND tỉnh',
    );
    expect(lead('Cơ quan chủ trì: Sở Kế hoạch và Đầu tư')).toBe('Sở Kế hoạch và Đầu tư');
  });

  it('does not take "Ban Tuyên giáo" for the verb "giao", nor a board name for a verb', () => {
    expect(lead('Ban Tuyên giáo Tỉnh ủy chủ trì')).toBe('Ban Tuyên giáo Tỉnh ủy');
    expect(lead('Giao Ban Tổ chức Tỉnh ủy chủ trì')).toBe('Ban Tổ chức Tỉnh ủy');
    expect(lead('Giao Ủy ban Kiểm tra Tỉnh ủy tham mưu')).toBe('Ủy ban Kiểm tra Tỉnh ủy');
    expect(lead('Sở Xây dựng chủ trì, phối hợp với Sở Giao thông vận tải kiểm tra chất lượng công trình.')).toBe(
      'Sở Xây dựng',
    );
  });

  it('names no lead when the text names only placeholders', () => {
    expect(parseAssignment('Giao các cấp ủy, chính quyền chủ trì thực hiện.')).toEqual({
      lead: null,
      coordinating: [],
    });
    expect(parseAssignment('Tăng cường công tác phối hợp nắm chắc tình hình.')).toEqual({
      lead: null,
      coordinating: [],
    });
  });

  it('shares the work of "Giao A và B chủ trì"', () => {
    expect(parseAssignment('Giao Ban Dân vận Tỉnh ủy và Đảng đoàn MTTQ tỉnh chủ trì thực hiện')).toEqual({
      lead: 'Ban Dân vận Tỉnh ủy',
      coordinating: ['Đảng đoàn MTTQ tỉnh'],
    });
  });

  it('names a helper, not a lead, in "Giao X phối hợp thực hiện"', () => {
    expect(parseAssignment('Xây dựng Danh mục dự án (Giao Ban Tổ chức Tỉnh ủy phối hợp thực hiện; quý II).')).toEqual({
      lead: null,
      coordinating: ['Ban Tổ chức Tỉnh ủy'],
    });
  });

  // The forms provinces write, each with the lead and the coordinators it names.
  it.each<[string, string, Assignment]>([
    [
      'giao cho',
      'Giao cho Sở Tài nguyên và Môi trường chủ trì, phối hợp với UBND huyện Châu Thành kiểm tra, xác minh nội ' +
        'dung phản ánh, báo cáo UBND tỉnh trước ngày 30/6/2023.',
      { lead: 'Sở Tài nguyên và Môi trường', coordinating: ['UBND huyện Châu Thành'] },
    ],
    [
      'thống nhất giao … tham mưu UBND tỉnh (not a coordinator)',
      'Thống nhất giao Sở Kế hoạch và Đầu tư chủ trì, phối hợp với Sở Tài chính tham mưu UBND tỉnh phân bổ chi ' +
        'tiết kế hoạch vốn đầu tư công năm 2024.',
      { lead: 'Sở Kế hoạch và Đầu tư', coordinating: ['Sở Tài chính'] },
    ],
    [
      'giao X phối hợp với Y (X leads)',
      'Giao Sở Y tế phối hợp với Sở Tài chính rà soát nhu cầu trang thiết bị của các trạm y tế xã.',
      { lead: 'Sở Y tế', coordinating: ['Sở Tài chính'] },
    ],
    [
      'đề nghị X',
      'Đề nghị Đảng đoàn MTTQ tỉnh chỉ đạo Ủy ban Mặt trận Tổ quốc các cấp vận động Nhân dân ủng hộ quỹ "Vì ' +
        'người nghèo".',
      { lead: 'Đảng đoàn MTTQ tỉnh', coordinating: [] },
    ],
    [
      'X có trách nhiệm',
      'Sở Kế hoạch và Đầu tư có trách nhiệm tổng hợp kết quả, báo cáo UBND tỉnh trước ngày 15 hằng tháng.',
      { lead: 'Sở Kế hoạch và Đầu tư', coordinating: [] },
    ],
    [
      'X chịu trách nhiệm',
      'Công an tỉnh chịu trách nhiệm bảo đảm an ninh, trật tự tại các điểm tổ chức lễ hội.',
      { lead: 'Công an tỉnh', coordinating: [] },
    ],
    [
      'X tham mưu UBND tỉnh',
      'Sở Nội vụ tham mưu UBND tỉnh ban hành Quy chế tuyển dụng công chức cấp xã, hoàn thành trong quý III/2023.',
      { lead: 'Sở Nội vụ', coordinating: [] },
    ],
    [
      'yêu cầu + a title',
      'Yêu cầu Giám đốc Sở Giao thông vận tải khẩn trương kiểm tra, khắc phục các điểm sạt lở trên tuyến tỉnh lộ 941.',
      { lead: 'Sở Giao thông vận tải', coordinating: [] },
    ],
    [
      'a group of district governments',
      'Yêu cầu Chủ tịch UBND các huyện, thị xã, thành phố chỉ đạo UBND cấp xã rà soát các hộ dân sống ven sông.',
      { lead: 'UBND các huyện, thị xã, thành phố', coordinating: [] },
    ],
    [
      'a group as subject, with "theo chức năng, nhiệm vụ được giao"',
      'Các sở, ngành tỉnh theo chức năng, nhiệm vụ được giao có trách nhiệm triển khai thực hiện Kế hoạch này.',
      { lead: 'Các sở, ngành tỉnh', coordinating: [] },
    ],
    [
      'two groups separated by ";"',
      'Các sở, ban, ngành tỉnh; UBND các huyện, thị xã, thành phố khẩn trương rà soát, báo cáo trước ngày 20/7/2023.',
      { lead: 'Các sở, ban, ngành tỉnh', coordinating: ['UBND các huyện, thị xã, thành phố'] },
    ],
    [
      'the district Party committees',
      'Các huyện ủy, thị ủy, thành ủy lãnh đạo, chỉ đạo tổ chức quán triệt Chỉ thị đến chi bộ.',
      { lead: 'Các huyện ủy, thị ủy, thành ủy', coordinating: [] },
    ],
    [
      'a comma inside the name, a hyphen inside another',
      'Sở Văn hóa, Thể thao và Du lịch chủ trì, phối hợp với Sở Lao động - Thương binh và Xã hội, Đài Phát thanh ' +
        'và Truyền hình tỉnh tổ chức Ngày hội văn hóa các dân tộc.',
      {
        lead: 'Sở Văn hóa, Thể thao và Du lịch',
        coordinating: ['Sở Lao động - Thương binh và Xã hội', 'Đài Phát thanh và Truyền hình tỉnh'],
      },
    ],
    [
      '"phối hợp" without "với"',
      'Bộ Chỉ huy Quân sự tỉnh chủ trì, phối hợp Công an tỉnh, Bộ Chỉ huy Bộ đội Biên phòng tỉnh xây dựng kế hoạch ' +
        'diễn tập.',
      { lead: 'Bộ Chỉ huy Quân sự tỉnh', coordinating: ['Công an tỉnh', 'Bộ Chỉ huy Bộ đội Biên phòng tỉnh'] },
    ],
    [
      'Ban Quản lý Khu kinh tế',
      'Giao Ban Quản lý Khu kinh tế tỉnh chủ trì rà soát quỹ đất khu công nghiệp.',
      { lead: 'Ban Quản lý Khu kinh tế tỉnh', coordinating: [] },
    ],
    [
      'two mass organisations as subject',
      'Hội Nông dân tỉnh, Liên minh Hợp tác xã tỉnh phối hợp với Sở Nông nghiệp và Phát triển nông thôn tuyên ' +
        'truyền, vận động thành lập tổ hợp tác.',
      {
        lead: 'Hội Nông dân tỉnh',
        coordinating: ['Liên minh Hợp tác xã tỉnh', 'Sở Nông nghiệp và Phát triển nông thôn'],
      },
    ],
    [
      'press agencies',
      'Báo An Giang, Đài Phát thanh và Truyền hình tỉnh tăng cường thông tin, tuyên truyền về bầu cử.',
      { lead: 'Báo An Giang', coordinating: ['Đài Phát thanh và Truyền hình tỉnh'] },
    ],
    [
      'Văn phòng UBND tỉnh',
      'Văn phòng UBND tỉnh theo dõi, đôn đốc việc thực hiện, báo cáo Chủ tịch UBND tỉnh.',
      { lead: 'Văn phòng UBND tỉnh', coordinating: [] },
    ],
    [
      'Thanh tra tỉnh',
      'Thanh tra tỉnh chủ trì, phối hợp với Sở Tài chính kiểm tra việc quản lý, sử dụng kinh phí.',
      { lead: 'Thanh tra tỉnh', coordinating: ['Sở Tài chính'] },
    ],
    [
      'Cục Thuế, Kho bạc Nhà nước',
      'Cục Thuế tỉnh phối hợp với Kho bạc Nhà nước tỉnh đôn đốc thu nộp ngân sách.',
      { lead: 'Cục Thuế tỉnh', coordinating: ['Kho bạc Nhà nước tỉnh'] },
    ],
    [
      'Chi cục',
      'Giao Chi cục Kiểm lâm tăng cường tuần tra, kiểm soát lâm sản.',
      { lead: 'Chi cục Kiểm lâm', coordinating: [] },
    ],
    [
      'Trung tâm',
      'Trung tâm Kiểm soát bệnh tật tỉnh hướng dẫn các địa phương tổ chức tiêm chủng.',
      { lead: 'Trung tâm Kiểm soát bệnh tật tỉnh', coordinating: [] },
    ],
    [
      'Ban cán sự đảng',
      'Ban cán sự đảng UBND tỉnh lãnh đạo UBND tỉnh tập trung tháo gỡ vướng mắc, đẩy nhanh giải ngân vốn.',
      { lead: 'Ban cán sự đảng UBND tỉnh', coordinating: [] },
    ],
    [
      'Ban cán sự Đảng (capital Đ), abbreviated',
      'BCS Đảng UBND tỉnh chỉ đạo xây dựng Đề án phát triển du lịch.',
      { lead: 'BCS Đảng UBND tỉnh', coordinating: [] },
    ],
    [
      'abbreviations of the Tỉnh ủy boards',
      'Giao UBKT TU chủ trì, phối hợp với BTC TU, VP TU tham mưu sơ kết Quy định số 22.',
      { lead: 'UBKT TU', coordinating: ['BTC TU', 'VP TU'] },
    ],
    [
      'Đảng đoàn HĐND',
      'Đảng đoàn HĐND tỉnh chỉ đạo tổ chức kỳ họp thường lệ cuối năm.',
      { lead: 'Đảng đoàn HĐND tỉnh', coordinating: [] },
    ],
    [
      'a district committee',
      'Huyện ủy Tri Tôn lãnh đạo hoàn thành các tiêu chí huyện nông thôn mới.',
      { lead: 'Huyện ủy Tri Tôn', coordinating: [] },
    ],
    [
      'a city committee',
      'Thành ủy Long Xuyên chỉ đạo đẩy nhanh tiến độ bồi thường, giải phóng mặt bằng.',
      { lead: 'Thành ủy Long Xuyên', coordinating: [] },
    ],
    [
      'Đảng ủy Khối',
      'Đảng ủy Khối các cơ quan tỉnh tổ chức sơ kết giữa nhiệm kỳ.',
      { lead: 'Đảng ủy Khối các cơ quan tỉnh', coordinating: [] },
    ],
    [
      'coordinators that are not new clauses',
      'Ban Tổ chức Tỉnh ủy chủ trì, phối hợp với Ban Tuyên giáo, Ủy ban Kiểm tra Tỉnh ủy tham mưu Quy định về phân cấp.',
      { lead: 'Ban Tổ chức Tỉnh ủy', coordinating: ['Ban Tuyên giáo', 'Ủy ban Kiểm tra Tỉnh ủy'] },
    ],
    [
      'a province named after "Tỉnh ủy"',
      'Giao Ban Tuyên giáo Tỉnh ủy An Giang chủ trì tổ chức hội thi.',
      { lead: 'Ban Tuyên giáo Tỉnh ủy An Giang', coordinating: [] },
    ],
    [
      'a lead-in before the subject',
      'Để kịp thời ứng phó với mùa mưa bão, Sở Nông nghiệp và Phát triển nông thôn chủ trì, phối hợp với Bộ Chỉ huy ' +
        'Quân sự tỉnh rà soát phương án.',
      { lead: 'Sở Nông nghiệp và Phát triển nông thôn', coordinating: ['Bộ Chỉ huy Quân sự tỉnh'] },
    ],
    [
      '"Về …:" before the subject',
      'Về công tác cán bộ: Ban Tổ chức Tỉnh ủy tham mưu Ban Thường vụ Tỉnh ủy quy trình bổ nhiệm.',
      { lead: 'Ban Tổ chức Tỉnh ủy', coordinating: [] },
    ],
    [
      '"Hằng năm" before the subject',
      'Hằng năm, Ủy ban Kiểm tra Tỉnh ủy tham mưu Tỉnh ủy, Ban Thường vụ Tỉnh ủy chương trình kiểm tra, giám sát.',
      { lead: 'Ủy ban Kiểm tra Tỉnh ủy', coordinating: [] },
    ],
    [
      'the lead in parentheses',
      'Xây dựng Kế hoạch tuyên truyền kỷ niệm 95 năm Ngày thành lập Đảng (Ban Tuyên giáo Tỉnh ủy chủ trì).',
      { lead: 'Ban Tuyên giáo Tỉnh ủy', coordinating: [] },
    ],
    [
      'labels for both',
      'Cơ quan chủ trì: Sở Kế hoạch và Đầu tư. Cơ quan phối hợp: Sở Tài chính, Sở Xây dựng.',
      { lead: 'Sở Kế hoạch và Đầu tư', coordinating: ['Sở Tài chính', 'Sở Xây dựng'] },
    ],
    [
      'the issuer giving the work',
      'Chủ tịch UBND tỉnh giao Sở Khoa học và Công nghệ chủ trì thẩm định công nghệ dự án.',
      { lead: 'Sở Khoa học và Công nghệ', coordinating: [] },
    ],
    [
      'the issuer asking a group',
      'UBND tỉnh yêu cầu các sở, ban, ngành tỉnh nghiêm túc triển khai thực hiện.',
      { lead: 'các sở, ban, ngành tỉnh', coordinating: [] },
    ],
    [
      'a group of Party bodies as coordinator',
      'Giao Văn phòng Tỉnh ủy và các ban của Tỉnh ủy theo dõi, đôn đốc thực hiện Chương trình hành động này.',
      { lead: 'Văn phòng Tỉnh ủy', coordinating: ['các ban của Tỉnh ủy'] },
    ],
    [
      'a name wrapped by the scan',
      'Đảng ủy Quân sự tỉnh chủ trì, phối hợp với Đảng ủy Bộ đội Biên\nphòng tỉnh xây dựng kế hoạch hiệp đồng.',
      { lead: 'Đảng ủy Quân sự tỉnh', coordinating: ['Đảng ủy Bộ đội Biên phòng tỉnh'] },
    ],
    [
      'a heading in capitals',
      'BAN TỔ CHỨC TỈNH ỦY CHỦ TRÌ, PHỐI HỢP VỚI VĂN PHÒNG TỈNH ỦY',
      { lead: 'BAN TỔ CHỨC TỈNH ỦY', coordinating: ['VĂN PHÒNG TỈNH ỦY'] },
    ],
    [
      'an agency label at the start of an item',
      'Sở Tài chính:\n- Chủ trì, phối hợp với Sở Kế hoạch và Đầu tư cân đối nguồn vốn.',
      { lead: 'Sở Tài chính', coordinating: ['Sở Kế hoạch và Đầu tư'] },
    ],
    [
      '"với sự phối hợp của"',
      'Ủy ban MTTQ Việt Nam tỉnh tổ chức Ngày hội Đại đoàn kết với sự phối hợp của Ban Dân vận Tỉnh ủy.',
      { lead: 'Ủy ban MTTQ Việt Nam tỉnh', coordinating: ['Ban Dân vận Tỉnh ủy'] },
    ],
  ])('%s', (_form, text, expected) => {
    expect(parseAssignment(text)).toEqual(expected);
  });

  // Text that assigns nothing, or only to placeholders.
  it.each([
    ['the audience of a Party directive', 'Các cấp ủy, tổ chức đảng tổ chức quán triệt Chỉ thị đến cán bộ, đảng viên.'],
    ['related bodies', 'Các cơ quan, đơn vị có liên quan có trách nhiệm phối hợp thực hiện.'],
    ['the issuer asking everyone', 'Ban Thường vụ Tỉnh ủy yêu cầu các cấp ủy, tổ chức đảng nghiêm túc thực hiện.'],
    [
      'the issuer speaking',
      'Xét đề nghị của Sở Tài chính tại Tờ trình số 45/TTr-STC ngày 12/5/2023, UBND tỉnh có ý kiến như sau:',
    ],
    ['"theo đề nghị của"', 'Theo đề nghị của Sở Y tế, Chủ tịch UBND tỉnh chỉ đạo như sau:'],
    [
      'a citizen’s petition',
      'Ông Nguyễn Văn A, ngụ ấp Hòa Long, xã An Hòa, có đơn đề nghị UBND tỉnh xem xét cấp giấy chứng nhận quyền sử ' +
        'dụng đất.',
    ],
    [
      'another petition that names agencies',
      'Bà Trần Thị B đề nghị UBND tỉnh chỉ đạo Sở Tài nguyên và Môi trường kiểm tra việc thu hồi đất.',
    ],
    ['voters', 'Cử tri huyện Tri Tôn đề nghị UBND tỉnh quan tâm đầu tư tuyến đường tỉnh 948.'],
    ['an agency’s own proposal reported', 'Sở Tài chính đề nghị UBND tỉnh bổ sung dự toán cho Sở Y tế.'],
    ['a conference', 'Hội nghị thống nhất đánh giá: kinh tế tiếp tục phục hồi.'],
    ['"Ban hành" is a verb', 'Ban hành kế hoạch kiểm tra; báo cáo kết quả về Ban Thường vụ Tỉnh ủy.'],
    ['a passive "được giao"', 'Hoàn thành các nhiệm vụ được giao, nhất là giải ngân vốn đầu tư công.'],
    ['a meeting "giao ban"', 'Duy trì họp giao ban hằng tháng giữa các cơ quan.'],
  ])('%s: no lead', (_case, text) => {
    expect(parseAssignment(text).lead).toBeNull();
  });
});

describe('splitAssignments', () => {
  it('splits a paragraph of three assignments into (agency, action) clauses', () => {
    const text =
      'Giao Ban cán sự đảng UBND tỉnh chỉ đạo rà soát, bổ sung quy hoạch tỉnh; Ban Tuyên giáo Tỉnh ủy chủ trì, phối ' +
      'hợp với Ban Dân vận Tỉnh ủy và Đảng đoàn MTTQ tỉnh tuyên truyền kết quả Đại hội; Ủy ban Kiểm tra Tỉnh ủy ' +
      'kiểm tra việc thực hiện, báo cáo Ban Thường vụ Tỉnh ủy.';
    const clauses = splitAssignments(text);
    expect(clauses.map((c) => [c.lead, c.coordinating])).toEqual([
      ['Ban cán sự đảng UBND tỉnh', []],
      ['Ban Tuyên giáo Tỉnh ủy', ['Ban Dân vận Tỉnh ủy', 'Đảng đoàn MTTQ tỉnh']],
      ['Ủy ban Kiểm tra Tỉnh ủy', []],
    ]);
    expect(clauses[0].start).toBe(0);
    expect(clauses[1].text).toBe(
      'Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với Ban Dân vận Tỉnh ủy và Đảng đoàn MTTQ tỉnh tuyên truyền kết quả ' +
        'Đại hội',
    );
    expect(clauses[2].end).toBe(text.length);
    for (const clause of clauses) expect(text.slice(clause.start, clause.end)).toBe(clause.text);
  });

  it('gives one clause, the whole text, for one assignment', () => {
    const text =
      'Giao Sở Y tế chủ trì, phối hợp với Sở Tài chính xây dựng kế hoạch; tổ chức tập huấn; báo cáo kết quả ' +
      'trước ngày 30/9/2023.';
    const clauses = splitAssignments(text);
    expect(clauses).toEqual([{ ...parseAssignment(text), start: 0, end: text.length, text }]);
    expect(clauses[0]).toMatchObject({ lead: 'Sở Y tế', coordinating: ['Sở Tài chính'] });
  });

  it('gives one clause without a lead for a paragraph that names no agency', () => {
    const text = 'Tăng cường công tác quản lý, bảo vệ rừng; xử lý kiên quyết hành vi khai thác trái phép.';
    expect(splitAssignments(text)).toEqual([{ lead: null, coordinating: [], start: 0, end: text.length, text }]);
    expect(splitAssignments('')).toEqual([{ lead: null, coordinating: [], start: 0, end: 0, text: '' }]);
  });

  it('never splits coordinators, separated by commas or semicolons', () => {
    expect(
      splitAssignments(
        'Ban Tổ chức Tỉnh ủy chủ trì, phối hợp với Ban Tuyên giáo, Ủy ban Kiểm tra Tỉnh ủy tham mưu Quy định.',
      ).map((c) => [c.lead, c.coordinating]),
    ).toEqual([['Ban Tổ chức Tỉnh ủy', ['Ban Tuyên giáo', 'Ủy ban Kiểm tra Tỉnh ủy']]]);
    expect(
      splitAssignments(
        'Sở Kế hoạch và Đầu tư chủ trì, phối hợp với Sở Tài chính; Sở Xây dựng; UBND các huyện, thị xã, thành phố ' +
          'thẩm định hồ sơ dự án.',
      ).map((c) => [c.lead, c.coordinating]),
    ).toEqual([['Sở Kế hoạch và Đầu tư', ['Sở Tài chính', 'Sở Xây dựng', 'UBND các huyện, thị xã, thành phố']]]);
  });

  it('never splits the work items of one agency', () => {
    const clauses = splitAssignments(
      'Ban Tuyên giáo Tỉnh ủy xây dựng kế hoạch; tổ chức tập huấn cho báo cáo viên; báo cáo kết quả về Ban Thường ' +
        'vụ Tỉnh ủy.',
    );
    expect(clauses).toHaveLength(1);
    expect(clauses[0].lead).toBe('Ban Tuyên giáo Tỉnh ủy');
  });

  it('splits at ", đồng thời" and at ". "', () => {
    expect(
      splitAssignments(
        'Sở Y tế chủ trì triển khai chiến dịch tiêm chủng, đồng thời Sở Tài chính bố trí kinh phí thực hiện. Sở ' +
          'Giáo dục và Đào tạo chỉ đạo các trường tuyên truyền cho học sinh.',
      ).map((c) => [c.lead, c.text]),
    ).toEqual([
      ['Sở Y tế', 'Sở Y tế chủ trì triển khai chiến dịch tiêm chủng'],
      ['Sở Tài chính', 'đồng thời Sở Tài chính bố trí kinh phí thực hiện.'],
      ['Sở Giáo dục và Đào tạo', 'Sở Giáo dục và Đào tạo chỉ đạo các trường tuyên truyền cho học sinh.'],
    ]);
  });

  it('splits at "; giao" and "; đề nghị", groups included', () => {
    expect(
      splitAssignments(
        'Giao Sở Tài nguyên và Môi trường hướng dẫn trình tự thu hồi đất; giao UBND các huyện, thị xã, thành phố ' +
          'tổ chức thực hiện; đề nghị Ủy ban MTTQ Việt Nam tỉnh và các tổ chức chính trị - xã hội tỉnh tuyên truyền, ' +
          'vận động Nhân dân.',
      ).map((c) => [c.lead, c.coordinating]),
    ).toEqual([
      ['Sở Tài nguyên và Môi trường', []],
      ['UBND các huyện, thị xã, thành phố', []],
      ['Ủy ban MTTQ Việt Nam tỉnh', ['các tổ chức chính trị - xã hội tỉnh']],
    ]);
  });

  it('keeps a first sentence without an agency with the assignment after it', () => {
    const text =
      'Tiếp tục rà soát các dự án chậm tiến độ. Giao Sở Kế hoạch và Đầu tư chủ trì, báo cáo UBND tỉnh trong quý IV.';
    expect(splitAssignments(text)).toEqual([
      { lead: 'Sở Kế hoạch và Đầu tư', coordinating: [], start: 0, end: text.length, text },
    ]);
  });

  it('keeps a helper with the clause it helps', () => {
    const clauses = splitAssignments(
      'Giao Sở Công Thương chủ trì kiểm tra thị trường dịp Tết; Sở Tài chính phối hợp thực hiện.',
    );
    expect(clauses.map((c) => [c.lead, c.coordinating])).toEqual([['Sở Công Thương', ['Sở Tài chính']]]);
  });

  it('keeps a subject list cut by semicolons whole', () => {
    expect(
      splitAssignments(
        'Các sở, ban, ngành tỉnh; UBND các huyện, thị xã, thành phố; các doanh nghiệp nhà nước có trách nhiệm báo cáo ' +
          'kết quả trước ngày 15/12/2023.',
      ).map((c) => c.lead),
    ).toEqual(['Các sở, ban, ngành tỉnh']);
  });

  it('reads the reply to a petition: the petition gives no lead, the instruction after it does', () => {
    const text =
      'Ông Nguyễn Văn A (ngụ ấp Tân Hiệp, xã Tân Tuyến) đề nghị UBND tỉnh xem xét bồi thường phần đất bị thu hồi. ' +
      'Về việc này, Chủ tịch UBND tỉnh giao Sở Tài nguyên và Môi trường chủ trì, phối hợp với UBND huyện Tri Tôn ' +
      'kiểm tra, báo cáo đề xuất trước ngày 15/8/2023.';
    expect(splitAssignments(text).map((c) => [c.lead, c.coordinating])).toEqual([
      ['Sở Tài nguyên và Môi trường', ['UBND huyện Tri Tôn']],
    ]);
    expect(parseAssignment(text).lead).toBe('Sở Tài nguyên và Môi trường');
  });

  it('splits the bullet lines of a letter', () => {
    const clauses = splitAssignments(
      'Giao các sở, ngành thực hiện các nội dung sau:\n- Sở Y tế chủ trì xây dựng phương án;\n- Sở Tài chính bố ' +
        'trí kinh phí;\n- Công an tỉnh bảo đảm an ninh, trật tự.',
    );
    expect(clauses.map((c) => c.lead)).toEqual(['các sở, ngành', 'Sở Y tế', 'Sở Tài chính', 'Công an tỉnh']);
    expect(clauses[1].text).toBe('- Sở Y tế chủ trì xây dựng phương án');
  });

  it('does not split a paragraph of a conclusion that names only placeholders', () => {
    const text =
      'Các tiểu ban phục vụ Đại hội, các cơ quan tham mưu giúp việc của Tỉnh ủy khẩn trương hoàn thành các công ' +
      'việc.\n\nCác cơ quan tham mưu giúp việc của Tỉnh ủy chủ động chuẩn bị dự thảo Quy chế làm việc.';
    expect(splitAssignments(text)).toHaveLength(1);
    expect(parseAssignment(text).lead).toBeNull();
  });

  it.each([
    ['assignments', 'Sở Y tế chủ trì, phối hợp với Sở Tài chính; xây dựng kế hoạch; '],
    ['a list of names', 'Sở Tài chính, '],
    ['a list of names cut by semicolons', 'phối hợp với Sở Tài chính; '],
    ['capitalised words', 'Bình Đại, '],
  ])('is linear in the length of the text: %s', (_case, unit) => {
    // A paragraph of about 8,000 and 32,000 characters, each parsed ten times (best of three): long enough for the
    // times to mean something, short enough for the collector not to.
    const time = (count: number): number => {
      const text = unit.repeat(count);
      let best = Infinity;
      for (let run = 0; run < 3; run++) {
        const started = performance.now();
        for (let k = 0; k < 10; k++) splitAssignments(text);
        best = Math.min(best, performance.now() - started);
      }
      return best;
    };
    const n = Math.round(8_000 / unit.length);
    time(n);
    const small = Math.max(time(n), 1);
    // Linear gives about 4×, quadratic 16×.
    expect(time(4 * n) / small).toBeLessThan(8);
  });
});

describe('splitAgencyList', () => {
  it('drops placeholders', () => {
    expect(splitAgencyList('Ban Tổ chức Tỉnh ủy, Văn phòng Tỉnh ủy và các cơ quan liên quan')).toEqual([
      'Ban Tổ chức Tỉnh ủy',
      'Văn phòng Tỉnh ủy',
    ]);
  });

  it('keeps names that contain "và" or a comma whole', () => {
    expect(splitAgencyList('Sở Văn hóa, Thể thao và Du lịch, Sở Y tế')).toEqual([
      'Sở Văn hóa, Thể thao và Du lịch',
      'Sở Y tế',
    ]);
    expect(splitAgencyList('Sở Lao động - Thương binh và Xã hội; Sở Kế hoạch và Đầu tư')).toEqual([
      'Sở Lao động - Thương binh và Xã hội',
      'Sở Kế hoạch và Đầu tư',
    ]);
  });

  it('keeps groups whole', () => {
    expect(splitAgencyList('Các sở, ban, ngành tỉnh; UBND các huyện, thị xã, thành phố')).toEqual([
      'Các sở, ban, ngành tỉnh',
      'UBND các huyện, thị xã, thành phố',
    ]);
  });
});

describe('looksLikeAgency and isGenericAgency', () => {
  it.each([
    'Sở Văn hóa, Thể thao và Du lịch',
    'UBND các huyện, thị xã, thành phố',
    'Các sở, ngành tỉnh',
    'Ban cán sự Đảng UBND tỉnh',
    'Đảng đoàn MTTQ tỉnh',
    'Liên minh Hợp tác xã tỉnh',
    'Kho bạc Nhà nước tỉnh',
  ])('%s is an agency', (name) => {
    expect(looksLikeAgency(name)).toBe(true);
    expect(isGenericAgency(name)).toBe(false);
  });

  it.each(['các cơ quan liên quan', 'các cơ quan, đơn vị có liên quan', 'các địa phương', 'các cấp ủy, chính quyền'])(
    '%s is a placeholder',
    (name) => {
      expect(looksLikeAgency(name)).toBe(false);
      expect(isGenericAgency(name)).toBe(true);
    },
  );

  it.each(['tốt công tác', 'Hội nghị', 'Ban hành kế hoạch', 'Trường hợp', 'Báo cáo kết quả'])(
    '%s is not an agency',
    (name) => {
      expect(looksLikeAgency(name)).toBe(false);
    },
  );
});
