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

const meta = (lines: string[], headLines = 0) => parseDirectiveMetadata(normalizeText(lines.join('\n')), headLines);

describe('kinds of government documents', () => {
  it.each([
    ['V/v triển khai thực hiện Kết luận của Thủ tướng Chính phủ', 'cong-van'],
    ['Về việc tăng cường phòng, chống sốt xuất huyết', 'cong-van'],
    ['QUYẾT ĐỊNH Về việc ban hành Kế hoạch chuyển đổi số', 'quyet-dinh'],
    ['Thông báo kết luận của Chủ tịch UBND tỉnh tại cuộc họp về công tác giải ngân', 'thong-bao'],
    ['THÔNG BÁO Ý kiến chỉ đạo của Phó Chủ tịch UBND tỉnh', 'thong-bao'],
    ['Thông báo kết luận của Thường trực Tỉnh ủy', 'thong-bao-ket-luan'],
    ['THÔNG BÁO về lịch tiếp công dân', 'thong-bao'],
    ['CÔNG VĂN', 'cong-van'],
  ])('%s → %s', (title, kind) => {
    expect(kindOfTitle(title)).toBe(kind);
  });
});

describe('a công văn of a Provincial People’s Committee', () => {
  it('reads a Word copy whose two header columns are separated by tabs', () => {
    expect(
      meta([
        'ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'TỈNH ĐỒNG THÁP\tĐộc lập - Tự do - Hạnh phúc',
        'Số: 4567/UBND-KT\tĐồng Tháp, ngày 12 tháng 10 năm 2022',
        'V/v triển khai thực hiện Kết luận',
        'của Thủ tướng Chính phủ về phòng, chống dịch',
        '',
        'Kính gửi:',
        '- Các sở, ban, ngành tỉnh;',
        '- UBND các huyện, thành phố.',
        '',
        'Thực hiện Thông báo số 312/TB-VPCP ngày 10/10/2022 của Văn phòng Chính phủ, UBND tỉnh có ý kiến như sau:',
        '1. Giao Sở Y tế chủ trì tham mưu UBND tỉnh ban hành Kế hoạch tiêm chủng, hoàn thành trước ngày 30/10/2022.',
        '2. Sở Tài chính bố trí kinh phí thực hiện.',
        '',
        'Nơi nhận:\tKT. CHỦ TỊCH',
        '- Như trên;\tPHÓ CHỦ TỊCH',
        '- TT/TU, TT/HĐND tỉnh;',
        '- Lưu: VT, KT.\t(Đã ký)',
        '\tTrần Thị Bích Hạnh',
      ]),
    ).toEqual({
      number: '4567/UBND-KT',
      kind: 'cong-van',
      issuedAt: '2022-10-12',
      issuer: 'Ủy ban nhân dân tỉnh Đồng Tháp',
      place: 'Đồng Tháp',
      signer: 'Trần Thị Bích Hạnh',
      signerRole: 'KT. CHỦ TỊCH, PHÓ CHỦ TỊCH',
      title: 'V/v triển khai thực hiện Kết luận của Thủ tướng Chính phủ về phòng, chống dịch',
    });
  });

  it('reads a PDF text layer: columns one after the other, the stamp inside the header, the signature interleaved with "Nơi nhận"', () => {
    expect(
      meta([
        'ỦY BAN NHÂN DÂN',
        'TỈNH AN GIANG',
        '-------',
        'Số: 3456 /UBND-KTN',
        'V/v đẩy nhanh tiến độ giải ngân',
        'vốn đầu tư công năm 2022',
        'VĂN BẢN ĐẾN',
        'Số: 1234 Ngày: 05/10/2022 Chuyển: P.KT',
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        'Long Xuyên, ngày  03  tháng 10 năm 2022',
        'Kính gửi: Các sở, ban, ngành tỉnh',
        'Ủy ban nhân dân tỉnh yêu cầu các đơn vị khẩn trương thực hiện:',
        '1. Sở Kế hoạch và Đầu tư tổng hợp, báo cáo trước ngày 15/10/2022.',
        'Nơi nhận:',
        'KT. CHỦ TỊCH',
        '- Như trên;',
        'PHÓ CHỦ TỊCH',
        '- CT, các PCT UBND tỉnh;',
        '(Đã ký)',
        '- Lưu: VT, KTN.',
        'Lê Văn Nưng',
      ]),
    ).toMatchObject({
      number: '3456/UBND-KTN',
      kind: 'cong-van',
      issuedAt: '2022-10-03',
      place: 'Long Xuyên',
      issuer: 'Ủy ban nhân dân tỉnh An Giang',
      signer: 'Lê Văn Nưng',
      signerRole: 'KT. CHỦ TỊCH, PHÓ CHỦ TỊCH',
      title: 'V/v đẩy nhanh tiến độ giải ngân vốn đầu tư công năm 2022',
    });
  });

  it('reads columns a scan glued together with single spaces', () => {
    expect(
      meta([
        'ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'TỈNH BẾN TRE Độc lập - Tự do - Hạnh phúc',
        'Số: 5123 /UBND-KT Bến Tre, ngày 03 tháng 10 năm 2022',
        'V/v tăng cường các giải pháp',
        'chống khai thác IUU',
        'Kính gửi: Sở Nông nghiệp và Phát triển nông thôn',
        '1. Giao Sở Nông nghiệp và Phát triển nông thôn kiểm tra tàu cá.',
        'Nơi nhận: KT. CHỦ TỊCH',
        '- Như trên; PHÓ CHỦ TỊCH',
        '- CT, các PCT UBND tỉnh;',
        '- Chánh, PCVP; Võ Thành Nghĩa',
        '- Lưu: VT, KT.',
      ]),
    ).toMatchObject({
      number: '5123/UBND-KT',
      kind: 'cong-van',
      issuedAt: '2022-10-03',
      place: 'Bến Tre',
      issuer: 'Ủy ban nhân dân tỉnh Bến Tre',
      signer: 'Võ Thành Nghĩa',
      signerRole: 'KT. CHỦ TỊCH, PHÓ CHỦ TỊCH',
      title: 'V/v tăng cường các giải pháp chống khai thác IUU',
    });
  });

  it('reads a date written with slashes and a number without its hyphen', () => {
    expect(
      meta([
        'ỦY BAN NHÂN DÂN',
        'TỈNH KIÊN GIANG',
        'Số: 1961/QĐUBND',
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Kiên Giang, ngày 28/8/2019',
        'QUYẾT ĐỊNH',
        'Ban hành Quy chế phối hợp giải quyết thủ tục hành chính',
        'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG',
        'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;',
      ]),
    ).toMatchObject({
      number: '1961/QĐ-UBND',
      kind: 'quyet-dinh',
      issuedAt: '2019-08-28',
      place: 'Kiên Giang',
      title: 'Quyết định ban hành Quy chế phối hợp giải quyết thủ tục hành chính',
    });
  });
});

