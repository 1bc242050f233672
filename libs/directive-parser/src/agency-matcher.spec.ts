import fc from 'fast-check';
import { DEMO_AGENCIES } from '@dondoc/persistence';
import { createAgencyMatcher, expandAbbreviations, type AgencyMatch } from './agency-matcher.js';

const registry = DEMO_AGENCIES.map((a) => ({
  id: `id-${a.code}`,
  code: a.code,
  name: a.name,
  aliases: a.shortName ? [a.shortName] : [],
}));
const matcher = createAgencyMatcher(registry);
const codeOf = (m: AgencyMatch): string | null => (m.matched ? m.code : null);

describe('createAgencyMatcher', () => {
  it.each([
    ['Ban cán sự đảng Ủy ban nhân dân tỉnh', 'bcsd-ubnd'],
    ['Ban cán sự đảng UBND tỉnh', 'bcsd-ubnd'],
    ['BCS đảng UBND tỉnh', 'bcsd-ubnd'],
    ['Ban cán sự đảng Uỷ ban nhân dân tỉnh', 'bcsd-ubnd'],
    ['Ban Tuyên giáo Tỉnh ủy', 'ban-tuyen-giao'],
    ['Ban Tuyên giáo', 'ban-tuyen-giao'],
    ['BAN TUYÊN GIÁO TỈNH ỦY', 'ban-tuyen-giao'],
    ['Ban Tuyên giáo TU', 'ban-tuyen-giao'],
    ['ban tuyen giao tinh uy', 'ban-tuyen-giao'],
    ['Ban Tuyêngiáo Tỉnh ủy', 'ban-tuyen-giao'],
    ['Ủy ban Kiểm tra Tỉnh ủy', 'ubkt'],
    ['UBKT Tỉnh ủy', 'ubkt'],
    ['Ban Tổ chức Tỉnh uỷ', 'ban-to-chuc'],
    ['Ban Thường vụ Đảng ủy Quân sự tỉnh', 'dang-uy-quan-su'],
    ['BTV Đảng ủy Bộ đội Biên phòng tỉnh', 'dang-uy-bien-phong'],
    ['Đảng ủy Công an tỉnh', 'dang-uy-cong-an'],
    ['Đảng đoàn HĐND tỉnh', 'dang-doan-hdnd'],
    ['Trường Chính trị tỉnh', 'truong-chinh-tri'],
    ['Văn phòng Tỉnh ủy', 'van-phong'],
    ['Thành ủy Phú Quốc', 'thanh-uy-phu-quoc'],
    ['Đảng đoàn MTTQ tỉnh', 'dang-doan-mttq'],
  ])('%s → %s', (raw, code) => {
    const match = matcher.match(raw);
    expect(codeOf(match)).toBe(code);
    expect(match.matched && match.id).toBe(`id-${code}`);
  });

  it('leaves a body that is not in the registry for a person, with suggestions', () => {
    const ubnd = matcher.match('Ủy ban nhân dân tỉnh');
    expect(ubnd.matched).toBe(false);
    expect(!ubnd.matched && ubnd.candidates.map((c) => c.code)).toContain('bcsd-ubnd');
    expect(matcher.match('Sở Y tế').matched).toBe(false);
    // A merged board of another province must not be mistaken for either half.
    expect(matcher.match('Ban Tuyên giáo và Dân vận Tỉnh ủy').matched).toBe(false);
    expect(matcher.match('Ban Thường vụ Tỉnh ủy').matched).toBe(false);
  });

  it('keeps the raw name of an unmatched agency', () => {
    expect(matcher.match('  Sở   Nội vụ ')).toMatchObject({ matched: false, raw: 'Sở Nội vụ', name: 'Sở Nội vụ' });
  });

  it('matches every registry name whatever its case, Unicode form or tone placement', () => {
    const variants = (name: string): fc.Arbitrary<string> =>
      fc.tuple(fc.boolean(), fc.boolean(), fc.boolean()).map(([upper, nfd, old]) => {
        let v = old ? name.replace(/Ủy/g, 'Uỷ').replace(/ủy/g, 'uỷ').replace(/hóa/g, 'hoá') : name;
        if (upper) v = v.toUpperCase();
        if (nfd) v = v.normalize('NFD');
        return v;
      });
    fc.assert(
      fc.property(
        fc.constantFrom(...registry).chain((agency) => fc.tuple(fc.constant(agency.code), variants(agency.name))),
        ([code, spelled]) => codeOf(matcher.match(spelled)) === code,
      ),
    );
  });

  it('needs no registry to run', () => {
    expect(createAgencyMatcher([]).match('Ban Tổ chức Tỉnh ủy')).toMatchObject({ matched: false, candidates: [] });
  });
});

describe('expandAbbreviations', () => {
  it('expands capitals only', () => {
    expect(expandAbbreviations('BCS đảng UBND tỉnh')).toBe('Ban cán sự đảng Ủy ban nhân dân tỉnh');
    expect(expandAbbreviations('tư tưởng')).toBe('tư tưởng');
  });
});
