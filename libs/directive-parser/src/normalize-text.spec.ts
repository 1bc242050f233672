import fc from 'fast-check';
import { agencyKey } from './agency-matcher.js';
import { foldWords, modernizeToneMarks, normalizeText, stripMarkup, toSentenceCase } from './normalize-text.js';

const VIETNAMESE_WORDS = [
  'Ủy',
  'Uỷ',
  'ban',
  'Kiểm',
  'tra',
  'Tỉnh',
  'ủy',
  'uỷ',
  'khóa',
  'khoá',
  'hòa',
  'hoà',
  'Thủy',
  'Thuỷ',
  'quý',
  'Đảng',
  'đoàn',
  'Hội',
  'đồng',
  'nhân',
  'dân',
  'tỉnh',
  'Tuyên',
  'giáo',
];
const phrase = fc.array(fc.constantFrom(...VIETNAMESE_WORDS), { minLength: 1, maxLength: 8 }).map((w) => w.join(' '));

describe('modernizeToneMarks', () => {
  it.each([
    ['Uỷ ban', 'Ủy ban'],
    ['UỶ BAN', 'ỦY BAN'],
    ['khoá XI', 'khóa XI'],
    ['hoà bình', 'hòa bình'],
    ['Thuỷ sản', 'Thủy sản'],
    ['quý II', 'quý II'],
    ['hoàn thành', 'hoàn thành'],
    ['khuỷu', 'khuỷu'],
  ])('%s → %s', (input, expected) => {
    expect(modernizeToneMarks(input)).toBe(expected);
  });

  it('is idempotent', () => {
    fc.assert(fc.property(phrase, (p) => modernizeToneMarks(modernizeToneMarks(p)) === modernizeToneMarks(p)));
  });
});

describe('foldWords', () => {
  it('ignores tone placement, Unicode form and case', () => {
    fc.assert(
      fc.property(phrase, fc.boolean(), fc.boolean(), (p, nfd, upper) => {
        let variant = modernizeToneMarks(p);
        if (nfd) variant = variant.normalize('NFD');
        if (upper) variant = variant.toUpperCase();
        return foldWords(variant) === foldWords(p);
      }),
    );
  });

  it('gives an agency the same key however it is spelled', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.boolean(), fc.boolean(), (oldTone, nfd, upper) => {
        let name = oldTone ? 'Uỷ ban Kiểm tra Tỉnh uỷ' : 'Ủy ban Kiểm tra Tỉnh ủy';
        if (nfd) name = name.normalize('NFD');
        if (upper) name = name.toUpperCase();
        return agencyKey(name) === 'uy ban kiem tra tinh uy';
      }),
    );
  });
});

describe('normalizeText', () => {
  it('keeps one output line per input line', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 20 }), (lines) => {
        const text = lines.join('\n');
        return normalizeText(text).split('\n').length === text.replace(/\r\n?/g, '\n').split('\n').length;
      }),
    );
  });

  it('removes markdown emphasis and HTML, keeps tabs between cells', () => {
    expect(normalizeText('- Xây dựng **Đề án** (*thời gian hoàn thành trong quý II-2021*).')).toBe(
      '- Xây dựng Đề án (thời gian hoàn thành trong quý II-2021).',
    );
    expect(normalizeText('21\tBan X\t<ul style="a"> <li>Đề án A</li><li>Danh mục B</li></ul>\tquý IV')).toBe(
      '21\tBan X\t- Đề án A - Danh mục B\tquý IV',
    );
    expect(stripMarkup('a&nbsp;b &amp; c')).toBe('a b & c');
  });
});

describe('toSentenceCase', () => {
  it('lowers a capitalised title but keeps the names of bodies', () => {
    expect(toSentenceCase('CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH')).toBe(
      'Chương trình hành động của Ban Chấp hành Đảng bộ tỉnh',
    );
    expect(toSentenceCase('Already mixed')).toBe('Already mixed');
  });
});
