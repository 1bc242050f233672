import mammoth from 'mammoth';
import { getDocumentProxy, getResolvedPDFJS } from 'unpdf';
import { emptyDocument, ImportRefusal } from './import-refusal.js';
import { MAX_OCR_PAGES, MAX_OCR_PIXELS, ocrImage, ocrPdfPages, type OcrContext, type PdfPageSize } from './ocr.js';
import { layoutText, pdfPageLayout, type LayoutPage } from './pdf-layout.js';
import { assertZipExpandsWithin } from './zip-limits.js';

// Runs in the import worker thread (import-worker.ts), never in the API's own thread: untrusted documents are
// expanded and parsed there, under a memory limit and a time budget; scans are read by OCR in child processes.

export type DocumentKind = 'txt' | 'docx' | 'pdf' | 'png' | 'jpg' | 'tiff';

/** What an uploaded directive turned out to be, and its text. */
export interface DocumentText {
  kind: DocumentKind;
  text: string;
  /** Whether (some of) the text was read by OCR from a scan or an image. */
  ocr: boolean;
  /** Pages of a PDF or an image (a TIFF may hold several); null for text and Word files. */
  pages: number | null;
}

export interface UploadedDocument {
  originalname: string;
  buffer: Buffer;
  size: number;
}

/**
 * Reading needs OCR (an image, a scanned PDF), which this reading was not given: the import is run again by the
 * OCR threads (`ImportJob.ocr`), which have their own, longer time budget.
 */
export class NeedsOcr extends Error {
  constructor() {
    super('needs OCR');
  }
}

const ACCEPTED =
  'Chỉ nhận tệp .txt (UTF-8), .docx, .pdf hoặc ảnh quét .png, .jpg, .tif / ' +
  'Only .txt (UTF-8), .docx, .pdf and scanned images (.png, .jpg, .tif) are accepted';

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

const ZIP = 0x04034b50;
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** A zip (local file header) holding `word/document.xml`: names sit uncompressed in the headers. */
function isDocx(b: Buffer): boolean {
  return b.length > 4 && b.readUInt32LE(0) === ZIP && b.includes('word/document.xml');
}

function imageKind(b: Buffer): 'png' | 'jpg' | 'tiff' | null {
  if (b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpg';
  const head = b.subarray(0, 4).toString('latin1');
  if (head === 'II*\u0000' || head === 'MM\u0000*') return 'tiff';
  return null;
}

const EXTENSIONS: Record<DocumentKind, string[]> = {
  txt: ['txt', 'text'],
  docx: ['docx'],
  pdf: ['pdf'],
  png: ['png'],
  jpg: ['jpg', 'jpeg'],
  tiff: ['tif', 'tiff'],
};

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

// ---------------------------------------------------------------------------------------------
// Images: their size read from the headers before anything decodes them.
// ---------------------------------------------------------------------------------------------

interface ImageSize {
  width: number;
  height: number;
  pages: number;
}

function pngSize(b: Buffer): ImageSize | null {
  if (b.length < 24 || b.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20), pages: 1 };
}

function jpegSize(b: Buffer): ImageSize | null {
  let at = 2;
  while (at + 9 < b.length) {
    if (b[at] !== 0xff) return null;
    const marker = b[at + 1];
    if (marker === 0xff) {
      at++;
      continue;
    }
    const length = b.readUInt16BE(at + 2);
    // Start of frame (baseline, progressive, …), not DHT (C4), JPG (C8) or DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: b.readUInt16BE(at + 5), width: b.readUInt16BE(at + 7), pages: 1 };
    }
    if (marker === 0xd9 || marker === 0xda) return null;
    at += 2 + length;
  }
  return null;
}

/** A TIFF's pages (its image file directories) and the largest page's size. */
function tiffSize(b: Buffer): ImageSize | null {
  if (b.length < 8) return null;
  const le = b[0] === 0x49;
  const u16 = (at: number) => (le ? b.readUInt16LE(at) : b.readUInt16BE(at));
  const u32 = (at: number) => (le ? b.readUInt32LE(at) : b.readUInt32BE(at));
  let ifd = u32(4);
  let pages = 0;
  let width = 0;
  let height = 0;
  const seen = new Set<number>();
  while (ifd !== 0) {
    if (seen.has(ifd) || ifd + 2 > b.length || pages > MAX_OCR_PAGES) break;
    seen.add(ifd);
    const count = u16(ifd);
    if (ifd + 2 + count * 12 + 4 > b.length) return null;
    let w = 0;
    let h = 0;
    for (let i = 0; i < count; i++) {
      const entry = ifd + 2 + i * 12;
      const tag = u16(entry);
      const type = u16(entry + 2);
      const value = type === 3 ? u16(entry + 8) : u32(entry + 8);
      if (tag === 256) w = value;
      if (tag === 257) h = value;
    }
    if (!w || !h) return null;
    if (w * h > width * height) [width, height] = [w, h];
    pages++;
    ifd = u32(ifd + 2 + count * 12);
  }
  return pages ? { width, height, pages } : null;
}

