import { until as untilFor } from '../../e2e/support/wait.js';

export { freePort, sleep } from '../../e2e/support/wait.js';

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

/** The shared poller, with the fault suite's longer default (its streams run while things are killed). */
export function until<T>(
  what: string,
  probe: () => T | undefined | false | null | Promise<T | undefined | false | null>,
  timeoutMs = 60_000,
  everyMs = 100,
): Promise<T> {
  return untilFor(what, probe, timeoutMs, everyMs);
}
