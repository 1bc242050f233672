import type { Request } from 'express';

const TICKET = /^[A-Za-z0-9_-]{1,128}$/;

/** The bearer token of the `Authorization` header; a malformed header gives none. */
export function bearerTokenOf(req: Request): string | undefined {
  const header = req.headers.authorization;
  if (typeof header !== 'string') return undefined;
  return /^Bearer ([A-Za-z0-9._-]+)$/.exec(header)?.[1];
}

/**
 * The stream ticket of `GET /api/events?ticket=` (EventSource cannot set headers). Only when no
 * `Authorization` header is given: a bad header is not silently replaced by the query.
 */
export function streamTicketOf(req: Request): string | undefined {
  if (req.headers.authorization !== undefined) return undefined;
  const q = (req.query as Record<string, unknown> | undefined)?.ticket;
  return typeof q === 'string' && TICKET.test(q) ? q : undefined;
}

/**
 * Query parameters never logged, however the name is spelled or percent-encoded: credentials, and the search text
 * (`q`), which may be a classified task's title typed by someone cleared for it.
 */
const SECRET_NAMES = new Set(['access_token', 'ticket', 'token', 'q']);

function decodedName(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' ')).toLowerCase();
  } catch {
    return raw.toLowerCase();
  }
}

function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const hash = url.indexOf('#', q);
  const end = hash < 0 ? url.length : hash;
  const query = url
    .slice(q + 1, end)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq < 0 ? pair : pair.slice(0, eq);
      return SECRET_NAMES.has(decodedName(name)) ? `${name}=[redacted]` : pair;
    })
    .join('&');
  return `${url.slice(0, q + 1)}${query}${url.slice(end)}`;
}

/**
 * For the HTTP log's request serializer: a credential in the query string (the stream ticket, or a token
 * someone put there however spelled: `access_token`, `ACCESS_TOKEN`, `access%5Ftoken`) is never logged.
 */
export function redactAccessToken<T extends { url?: unknown; query?: unknown }>(req: T): T {
  if (typeof req.url === 'string') req.url = redactUrl(req.url);
  const query = req.query as Record<string, unknown> | undefined;
  if (query && typeof query === 'object') {
    const secret = Object.keys(query).filter((k) => SECRET_NAMES.has(k.toLowerCase()));
    // A copy: the serialized object may share the query object with the live request.
    if (secret.length) req.query = { ...query, ...Object.fromEntries(secret.map((k) => [k, '[redacted]'])) };
  }
  return req;
}