describe('a quyết định', () => {
  it('takes the title up to the authority line, and the whole signature block', () => {
    expect(
      meta([
        'ỦY BAN NHÂN DÂN',
        'TỈNH TRÀ VINH',
        'Số: 2156/QĐ-UBND',
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        'Trà Vinh, ngày 28 tháng 11 năm 2022',
        'QUYẾT ĐỊNH',
        'Về việc phê duyệt Kế hoạch chuyển đổi số',
        'tỉnh Trà Vinh năm 2023',
        'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH TRÀ VINH',
        'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;',
        'Xét đề nghị của Giám đốc Sở Thông tin và Truyền thông tại Tờ trình số 45/TTr-STTTT ngày 20/11/2022,',
        'QUYẾT ĐỊNH:',
        'Điều 1. Phê duyệt kèm theo Quyết định này Kế hoạch chuyển đổi số tỉnh Trà Vinh năm 2023.',
        'Điều 2. Quyết định có hiệu lực kể từ ngày ký./.',
        'Nơi nhận:',
        '- Như Điều 2;',
        '- Lưu: VT, KGVX.',
        'TM. ỦY BAN NHÂN DÂN',
        'KT. CHỦ TỊCH',
        'PHÓ CHỦ TỊCH',
        'Thạch Văn Sơn',
      ]),
    ).toMatchObject({
      number: '2156/QĐ-UBND',
      kind: 'quyet-dinh',
      issuedAt: '2022-11-28',
      issuer: 'Ủy ban nhân dân tỉnh Trà Vinh',
      signer: 'Thạch Văn Sơn',
      signerRole: 'TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH, PHÓ CHỦ TỊCH',
      title: 'Quyết định về việc phê duyệt Kế hoạch chuyển đổi số tỉnh Trà Vinh năm 2023',
    });
  });

  it('reads a legal document copied with table bars and words wrapped in its header cells', () => {
    expect(
      meta([
        'ỦY',
        'BAN NHÂN DÂN',
        'TỈNH TIỀN GIANG',
        '-------',
        '|',
        'CỘNG',
        'HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập – Tự do – Hạnh phúc',
        '|',
        'Số:',
        '33/2009/QĐ-UBND',
        '|',
        'Mỹ Tho, ngày 24 tháng 12',
        'năm 2009',
        '|',
        'QUYẾT ĐỊNH',
        'BAN HÀNH QUY ĐỊNH VỀ QUẢN LÝ MẠNG TIN HỌC DIỆN RỘNG',
        'ỦY BAN NHÂN DÂN TỈNH TIỀN GIANG',
        'Căn cứ Luật Công nghệ thông tin ngày 29/6/2006;',
        '|',
        'TM.',
        'ỦY BAN NHÂN DÂN TỈNH',
        'KT. CHỦ TỊCH',
        'PHÓ CHỦ TỊCH',
        'Nguyễn Văn Phòng',
      ]),
    ).toMatchObject({
      number: '33/2009/QĐ-UBND',
      kind: 'quyet-dinh',
      issuedAt: '2009-12-24',
      place: 'Mỹ Tho',
      signer: 'Nguyễn Văn Phòng',
      signerRole: 'TM. ỦY BAN NHÂN DÂN TỈNH, KT. CHỦ TỊCH, PHÓ CHỦ TỊCH',
      title: 'Quyết định ban hành quy định về quản lý mạng tin học diện rộng',
    });
  });
});

