import type { Request } from 'express';
import { accessTokenOf, redactAccessToken } from './access-token.js';

const req = (headers: Record<string, string>, query: Record<string, unknown> = {}) =>
  ({ headers, query }) as unknown as Request;

describe('accessTokenOf', () => {
  it('takes the bearer header, or the query string when there is no header', () => {
    expect(accessTokenOf(req({ authorization: 'Bearer a.b.c' }))).toBe('a.b.c');
    expect(accessTokenOf(req({}, { access_token: 'a.b.c' }))).toBe('a.b.c');
    expect(accessTokenOf(req({ authorization: 'Bearer h.h.h' }, { access_token: 'q.q.q' }))).toBe('h.h.h');
  });

  it('refuses malformed tokens, and never lets the query rescue a bad header', () => {
    expect(accessTokenOf(req({}))).toBeUndefined();
    expect(accessTokenOf(req({ authorization: 'Token abc' }, { access_token: 'a.b.c' }))).toBeUndefined();
    expect(accessTokenOf(req({}, { access_token: ['a.b.c', 'd.e.f'] }))).toBeUndefined();
    expect(accessTokenOf(req({}, { access_token: 'a b' }))).toBeUndefined();
    expect(accessTokenOf(req({}, { access_token: '' }))).toBeUndefined();
  });
});

describe('redactAccessToken', () => {
  it('removes the token from the logged URL and query, not from the request', () => {
    const live = { access_token: 'secret.token.here', x: '1' };
    const logged = redactAccessToken({ url: '/api/events?x=1&access_token=secret.token.here#f', query: live });
    expect(logged.url).toBe('/api/events?x=1&access_token=[redacted]#f');
    expect(logged.query).toEqual({ access_token: '[redacted]', x: '1' });
    expect(live.access_token).toBe('secret.token.here');
    expect(redactAccessToken({ url: '/api/events?ACCESS_TOKEN=s' }).url).toBe('/api/events?ACCESS_TOKEN=[redacted]');
    expect(redactAccessToken({ url: '/api/tasks?q=x' }).url).toBe('/api/tasks?q=x');
  });
});
