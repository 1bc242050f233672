import { kindOfTitle, parseDirectiveMetadata } from './directive-metadata.parser.js';
import { normalizeText } from './normalize-text.js';

describe('kindOfTitle', () => {
  it.each([
    ['CHƯƠNG TRÌNH HÀNH ĐỘNG', 'chuong-trinh-hanh-dong'],
    ['CHƯƠNG TRÌNH chỉ đạo tháng 4-2021', 'chuong-trinh-chi-dao'],
    ['CHƯƠNG TRÌNH CÔNG TÁC THÁNG 3 NĂM 2022', 'chuong-trinh-chi-dao'],
    ['THÔNG BÁO KẾT LUẬN của Ban Thường vụ', 'thong-bao-ket-luan'],
    ['KẾT LUẬN của Ban Chấp hành', 'ket-luan'],
    ['NGHỊ QUYẾT về', 'nghi-quyet'],
    ['CHỈ THỊ về tăng cường', 'chi-thi'],
    ['KẾ HOẠCH thực hiện', 'ke-hoach'],
    ['Báo cáo', null],
  ])('%s → %s', (title, kind) => {
    expect(kindOfTitle(title)).toBe(kind);
  });
});

describe('parseDirectiveMetadata', () => {
  it('prefers the header "Số" to the numbers the text cites', () => {
    const text = normalizeText(
      [
        'TỈNH ỦY LONG AN',
        'Số 10-CT/TU',
        'Tân An, ngày 05 tháng 01 năm 2023',
        'CHỈ THỊ',
        'về thực hiện Nghị quyết số 45-NQ/TW',
        '',
        '1. Các cấp ủy quán triệt Chỉ thị số 05-CT/TW.',
        'T/M BAN THƯỜNG VỤ',
        'BÍ THƯ',
        'Nguyễn Văn Được',
      ].join('\n'),
    );
    expect(parseDirectiveMetadata(text, 6)).toMatchObject({
      number: '10-CT/TU',
      kind: 'chi-thi',
      issuedAt: '2023-01-05',
      place: 'Tân An',
      issuer: 'Tỉnh ủy Long An',
      signer: 'Nguyễn Văn Được',
      title: 'Chỉ thị về thực hiện Nghị quyết số 45-NQ/TW',
    });
  });
});

describe('header cells side by side and state-style numbers', () => {
  it('reads "Số" and the place and date from one line with two cells', () => {
    const text = normalizeText(
      [
        'TỈNH ỦY SÓC TRĂNG\tĐẢNG CỘNG SẢN VIỆT NAM',
        'Số 21-KL/TU\tSóc Trăng, ngày 09 tháng 11 năm 2022',
        '',
        'KẾT LUẬN',
        'của Ban Thường vụ Tỉnh ủy về công tác cải cách hành chính',
      ].join('\n'),
    );
    expect(parseDirectiveMetadata(text, 5)).toMatchObject({
      number: '21-KL/TU',
      issuedAt: '2022-11-09',
      place: 'Sóc Trăng',
      issuer: 'Tỉnh ủy Sóc Trăng',
      kind: 'ket-luan',
    });
  });

  it('reads a number written the state way', () => {
    const text = normalizeText(
      ['Số: 45/KH-UBND', 'Ngày 10 tháng 5 năm 2023', 'KẾ HOẠCH', 'triển khai Đề án 06'].join('\n'),
    );
    expect(parseDirectiveMetadata(text, 4)).toMatchObject({
      number: '45/KH-UBND',
      issuedAt: '2023-05-10',
      kind: 'ke-hoach',
    });
  });
});
