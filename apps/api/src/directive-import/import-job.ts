import { parseDirective, type ParsedDirective, type RegistryAgency } from '@dondoc/directive-parser';
import { documentText, NeedsOcr, type DocumentText } from './document-text.js';
import { emptyDocument, ImportRefusal } from './import-refusal.js';
import type { OcrPrograms } from './ocr.js';

/** What the API hands the import worker: the pasted text or the uploaded file, and what parsing needs. */
export interface ImportJob {
  text?: string;
  file?: { originalname: string; buffer: Uint8Array };
  agencies: RegistryAgency[];
  today: string;
  /**
   * Given to the OCR threads only: a scan or an image is read with these programs. Without it, a document that
   * needs OCR comes back as `needsOcr` (and is run again by those threads, with their longer time budget).
   */
  ocr?: OcrPrograms;
}

/** What the worker is told besides the job: its deadline, and whom to tell about the processes it starts. */
export interface ImportJobHooks {
  /** The end of the pool's time budget (epoch ms): child processes are given no longer. */
  deadline: number;
  onChild?: (pid: number) => void;
  onChildExit?: (pid: number) => void;
  onTempDir?: (dir: string) => void;
}

export type ImportJobResult =
  | {
      ok: true;
      kind: DocumentText['kind'] | 'text';
      characters: number;
      lines: number;
      /** Whether the text was read by OCR, and the pages of a PDF or an image (null for text and Word). */
      ocr: boolean;
      pages: number | null;
      /** The text as read (what the parser was given). */
      text: string;
      parsed: ParsedDirective;
    }
  | { ok: false; needsOcr: true }
  | {
      ok: false;
      needsOcr?: undefined;
      refusal: { status: number; code: ImportRefusal['code']; message: string; details?: ImportRefusal['details'] };
    };

/** Reads and parses one directive. Pure apart from reading the given bytes (and OCR's processes); in the worker. */
export async function runImportJob(
  job: ImportJob,
  hooks: ImportJobHooks = { deadline: Date.now() + 60_000 },
): Promise<ImportJobResult> {
  try {
    let text: string;
    let kind: DocumentText['kind'] | 'text';
    let ocr = false;
    let pages: number | null = null;
    if (job.file) {
      const buffer = Buffer.from(job.file.buffer.buffer, job.file.buffer.byteOffset, job.file.buffer.byteLength);
      const read = await documentText(
        { originalname: job.file.originalname, buffer, size: buffer.length },
        { ocr: job.ocr ? { programs: job.ocr, ...hooks } : null },
      );
      ({ text, kind, ocr, pages } = read);
    } else {
      text = job.text ?? '';
      if (!text.trim()) throw emptyDocument('Hãy dán văn bản hoặc chọn tệp / Paste the text or choose a file');
      kind = 'text';
    }
    let lines = 1;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
    const parsed = parseDirective(text, { agencies: job.agencies, today: job.today });
    return { ok: true, kind, characters: text.length, lines, ocr, pages, text, parsed };
  } catch (err) {
    if (err instanceof NeedsOcr) return { ok: false, needsOcr: true };
    if (err instanceof ImportRefusal) {
      return { ok: false, refusal: { status: err.status, code: err.code, message: err.message, details: err.details } };
    }
    throw err;
  }
}
