import type { Request } from 'express';
import { bearerTokenOf, redactAccessToken, streamTicketOf } from './access-token.js';

const req = (headers: Record<string, string>, query: Record<string, unknown> = {}) =>
  ({ headers, query }) as unknown as Request;

describe('bearerTokenOf', () => {
  it('takes the bearer header only', () => {
    expect(bearerTokenOf(req({ authorization: 'Bearer a.b.c' }))).toBe('a.b.c');
    expect(bearerTokenOf(req({ authorization: 'Token abc' }))).toBeUndefined();
    // A token in the query string is not a credential any more.
    expect(bearerTokenOf(req({}, { access_token: 'a.b.c' }))).toBeUndefined();
  });
});

describe('streamTicketOf', () => {
  it('takes ?ticket= when no header is given, and refuses malformed ones', () => {
    expect(streamTicketOf(req({}, { ticket: 'AbC_-12' }))).toBe('AbC_-12');
    expect(streamTicketOf(req({ authorization: 'Token abc' }, { ticket: 'AbC' }))).toBeUndefined();
    expect(streamTicketOf(req({}, { ticket: ['a', 'b'] }))).toBeUndefined();
    expect(streamTicketOf(req({}, { ticket: 'a b' }))).toBeUndefined();
    expect(streamTicketOf(req({}, { ticket: '' }))).toBeUndefined();
  });
});

describe('redactAccessToken', () => {
  it.each([
    ['/api/events?ticket=s3cr3t', '/api/events?ticket=[redacted]'],
    ['/api/events?x=1&access_token=secret.token.here#f', '/api/events?x=1&access_token=[redacted]#f'],
    ['/api/events?ACCESS_TOKEN=s', '/api/events?ACCESS_TOKEN=[redacted]'],
    ['/api/events?access%5Ftoken=s', '/api/events?access%5Ftoken=[redacted]'],
    ['/api/events?access%5ftoken=s&x=2', '/api/events?access%5ftoken=[redacted]&x=2'],
    ['/api/events?%61ccess_token=s', '/api/events?%61ccess_token=[redacted]'],
    ['/api/events?Ticket=s&ticket=t', '/api/events?Ticket=[redacted]&ticket=[redacted]'],
    ['/api/events?token=s', '/api/events?token=[redacted]'],
    // The search text may be a classified title: never logged either.
    ['/api/tasks?q=x&limit=5', '/api/tasks?q=[redacted]&limit=5'],
    ['/api/tasks?Q=%E0%A4', '/api/tasks?Q=[redacted]'],
    ['/api/tasks?state=assigned', '/api/tasks?state=assigned'],
  ])('%s is logged as %s', (url, logged) => {
    expect(redactAccessToken({ url }).url).toBe(logged);
  });

  it('redacts the logged query object, not the live request', () => {
    const live = { access_token: 'secret.token.here', ticket: 'tk', x: '1' };
    const logged = redactAccessToken({ url: '/api/events', query: live });
    expect(logged.query).toEqual({ access_token: '[redacted]', ticket: '[redacted]', x: '1' });
    expect(live.access_token).toBe('secret.token.here');
  });
});
