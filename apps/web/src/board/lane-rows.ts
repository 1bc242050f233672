import {
  type AgencyDto,
  type DirectiveDto,
  type TaskSummaryDto,
  compareVietnamese,
  sortByAgencyOrder,
} from '@dondoc/contracts';

/** The lane of tasks without a lead agency (or directive): always last. */
export const NO_LANE = '-';

export interface LaneGroup {
  key: string;
  tasks: TaskSummaryDto[];
}

/**
 * Tasks cut into swimlanes, in the order people read them elsewhere: agencies in the official order (the
 * registry's order, as the API lists it: the administrator's places, then Vietnamese order), directives as
 * the API lists them (newest first); lanes the registry does not know by name, and the unassigned lane last.
 */
export function laneGroups(
  tasks: readonly TaskSummaryDto[],
  lanes: 'agency' | 'directive',
  agencies: ReadonlyMap<string, AgencyDto>,
  directives: ReadonlyMap<string, DirectiveDto>,
  nameOf: (key: string) => string,
): LaneGroup[] {
  const groups = new Map<string, TaskSummaryDto[]>();
  for (const task of tasks) {
    const key = (lanes === 'agency' ? task.leadAgencyId : task.directiveId) ?? NO_LANE;
    const list = groups.get(key);
    if (list) list.push(task);
    else groups.set(key, [task]);
  }
  const registry = lanes === 'agency' ? agencies : directives;
  const place = new Map(Array.from(registry.keys(), (id, index) => [id, index]));
  const rows = Array.from(groups, ([key, list]) => ({ key, tasks: list }));
  const known = rows.filter((r) => place.has(r.key));
  const unknown = rows.filter((r) => !place.has(r.key) && r.key !== NO_LANE);
  const none = rows.filter((r) => r.key === NO_LANE);
  const ordered =
    lanes === 'agency'
      ? sortByAgencyOrder(known, (r) => ({ sortOrder: place.get(r.key) ?? null, name: nameOf(r.key) }))
      : known.sort((a, b) => (place.get(a.key) ?? 0) - (place.get(b.key) ?? 0));
  return [...ordered, ...unknown.sort((a, b) => compareVietnamese(nameOf(a.key), nameOf(b.key))), ...none];
}
