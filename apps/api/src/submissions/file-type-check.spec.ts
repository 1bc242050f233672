import { checkFileType, cleanFileName } from './file-type-check.js';

const PDF = Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n', 'latin1');
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000a49444154789c63000100000500010d0a2db40000000049454e44ae426082',
  'hex',
);

describe('checkFileType', () => {
  it('accepts a PDF named .pdf and a PNG named .png', async () => {
    expect(await checkFileType('bao-cao.pdf', PDF)).toEqual({ ok: true, mime: 'application/pdf' });
    expect(await checkFileType('anh.PNG', PNG)).toEqual({ ok: true, mime: 'image/png' });
  });

  it('refuses content that is not a document, whatever its name', async () => {
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(64)]);
    expect((await checkFileType('report.pdf', elf)).ok).toBe(false);
    expect((await checkFileType('report.pdf', Buffer.from('<html><script>alert(1)</script></html>'))).ok).toBe(false);
  });

  it('refuses an extension that disagrees with the content', async () => {
    const verdict = await checkFileType('bao-cao.pdf', PNG);
    expect(verdict).toEqual({ ok: false, reason: expect.stringContaining('PNG') });
    expect((await checkFileType('no-extension', PDF)).ok).toBe(false);
  });
});

describe('cleanFileName', () => {
  it('keeps a Vietnamese name and drops paths and control characters', () => {
    const utf8AsLatin1 = Buffer.from('Báo cáo quý II.pdf', 'utf8').toString('latin1');
    expect(cleanFileName(utf8AsLatin1)).toBe('Báo cáo quý II.pdf');
    expect(cleanFileName('../../etc/passwd.pdf')).toBe('passwd.pdf');
    expect(cleanFileName('a\r\nb".pdf')).toBe('a__b_.pdf');
  });
});
