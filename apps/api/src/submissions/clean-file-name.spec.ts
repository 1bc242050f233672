import { cleanFileName } from './file-type-check.js';

/** What busboy hands over for a plain `filename="..."`: the header's bytes decoded as latin1. */
const asBusboy = (bytes: Buffer) => bytes.toString('latin1');

describe('cleanFileName decodes what browsers and older clients send', () => {
  it('a plain filename in UTF-8 bytes (browsers)', () => {
    expect(cleanFileName(asBusboy(Buffer.from('Báo cáo Đôn Đốc quý II.pdf', 'utf8')))).toBe(
      'Báo cáo Đôn Đốc quý II.pdf',
    );
  });

  it('a plain filename in latin-1 bytes (older clients)', () => {
    expect(cleanFileName(asBusboy(Buffer.from('café.pdf', 'latin1')))).toBe('café.pdf');
    expect(cleanFileName(asBusboy(Buffer.from('Größe Übersicht.pdf', 'latin1')))).toBe('Größe Übersicht.pdf');
  });

  it('a filename* (RFC 5987) busboy already decoded', () => {
    expect(cleanFileName('Báo cáo.pdf')).toBe('Báo cáo.pdf');
    expect(cleanFileName('Kế hoạch Đôn Đốc.pdf')).toBe('Kế hoạch Đôn Đốc.pdf');
    expect(cleanFileName('café.pdf')).toBe('café.pdf');
  });

  it('never yields a replacement character from a decodable name', () => {
    for (const name of ['B\u00e1o c\u00e1o.pdf', asBusboy(Buffer.from('Nghị quyết.docx', 'utf8'))]) {
      expect(cleanFileName(name)).not.toContain('\uFFFD');
    }
  });
});
