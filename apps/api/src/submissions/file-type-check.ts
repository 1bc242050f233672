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
  const base = decodeUploadedName(name).split(/[\\/]/).pop() ?? 'file';
  const cleaned = base
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
    .replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '_')
    .normalize('NFC')
    .trim();
  return (cleaned || 'file').slice(-200);
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * The name as the person wrote it. busboy decodes a plain `filename="..."` as latin1 (multer's
 * `defParamCharset`), which keeps every byte: browsers send UTF-8 bytes there, older clients latin-1 ones.
 * A `filename*=UTF-8''...` (RFC 5987) arrives already decoded. So: a character above U+00FF cannot come from
 * latin1 decoding (already decoded, keep it); otherwise the bytes are UTF-8 when they decode as UTF-8, and
 * latin-1 (what we hold) when they do not, instead of turning `café` into `caf\uFFFD` or `Báo` into `B\uFFFDo`.
 */
function decodeUploadedName(name: string): string {
  // eslint-disable-next-line no-control-regex -- the whole latin1 range is what busboy can hand over
  if (!/^[\u0000-\u00ff]*$/.test(name)) return name;
  try {
    return strictUtf8.decode(Buffer.from(name, 'latin1'));
  } catch {
    return name;
  }
}
