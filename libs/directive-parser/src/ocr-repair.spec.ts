import { isNoiseLine, repairOcrNoise } from './ocr-repair.js';

describe('isNoiseLine', () => {
  it.each([
    'VĂN BẢN ĐẾN',
    'CÔNG VĂN ĐẾN',
    'ĐẾN',
    'Số: 1234 Ngày: 05/10/2022',
    'Đến Số: 512 Ngày: 05/10/2022 Giờ: 8h',
    'Chuyển: Đ/c Bình',
    'Lưu hồ sơ số 12',
    'Người ký: Văn phòng Tỉnh ủy',
    '2',
    '- 3 -',
    'Trang 2/5',
    'l',
    '.',
    "'i",
  ])('blanks %j', (line) => {
    expect(isNoiseLine(line)).toBe(true);
  });

  it.each([
    'Số: 1523/UBND-KT',
    'Số 312-TB/TU',
    'a)',
    'I.',
    '-',
    'Đến năm 2025, hoàn thành 100% chỉ tiêu.',
    '1. Giao Sở Y tế chủ trì.',
    'Nơi nhận:',
    'Lê Văn Phước',
  ])('keeps %j', (line) => {
    expect(isNoiseLine(line)).toBe(false);
  });
});

describe('repairOcrNoise', () => {
  it('keeps the number of lines, so line numbers still point into the input', () => {
    const text = 'Giao Sở Y tế\nVĂN BẢN ĐẾN\nSố: 12 Ngày: 1/1/2022\nchủ trì thực hi-\nện kế hoạch.';
    expect(repairOcrNoise(text).split('\n')).toHaveLength(5);
  });

  it('joins a word cut with a hyphen at the end of a line', () => {
    expect(repairOcrNoise('Ban Tuyên giáo chủ trì thực hi-\nện tuyên truyền.')).toBe(
      'Ban Tuyên giáo chủ trì thực hiện\ntuyên truyền.',
    );
  });

  it('joins a word cut without a hyphen when the document writes it whole elsewhere', () => {
    const text = 'Tổ chức thực hiện tốt.\nGiao Sở Y tế chủ trì thực hi\nện kế hoạch phòng dịch.';
    expect(repairOcrNoise(text).split('\n').slice(1)).toEqual([
      'Giao Sở Y tế chủ trì thực hiện',
      'kế hoạch phòng dịch.',
    ]);
  });

  it('leaves two words apart when both are words of the document ("phối" + "hợp")', () => {
    const text = 'Ban Tổ chức phối hợp với Ban Dân vận.\nGiao Sở Y tế chủ trì, phối\nhợp với Sở Tài chính.';
    expect(repairOcrNoise(text)).toBe(text);
  });

  it('blanks the incoming stamp between two lines of the body', () => {
    const text = 'Ban Thường vụ kết luận như sau:\nVĂN BẢN ĐẾN\nSố: 1234 Ngày: 22/7/2022\nChuyển: Đ/c Bình\n1. Kết quả';
    expect(repairOcrNoise(text)).toBe('Ban Thường vụ kết luận như sau:\n\n\n\n1. Kết quả');
  });
});
