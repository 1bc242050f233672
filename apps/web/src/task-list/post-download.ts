import { ApiError } from '../api/api-client';
import { sessionStore } from '../auth/session-store';
import { fileNameOf } from './response-parsing';

/**
 * POSTs JSON and saves the answer as a file. A POST, not a link: the body carries thousands of task ids
 * (too long for a URL) and the token rides in a header.
 */
export async function postDownload(path: string, body: unknown, fallbackName: string): Promise<string> {
  const token = sessionStore.token();
  let res: Response;
  try {
    res = await fetch(`/api${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', 'Không kết nối được máy chủ / Cannot reach the server');
  }
  if (!res.ok) {
    let err: { code?: string; message?: string; details?: unknown } = {};
    try {
      err = (await res.json()) as typeof err;
    } catch {
      // Not JSON (a proxy's page): keep the status.
    }
    if (res.status === 401) sessionStore.set(null);
    throw new ApiError(res.status, err.code ?? `HTTP_${res.status}`, err.message ?? res.statusText, err.details);
  }
  const name = fileNameOf(res.headers.get('Content-Disposition'), fallbackName);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}
