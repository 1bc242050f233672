import { createApiClient } from '@dondoc/api-client';
import { sessionStore } from '../auth/session-store';

/** An answer of the API that is not 2xx: its stable `code` and readable message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Query = Record<string, string | number | boolean | undefined | null | readonly string[]>;

export function apiUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, Array.isArray(v) ? v.join(',') : String(v));
  }
  const qs = params.toString();
  return `/api${path}${qs ? `?${qs}` : ''}`;
}

function authHeaders(): Record<string, string> {
  const token = sessionStore.token();
  return token ? { Authorization: `Bearer ${token}` } : {};
}

async function toError(res: Response): Promise<ApiError> {
  let body: { code?: string; message?: string; details?: unknown } = {};
  try {
    body = (await res.json()) as typeof body;
  } catch {
    // Not JSON (a proxy's error page): keep the status.
  }
  if (res.status === 401) sessionStore.set(null);
  return new ApiError(res.status, body.code ?? `HTTP_${res.status}`, body.message ?? res.statusText, body.details);
}

const NETWORK_MESSAGE = 'Không kết nối được máy chủ / Cannot reach the server';

/**
 * The client typed by the API's own OpenAPI document (libs/api-client): paths, parameters, bodies and
 * answers are checked at compile time. Requests carry the session's token.
 */
export const typedApi = createApiClient({ baseUrl: globalThis.location?.origin ?? '' });
typedApi.use({
  onRequest({ request }) {
    for (const [k, v] of Object.entries(authHeaders())) request.headers.set(k, v);
    return request;
  },
});

/** The answer of a typed call, or an ApiError for a non-2xx answer or an unreachable server. */
export async function unwrap<D>(pending: Promise<{ data?: D; error?: unknown; response: Response }>): Promise<D> {
  let result: { data?: D; error?: unknown; response: Response };
  try {
    result = await pending;
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, 'NETWORK', NETWORK_MESSAGE);
  }
  const { response, error } = result;
  if (!response.ok) {
    const body = (error ?? {}) as { code?: string; message?: string; details?: unknown };
    if (response.status === 401) sessionStore.set(null);
    throw new ApiError(
      response.status,
      body.code ?? `HTTP_${response.status}`,
      body.message ?? response.statusText,
      body.details,
    );
  }
  return result.data as D;
}

/** JSON request to the API with the session's token; throws ApiError on a non-2xx answer. */
export async function api<T>(
  path: string,
  init: { method?: string; body?: unknown; query?: Query; signal?: AbortSignal } = {},
): Promise<T> {
  let res: Response;
  try {
    res = await fetch(apiUrl(path, init.query), {
      method: init.method ?? 'GET',
      headers: { ...authHeaders(), ...(init.body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
      body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
      signal: init.signal,
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, 'NETWORK', NETWORK_MESSAGE);
  }
  if (!res.ok) throw await toError(res);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/** Multipart upload with progress (fetch cannot report upload progress; XHR can). */
export function apiUpload<T>(path: string, form: FormData, onProgress?: (fraction: number) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', apiUrl(path));
    for (const [k, v] of Object.entries(authHeaders())) xhr.setRequestHeader(k, v);
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress?.(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', NETWORK_MESSAGE));
    xhr.onload = () => {
      const body = (xhr.response ?? {}) as { code?: string; message?: string; details?: unknown };
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress?.(1);
        resolve(body as T);
      } else {
        if (xhr.status === 401) sessionStore.set(null);
        reject(
          new ApiError(xhr.status, body.code ?? `HTTP_${xhr.status}`, body.message ?? xhr.statusText, body.details),
        );
      }
    };
    xhr.send(form);
  });
}

/** Downloads a protected file (the token rides in a header, so a plain link would be refused). */
export async function apiDownload(path: string, fileName: string): Promise<void> {
  const res = await fetch(apiUrl(path), { headers: authHeaders() });
  if (!res.ok) throw await toError(res);
  saveBlob(await res.blob(), fileName);
}

/**
 * POSTs JSON and saves the answer as a file, under the name `nameOf` reads from its Content-Disposition.
 * A POST, not a link: the body may carry thousands of task ids (too long for a URL).
 */
export async function apiPostDownload(
  path: string,
  body: unknown,
  nameOf: (disposition: string | null) => string,
): Promise<string> {
  let res: Response;
  try {
    res = await fetch(apiUrl(path), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...authHeaders() },
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', NETWORK_MESSAGE);
  }
  if (!res.ok) throw await toError(res);
  const name = nameOf(res.headers.get('Content-Disposition'));
  saveBlob(await res.blob(), name);
  return name;
}

function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
