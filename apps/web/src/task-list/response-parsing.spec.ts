import { fileNameOf, refusalsOf } from './response-parsing';

describe('fileNameOf', () => {
  it('prefers the UTF-8 name, keeping Vietnamese letters', () => {
    expect(
      fileNameOf(
        `attachment; filename="Danh sach.xlsx"; filename*=UTF-8''${encodeURIComponent('Danh sách nhiệm vụ.xlsx')}`,
        'x.xlsx',
      ),
    ).toBe('Danh sách nhiệm vụ.xlsx');
  });
  it('falls back to the plain name, then to the given one', () => {
    expect(fileNameOf('attachment; filename="a.zip"', 'x.zip')).toBe('a.zip');
    expect(fileNameOf("attachment; filename*=UTF-8''%E0%A4%A", 'x.zip')).toBe('x.zip');
    expect(fileNameOf(null, 'x.zip')).toBe('x.zip');
  });
});

describe('refusalsOf', () => {
  const refusal = { taskId: 't1', code: 'VERSION_CONFLICT', message: 'Đã thay đổi' };
  it('reads the refused tasks of a BULK_REFUSED answer', () => {
    expect(refusalsOf({ code: 'BULK_REFUSED', details: { refusals: [refusal] } })).toEqual([refusal]);
  });
  it('is null for any other failure', () => {
    expect(refusalsOf({ code: 'VALIDATION', details: { refusals: [refusal] } })).toBeNull();
    expect(refusalsOf({ code: 'BULK_REFUSED' })).toBeNull();
    expect(refusalsOf(null)).toBeNull();
    expect(refusalsOf(new Error('x'))).toBeNull();
  });
});
