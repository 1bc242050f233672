import { findDeadline, findPeriods, numberFromWords, parseDeadline } from './deadline.parser.js';

describe('parseDeadline', () => {
  it.each([
    ['quý II-2021', '2021-06-30', []],
    ['Hoàn thành trong quý II-2021', '2021-06-30', []],
    ['Hoàn thành chậm nhất trong quý IV-2021', '2021-12-31', []],
    ['Hoàn thành trong quý I và quý II-2021', '2021-06-30', ['2021-03-31']],
    ['quý I, II năm 2022', '2022-06-30', ['2022-03-31']],
    ['Quý III/2022', '2022-09-30', []],
    ['quý 3 năm 2022', '2022-09-30', []],
    ['QUÝ IV - 2023', '2023-12-31', []],
    ['tháng 4-2021', '2021-04-30', []],
    ['tháng 2/2024', '2024-02-29', []],
    ['tháng 9/2022', '2022-09-30', []],
    ['trong tháng 12 năm 2022', '2022-12-31', []],
    ['6 tháng cuối năm 2021', '2021-12-31', []],
    ['6 tháng đầu năm 2022', '2022-06-30', []],
    ['3 tháng cuối năm 2020', '2020-12-31', []],
    ['9 tháng đầu năm 2021', '2021-09-30', []],
    ['năm 2022', '2022-12-31', []],
    ['Trong năm 2022', '2022-12-31', []],
    ['trước ngày 30/6/2022', '2022-06-30', []],
    ['ngày 15-7-2021', '2021-07-15', []],
    ['ngày 05 tháng 9 năm 2022', '2022-09-05', []],
    ['trước quý III/2022', '2022-06-30', []],
    ['tháng 4 và tháng 5/2021', '2021-05-31', ['2021-04-30']],
    ['tháng 4-2021', '2021-04-30', []],
  ])('%s → %s', (text, dueDate, milestones) => {
    expect(parseDeadline(text)).toMatchObject({ dueDate, milestones, recurring: false });
  });

  it.each(['thường xuyên', 'Thực hiện thường xuyên', 'hằng năm', 'Hàng năm', 'định kỳ hằng quý'])(
    '%s is recurring, with no single date',
    (text) => {
      expect(parseDeadline(text)).toMatchObject({ dueDate: null, recurring: true });
    },
  );

  it('accepts both tone placements and no diacritics at all', () => {
    expect(parseDeadline('Hoàn thành trong quý II-2021')?.dueDate).toBe('2021-06-30');
    expect(parseDeadline('hoan thanh trong quy II-2021')?.dueDate).toBe('2021-06-30');
    expect(parseDeadline('Hoàn thành trong quý II-2021'.normalize('NFD'))?.dueDate).toBe('2021-06-30');
  });

  it('reads "tháng 12 hằng năm" as recurring, first due in the document year', () => {
    expect(parseDeadline('tháng 12 hằng năm', { defaultYear: 2022 })).toMatchObject({
      dueDate: '2022-12-31',
      recurring: true,
      text: 'tháng 12 hằng năm',
    });
  });

  it('uses the document year for wording without one', () => {
    expect(parseDeadline('trong quý II', { defaultYear: 2023 })?.dueDate).toBe('2023-06-30');
    expect(parseDeadline('6 tháng cuối năm', { defaultYear: 2023 })?.dueDate).toBe('2023-12-31');
    expect(parseDeadline('trong quý II')?.dueDate).toBeNull();
  });

  it('keeps the original wording', () => {
    expect(parseDeadline('Hoàn thành chậm nhất trong quý IV-2021')?.text).toBe('quý IV-2021');
  });

  it('rejects impossible dates and says nothing for text without a period', () => {
    expect(parseDeadline('ngày 31/02/2022')).toBeNull();
    expect(parseDeadline('sớm nhất có thể')).toBeNull();
  });
});

