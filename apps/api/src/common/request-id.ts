import type { Request } from 'express';

export function requestIdOf(req: Request & { id?: unknown }): string | null {
  return typeof req.id === 'string' || typeof req.id === 'number' ? String(req.id) : null;
}
