import { get, type IncomingMessage } from 'node:http';
import type { Response } from 'supertest';
import { until } from './wait.js';

export interface SseEvent {
  event: string;
  data: Record<string, unknown>;
}

/** A plain HTTP client reading an event stream the way EventSource does: blocks of `field: value` lines. */
export class SseClient {
  readonly events: SseEvent[] = [];
  comments = 0;
  ended = false;
  private buffer = '';

  private constructor(private readonly res: IncomingMessage) {
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => this.read(chunk));
    res.on('close', () => (this.ended = true));
  }

  /** Resolves once the answer's head is in: a stream for 200, the JSON error otherwise. */
  static open(
    port: number,
    path: string,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; client?: SseClient; body?: unknown; contentType?: string }> {
    return new Promise((resolve, reject) => {
      const req = get(
        { host: '127.0.0.1', port, path, headers: { Accept: 'text/event-stream', ...headers } },
        (res) => {
          const contentType = String(res.headers['content-type'] ?? '');
          if (res.statusCode === 200) return resolve({ status: 200, client: new SseClient(res), contentType });
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (text += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text), contentType }));
        },
      );
      req.on('error', reject);
    });
  }

  private read(chunk: string): void {
    this.buffer += chunk.replace(/\r\n?/g, '\n');
    let end: number;
    while ((end = this.buffer.indexOf('\n\n')) >= 0) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      let event = 'message';
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) this.comments++;
        else if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
      if (data.length) this.events.push({ event, data: JSON.parse(data.join('\n')) as Record<string, unknown> });
    }
  }

  of(event: string, taskId?: string): SseEvent[] {
    return this.events.filter((e) => e.event === event && (taskId === undefined || e.data.taskId === taskId));
  }

  ready(): Promise<SseEvent> {
    return until('the ready event', () => this.of('ready')[0]);
  }

  close(): void {
    this.res.destroy();
  }
}

/**
 * A supertest parser for `GET /api/events`: an event stream never ends by itself, so keep its text up to
 * the first event, then hang up. Anything else (an error) is read whole, as JSON when it is JSON.
 */
export function untilFirstEvent(response: Response, done: (err: Error | null, body: unknown) => void): void {
  // superagent's typings name its own Response; in Node the parser is handed the raw IncomingMessage.
  const res = response as unknown as IncomingMessage;
  const stream = /^text\/event-stream/.test(String(res.headers['content-type']));
  let text = '';
  let finished = false;
  const finish = (body: unknown) => {
    if (finished) return;
    finished = true;
    done(null, body);
  };
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => {
    text += chunk;
    if (stream && /\n\n/.test(text.replace(/^\n+/, ''))) {
      finish(text);
      res.destroy();
    }
  });
  res.on('end', () => {
    if (stream) return finish(text);
    try {
      finish(text ? JSON.parse(text) : {});
    } catch {
      finish(text);
    }
  });
}
