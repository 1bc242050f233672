import type { ApiErrorBody, ErrorCode } from '@dondoc/contracts';

/**
 * A refusal decided while reading an uploaded document. Plain data (no NestJS), because documents are read in a
 * worker thread: the worker posts it back and the API turns it into an `ApiError` with the same status and code.
 */
export class ImportRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: ApiErrorBody['details'],
  ) {
    super(message);
  }
}

export function emptyDocument(what = 'Văn bản trống / The document is empty'): ImportRefusal {
  return new ImportRefusal(400, 'EMPTY_DOCUMENT', what);
}
