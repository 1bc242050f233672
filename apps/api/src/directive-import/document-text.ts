import mammoth from 'mammoth';
import { extractText } from 'unpdf';
import { emptyDocument, ImportRefusal } from './import-refusal.js';
import { assertZipExpandsWithin } from './zip-limits.js';

// Runs in the import worker thread (import-worker.ts), never in the API's own thread: untrusted documents are
// expanded and parsed there, under a memory limit and a time budget.

/** What an uploaded directive turned out to be, and its text. */
export interface DocumentText {
  kind: 'txt' | 'docx' | 'pdf';
  text: string;
}

export interface UploadedDocument {
  originalname: string;
  buffer: Buffer;
  size: number;
}

const ACCEPTED =
  'Chỉ nhận tệp .txt (UTF-8), .docx hoặc .pdf có lớp văn bản / Only .txt (UTF-8), .docx and text-based .pdf files are accepted';

function unsupported(reason: string): ImportRefusal {
  return new ImportRefusal(415, 'UNSUPPORTED_FILE_TYPE', `${reason}. ${ACCEPTED}`);
}

function extensionOf(name: string): string | null {
  // multer hands over latin1-decoded names; only the ASCII extension matters here.
  return /\.([A-Za-z0-9]{1,8})$/.exec(name)?.[1]?.toLowerCase() ?? null;
}

/** PDF: `%PDF-` within the first 1024 bytes (the specification's allowance for leading junk). */
function isPdf(b: Buffer): boolean {
  const at = b.subarray(0, 1024).indexOf('%PDF-');
  return at >= 0;
}

/** A zip (local file header) holding `word/document.xml`: names sit uncompressed in the headers. */
function isDocx(b: Buffer): boolean {
  return b.length > 4 && b.readUInt32LE(0) === 0x04034b50 && b.includes('word/document.xml');
}

function isZipOrOle(b: Buffer): boolean {
  return (
    (b.length > 4 && b.readUInt32LE(0) === 0x04034b50) ||
    b.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))
  );
}

/**
 * Plain text must be UTF-8 (with or without BOM), or UTF-16 with its BOM (what Notepad calls "Unicode").
 * Legacy 8-bit code pages (TCVN3, VNI, Windows-1258) are refused rather than guessed: a wrong guess would
 * silently garble every diacritic.
 */
export function decodeText(b: Buffer): string {
  if (b[0] === 0xff && b[1] === 0xfe) return new TextDecoder('utf-16le', { fatal: true }).decode(b.subarray(2));
  if (b[0] === 0xfe && b[1] === 0xff) return new TextDecoder('utf-16be', { fatal: true }).decode(b.subarray(2));
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(b);
  } catch {
    throw unsupported(
      'Tệp văn bản không ở mã UTF-8 (hãy lưu lại với mã hóa UTF-8) / The text file is not UTF-8 (save it again as UTF-8)',
    );
  }
  if (text.includes('\u0000')) throw unsupported('Tệp không phải văn bản thuần / The file is not plain text');
  return text;
}

async function docxText(b: Buffer): Promise<string> {
  // What the archive expands to, checked before mammoth (JSZip) inflates anything: a 300 KB file can hold 300 MB.
  assertZipExpandsWithin(b);
  let value: string;
  try {
    ({ value } = await mammoth.extractRawText({ buffer: b }));
  } catch {
    throw unsupported('Không đọc được tệp Word này / This Word file cannot be read');
  }
  // mammoth ends every paragraph with a blank line; one line per paragraph keeps the document's shape.
  return value.replace(/\n\n/g, '\n');
}

async function pdfPages(data: Uint8Array): Promise<string[]> {
  const { text } = await extractText(data, { mergePages: false });
  return Array.isArray(text) ? text : [text];
}

async function pdfText(b: Buffer): Promise<string> {
  let pages: string[];
  try {
    pages = await pdfPages(new Uint8Array(b));
  } catch {
    throw unsupported(
      'Không đọc được tệp PDF này (tệp hỏng hoặc có mật khẩu) / This PDF cannot be read (damaged or password-protected)',
    );
  }
  const text = pages.join('\n');
  if (!text.trim()) {
    throw new ImportRefusal(
      422,
      'PDF_HAS_NO_TEXT',
      'Tệp PDF không có lớp văn bản (bản quét); hãy chạy OCR trước / This PDF has no text layer (a scan); run OCR first',
    );
  }
  return text;
}

/** The text of an uploaded directive, its kind decided by content; the file name's extension must agree. */
export async function documentText(file: UploadedDocument): Promise<DocumentText> {
  const b = file.buffer;
  if (b.length === 0) throw emptyDocument('Tệp trống / The file is empty');
  const ext = extensionOf(file.originalname);
  const kind: DocumentText['kind'] | null = isPdf(b) ? 'pdf' : isDocx(b) ? 'docx' : isZipOrOle(b) ? null : 'txt';
  if (!kind)
    throw unsupported('Tệp không phải .docx, .pdf hay văn bản thuần / The file is not .docx, .pdf or plain text');
  const allowed: Record<DocumentText['kind'], string[]> = { txt: ['txt', 'text'], docx: ['docx'], pdf: ['pdf'] };
  if (ext && !allowed[kind].includes(ext)) {
    throw unsupported(
      `Tệp có đuôi .${ext} nhưng nội dung là ${kind.toUpperCase()} / The file is named .${ext} but its content is ${kind.toUpperCase()}`,
    );
  }
  const text = kind === 'pdf' ? await pdfText(b) : kind === 'docx' ? await docxText(b) : decodeText(b);
  if (!text.trim()) throw emptyDocument('Tệp không có nội dung / The file has no text');
  return { kind, text };
}