describe('notices: the issuer decides between a Party conclusion and a state notice', () => {
  it('a notice of the Chairman’s conclusions, issued by the Office of the People’s Committee, is `thong-bao`', () => {
    expect(
      meta([
        'UBND TỈNH LONG AN',
        'VĂN PHÒNG',
        'Số: 389/TB-VPUBND',
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Long An, ngày 17 tháng 10 năm 2022',
        'THÔNG BÁO',
        'Kết luận của Chủ tịch UBND tỉnh tại buổi làm việc với Sở Y tế',
        'Ngày 14/10/2022, Chủ tịch UBND tỉnh làm việc với Sở Y tế. Sau khi nghe báo cáo, Chủ tịch UBND tỉnh kết luận:',
        '1. Sở Y tế chủ trì tham mưu UBND tỉnh ban hành Kế hoạch phòng, chống sốt xuất huyết.',
        'Nơi nhận:',
        '- CT, các PCT UBND tỉnh;',
        '- Lưu: VT.',
        'TL. CHỦ TỊCH',
        'KT. CHÁNH VĂN PHÒNG',
        'PHÓ CHÁNH VĂN PHÒNG',
        'Huỳnh Thị Kim Loan',
      ]),
    ).toMatchObject({
      number: '389/TB-VPUBND',
      kind: 'thong-bao',
      issuedAt: '2022-10-17',
      issuer: 'Văn phòng Ủy ban nhân dân tỉnh Long An',
      signer: 'Huỳnh Thị Kim Loan',
      signerRole: 'TL. CHỦ TỊCH, KT. CHÁNH VĂN PHÒNG, PHÓ CHÁNH VĂN PHÒNG',
      title: 'Thông báo kết luận của Chủ tịch UBND tỉnh tại buổi làm việc với Sở Y tế',
    });
  });

  it('a Party notice is `thong-bao-ket-luan` even when its title says only "THÔNG BÁO"', () => {
    expect(
      meta([
        'TỈNH ỦY KIÊN GIANG',
        'Số 418-TB/TU',
        'Rạch Giá, ngày 29 tháng 11 năm 2022',
        'THÔNG BÁO',
        'Ý KIẾN CỦA THƯỜNG TRỰC TỈNH ỦY',
        'về công tác chuẩn bị Hội nghị xúc tiến đầu tư',
      ]),
    ).toMatchObject({ number: '418-TB/TU', kind: 'thong-bao-ket-luan', issuer: 'Tỉnh ủy Kiên Giang' });
  });
});

