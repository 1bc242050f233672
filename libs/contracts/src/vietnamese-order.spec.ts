import { compareVietnamese, sortByVietnamese } from './vietnamese-order.js';

describe('compareVietnamese', () => {
  // The agency names users saw in byte order ("Ban Tổ chức" before "Ban cán sự", "Ủy ban Kiểm tra" last).
  const expected = ['Ban cán sự', 'Ban Dân vận', 'Ban Tổ chức', 'Ban Tuyên giáo', 'Ủy ban Kiểm tra', 'Văn phòng'];

  it('runs on an ICU that knows Vietnamese (a small-icu Node would silently fall back to the root order)', () => {
    expect(Intl.Collator.supportedLocalesOf(['vi'])).toEqual(['vi']);
  });

  it('orders the real agency names as Vietnamese readers expect, whatever order they come in', () => {
    for (const input of [[...expected].reverse(), [...expected].sort(), [3, 0, 5, 1, 4, 2].map((i) => expected[i])]) {
      expect([...input].sort(compareVietnamese)).toEqual(expected);
    }
  });

  it('is not the byte order the bug showed', () => {
    expect([...expected].sort()).not.toEqual(expected);
  });

  it.each([
    ['Ủy ban', 'Văn phòng'], // Ủ sorts with U
    ['Dân vận', 'Đảng ủy'], // đ is a letter after d
    ['Ban cán sự', 'Ban Dân vận'], // case does not come first
    ['Ban Tổ chức', 'Ban Tuyên giáo'], // ô sorts with o
    ['Ban an', 'Ban ăn'], // ă is a letter after a
    ['Chi bộ 2', 'Chi bộ 10'], // numbers by value
  ])('%s before %s', (a, b) => {
    expect(compareVietnamese(a, b)).toBeLessThan(0);
    expect(compareVietnamese(b, a)).toBeGreaterThan(0);
  });

  it.each([
    ['Uỷ ban', 'Ủy ban'],
    ['ban tổ chức', 'Ban Tổ chức'],
    ['Ban Tuyên giáo'.normalize('NFD'), 'Ban Tuyên giáo'.normalize('NFC')],
  ])('%s ties with %s', (a, b) => {
    expect(compareVietnamese(a, b)).toBe(0);
  });
});

describe('sortByVietnamese', () => {
  it('sorts a copy by the key, keeping the input order of ties', () => {
    const items = [
      { code: 'vp', name: 'Văn phòng' },
      { code: 'ubkt-2', name: 'Uỷ ban Kiểm tra' },
      { code: 'ubkt', name: 'Ủy ban Kiểm tra' },
      { code: 'bcs', name: 'Ban cán sự' },
    ];
    const sorted = sortByVietnamese(items, (a) => a.name);
    expect(sorted.map((a) => a.code)).toEqual(['bcs', 'ubkt-2', 'ubkt', 'vp']);
    expect(items[0].code).toBe('vp');
  });
});
