/**
 * What the log keeps of an error. A failed query carries the values it was given (`parameters`: titles, comments,
 * narratives) and PostgreSQL quotes the failing row back (`detail`, `where`); pino would print them all, so only the
 * error's kind, message, stack and the names of what failed are kept.
 */
export function loggableError(e: unknown): unknown {
  if (!(e instanceof Error)) return e;
  const err = e as Error & Record<string, unknown>;
  if (!('parameters' in err) && !('driverError' in err) && !('detail' in err)) return e;
  const driver = (err.driverError ?? {}) as Record<string, unknown>;
  const pick = (key: string) => err[key] ?? driver[key];
  return {
    type: err.name,
    message: err.message,
    stack: err.stack,
    code: pick('code'),
    constraint: pick('constraint'),
    table: pick('table'),
    column: pick('column'),
    routine: pick('routine'),
    query: err.query,
  };
}