describe('Party documents', () => {
  it('reads "Số: 07-CTr/TU", a date of the form "ngày 05 tháng 01 năm 2023" on its own line and the signature of an office chief', () => {
    expect(
      meta([
        'ĐẢNG BỘ TỈNH ĐỒNG THÁP',
        'TỈNH ỦY',
        '*',
        'Số: 07-CTr/TU',
        'ĐẢNG CỘNG SẢN VIỆT NAM',
        'ngày 05 tháng 01 năm 2023',
        'CHƯƠNG TRÌNH HÀNH ĐỘNG',
        'thực hiện Nghị quyết số 06-NQ/TW của Bộ Chính trị',
        '',
        '1. Ban Tuyên giáo Tỉnh ủy chủ trì tuyên truyền.',
        'Nơi nhận:',
        '- Các đồng chí Tỉnh ủy viên,',
        '- Lưu Văn phòng Tỉnh ủy.',
        'TL. BAN THƯỜNG VỤ',
        'CHÁNH VĂN PHÒNG',
        '(Đã ký)',
        'Phạm Văn Hòa',
      ]),
    ).toMatchObject({
      number: '07-CTr/TU',
      kind: 'chuong-trinh-hanh-dong',
      issuedAt: '2023-01-05',
      issuer: 'Tỉnh ủy Đồng Tháp',
      signer: 'Phạm Văn Hòa',
      signerRole: 'TL. BAN THƯỜNG VỤ, CHÁNH VĂN PHÒNG',
      title: 'Chương trình hành động thực hiện Nghị quyết số 06-NQ/TW của Bộ Chính trị',
    });
  });

  it('keeps the header number and date when an incoming stamp sits between them and the title', () => {
    expect(
      meta([
        'TỈNH ỦY CÀ MAU ĐẢNG CỘNG SẢN VIỆT NAM',
        '*',
        'Số 18-CT/TU Cà Mau, ngày 26 tháng 9 năm 2022',
        'VĂN BẢN ĐẾN',
        'Số: 1234 Ngày: 05/10/2022',
        'Chuyển: Đ/c Phó Chánh VP phụ trách',
        'CHỈ THỊ',
        'CỦA BAN THƯỜNG VỤ TỈNH ỦY',
        'về tăng cường công tác phòng, chống thiên tai',
        '-----',
        'Thời gian qua, các cấp ủy đã quan tâm lãnh đạo công tác phòng, chống thiên tai.',
      ]),
    ).toMatchObject({
      number: '18-CT/TU',
      kind: 'chi-thi',
      issuedAt: '2022-09-26',
      place: 'Cà Mau',
      issuer: 'Tỉnh ủy Cà Mau',
      title: 'Chỉ thị của Ban Thường vụ Tỉnh ủy về tăng cường công tác phòng, chống thiên tai',
    });
  });
});

