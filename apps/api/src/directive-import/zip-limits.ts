import { inflateRawSync } from 'node:zlib';
import { ImportRefusal } from './import-refusal.js';

/**
 * What an uploaded container (a .docx is a zip) may expand to, all entries together. A directive's
 * `word/document.xml` is a few megabytes at most; a deflated run of one byte expands about 1,000 times, so a
 * 300 KB file can hold 300 MB. Checked before any library reads the archive.
 */
export const MAX_EXPANDED_BYTES = 64 * 1024 * 1024;
export const MAX_ZIP_ENTRIES = 2000;

export function expandedTooLarge(maxBytes = MAX_EXPANDED_BYTES): ImportRefusal {
  const mb = Math.round(maxBytes / (1024 * 1024));
  return new ImportRefusal(
    413,
    'PAYLOAD_TOO_LARGE',
    `Tệp nén bung ra hơn ${mb} MB, vượt giới hạn cho phép; hãy kiểm tra lại tệp / ` +
      `The file expands to more than ${mb} MB when unpacked, over the limit; check the file`,
    { limit: 'expanded-size', maxBytes },
  );
}

function unreadable(): ImportRefusal {
  return new ImportRefusal(
    415,
    'UNSUPPORTED_FILE_TYPE',
    'Không đọc được tệp Word này / This Word file cannot be read. ' +
      'Chỉ nhận tệp .txt (UTF-8), .docx, .pdf hoặc ảnh quét .png, .jpg, .tif / ' +
      'Only .txt (UTF-8), .docx, .pdf and scanned images (.png, .jpg, .tif) are accepted',
  );
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * Walks the zip's central directory (what zip readers such as JSZip, under mammoth, go by) and inflates every
 * entry with a bounded output, so the sizes the archive declares are not trusted. Throws a 413 refusal when the
 * entries together expand beyond `maxBytes`, a 415 when the archive is malformed; returns the expanded total.
 */
export function assertZipExpandsWithin(b: Buffer, maxBytes = MAX_EXPANDED_BYTES): number {
  // End of central directory: 22 bytes plus a comment of at most 65,535 bytes, at the end of the file.
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (b.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw unreadable();
  const count = b.readUInt16LE(eocd + 10);
  const offset = b.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) throw expandedTooLarge(maxBytes); // ZIP64: never a directive
  if (count > MAX_ZIP_ENTRIES) throw expandedTooLarge(maxBytes);
  let total = 0;
  let at = offset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > b.length || b.readUInt32LE(at) !== CENTRAL) throw unreadable();
    const method = b.readUInt16LE(at + 10);
    const compressed = b.readUInt32LE(at + 20);
    const declared = b.readUInt32LE(at + 24);
    const nameLength = b.readUInt16LE(at + 28);
    const extraLength = b.readUInt16LE(at + 30);
    const commentLength = b.readUInt16LE(at + 32);
    const local = b.readUInt32LE(at + 42);
    at += 46 + nameLength + extraLength + commentLength;
    if (compressed === 0xffffffff || declared === 0xffffffff) throw expandedTooLarge(maxBytes);
    if (local + 30 > b.length || b.readUInt32LE(local) !== LOCAL) throw unreadable();
    const start = local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28);
    if (start + compressed > b.length) throw unreadable();
    const data = b.subarray(start, start + compressed);
    const budget = maxBytes - total;
    let size: number;
    if (method === 0) size = compressed;
    else if (method === 8) {
      try {
        size = inflateRawSync(data, { maxOutputLength: Math.max(1, budget + 1) }).length;
      } catch (err) {
        if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw expandedTooLarge(maxBytes);
        throw unreadable();
      }
    } else size = declared; // neither stored nor deflated: the reader will refuse it
    total += size;
    if (total > maxBytes) throw expandedTooLarge(maxBytes);
  }
  return total;
}
