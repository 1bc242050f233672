import { parseDirective, type ParsedDirective, type RegistryAgency } from '@dondoc/directive-parser';
import { documentText, type DocumentText } from './document-text.js';
import { emptyDocument, ImportRefusal } from './import-refusal.js';

/** What the API hands the import worker: the pasted text or the uploaded file, and what parsing needs. */
export interface ImportJob {
  text?: string;
  file?: { originalname: string; buffer: Uint8Array };
  agencies: RegistryAgency[];
  today: string;
}

export type ImportJobResult =
  | { ok: true; kind: DocumentText['kind'] | 'text'; characters: number; lines: number; parsed: ParsedDirective }
  | {
      ok: false;
      refusal: { status: number; code: ImportRefusal['code']; message: string; details?: ImportRefusal['details'] };
    };

/** Reads and parses one directive. Pure apart from reading the given bytes; runs in the import worker. */
export async function runImportJob(job: ImportJob): Promise<ImportJobResult> {
  try {
    let text: string;
    let kind: DocumentText['kind'] | 'text';
    if (job.file) {
      const buffer = Buffer.from(job.file.buffer.buffer, job.file.buffer.byteOffset, job.file.buffer.byteLength);
      const read = await documentText({ originalname: job.file.originalname, buffer, size: buffer.length });
      ({ text, kind } = read);
    } else {
      text = job.text ?? '';
      if (!text.trim()) throw emptyDocument('Hãy dán văn bản hoặc chọn tệp / Paste the text or choose a file');
      kind = 'text';
    }
    let lines = 1;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
    const parsed = parseDirective(text, { agencies: job.agencies, today: job.today });
    return { ok: true, kind, characters: text.length, lines, parsed };
  } catch (err) {
    if (err instanceof ImportRefusal) {
      return { ok: false, refusal: { status: err.status, code: err.code, message: err.message, details: err.details } };
    }
    throw err;
  }
}