describe('findDeadline (inside running text)', () => {
  it('reads a deadline introduced as one', () => {
    const found = findDeadline('Xây dựng Đề án nâng cao chất lượng (thời gian hoàn thành trong quý II-2021).');
    expect(found).toMatchObject({ dueDate: '2021-06-30', text: 'hoàn thành trong quý II-2021' });
    expect(findDeadline('Giao Ban Tuyên giáo chủ trì, hoàn thành trước ngày 15/12/2022.')?.dueDate).toBe('2022-12-15');
    expect(findDeadline('Thời hạn: tháng 9/2022.')?.dueDate).toBe('2022-09-30');
    expect(findDeadline('Báo cáo kết quả trong 6 tháng cuối năm 2021')?.dueDate).toBe('2021-12-31');
    expect(findDeadline('(thời gian: thường xuyên)')).toMatchObject({ recurring: true, dueDate: null });
  });

  it('ignores years that only describe the work', () => {
    expect(findDeadline('Hoàn thành việc nhận xét, đánh giá cán bộ năm 2020.')).toBeNull();
    expect(findDeadline('Tổ chức tổng kết công tác tôn giáo năm 2020; sản xuất vụ lúa hè thu 2021.')).toBeNull();
    expect(findDeadline('thường xuyên kiểm tra, xử lý nghiêm các điểm gây ô nhiễm')).toBeNull();
    expect(findDeadline('theo Chỉ thị số 45-CT/TW ngày 20/6/2020')).toBeNull();
  });
});

describe('findPeriods', () => {
  it('lists every period of a title', () => {
    const periods = findPeriods('về công tác 9 tháng, triển khai nhiệm vụ 3 tháng cuối năm 2020');
    expect(periods.map((p) => p.dueDate)).toEqual(['2020-12-31']);
  });
});

describe('deadlines in working days', () => {
  it.each([
    ['trong 10 ngày làm việc', 10, 'assigned'],
    ['Trong 10 ngày làm việc kể từ ngày giao', 10, 'assigned'],
    ['trong 10 ngày làm việc kể từ ngày được giao nhiệm vụ', 10, 'assigned'],
    ['trong 10 ngày làm việc kể từ ngày nhận được văn bản', 10, 'received'],
    ['trong 07 ngày làm việc kể từ ngày nhận được Thông báo này', 7, 'received'],
    ['trong 15 ngày làm việc kể từ ngày ký', 15, 'assigned'],
    ['trong vòng 5 ngày làm việc', 5, 'assigned'],
    ['trong thời hạn 05 (năm) ngày làm việc kể từ ngày nhận', 5, 'received'],
    ['20 ngày làm việc kể từ ngày nhận được văn bản', 20, 'received'],
    ['mười ngày làm việc kể từ ngày giao', 10, 'assigned'],
    ['trong mười lăm ngày làm việc', 15, 'assigned'],
    ['trong hai mươi mốt ngày làm việc', 21, 'assigned'],
    ['trong năm ngày làm việc sau khi nhận được văn bản', 5, 'received'],
    ['trong mười (10) ngày làm việc', 10, 'assigned'],
    ['TRONG 10 NGÀY LÀM VIỆC KỂ TỪ NGÀY NHẬN ĐƯỢC VĂN BẢN', 10, 'received'],
    ['trong 10 ngay lam viec ke tu ngay nhan duoc van ban', 10, 'received'],
    ['Hoàn thành trong 10 ngày làm việc kể từ ngày nhận được văn bản.'.normalize('NFD'), 10, 'received'],
  ])('%s → %i working days from %s', (text, days, from) => {
    expect(parseDeadline(text, { defaultYear: 2024 })).toMatchObject({
      dueDate: null,
      workingDays: { days, from },
      calendarDays: null,
      continuous: false,
      recurring: false,
    });
  });

  it('keeps the whole wording, with what the days count from', () => {
    expect(parseDeadline('Thời hạn: trong 10 ngày làm việc kể từ ngày nhận được văn bản này')?.text).toBe(
      'trong 10 ngày làm việc kể từ ngày nhận được văn bản này',
    );
    expect(parseDeadline('trong vòng 5 ngày làm việc')?.text).toBe('trong vòng 5 ngày làm việc');
  });

  it('finds them in running text', () => {
    const sentence =
      'Giao Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với các cơ quan liên quan tham mưu Ban Thường vụ Tỉnh ủy ' +
      'ban hành kế hoạch triển khai, hoàn thành trong 10 ngày làm việc kể từ ngày nhận được Thông báo này.';
    expect(findDeadline(sentence)).toMatchObject({
      text: 'hoàn thành trong 10 ngày làm việc kể từ ngày nhận được Thông báo này',
      workingDays: { days: 10, from: 'received' },
      dueDate: null,
    });
    // Counted from an event the task does not know: the wording is proposed, not a rule.
    expect(
      findDeadline(
        'Các huyện ủy báo cáo về Văn phòng Tỉnh ủy chậm nhất 05 ngày làm việc sau khi kết thúc đợt kiểm tra.',
      ),
    ).toMatchObject({
      text: 'chậm nhất 05 ngày làm việc sau khi kết thúc đợt kiểm tra',
      workingDays: null,
      dueDate: null,
      continuous: false,
    });
    expect(findDeadline('Báo cáo chậm nhất 05 ngày làm việc.')?.workingDays).toEqual({ days: 5, from: 'assigned' });
    expect(
      findDeadline('Ủy ban nhân dân tỉnh báo cáo Ban Thường vụ Tỉnh ủy 15 ngày làm việc kể từ ngày nhận được văn bản.'),
    ).toMatchObject({
      text: '15 ngày làm việc kể từ ngày nhận được văn bản',
      workingDays: { days: 15, from: 'received' },
    });
    expect(findDeadline('Thời hạn: trong vòng mười ngày làm việc.')?.workingDays).toEqual({
      days: 10,
      from: 'assigned',
    });
  });

  it('does not take days before an event, or a bare count of days, as a deadline', () => {
    expect(findDeadline('Gửi tài liệu đến các đại biểu trước 05 ngày làm việc so với ngày khai mạc.')).toBeNull();
    expect(parseDeadline('Gửi tài liệu trước 05 ngày làm việc')).toBeNull();
    expect(findDeadline('Hội nghị được tổ chức trong 02 ngày tại Hội trường Tỉnh ủy.')).toBeNull();
    expect(findDeadline('Sau 10 ngày làm việc căng thẳng, đoàn đã hoàn tất.')).toBeNull();
  });
});