function checkImage(b: Buffer, kind: 'png' | 'jpg' | 'tiff'): ImageSize {
  const size = kind === 'png' ? pngSize(b) : kind === 'jpg' ? jpegSize(b) : tiffSize(b);
  if (!size || !size.width || !size.height)
    throw unsupported('Không đọc được ảnh này (tệp hỏng) / This image cannot be read (damaged file)');
  const pixels = size.width * size.height;
  if (pixels > MAX_OCR_PIXELS) {
    const mp = (n: number) => Math.round(n / 1_000_000);
    throw new ImportRefusal(
      413,
      'PAYLOAD_TOO_LARGE',
      `Ảnh quá lớn (${mp(pixels)} triệu điểm ảnh, tối đa ${mp(MAX_OCR_PIXELS)} triệu); hãy quét ở 300 dpi / ` +
        `The image is too large (${mp(pixels)} megapixels, at most ${mp(MAX_OCR_PIXELS)}); scan it at 300 dpi`,
      { limit: 'pixels', maxPixels: MAX_OCR_PIXELS },
    );
  }
  if (size.pages > MAX_OCR_PAGES) throw tooManyScannedPages(size.pages);
  return size;
}

function tooManyScannedPages(pages: number): ImportRefusal {
  return new ImportRefusal(
    413,
    'PAYLOAD_TOO_LARGE',
    `Bản quét có ${pages > MAX_OCR_PAGES ? `hơn ${MAX_OCR_PAGES}` : pages} trang; chỉ đọc được bằng OCR tối đa ${MAX_OCR_PAGES} trang, hãy chia nhỏ văn bản / ` +
      `The scan has ${pages > MAX_OCR_PAGES ? `over ${MAX_OCR_PAGES}` : pages} pages; OCR reads at most ${MAX_OCR_PAGES}, split the document`,
    { limit: 'ocr-pages', maxPages: MAX_OCR_PAGES },
  );
}

// ---------------------------------------------------------------------------------------------
// PDF: text items with their positions, so a catalog table keeps its columns; pages without text by OCR.
// ---------------------------------------------------------------------------------------------

/** A page with fewer letters than this in its text layer is taken as a scan. */
const MIN_PAGE_LETTERS = 10;

function letters(page: LayoutPage): number {
  let n = 0;
  for (const line of page.lines) for (const run of line.runs) n += run.text.replace(/[^\p{L}\p{N}]/gu, '').length;
  return n;
}

type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>;

async function hasImage(pdf: PdfDocument, pageNumber: number): Promise<boolean> {
  const { OPS } = await getResolvedPDFJS();
  const painting = new Set<number>([
    OPS.paintImageXObject,
    OPS.paintInlineImageXObject,
    OPS.paintInlineImageXObjectGroup,
    OPS.paintImageXObjectRepeat,
    OPS.paintImageMaskXObject,
    OPS.paintImageMaskXObjectGroup,
    OPS.paintImageMaskXObjectRepeat,
  ]);
  const { fnArray } = await (await pdf.getPage(pageNumber)).getOperatorList();
  return fnArray.some((fn: number) => painting.has(fn));
}

function noTextLayer(reason: string): ImportRefusal {
  return new ImportRefusal(422, 'PDF_HAS_NO_TEXT', reason);
}

const NO_OCR_FOR_SCAN =
  'Tệp PDF không có lớp văn bản (bản quét) và máy chủ chưa cài OCR để đọc; quản trị viên cần cài: ' +
  'apt-get install tesseract-ocr tesseract-ocr-vie poppler-utils (hoặc chạy OCR trước khi nhập) / ' +
  'This PDF has no text layer (a scan) and the server has no OCR to read it; an administrator must install: ' +
  'apt-get install tesseract-ocr tesseract-ocr-vie poppler-utils (or run OCR before importing)';

/** Each page's text as laid out, and the pages that hold no text (scans). */
async function pdfPages(b: Buffer): Promise<{ pdf: PdfDocument; pages: LayoutPage[]; scanned: PdfPageSize[] }> {
  let pdf: PdfDocument | undefined;
  try {
    pdf = await getDocumentProxy(new Uint8Array(b));
    const pages: LayoutPage[] = [];
    const scanned: PdfPageSize[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const { width, height } = page.getViewport({ scale: 1 });
      const layout = pdfPageLayout((await page.getTextContent()).items, width, height);
      pages.push(layout);
      if (letters(layout) < MIN_PAGE_LETTERS) scanned.push({ number: n, width, height });
      page.cleanup();
    }
    return { pdf, pages, scanned };
  } catch {
    await pdf?.destroy();
    throw unsupported(
      'Không đọc được tệp PDF này (tệp hỏng hoặc có mật khẩu) / This PDF cannot be read (damaged or password-protected)',
    );
  }
}

/**
 * A PDF's text: its text layer laid out (a catalog table's rows one a line, cells TAB-separated); a scan (no text
 * on any page, at most `MAX_OCR_PAGES`) read by OCR; a typed PDF's pages that hold only an image (a scanned
 * appendix) read by OCR when it is installed, left out when not.
 */
