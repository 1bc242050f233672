import { parseAssignment, splitAgencyList } from './assignment.parser.js';

describe('parseAssignment', () => {
  it('reads "Giao X chủ trì, phối hợp với Y và Z"', () => {
    expect(
      parseAssignment(
        'Giao Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với Ban Tổ chức Tỉnh ủy, Ủy ban Kiểm tra Tỉnh ủy và các ' +
          'cơ quan liên quan tham mưu thực hiện; hoàn thành trong quý III/2022.',
      ),
    ).toEqual({ lead: 'Ban Tuyên giáo Tỉnh ủy', coordinating: ['Ban Tổ chức Tỉnh ủy', 'Ủy ban Kiểm tra Tỉnh ủy'] });
  });

  it('reads a table cell without "giao"', () => {
    expect(
      parseAssignment('Trường Chính trị tỉnh chủ trì, phối hợp với Ban Tổ chức Tỉnh ủy và các cơ quan liên tỉnh'),
    ).toEqual({
      lead: 'Trường Chính trị tỉnh',
      coordinating: ['Ban Tổ chức Tỉnh ủy'],
    });
  });

  it('reads "giao X tham mưu" and a label', () => {
    expect(parseAssignment('Để thực hiện, giao Ban cán sự đảng UBND tỉnh tham mưu xây dựng như sau:').lead).toBe(
      'Ban cán sự đảng UBND tỉnh',
    );
    expect(parseAssignment('Cơ quan chủ trì: Sở Kế hoạch và Đầu tư').lead).toBe('Sở Kế hoạch và Đầu tư');
  });

  it('does not take "Ban Tuyên giáo" for the verb "giao", nor a board name for a verb', () => {
    expect(parseAssignment('Ban Tuyên giáo Tỉnh ủy chủ trì').lead).toBe('Ban Tuyên giáo Tỉnh ủy');
    expect(parseAssignment('Giao Ban Tổ chức Tỉnh ủy chủ trì').lead).toBe('Ban Tổ chức Tỉnh ủy');
    expect(parseAssignment('Giao Ủy ban Kiểm tra Tỉnh ủy tham mưu').lead).toBe('Ủy ban Kiểm tra Tỉnh ủy');
  });

  it('names no lead when the text names only placeholders', () => {
    expect(parseAssignment('Giao các cấp ủy, chính quyền chủ trì thực hiện.')).toEqual({
      lead: null,
      coordinating: [],
    });
    expect(parseAssignment('Tăng cường công tác phối hợp nắm chắc tình hình.')).toEqual({
      lead: null,
      coordinating: [],
    });
  });

  it('shares the work of "Giao A và B chủ trì"', () => {
    expect(parseAssignment('Giao Ban Dân vận Tỉnh ủy và Đảng đoàn MTTQ tỉnh chủ trì thực hiện')).toEqual({
      lead: 'Ban Dân vận Tỉnh ủy',
      coordinating: ['Đảng đoàn MTTQ tỉnh'],
    });
  });
});

describe('splitAgencyList', () => {
  it('drops placeholders', () => {
    expect(splitAgencyList('Ban Tổ chức Tỉnh ủy, Văn phòng Tỉnh ủy và các cơ quan liên quan')).toEqual([
      'Ban Tổ chức Tỉnh ủy',
      'Văn phòng Tỉnh ủy',
    ]);
  });

  it('keeps names that contain "và" or a comma whole', () => {
    expect(splitAgencyList('Sở Văn hóa, Thể thao và Du lịch, Sở Y tế')).toEqual([
      'Sở Văn hóa, Thể thao và Du lịch',
      'Sở Y tế',
    ]);
  });
});
