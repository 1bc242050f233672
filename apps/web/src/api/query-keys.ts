/** TanStack Query keys: one place, so invalidation after live events hits every view of the data. */
export const queryKeys = {
  agencies: ['agencies'] as const,
  organisations: ['organisations'] as const,
  directives: ['directives'] as const,
  tasks: ['tasks'] as const,
  taskList: (filters: Record<string, unknown>) => ['tasks', 'list', filters] as const,
  task: (id: string) => ['tasks', 'detail', id] as const,
  subTasks: (id: string) => ['tasks', 'sub-tasks', id] as const,
  notifications: ['notifications'] as const,
  adminUsers: ['admin', 'users'] as const,
  adminAgencies: ['admin', 'agencies'] as const,
};
