/** Query keys of the reports, under one prefix so a freeze or a live event can refresh them all. */
export const reportKeys = {
  all: ['reports'] as const,
  view: (path: string, asOf: string, scope: Record<string, string | undefined> = {}) =>
    ['reports', 'view', path, asOf, scope] as const,
  snapshots: ['reports', 'snapshots'] as const,
  snapshot: (id: string) => ['reports', 'snapshots', id] as const,
};
