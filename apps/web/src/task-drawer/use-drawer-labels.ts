import { DEADLINE_STATUS_LABELS, EVENT_LABELS, STATE_LABELS, TASK_EVENTS, TASK_STATES, ROLES } from '@dondoc/workflow';
import type { DeadlineStatusName, TaskEventName, TaskStateName } from '@dondoc/contracts';
import { useTranslation } from 'react-i18next';
import { useLabel } from '../common/use-label';

const isState = (v: string): v is TaskStateName => (TASK_STATES as readonly string[]).includes(v);
const isLifecycleEvent = (v: string): v is TaskEventName => (TASK_EVENTS as readonly string[]).includes(v);
const isRole = (v: string): v is (typeof ROLES)[number] => (ROLES as readonly string[]).includes(v);

/**
 * Labels for the codes the API sends. Lifecycle names come from libs/workflow (one wording for server
 * and browser); deliverable types and fields from libs/contracts; the rest are the drawer's own. An unknown code is shown as is rather than hidden.
 */
export function useDrawerLabels() {
  const { t, i18n } = useTranslation();
  const label = useLabel();
  const own = (prefix: string, code: string) => {
    const key = `drawer.${prefix}.${code}`;
    return i18n.exists(key) ? t(key) : code;
  };
  return {
    state: (state: string | null) => (state && isState(state) ? label(STATE_LABELS[state]) : (state ?? '')),
    event: (event: string) => (isLifecycleEvent(event) ? label(EVENT_LABELS[event]) : own('history.events', event)),
    deadlineStatus: (status: DeadlineStatusName) => label(DEADLINE_STATUS_LABELS[status]),
    role: (role: string | null) =>
      role && isRole(role) ? t(`roles.${role}`) : role === 'system' ? t('drawer.history.system') : (role ?? ''),
    deliverableType: (code: string) => (i18n.exists(`deliverable.${code}`) ? t(`deliverable.${code}`) : code),
    field: (code: string) => (i18n.exists(`field.${code}`) ? t(`field.${code}`) : code),
  };
}