describe('deadlines in calendar days (wording only downstream)', () => {
  it('reads "trong thời hạn N ngày" and "N ngày kể từ" as calendar days, with no date', () => {
    expect(parseDeadline('trong thời hạn 30 ngày kể từ ngày ký')).toMatchObject({
      calendarDays: { days: 30, from: 'assigned' },
      workingDays: null,
      dueDate: null,
    });
    expect(findDeadline('Báo cáo kết quả trong 15 ngày kể từ ngày nhận được Kết luận.')).toMatchObject({
      calendarDays: { days: 15, from: 'received' },
    });
  });
});

describe('stated dates ("trước ngày", "chậm nhất ngày")', () => {
  it.each([
    ['trước ngày 30/6/2022', '2022-06-30'],
    ['Trước ngày 15-12-2022', '2022-12-15'],
    ['chậm nhất ngày 31/3/2023', '2023-03-31'],
    ['Chậm nhất là ngày 31/3/2023', '2023-03-31'],
    ['hoàn thành trước ngày 30/9/2022', '2022-09-30'],
    ['trước ngày 15 tháng 8 năm 2022', '2022-08-15'],
    ['chậm nhất là ngày 05 tháng 01 năm 2024', '2024-01-05'],
    ['CHẬM NHẤT NGÀY 31/3/2023', '2023-03-31'],
    ['cham nhat la ngay 31/3/2023', '2023-03-31'],
    ['truoc ngay 15 thang 8 nam 2022', '2022-08-15'],
  ])('%s → %s (the day written, not the day before)', (text, dueDate) => {
    expect(parseDeadline(text)).toMatchObject({ dueDate, workingDays: null, continuous: false });
  });

  it('finds them in running text', () => {
    expect(
      findDeadline('Giao Văn phòng Tỉnh ủy tổng hợp, báo cáo Ban Thường vụ Tỉnh ủy chậm nhất là ngày 20/12/2022.'),
    ).toMatchObject({ dueDate: '2022-12-20', text: 'chậm nhất là ngày 20/12/2022' });
    expect(
      findDeadline('Ban Tổ chức Tỉnh ủy chủ trì tham mưu, hoàn thành trước ngày 15 tháng 12 năm 2022.'),
    ).toMatchObject({ dueDate: '2022-12-15', text: 'hoàn thành trước ngày 15 tháng 12 năm 2022' });
  });
});

describe('"trong tháng …": the end of that month', () => {
  it.each([
    ['trong tháng 9/2022', '2022-09-30'],
    ['Trong tháng 4-2021', '2021-04-30'],
    ['trong tháng 2 năm 2024', '2024-02-29'],
    ['TRONG THÁNG 11 NĂM 2023', '2023-11-30'],
    ['trong thang 6/2022', '2022-06-30'],
  ])('%s → %s', (text, dueDate) => {
    expect(parseDeadline(text)?.dueDate).toBe(dueDate);
  });

  it('takes the document year when the month has none', () => {
    expect(parseDeadline('trong tháng 5', { defaultYear: 2021 })?.dueDate).toBe('2021-05-31');
    expect(findDeadline('Tổ chức hội nghị sơ kết, hoàn thành trong tháng 5.', { defaultYear: 2021 })?.dueDate).toBe(
      '2021-05-31',
    );
  });
});

