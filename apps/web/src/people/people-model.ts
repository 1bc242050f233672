import type { PersonDto, SetTaskPeopleRequest, TaskSummaryDto } from '@dondoc/contracts';
import { isAgencyHead, type Actor, type DecidingAuthority } from '@dondoc/workflow';

export type TaskPeople = Pick<
  TaskSummaryDto,
  'assigneeUserId' | 'responsibleLeaderUserId' | 'monitoringUserId' | 'decidingAuthority' | 'isKey'
>;

type TaskForPeople = Pick<TaskSummaryDto, 'state' | 'leadAgencyId'>;

const closed = (t: TaskForPeople) => t.state === 'approved' || t.state === 'cancelled';

/** The lead agency's head or deputy names its handling officer and responsible leader (the server checks too). */
export function mayNameAgencyPeople(task: TaskForPeople, actor: Actor): boolean {
  return !closed(task) && isAgencyHead(actor) && !!task.leadAgencyId && actor.agencyId === task.leadAgencyId;
}

/** The Office names the monitoring officer, the deciding authority and the key flag. */
export function mayNameOfficePeople(task: TaskForPeople, actor: Actor): boolean {
  return !closed(task) && actor.role === 'office';
}

/**
 * Which agency settings this person opens from the ☰ menu: an agency's head (or deputy) its own ("Cài đặt cơ
 * quan": officers on every task), the Office the monitoring officer of each agency; anyone else none.
 */
export function agencySettingsKind(actor: Actor): 'officers' | 'monitoring' | null {
  if (actor.role === 'office') return 'monitoring';
  return actor.role === 'agency' && !!actor.agencyId && isAgencyHead(actor) ? 'officers' : null;
}

/** A leader is the head or a deputy: officers are not offered (the server refuses them). */
export function leaderCandidates(people: readonly PersonDto[]): PersonDto[] {
  return people.filter((p) => p.position !== 'officer');
}

/** Only what changed, so the history records the change and nothing else; null when nothing did. */
export function peoplePatch(
  before: TaskPeople,
  after: TaskPeople,
  keys: readonly (keyof TaskPeople)[],
  comment: string,
): SetTaskPeopleRequest | null {
  const patch: Record<string, unknown> = {};
  for (const key of keys) {
    if (after[key] !== before[key]) patch[key] = after[key];
  }
  if (Object.keys(patch).length === 0) return null;
  const text = comment.trim();
  if (text) patch.comment = text;
  return patch;
}

export const AGENCY_PEOPLE_KEYS = ['assigneeUserId', 'responsibleLeaderUserId'] as const;
export const OFFICE_PEOPLE_KEYS = ['monitoringUserId', 'decidingAuthority', 'isKey'] as const;
export const AUTHORITIES: readonly DecidingAuthority[] = ['standing_committee', 'standing_board', 'office'];

/** "Nguyễn Văn A (Trưởng ban)": a name with the person's place, or the bare id while the list loads. */
export function personName(byId: ReadonlyMap<string, Pick<PersonDto, 'fullName'>>, id: string | null): string | null {
  if (!id) return null;
  return byId.get(id)?.fullName ?? null;
}
