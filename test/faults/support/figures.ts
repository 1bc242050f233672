import { createServer, type AddressInfo } from 'node:net';

/** The five figures every fault test reports; `lost` and `duplicated` must be 0. */
export interface Figures {
  attempted: number;
  acknowledged: number;
  found: number;
  duplicated: number;
  lost: number;
}

/** One line on stderr, `fault <name>: {...}`, for the closing note. */
export function report(name: string, figures: Figures, extra: Record<string, unknown> = {}): void {
  process.stderr.write(`fault ${name}: ${JSON.stringify({ ...figures, ...extra })}\n`);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `probe` until it returns something truthy; the machine is shared, so deadlines are generous. */
export async function until<T>(
  what: string,
  probe: () => Promise<T | undefined | false | null> | T | undefined | false | null,
  timeoutMs = 60_000,
  everyMs = 100,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