describe('continuous work', () => {
  it.each(['thường xuyên', 'Thường xuyên', 'THƯỜNG XUYÊN', 'thuong xuyen', 'liên tục', 'hằng năm', 'Hàng năm'])(
    '%s is continuous, with no deadline (and still recurring)',
    (text) => {
      expect(parseDeadline(text)).toMatchObject({
        dueDate: null,
        continuous: true,
        recurring: true,
        workingDays: null,
      });
    },
  );

  it('a yearly date is recurring but not continuous', () => {
    expect(parseDeadline('tháng 12 hằng năm', { defaultYear: 2022 })).toMatchObject({
      dueDate: '2022-12-31',
      recurring: true,
      continuous: false,
    });
  });

  it('counts after "thời gian" in running text, as in the 07-CTr/TU catalog', () => {
    expect(findDeadline('(thời gian: thường xuyên, liên tục)')).toMatchObject({ continuous: true, dueDate: null });
    expect(findDeadline('thường xuyên đôn đốc, kiểm tra, giám sát')).toBeNull();
  });

  it('other wordings are not continuous', () => {
    expect(parseDeadline('quý II-2021')).toMatchObject({ continuous: false, workingDays: null, calendarDays: null });
  });
});

describe('numberFromWords', () => {
  it.each([
    ['mot', 1],
    ['nam', 5],
    ['muoi', 10],
    ['muoi lam', 15],
    ['muoi mot', 11],
    ['hai muoi', 20],
    ['hai muoi mot', 21],
    ['ba muoi', 30],
    ['hai muoi tu', 24],
  ])('%s → %i', (words, n) => {
    expect(numberFromWords(words)).toBe(n);
  });
});

describe('deadlines inside running prose', () => {
  const find = (text: string, defaultYear: number | null = 2022) => findDeadline(text, { defaultYear });

  it.each([
    ['Sở Tài chính tham mưu bố trí kinh phí, hoàn thành trước ngày 30/9/2022.', '2022-09-30'],
    ['Sở Y tế tổng hợp, báo cáo UBND tỉnh trước 30/9/2022.', '2022-09-30'],
    ['Các huyện báo cáo kết quả về Sở Nội vụ chậm nhất ngày 15/10/2022.', '2022-10-15'],
    ['Văn phòng Tỉnh ủy tổng hợp, báo cáo chậm nhất là ngày 15/10/2022.', '2022-10-15'],
    ['Ban Tổ chức Tỉnh ủy tham mưu kiện toàn nhân sự, hoàn thành trong tháng 10/2022.', '2022-10-31'],
    ['UBND các huyện ra quân tổng vệ sinh môi trường trong tháng 10 năm 2022.', '2022-10-31'],
    ['Giao Sở Tài chính bố trí kinh phí hỗ trợ cho tàu cá trong quý IV/2022.', '2022-12-31'],
    ['Sở Xây dựng kiểm tra chất lượng công trình, hoàn thành trong quý III-2022.', '2022-09-30'],
    ['Công an tỉnh mở đợt cao điểm trấn áp tội phạm, hoàn thành trong quý IV năm 2022.', '2022-12-31'],
    ['Sở Tài nguyên và Môi trường cấp giấy chứng nhận trong 6 tháng đầu năm 2023.', '2023-06-30'],
    ['UBND thành phố xây dựng không gian làm việc chung, đưa vào hoạt động trong năm 2023.', '2023-12-31'],
    ['Vận động Nhân dân đồng thuận bàn giao mặt bằng, hoàn thành cuối tháng 10/2022.', '2022-10-31'],
    ['Sở Công Thương tổ chức Hội chợ, hoàn thành công tác chuẩn bị trước 15/12.', '2022-12-15'],
    ['Ban Tổ chức Tỉnh ủy trình Ban Thường vụ Tỉnh ủy trước ngày 15/11.', '2022-11-15'],
    ['Các sở gửi báo cáo về Sở Kế hoạch và Đầu tư trước ngày 30 / 9 / 2022.', '2022-09-30'],
    ['HĐND tỉnh ban hành danh mục dự án, trình kỳ họp giữa năm 2023 (tháng 7/2023).', '2023-07-31'],
    [
      'Ban cán sự đảng UBND tỉnh đẩy nhanh giải ngân, phấn đấu đến ngày 31/01/2023 giải ngân đạt 100% kế hoạch.',
      '2023-01-31',
    ],
  ])('%s → %s', (text, dueDate) => {
    expect(find(text)?.dueDate).toBe(dueDate);
  });

  it('reads "quý I và quý II năm 2023" as milestones due at the end of the last quarter', () => {
    expect(find('Sở Nội vụ thẩm định phương án sắp xếp, thực hiện trong quý I và quý II năm 2023.')).toMatchObject({
      dueDate: '2023-06-30',
      milestones: ['2023-03-31'],
    });
  });

  it('reads working days from the assignment or from the receipt', () => {
    expect(find('UBND các huyện báo cáo tình hình giải ngân trong 10 ngày làm việc.')?.workingDays).toEqual({
      days: 10,
      from: 'assigned',
    });
    expect(
      find(
        'Sở Tài nguyên và Môi trường hướng dẫn thủ tục trong vòng 15 ngày làm việc kể từ ngày nhận được văn bản này.',
      ),
    ).toMatchObject({ dueDate: null, workingDays: { days: 15, from: 'received' } });
  });

  it('needs the document’s year for a day without one', () => {
    expect(find('hoàn thành công tác chuẩn bị trước 15/12.', null)).toBeNull();
    // "14/17 nội dung" is a count, not a date: a bare day/month only counts after "trước", "chậm nhất", "ngày".
    expect(find('Ban Thường vụ đã hoàn thành 14/17 nội dung theo chương trình đề ra.')).toBeNull();
  });

  it('reads "thường xuyên" and "liên tục" before the verb of the first clause as continuous work', () => {
    for (const text of [
      'Công an tỉnh thường xuyên nắm chắc tình hình an ninh nông thôn, kịp thời giải quyết các vụ việc.',
      'Sở Giáo dục và Đào tạo phối hợp với Sở Y tế thường xuyên tuyên truyền, hướng dẫn học sinh phòng bệnh.',
      'Đảng ủy Bộ đội Biên phòng tỉnh lãnh đạo liên tục tuần tra, kiểm soát vùng biển.',
    ])
      expect(find(text)).toMatchObject({ continuous: true, recurring: true, dueDate: null });
    // An adjective, or further on in the text, is not the task's rhythm.
    expect(find('Tập trung thực hiện các nhiệm vụ chính trị thường xuyên, trọng tâm.')).toBeNull();
    expect(
      find('Tăng cường quản lý bảo vệ rừng; giữ gìn vệ sinh môi trường, thường xuyên kiểm tra các điểm ô nhiễm.'),
    ).toBeNull();
    // A date the task states wins over the rhythm.
    expect(find('Chi cục Kiểm lâm thường xuyên tuần tra, báo cáo kết quả trước ngày 30/11/2022.')?.dueDate).toBe(
      '2022-11-30',
    );
  });
});