describe('the signer, in every layout of the signature block', () => {
  const body = [
    'TỈNH ỦY AN GIANG',
    'Số 512-TB/TU',
    'Long Xuyên, ngày 12 tháng 10 năm 2022',
    'THÔNG BÁO KẾT LUẬN',
    'của Ban Thường vụ Tỉnh ủy',
    '1. Giao Ban Tổ chức Tỉnh ủy tham mưu.',
    'Ban Thường vụ Tỉnh ủy yêu cầu các cấp ủy nghiêm túc thực hiện.',
  ];
  const signed = (...trailer: string[]) => meta([...body, ...trailer], 5);

  it.each<[string, string[], string | null, string | null]>([
    [
      'T/M, capacity, "(Đã ký)", name',
      ['T/M BAN THƯỜNG VỤ', 'PHÓ BÍ THƯ', '(Đã ký)', 'Nguyễn Văn An', 'Nơi nhận:', '- Như trên,', '- Lưu VPTU.'],
      'Nguyễn Văn An',
      'T/M BAN THƯỜNG VỤ, PHÓ BÍ THƯ',
    ],
    [
      'KT. CHỦ TỊCH over PHÓ CHỦ TỊCH',
      ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', '', '', 'Trần Thị Bé'],
      'Trần Thị Bé',
      'KT. CHỦ TỊCH, PHÓ CHỦ TỊCH',
    ],
    [
      'TM. ỦY BAN NHÂN DÂN over CHỦ TỊCH',
      ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', 'Nguyễn Thanh Bình'],
      'Nguyễn Thanh Bình',
      'TM. ỦY BAN NHÂN DÂN, CHỦ TỊCH',
    ],
    ['an acting chairman, "Q. CHỦ TỊCH"', ['Q. CHỦ TỊCH', 'Lê Văn Hưởng'], 'Lê Văn Hưởng', 'Q. CHỦ TỊCH'],
    [
      'a capacity with no prefix above "Nơi nhận"',
      ['CHỦ TỊCH', '', 'Nguyễn Thành Luân', 'Nơi nhận:', '- Như trên;', '- Lưu: VT.'],
      'Nguyễn Thành Luân',
      'CHỦ TỊCH',
    ],
    [
      'the recipients first, the signature after them',
      [
        'Nơi nhận:',
        '- Các đồng chí Tỉnh ủy viên,',
        '- Lưu Văn phòng Tỉnh ủy.',
        'T/L BAN THƯỜNG VỤ',
        'CHÁNH VĂN PHÒNG',
        'Lâm Quang Thịnh',
      ],
      'Lâm Quang Thịnh',
      'T/L BAN THƯỜNG VỤ, CHÁNH VĂN PHÒNG',
    ],
    [
      'the capacity above "Nơi nhận", the name after the recipients',
      ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Nơi nhận:', '- Như trên;', '- Lưu: VT.', 'Đặng Văn Hòa'],
      'Đặng Văn Hòa',
      'KT. CHỦ TỊCH, PHÓ CHỦ TỊCH',
    ],
    [
      'columns interleaved line by line',
      [
        'Nơi nhận:',
        'T/M BAN THƯỜNG VỤ',
        '- Ban Bí thư Trung ương Đảng,',
        'BÍ THƯ',
        '- Các đ/c Tỉnh ủy viên,',
        '(Đã ký)',
        '- Lưu Văn phòng Tỉnh ủy.',
        'Trương Quang Hiếu',
      ],
      'Trương Quang Hiếu',
      'T/M BAN THƯỜNG VỤ, BÍ THƯ',
    ],
    [
      'columns glued into one line each, a recipient wrapped onto the name’s line',
      [
        'Nơi nhận: T/M BAN THƯỜNG VỤ',
        '- Ban Bí thư Trung ương Đảng (b/c), BÍ THƯ',
        '- Các đ/c Tỉnh ủy viên, (Đã ký)',
        '- Các huyện ủy, thành ủy, đảng ủy',
        'trực thuộc Tỉnh ủy, Trương Quang Hiếu',
        '- Lưu Văn phòng Tỉnh ủy.',
      ],
      'Trương Quang Hiếu',
      'T/M BAN THƯỜNG VỤ, BÍ THƯ',
    ],
    [
      'only "(Đã ký)", no name',
      ['T/M BAN THƯỜNG VỤ', 'PHÓ BÍ THƯ', '(Đã ký)', 'Nơi nhận:', '- Các đồng chí Tỉnh ủy viên,', '- Lưu VPTU.'],
      null,
      'T/M BAN THƯỜNG VỤ, PHÓ BÍ THƯ',
    ],
    [
      'no capacity: the name on the line before "Nơi nhận"',
      ['Lê Minh Hoan', 'Nơi nhận:', '- Như trên;', '- Lưu: VT.'],
      'Lê Minh Hoan',
      null,
    ],
    [
      'no capacity: the name after the recipients, at the very end',
      ['Nơi nhận:', '- Các sở, ban, ngành tỉnh;', '- Lưu: VT, TH.', 'Hồ Văn Mừng'],
      'Hồ Văn Mừng',
      null,
    ],
    [
      'never a recipient that only looks like a name',
      ['Nơi nhận:', '- Như trên;', '- Đ/c Nguyễn Văn Hai, PCT UBND tỉnh;', '- Lưu: VT.'],
      null,
      null,
    ],
  ])('%s', (_label, trailer, signer, signerRole) => {
    expect(signed(...trailer)).toMatchObject({ signer, signerRole });
  });
});

