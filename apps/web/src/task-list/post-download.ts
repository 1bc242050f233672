import { apiPostDownload } from '../api/api-client';
import { fileNameOf } from './response-parsing';

/** Saves the answer to a POST of the selection (the export, the urging letters) under the server's file name. */
export function postDownload(path: string, body: unknown, fallbackName: string): Promise<string> {
  return apiPostDownload(path, body, (disposition) => fileNameOf(disposition, fallbackName));
}
