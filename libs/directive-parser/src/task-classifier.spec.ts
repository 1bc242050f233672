import { classifyDeliverable, countWorkItems } from './task-classifier.js';

describe('classifyDeliverable: the deliverable the verb produces', () => {
  it.each([
    ['Xây dựng Đề án phát triển kinh tế ban đêm', 'de-an'],
    ['Ban hành Kế hoạch tuyên truyền kỷ niệm 95 năm Ngày thành lập Đảng', 'ke-hoach'],
    ['Ban hành Quy định về khuyến khích, bảo vệ cán bộ năng động, sáng tạo', 'quy-dinh'],
    ['Ban hành Quy chế làm việc của Ban Chỉ đạo', 'quy-dinh'],
    ['Ban hành Nghị quyết chuyên đề về xây dựng khu vực phòng thủ', 'nghi-quyet'],
    ['Xây dựng Chương trình phát triển văn hóa, con người xứ Nghệ', 'chuong-trinh'],
    ['Sơ kết 5 năm thực hiện Nghị quyết số 10-NQ/TU của Ban Thường vụ Tỉnh ủy', 'so-ket'],
    ['Tổng kết 10 năm thực hiện Chỉ thị số 33-CT/TW của Ban Bí thư', 'tong-ket'],
    ['Rà soát, ban hành danh mục các dự án ưu tiên kêu gọi đầu tư giai đoạn 2024-2030', 'danh-muc'],
    ['Văn phòng Tỉnh ủy tham mưu báo cáo kết quả 01 năm thực hiện Chương trình hành động này', 'bao-cao'],
  ])('%s → %s', (text, type) => {
    expect(classifyDeliverable(text)).toBe(type);
  });

  it.each([
    [
      'Giao Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với Ban Tổ chức Tỉnh ủy xây dựng Đề án nâng cao chất lượng sinh hoạt chi bộ',
      'de-an',
    ],
    ['Sở Y tế chủ trì tham mưu UBND tỉnh ban hành Kế hoạch phòng, chống sốt xuất huyết năm 2022', 'ke-hoach'],
    ['Đề nghị Ban cán sự đảng UBND tỉnh chỉ đạo xây dựng Đề án phát triển du lịch cộng đồng vùng Bảy Núi', 'de-an'],
    [
      'Ban Tổ chức Tỉnh ủy chủ trì, phối hợp với Văn phòng Tỉnh ủy tham mưu Ban Thường vụ Tỉnh ủy ban hành Quy định chức năng, nhiệm vụ của các cơ quan tham mưu',
      'quy-dinh',
    ],
    ['Đảng đoàn HĐND tỉnh lãnh đạo HĐND tỉnh ban hành Nghị quyết về chính sách hỗ trợ đầu tư hạ tầng', 'nghi-quyet'],
    ['Đảng đoàn HĐND tỉnh lãnh đạo HĐND tỉnh rà soát, ban hành danh mục dự án cần thu hồi đất năm 2023', 'danh-muc'],
    [
      'Giao Ban cán sự đảng UBND tỉnh tiếp thu ý kiến của Ban Thường vụ Tỉnh ủy, hoàn chỉnh Đề án, trình Hội nghị',
      'de-an',
    ],
    ['Ban Dân vận Tỉnh ủy tham mưu sơ kết 3 năm thực hiện Quy chế dân chủ ở cơ sở', 'so-ket'],
    ['Ban Tuyên giáo Tỉnh ủy hướng dẫn các huyện, thành ủy sơ kết 5 năm thực hiện Nghị quyết số 08-NQ/TU', 'so-ket'],
    [
      'Sở Nông nghiệp và Phát triển nông thôn tổng hợp, báo cáo UBND tỉnh kết quả thực hiện các nội dung trên',
      'bao-cao',
    ],
    ['Sở Tài chính tham mưu UBND tỉnh báo cáo HĐND tỉnh dự toán ngân sách địa phương năm 2023', 'bao-cao'],
    [
      'Văn phòng Tỉnh ủy theo dõi, đôn đốc việc thực hiện Chỉ thị này, tổng hợp báo cáo kết quả về Ban Thường vụ Tỉnh ủy',
      'bao-cao',
    ],
    ['UBND các huyện, thị xã, thành phố: Ban hành Kế hoạch chuyển đổi số năm 2023 của địa phương', 'ke-hoach'],
  ])('after the assignment: %s → %s', (text, type) => {
    expect(classifyDeliverable(text)).toBe(type);
  });

  it.each([
    ['Các huyện ủy, thị ủy, thành ủy quán triệt, xây dựng kế hoạch thực hiện Chỉ thị này', 'ke-hoach'],
    ['Đảng ủy Quân sự tỉnh chủ trì xây dựng đề án, trong mười lăm ngày làm việc kể từ ngày giao', 'de-an'],
    ['UBND tỉnh xây dựng chương trình phát triển đô thị tỉnh giai đoạn 2022-2030', 'chuong-trinh'],
    ['Triển khai việc xây dựng các đề án, kế hoạch theo Chương trình hành động', 'khac'],
  ])('in lower case, singular only: %s → %s', (text, type) => {
    expect(classifyDeliverable(text)).toBe(type);
  });

  it('keeps the first deliverable when a report follows it', () => {
    expect(
      classifyDeliverable(
        'Ban cán sự đảng UBND tỉnh lãnh đạo xây dựng Kế hoạch phát triển kinh tế - xã hội năm 2023, báo cáo kết quả thực hiện về Ban Thường vụ Tỉnh ủy',
      ),
    ).toBe('ke-hoach');
    expect(classifyDeliverable('Xây dựng Đề án phát triển du lịch để báo cáo Ban Chấp hành Đảng bộ tỉnh')).toBe(
      'de-an',
    );
  });

  it.each([
    'Tăng cường kiểm tra, kiểm soát địa bàn biên giới, phòng ngừa tội phạm ma túy',
    'Đẩy mạnh tuyên truyền, quán triệt Nghị quyết số 39-NQ/TW đến cán bộ, đảng viên',
    'Tập trung chỉ đạo thu hoạch lúa Thu Đông, chuẩn bị xuống giống vụ Đông Xuân',
    'Giao Ban cán sự đảng UBND tỉnh chỉ đạo thực hiện Kế hoạch số 125/KH-UBND về phát triển du lịch năm 2023',
    'Kế hoạch số 125/KH-UBND về phát triển du lịch năm 2023',
    'Giao Sở Tài chính cân đối, bố trí kinh phí thực hiện Kế hoạch từ nguồn sự nghiệp khoa học',
    'Ban Tuyên giáo Tỉnh ủy hướng dẫn tuyên truyền Nghị quyết số 06-NQ/TW và Kế hoạch này',
    'Đảng ủy Công an tỉnh lãnh đạo xây dựng phương án bảo đảm an ninh, an toàn tuyệt đối cho Hội nghị',
    'Sở Nông nghiệp chỉ đạo chăm sóc, thu hoạch lúa mùa, triển khai kế hoạch sản xuất vụ Đông',
    'Theo báo cáo của Sở Y tế, tình hình dịch bệnh diễn biến phức tạp',
  ])('other work is khac: %s', (text) => {
    expect(classifyDeliverable(text)).toBe('khac');
  });

  it('reads only the first sentence of a long item', () => {
    expect(
      classifyDeliverable(
        'Chỉ đạo tốt công tác chuẩn bị bầu cử đại biểu Quốc hội. Sơ kết quý I-2021 của cấp ủy và các cấp, các ngành.',
      ),
    ).toBe('khac');
  });
});

describe('countWorkItems', () => {
  it('counts each clause that produces a deliverable', () => {
    const items = countWorkItems(
      'Sơ kết Chương trình hành động số 33-CTr/TU; chỉ đạo Ủy ban nhân dân tỉnh xây dựng Kế hoạch thực hiện Chương trình mục tiêu quốc gia giảm nghèo',
    );
    expect(items.map((i) => i.type)).toEqual(['so-ket', 'ke-hoach']);
  });

  it('does not count a deliverable the work carries out', () => {
    const items = countWorkItems(
      'Sơ kết Nghị quyết về phát triển du lịch; trên cơ sở đó đề xuất chủ trương tiếp tục lãnh đạo. Đồng thời triển khai thực hiện Đề án phát triển nuôi biển',
    );
    expect(items.map((i) => i.type)).toEqual(['so-ket']);
  });
});
