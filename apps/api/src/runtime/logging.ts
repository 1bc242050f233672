import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LogFn, Logger } from 'pino';
import type { Options } from 'pino-http';

/**
 * Human-readable logs on a terminal (`npm start`), JSON everywhere else: `LOG_FORMAT=json` or `pretty`
 * decides; unset, a TTY outside production (and tests) gets pino-pretty.
 */
export function prettyLogs(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.LOG_FORMAT === 'json') return false;
  if (env.LOG_FORMAT === 'pretty') return true;
  // Jest sets NODE_ENV=test: no transport thread per test app, even when run from a terminal.
  return process.stdout.isTTY === true && env.NODE_ENV !== 'production' && env.NODE_ENV !== 'test';
}

/** pino's transport for a terminal, or none (plain JSON on stdout). */
export function logTransport(env: NodeJS.ProcessEnv = process.env) {
  return prettyLogs(env)
    ? {
        target: 'pino-pretty',
        options: {
          translateTime: 'SYS:HH:MM:ss',
          ignore: 'pid,hostname,req,res,responseTime,context',
          messageFormat: '{if context}{context}: {end}{msg}',
          singleLine: true,
        },
      }
    : undefined;
}

// Nest's start-up inventory (a line per module and per route, ~110 lines): useful when debugging only.
const INVENTORY = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory']);

/** pino's `hooks.logMethod`: Nest's start-up inventory goes to debug. */
export function quietInventory(this: Logger, args: Parameters<LogFn>, method: LogFn, level: number): void {
  const first = args[0] as { context?: unknown } | undefined;
  if (level === 30 && typeof first?.context === 'string' && INVENTORY.has(first.context)) {
    if (this.isLevelEnabled('debug')) this.debug(...args);
    return;
  }
  method.apply(this, args);
}

/** Probes and scrapes poll all day: logged at debug, not info. */
const PROBE = /^\/(api\/health(\/live|\/ready)?|metrics)(\?|$)/;

function requestLogLevel(req: IncomingMessage, res: ServerResponse, err?: Error): 'error' | 'debug' | 'info' {
  if (err || res.statusCode >= 500) return 'error';
  if (PROBE.test(req.url ?? '')) return 'debug';
  return 'info';
}

const idOf = (req: IncomingMessage) =>
  typeof req.id === 'string' || typeof req.id === 'number' ? String(req.id) : '-';

type Redactor = <T extends { url?: unknown; query?: unknown }>(req: T) => T;

/**
 * pino-http's options for one short line per request: method, URL (its token redacted), status, time
 * and request id; no headers (1.3 KB a request before).
 */
export function requestLogOptions(
  redact: Redactor,
): Pick<Options, 'serializers' | 'customLogLevel' | 'customSuccessMessage' | 'customErrorMessage' | 'hooks'> {
  const url = (req: IncomingMessage & { originalUrl?: string }) =>
    redact({ url: req.originalUrl ?? req.url }).url as string;
  return {
    serializers: {
      req: (req: { id?: unknown; method?: unknown; url?: unknown; query?: unknown }) => {
        const { id, method, url } = redact({ ...req });
        return { id, method, url };
      },
      res: (res: { statusCode?: unknown }) => ({ statusCode: res.statusCode }),
    },
    customLogLevel: requestLogLevel,
    customSuccessMessage: (req: IncomingMessage, res: ServerResponse, ms: number) =>
      `${req.method} ${url(req)} ${res.statusCode} ${Math.round(ms)} ms [${idOf(req)}]`,
    customErrorMessage: (req: IncomingMessage, res: ServerResponse, err: Error) =>
      `${req.method} ${url(req)} ${res.statusCode} ${err.message} [${idOf(req)}]`,
    hooks: { logMethod: quietInventory },
  };
}