async function pdfText(b: Buffer, ocr: OcrContext | null): Promise<Omit<DocumentText, 'kind'>> {
  const { pdf, pages, scanned } = await pdfPages(b);
  const scan = scanned.length === pages.length;
  let toRead: PdfPageSize[] = [];
  try {
    if (scan) {
      if (pages.length > MAX_OCR_PAGES) throw tooManyScannedPages(pages.length);
      toRead = scanned;
    } else if (scanned.length) {
      for (const page of scanned) {
        if (toRead.length > MAX_OCR_PAGES) break;
        if (await hasImage(pdf, page.number)) toRead.push(page);
      }
      if (toRead.length > MAX_OCR_PAGES) toRead = [];
    }
  } finally {
    await pdf.destroy();
  }
  if (!toRead.length) return { text: layoutText(pages), ocr: false, pages: pages.length };
  if (!ocr) throw new NeedsOcr();
  let read: Array<LayoutPage | null>;
  try {
    read = await ocrPdfPages(b, toRead, ocr);
  } catch (err) {
    if (!(err instanceof ImportRefusal && err.code === 'OCR_UNAVAILABLE')) throw err;
    if (scan) throw noTextLayer(NO_OCR_FOR_SCAN);
    return { text: layoutText(pages), ocr: false, pages: pages.length };
  }
  const byNumber = new Map<number, LayoutPage>();
  toRead.forEach((page, i) => {
    const found = read[i];
    if (found && letters(found) > 0) byNumber.set(page.number, found);
  });
  if (scan && !byNumber.size) {
    throw noTextLayer(
      'Tệp PDF không có lớp văn bản và nhận dạng chữ (OCR) không đọc được chữ nào; hãy kiểm tra bản quét / ' +
        'This PDF has no text layer and OCR found no text in it; check the scan',
    );
  }
  return {
    text: layoutText(pages.map((page, i) => byNumber.get(i + 1) ?? page)),
    ocr: byNumber.size > 0,
    pages: pages.length,
  };
}

/** How the document may be read: with OCR (the OCR threads) or without (a scan then throws `NeedsOcr`). */
export interface ReadOptions {
  ocr: OcrContext | null;
}

/** The text of an uploaded directive, its kind decided by content; the file name's extension must agree. */
export async function documentText(
  file: UploadedDocument,
  options: ReadOptions = { ocr: null },
): Promise<DocumentText> {
  const b = file.buffer;
  if (b.length === 0) throw emptyDocument('Tệp trống / The file is empty');
  const ext = extensionOf(file.originalname);
  // Word 97-2003 (.doc, an OLE2 compound file) is refused: the one pure-JS reader on npm, word-extractor (MIT),
  // has had no release since 2021 and its issues go unanswered; an unmaintained parser of untrusted binary files
  // is not worth it when Word or LibreOffice saves the file as .docx in one step.
  if (b.subarray(0, 8).equals(OLE)) {
    throw unsupported(
      ext === 'doc' || ext === 'dot'
        ? 'Tệp .doc (Word 97-2003) chưa được hỗ trợ; hãy mở bằng Word hoặc LibreOffice và lưu lại thành .docx / ' +
            'Word 97-2003 .doc files are not supported; open it in Word or LibreOffice and save it as .docx'
        : 'Tệp Office định dạng cũ (97-2003) không được hỗ trợ; hãy lưu lại thành .docx hoặc .pdf / ' +
            'Office 97-2003 files are not supported; save it as .docx or .pdf',
    );
  }
  const image = imageKind(b);
  const kind: DocumentKind | null = isPdf(b)
    ? 'pdf'
    : isDocx(b)
      ? 'docx'
      : image
        ? image
        : b.length > 4 && b.readUInt32LE(0) === ZIP
          ? null
          : 'txt';
  if (!kind) {
    throw unsupported(
      'Tệp không phải .docx, .pdf, ảnh hay văn bản thuần / The file is not .docx, .pdf, an image or plain text',
    );
  }
  if (ext && !EXTENSIONS[kind].includes(ext)) {
    throw unsupported(
      `Tệp có đuôi .${ext} nhưng nội dung là ${kind.toUpperCase()} / The file is named .${ext} but its content is ${kind.toUpperCase()}`,
    );
  }
  let read: Omit<DocumentText, 'kind'>;
  if (kind === 'pdf') read = await pdfText(b, options.ocr);
  else if (kind === 'docx') read = { text: await docxText(b), ocr: false, pages: null };
  else if (kind === 'txt') read = { text: decodeText(b), ocr: false, pages: null };
  else {
    const size = checkImage(b, kind);
    if (!options.ocr) throw new NeedsOcr();
    const { text } = await ocrImage(b, EXTENSIONS[kind][0], options.ocr);
    if (!text.trim()) {
      throw emptyDocument(
        'Nhận dạng chữ (OCR) không đọc được chữ nào trong ảnh; hãy kiểm tra bản quét / OCR found no text in the image; check the scan',
      );
    }
    read = { text, ocr: true, pages: size.pages };
  }
  if (!read.text.trim()) throw emptyDocument('Tệp không có nội dung / The file has no text');
  return { kind, ...read };
}
