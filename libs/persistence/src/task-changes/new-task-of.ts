import type { NewTask } from './task-change.writer.js';
import { searchTextOf } from './task-identity.js';

/** A new draft from what the Office typed or imported (optional fields as the API accepts them). */
export function newTaskOf(
  code: string,
  t: {
    title: string;
    description?: string | null;
    deliverableType: string;
    field: string;
    leadAgencyId?: string | null;
    coordinatingAgencyIds?: string[] | null;
    dueDate?: string | null;
    deadlineText?: string | null;
    deadlineWorkingDays?: number | null;
    deadlineFrom?: 'assigned' | 'received' | null;
    continuous?: boolean;
    isKey?: boolean;
    decidingAuthority?: string;
  },
): NewTask {
  return {
    code,
    title: t.title,
    description: t.description ?? '',
    deliverableType: t.deliverableType,
    field: t.field,
    leadAgencyId: t.leadAgencyId ?? null,
    coordinatingAgencyIds: t.coordinatingAgencyIds ?? [],
    dueDate: t.dueDate ?? null,
    deadlineText: t.deadlineText ?? null,
    deadlineWorkingDays: t.deadlineWorkingDays ?? null,
    deadlineFrom: t.deadlineWorkingDays ? (t.deadlineFrom ?? 'assigned') : null,
    continuous: t.continuous ?? false,
    searchText: searchTextOf({ code, title: t.title, description: t.description }),
    isKey: t.isKey ?? false,
    decidingAuthority: t.decidingAuthority ?? 'standing_committee',
  };
}