describe('a provincial portal’s news item', () => {
  it('reads the headline, the lead’s date (the year from the page’s date) and the number the lead cites', () => {
    expect(
      meta([
        'CỔNG THÔNG TIN ĐIỆN TỬ TỈNH BÌNH THUẬN',
        'Trang chủ » Tin tức - Sự kiện » Chỉ đạo điều hành',
        '',
        'Chủ tịch UBND tỉnh chỉ đạo khắc phục hậu quả mưa lũ tại Tánh Linh, Đức Linh',
        '',
        'Cập nhật: 21/10/2022 08:15',
        '',
        '(Cổng TTĐT) - Ngày 20/10, Văn phòng UBND tỉnh ban hành Thông báo số 412/TB-VPUBND truyền đạt kết luận của Chủ tịch UBND tỉnh.',
        '',
        'Giao Sở Giao thông vận tải khắc phục các điểm sạt lở, hoàn thành trước ngày 30/10/2022.',
        '',
        'Minh Châu',
      ]),
    ).toMatchObject({
      number: '412/TB-VPUBND',
      kind: 'thong-bao',
      issuedAt: '2022-10-20',
      signer: null,
      title: 'Chủ tịch UBND tỉnh chỉ đạo khắc phục hậu quả mưa lũ tại Tánh Linh, Đức Linh',
    });
  });

  it('falls back to the page’s date line when the lead has none', () => {
    expect(
      meta([
        'UBND tỉnh yêu cầu tăng cường phòng, chống sốt xuất huyết',
        'Cập nhật: 12/10/2022',
        'UBND tỉnh vừa có Công văn số 4567/UBND-VX về việc tăng cường công tác phòng, chống dịch sốt xuất huyết trên địa bàn tỉnh. Theo đó, UBND tỉnh yêu cầu các đơn vị thực hiện tốt các nội dung sau:',
        '1. Sở Y tế chủ trì, phối hợp với các địa phương tổ chức chiến dịch diệt lăng quăng.',
      ]),
    ).toMatchObject({
      number: '4567/UBND-VX',
      kind: 'cong-van',
      issuedAt: '2022-10-12',
      title: 'UBND tỉnh yêu cầu tăng cường phòng, chống sốt xuất huyết',
    });
  });
});

