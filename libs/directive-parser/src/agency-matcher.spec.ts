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

  // Abbreviations and spellings of the Tỉnh ủy's agencies; other provinces name them the same way, with their name.
  it.each([
    ['BTV Tỉnh ủy', null],
    ['BTG TU', 'ban-tuyen-giao'],
    ['BTGTU', 'ban-tuyen-giao'],
    ['UBKT TU', 'ubkt'],
    ['UBKTTU', 'ubkt'],
    ['BTC TU', 'ban-to-chuc'],
    ['BDV TU', 'ban-dan-van'],
    ['BNC TU', 'ban-noi-chinh'],
    ['VP TU', 'van-phong'],
    ['VPTU', 'van-phong'],
    ['ĐĐ HĐND tỉnh', 'dang-doan-hdnd'],
    ['Đảng đoàn HĐND', 'dang-doan-hdnd'],
    ['Đảng đoàn MTTQ', 'dang-doan-mttq'],
    ['Đảng đoàn Ủy ban MTTQ Việt Nam tỉnh', 'dang-doan-mttq'],
    ['Ban cán sự Đảng UBND tỉnh', 'bcsd-ubnd'],
    ['BCSĐ UBND tỉnh', 'bcsd-ubnd'],
    ['Ban Tuyên giáo Tỉnh ủy An Giang', 'ban-tuyen-giao'],
    ['Ủy ban Kiểm tra Tỉnh ủy Đồng Tháp', 'ubkt'],
    ['Đảng ủy Quân sự tỉnh Cà Mau', 'dang-uy-quan-su'],
    ['ĐUQS tỉnh', 'dang-uy-quan-su'],
    ['Đảng ủy Khối các cơ quan tỉnh', 'dang-uy-khoi-co-quan'],
    // The Standing Committee acts for its committee.
    ['Ban Thường vụ Huyện ủy Giồng Riềng', 'huyen-uy-giong-rieng'],
    ['Tỉnh đoàn', null],
  ])('%s → %s', (raw, code) => {
    expect(codeOf(matcher.match(raw))).toBe(code);
  });

  // Government agencies and district bodies of any province: none is in the (Party) registry, and none may be
  // taken for a Party agency that shares a word ("Công an tỉnh" is not "Đảng ủy Công an tỉnh").
  const OUTSIDE = [
    'Sở Tài chính',
    'Sở Kế hoạch và Đầu tư',
    'Sở Khoa học và Công nghệ',
    'Sở Văn hóa, Thể thao và Du lịch',
    'Sở Lao động - Thương binh và Xã hội',
    'Sở Nội vụ',
    'Sở Tư pháp',
    'Sở Xây dựng',
    'Sở Y tế',
    'Sở Giáo dục và Đào tạo',
    'Sở Tài nguyên và Môi trường',
    'Sở Nông nghiệp và Phát triển nông thôn',
    'Sở Thông tin và Truyền thông',
    'Sở Công Thương',
    'Sở Giao thông vận tải',
    'Công an tỉnh',
    'Bộ Chỉ huy Quân sự tỉnh',
    'Bộ Chỉ huy Bộ đội Biên phòng tỉnh',
    'Bộ đội Biên phòng tỉnh',
    'UBND tỉnh',
    'HĐND tỉnh',
    'MTTQ tỉnh',
    'Ủy ban MTTQ Việt Nam tỉnh',
    'Văn phòng UBND tỉnh',
    'Văn phòng Đoàn ĐBQH và HĐND tỉnh',
    'Thanh tra tỉnh',
    'Cục Thuế tỉnh',
    'Kho bạc Nhà nước tỉnh',
    'Chi cục Kiểm lâm',
    'Trung tâm Kiểm soát bệnh tật tỉnh',
    'Ban Quản lý Khu kinh tế tỉnh',
    'Ban Dân tộc tỉnh',
    'Hội Nông dân tỉnh',
    'Liên minh Hợp tác xã tỉnh',
    'Liên đoàn Lao động tỉnh',
    'Tỉnh đoàn',
    'Đài Phát thanh và Truyền hình tỉnh',
    'Báo An Giang',
    'Trường Đại học An Giang',
    'UBND huyện Châu Thành',
    'UBND thành phố Phú Quốc',
    'Huyện ủy Tri Tôn',
    'Thành ủy Long Xuyên',
    'Ban Tổ chức Huyện ủy Tri Tôn',
    'Ủy ban Kiểm tra Huyện ủy Gò Quao',
    'Đảng ủy xã Vĩnh Hòa',
    'Các sở, ngành tỉnh',
    'UBND các huyện, thị xã, thành phố',
    'Các huyện ủy, thị ủy, thành ủy',
  ];

  it('matches none of the government agencies, district bodies or groups a directive names (no false match)', () => {
    const falseMatches = OUTSIDE.filter((raw) => matcher.match(raw).matched);
    expect(falseMatches).toEqual([]);
  });

  it('keeps an agency outside the registry as written, to propose it as a new one', () => {
    expect(matcher.match('Sở Khoa học và Công nghệ')).toMatchObject({
      matched: false,
      raw: 'Sở Khoa học và Công nghệ',
      name: 'Sở Khoa học và Công nghệ',
    });
    const police = matcher.match('Công an tỉnh');
    expect(!police.matched && police.candidates.map((c) => c.code)).toContain('dang-uy-cong-an');
    const front = matcher.match('Ủy ban MTTQ Việt Nam tỉnh');
    expect(!front.matched && front.candidates.map((c) => c.code)).toContain('dang-doan-mttq');
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

  it('expands the boards of the Tỉnh ủy written apart or together, and the departments written with "&"', () => {
    expect(expandAbbreviations('BTG TU, UBKTTU, VP TU')).toBe(
      'Ban Tuyên giáo Tỉnh ủy, Ủy ban Kiểm tra Tỉnh ủy, Văn phòng Tỉnh ủy',
    );
    expect(expandAbbreviations('ĐĐ HĐND tỉnh')).toBe('Đảng đoàn Hội đồng nhân dân tỉnh');
    expect(expandAbbreviations('Sở TN&MT, Sở LĐ-TB&XH')).toBe(
      'Sở Tài nguyên và Môi trường, Sở Lao động - Thương binh và Xã hội',
    );
  });
});
