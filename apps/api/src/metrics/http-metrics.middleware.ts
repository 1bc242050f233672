import { TASK_EVENTS } from '@dondoc/workflow';
import type { NextFunction, Request, Response } from 'express';
import type { ApiMetrics } from './api-metrics.js';

const EVENTS = new Set<string>(TASK_EVENTS);

/**
 * Times every request and labels it with the matched route template (never the raw URL, whose ids
 * would explode the series). The error filter leaves the answer's `code` in `res.locals.errorCode`.
 */
export function httpMetricsMiddleware(metrics: ApiMetrics) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const route = (req.route as { path?: string } | undefined)?.path;
      const template = route ? `${req.baseUrl}${route}` : req.path.startsWith('/api') ? 'unmatched' : 'static';
      const status = String(res.statusCode);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      metrics.httpDuration.observe({ method: req.method, route: template, status }, seconds);
      const code = (res.locals as { errorCode?: string }).errorCode;
      if (req.method === 'POST' && template === '/api/tasks/:id/transitions') {
        const event = (req.body as { event?: unknown } | undefined)?.event;
        metrics.transitions.inc({
          event: typeof event === 'string' && EVENTS.has(event) ? event : 'invalid',
          outcome: res.statusCode < 400 ? 'ok' : (code ?? status),
        });
      }
      if (req.method === 'POST' && template === '/api/auth/login' && res.statusCode >= 400) {
        metrics.loginFailures.inc({ reason: code ?? status });
      }
    });
    next();
  };
}
