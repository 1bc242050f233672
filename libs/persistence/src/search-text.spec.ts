import { foldVietnamese } from './search-text.js';

describe('foldVietnamese', () => {
  it.each([
    ['Đề án cải cách hành chính', 'de an cai cach hanh chinh'],
    ['Ủy ban Kiểm tra', 'uy ban kiem tra'],
    ['Uỷ ban', 'uy ban'],
    ['  QUỐC   PHÒNG ', 'quoc phong'],
    ['khoá XI / khóa XI', 'khoa xi / khoa xi'],
  ])('%s → %s', (input, expected) => {
    expect(foldVietnamese(input)).toBe(expected);
  });

  it('treats composed and decomposed forms alike', () => {
    expect(foldVietnamese('Tuyên giáo'.normalize('NFD'))).toBe(foldVietnamese('Tuyên giáo'.normalize('NFC')));
  });
});
