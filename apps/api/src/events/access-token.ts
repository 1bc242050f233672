import type { Request } from 'express';

const TOKEN = /^[A-Za-z0-9._-]{1,4096}$/;

/**
 * The caller's token: the usual bearer header, or `?access_token=` because a browser's EventSource
 * cannot set headers. The header wins when both are given; a malformed one is not silently replaced by
 * the query's.
 */
export function accessTokenOf(req: Request): string | undefined {
  const header = req.headers.authorization;
  if (header !== undefined) {
    const match = typeof header === 'string' ? /^Bearer ([A-Za-z0-9._-]+)$/.exec(header) : null;
    return match ? match[1] : undefined;
  }
  const q = (req.query as Record<string, unknown> | undefined)?.access_token;
  return typeof q === 'string' && TOKEN.test(q) ? q : undefined;
}

const IN_URL = /([?&]access_token=)[^&#]*/gi;

/**
 * For the HTTP log's request serializer: the token in the query string of `/api/events` is a bearer
 * credential, so neither the logged URL nor the logged query may carry it.
 */
export function redactAccessToken<T extends { url?: unknown; query?: unknown }>(req: T): T {
  if (typeof req.url === 'string') req.url = req.url.replace(IN_URL, '$1[redacted]');
  const query = req.query as Record<string, unknown> | undefined;
  // A copy: the serialized object may share the query object with the live request.
  if (query && typeof query === 'object' && 'access_token' in query) {
    req.query = { ...query, access_token: '[redacted]' };
  }
  return req;
}
