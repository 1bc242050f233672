import { get, type IncomingMessage } from 'node:http';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `probe` (sync or async) until it gives something truthy. */
export async function until<T>(
  what: string,
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 8_000,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

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