describe('several dates in one task', () => {
  it('takes the one introduced as a deadline, not the date of a document the task cites', () => {
    expect(
      findDeadline(
        'Sở Y tế triển khai Kế hoạch số 12/KH-UBND ngày 05/01/2022 của UBND tỉnh, báo cáo kết quả trước ngày 30/9/2022.',
      ),
    ).toMatchObject({ dueDate: '2022-09-30', text: 'trước ngày 30/9/2022' });
    expect(
      findDeadline('Thực hiện Nghị quyết số 06-NQ/TW, ngày 24/01/2022 của Bộ Chính trị trong tháng 9/2022.'),
    ).toMatchObject({ dueDate: '2022-09-30' });
  });

  it('prefers "trước", "chậm nhất", "hoàn thành" to a period the text reviews', () => {
    expect(
      findDeadline(
        'Trong 9 tháng đầu năm 2022, các sở đã giải ngân đạt 60% kế hoạch; tiếp tục đẩy nhanh tiến độ, hoàn thành trước ngày 31/12/2022.',
      )?.dueDate,
    ).toBe('2022-12-31');
    expect(findDeadline('Trong 9 tháng đầu năm 2022, các sở đã giải ngân đạt 60% kế hoạch vốn.')).toBeNull();
  });

  it('leaves the dates of cited documents out of the periods a text names', () => {
    const periods = findPeriods('Kế hoạch thực hiện Nghị quyết số 06-NQ/TW, ngày 24/01/2022 của Bộ Chính trị năm 2022');
    expect(periods.map((p) => p.text)).toEqual(['năm 2022']);
  });
});

describe('years that name a law', () => {
  it('are no period of the document', () => {
    expect(findPeriods('Sau 10 năm thực hiện Luật Hợp tác xã năm 2012, kinh tế tập thể có bước phát triển')).toEqual(
      [],
    );
    expect(findPeriods('Căn cứ Hiến pháp năm 2013; triển khai nhiệm vụ năm 2023').map((p) => p.text)).toEqual([
      'năm 2023',
    ]);
  });
});
