import { findDeadline, findPeriods, parseDeadline } from './deadline.parser.js';

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