describe('what a scan or a copy does to the header and the signature', () => {
  it('reads one line holding both header columns, and a name printed in capitals', () => {
    expect(
      meta([
        'ỦY BAN NHÂN DÂN TỈNH AN GIANG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Số: 1234/UBND-KT Độc lập - Tự do - Hạnh phúc',
        'V/v tăng cường phòng, chống dịch An Giang, ngày 5 tháng 10 năm 2022',
        'Kính gửi: Các sở, ngành tỉnh',
        'UBND tỉnh yêu cầu các đơn vị thực hiện nghiêm túc.',
        'Nơi nhận: KT. CHỦ TỊCH',
        '- Như trên; PHÓ CHỦ TỊCH',
        '- Lưu: VT.',
        'NGUYỄN THANH BÌNH',
      ]),
    ).toMatchObject({
      number: '1234/UBND-KT',
      kind: 'cong-van',
      issuedAt: '2022-10-05',
      place: 'An Giang',
      issuer: 'Ủy ban nhân dân tỉnh An Giang',
      signer: 'Nguyễn Thanh Bình',
      title: 'V/v tăng cường phòng, chống dịch',
    });
  });

  it('skips a digital signature’s lines, reads "(Đã ký)" and the name on one line', () => {
    expect(
      meta([
        'Ký bởi: Ủy ban Nhân dân tỉnh Đồng Tháp',
        'Thời gian ký: 12.10.2022 08:30:00 +07:00',
        'ỦY BAN NHÂN DÂN',
        'TỈNH ĐỒNG THÁP',
        'Số : 88 / UBND - NC',
        'V/v xử lý đơn kiến nghị',
        'Đồng Tháp, 12 tháng 10 nãm 2022',
        'Kính gửi: Sở Tư pháp',
        'Nơi nhận:',
        '- Như trên;',
        '- Lưu: VT.',
        'TL. CHỦ TỊCH',
        'CHÁNH VĂN PHÒNG',
        '(Đã ký) Phạm Thiện Nghĩa',
      ]),
    ).toMatchObject({
      number: '88/UBND-NC',
      kind: 'cong-van',
      issuedAt: '2022-10-12',
      signer: 'Phạm Thiện Nghĩa',
      signerRole: 'TL. CHỦ TỊCH, CHÁNH VĂN PHÒNG',
    });
  });

  it('reads the number of a legal portal’s property table and a signer with an academic title', () => {
    expect(
      meta([
        '| Số hiệu | 503/QĐ-UBND |',
        'ỦY BAN NHÂN DÂN TỈNH BẮC GIANG',
        'Bắc Giang, ngày 30 tháng 3 năm 2017',
        'QUYẾT ĐỊNH',
        'Về việc phê duyệt Kiến trúc chính quyền điện tử tỉnh Bắc Giang',
        'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BẮC GIANG',
        'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;',
        'KT. CHỦ TỊCH',
        'PHÓ CHỦ TỊCH',
        'TS. Nguyễn Thị Thu Hà',
      ]),
    ).toMatchObject({
      number: '503/QĐ-UBND',
      kind: 'quyet-dinh',
      issuedAt: '2017-03-30',
      signer: 'Nguyễn Thị Thu Hà',
      title: 'Quyết định về việc phê duyệt Kiến trúc chính quyền điện tử tỉnh Bắc Giang',
    });
  });

  it('reads a district committee’s notice and the decision of a Chairman signed with no prefix', () => {
    expect(
      meta([
        'HUYỆN ỦY CHÂU THÀNH',
        'Số 45-TB/HU',
        'Châu Thành, ngày 3 tháng 11 năm 2022',
        'THÔNG BÁO',
        'KẾT LUẬN CỦA BAN THƯỜNG VỤ HUYỆN ỦY',
        'T/M BAN THƯỜNG VỤ',
        'BÍ THƯ',
        'Lê Văn Tám',
      ]),
    ).toMatchObject({
      number: '45-TB/HU',
      kind: 'thong-bao-ket-luan',
      issuer: 'Huyện ủy Châu Thành',
      signer: 'Lê Văn Tám',
    });
    expect(
      meta([
        'UBND TỈNH AN GIANG',
        'SỞ Y TẾ',
        'Số: 2345/SYT-NVY',
        'V/v triển khai chiến dịch tiêm chủng',
        'An Giang, ngày 20 tháng 10 năm 2022',
        'Kính gửi: Các đơn vị trực thuộc',
        'Nơi nhận:',
        '- Như trên;',
        'KT. GIÁM ĐỐC',
        'PHÓ GIÁM ĐỐC',
        'Trần Quang Hiền',
      ]),
    ).toMatchObject({
      number: '2345/SYT-NVY',
      kind: 'cong-van',
      issuer: 'Sở Y tế tỉnh An Giang',
      signer: 'Trần Quang Hiền',
      signerRole: 'KT. GIÁM ĐỐC, PHÓ GIÁM ĐỐC',
    });
  });

  it('dates a news item by the number’s "ngày 11/10" and the year of the page', () => {
    expect(
      meta([
        'Thứ Tư, 12/10/2022, 08:30 (GMT+7)',
        'UBND tỉnh chỉ đạo triển khai các giải pháp phòng, chống dịch bệnh',
        'Chủ tịch UBND tỉnh vừa ký ban hành Công văn số 4321/UBND-VX ngày 11/10 về việc triển khai các giải pháp.',
        'Theo đó, Chủ tịch UBND tỉnh giao Sở Y tế chủ trì thực hiện.',
        'Ngọc Lan',
      ]),
    ).toMatchObject({ number: '4321/UBND-VX', kind: 'cong-van', issuedAt: '2022-10-11', signer: null });
  });
});

describe('dates and kinds the header leaves out', () => {
  it('dates a digitally signed letter whose day was left blank by its signature', () => {
    expect(
      meta([
        'ỦY BAN NHÂN DÂN',
        'TỈNH QUẢNG NGÃI',
        'Số: 5120/UBND-NNTN',
        'V/v chủ động ứng phó với mưa lũ',
        'Quảng Ngãi, ngày tháng 10 năm 2022',
        'Kính gửi: Các sở, ngành tỉnh',
        'Thời gian ký: 12.10.2022 08:30:00 +07:00',
      ]),
    ).toMatchObject({ number: '5120/UBND-NNTN', kind: 'cong-van', issuedAt: '2022-10-12' });
  });

  it('reads a news item’s kind from what its lead says was issued', () => {
    expect(
      meta([
        'UBND tỉnh chỉ đạo chủ động phòng, chống cháy rừng mùa khô',
        'Cập nhật: 05/01/2023',
        'UBND tỉnh vừa có văn bản chỉ đạo các sở, ngành, địa phương chủ động phòng, chống cháy rừng trong mùa khô năm 2023, yêu cầu triển khai ngay các biện pháp sau:',
        '1. Sở Nông nghiệp và Phát triển nông thôn chỉ đạo Chi cục Kiểm lâm tăng cường tuần tra.',
      ]),
    ).toMatchObject({ number: null, kind: 'cong-van', issuedAt: '2023-01-05' });
  });
});
