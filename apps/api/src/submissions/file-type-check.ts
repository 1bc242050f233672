import { fileTypeFromBuffer } from 'file-type';

/** What we accept, by content; the declared extension must agree with what the bytes are. */
const ALLOWED: Record<string, { mime: string; extensions: string[] }> = {
  pdf: { mime: 'application/pdf', extensions: ['pdf'] },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'] },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'] },
  odt: { mime: 'application/vnd.oasis.opendocument.text', extensions: ['odt'] },
  ods: { mime: 'application/vnd.oasis.opendocument.spreadsheet', extensions: ['ods'] },
  png: { mime: 'image/png', extensions: ['png'] },
  jpg: { mime: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  // Legacy Word/Excel files are OLE compound documents; file-type reports the container.
  cfb: { mime: 'application/x-cfb', extensions: ['doc', 'xls'] },
};

const LEGACY_MIME: Record<string, string> = { doc: 'application/msword', xls: 'application/vnd.ms-excel' };

export type FileCheck = { ok: true; mime: string } | { ok: false; reason: string };

export async function checkFileType(fileName: string, content: Buffer): Promise<FileCheck> {
  const ext = /\.([A-Za-z0-9]{1,8})$/.exec(fileName)?.[1]?.toLowerCase();
  if (!ext) return { ok: false, reason: `"${fileName}" has no file extension` };
  const detected = await fileTypeFromBuffer(content);
  const rule = detected ? ALLOWED[detected.ext] : undefined;
  if (!detected || !rule) {
    return {
      ok: false,
      reason: `"${fileName}" is not an accepted document (PDF, Word, Excel, OpenDocument, PNG, JPEG)`,
    };
  }
  if (!rule.extensions.includes(ext)) {
    return { ok: false, reason: `"${fileName}" claims to be .${ext} but its content is ${detected.ext.toUpperCase()}` };
  }
  return { ok: true, mime: LEGACY_MIME[ext] ?? rule.mime };
}

/** Keep the uploaded name for display only: no paths, no control characters, bounded length. */
export function cleanFileName(name: string): string {
  // multer hands over latin1-decoded names; browsers send UTF-8.
  const decoded = Buffer.from(name, 'latin1').toString('utf8');
  const base = decoded.split(/[\\/]/).pop() ?? 'file';
  const cleaned = base
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
    .replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '_')
    .normalize('NFC')
    .trim();
  return (cleaned || 'file').slice(-200);
}
