import type {
  ACCESS_ACTION_VALUES,
  ACCESS_ITEM_KIND_VALUES,
  CLASSIFICATION_VALUES,
  ReportSnapshotDto,
} from '@dondoc/contracts';

export type AccessAction = (typeof ACCESS_ACTION_VALUES)[number];
export type AccessItemKind = (typeof ACCESS_ITEM_KIND_VALUES)[number];
export type Classification = (typeof CLASSIFICATION_VALUES)[number];

/**
 * One item an answer carries. Without `classification` the level is read from the database when the read is
 * recorded (the task's; a file's task's; the directive's), for answers that do not show it (files, documents).
 */
export interface AccessedItem {
  kind: AccessItemKind;
  taskId?: string | null;
  directiveId?: string | null;
  fileId?: string | null;
  classification?: Classification;
  /** When not the route's: a directive's page reads the directive ('detail') and lists its tasks ('list'). */
  action?: AccessAction;
}

/** A task row of an answer (a TaskSummary carries its level). */
export const taskItem = (t: { id: string; classification?: Classification }): AccessedItem => ({
  kind: 'task',
  taskId: t.id,
  classification: t.classification,
});

/** A task row shown as a list entry on a page that is itself another read (a directive's tasks). */
export const listedTaskItem = (t: { id: string; classification?: Classification }): AccessedItem => ({
  ...taskItem(t),
  action: 'list',
});

export const taskIdItem = (taskId: string): AccessedItem => ({ kind: 'task', taskId });

export const directiveItem = (d: { id: string; classification?: Classification }): AccessedItem => ({
  kind: 'directive',
  directiveId: d.id,
  classification: d.classification,
});

/** A stored file (a deliverable, a contribution's or a progress report's): its task is found from the file. */
export const fileItem = (fileId: string, taskId?: string): AccessedItem => ({ kind: 'file', fileId, taskId });

/** The task rows of a report list (escalations, review queue). */
export const reportRows = (r: { items: readonly { taskId: string }[] }): AccessedItem[] =>
  r.items.map((i) => taskIdItem(i.taskId));

/** The task rows a frozen report carries. */
export const snapshotRows = (s: ReportSnapshotDto): AccessedItem[] => [
  ...reportRows(s.figures.escalations),
  ...reportRows(s.figures.reviewQueue),
];
