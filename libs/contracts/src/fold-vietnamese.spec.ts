import fc from 'fast-check';
import { foldVietnamese, stripVietnameseMarks } from './fold-vietnamese.js';

describe('foldVietnamese', () => {
  // The form tasks.search_text is stored in: rows written before this module existed must still match.
  it.each([
    ['Đề án cải cách hành chính', 'de an cai cach hanh chinh'],
    ['Ủy ban Kiểm tra', 'uy ban kiem tra'],
    ['Uỷ ban', 'uy ban'],
    ['  QUỐC   PHÒNG ', 'quoc phong'],
    ['khoá XI / khóa XI', 'khoa xi / khoa xi'],
    ['Chương trình 07-CTr/TU,\tquý II-2021', 'chuong trinh 07-ctr/tu, quy ii-2021'],
    ['Ưu tiên Ơn Ư', 'uu tien on u'],
    ['', ''],
  ])('%s → %s', (input, expected) => {
    expect(foldVietnamese(input)).toBe(expected);
  });

  it('treats composed and decomposed forms alike', () => {
    expect(foldVietnamese('Tuyên giáo'.normalize('NFD'))).toBe(foldVietnamese('Tuyên giáo'.normalize('NFC')));
  });

  it('keeps words only when asked, as the directive parser compares them', () => {
    expect(foldVietnamese('Uỷ ban  Kiểm-tra (Tỉnh ủy)', { wordsOnly: true })).toBe('uy ban kiem tra tinh uy');
    expect(foldVietnamese('07-CTr/TU, quý II', { wordsOnly: true })).toBe('07 ctr tu quy ii');
    expect(foldVietnamese('— • —', { wordsOnly: true })).toBe('');
  });

  it('gives ASCII lower case without doubled or outer spaces, and is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.boolean(), (s, wordsOnly) => {
        const f = foldVietnamese(s, { wordsOnly });
        if (f !== f.trim() || / {2}/.test(f) || foldVietnamese(f, { wordsOnly }) !== f) return false;
        return !wordsOnly || /^[a-z0-9 ]*$/.test(f);
      }),
    );
  });

  it('folds every Vietnamese letter to its base letter', () => {
    const letters = 'aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ';
    const base = 'aaaaaaaaaaaaaaaaaaeeeeeeeeeeeeiiiiiioooooooooooooooooouuuuuuuuuuuuyyyyyyd';
    expect(foldVietnamese(letters)).toBe(base);
    expect(foldVietnamese(letters.toUpperCase())).toBe(base);
  });
});

describe('stripVietnameseMarks', () => {
  it('keeps case and every other character', () => {
    expect(stripVietnameseMarks('Báo cáo Đảng ủy 30-06-2021.xlsx')).toBe('Bao cao Dang uy 30-06-2021.xlsx');
  });
});
