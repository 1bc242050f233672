import type { NextFunction, Request, Response } from 'express';

/**
 * Every answer under /api is about one person's session (a token, tasks, deliverables, errors): no browser,
 * proxy or shared cache may keep it. Set before the handler runs, so JSON, errors, file downloads
 * (StreamableFile) and the event stream all carry it; the board's static assets outside /api keep their caching.
 */
export function noStoreForApi(req: Request, res: Response, next: NextFunction): void {
  const path = req.originalUrl ?? req.url;
  if (path === '/api' || path.startsWith('/api/') || path.startsWith('/api?')) {
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Pragma', 'no-cache');
  }
  next();
}
