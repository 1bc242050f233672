import type { PersonDto, SetTaskPeopleRequest, TaskDetailDto } from '@dondoc/contracts';
import type { Actor, DecidingAuthority } from '@dondoc/workflow';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { typedApi, unwrap } from '../api/api-client';
import { ApiErrorAlert } from '../task-drawer/api-error-alert';
import { DrawerSection } from '../task-drawer/drawer-section';
import { useTaskMutation } from '../task-drawer/use-task-mutation';
import {
  AGENCY_PEOPLE_KEYS,
  AUTHORITIES,
  leaderCandidates,
  mayNameAgencyPeople,
  mayNameOfficePeople,
  OFFICE_PEOPLE_KEYS,
  peoplePatch,
  type TaskPeople,
} from './people-model';
import { usePeople } from './use-people';
import './people.css';

const peopleOf = (task: TaskDetailDto): TaskPeople => ({
  assigneeUserId: task.assigneeUserId,
  responsibleLeaderUserId: task.responsibleLeaderUserId,
  monitoringUserId: task.monitoringUserId,
  decidingAuthority: task.decidingAuthority,
  isKey: task.isKey,
});

function usePersonLabel(byId: ReadonlyMap<string, PersonDto>) {
  const { t } = useTranslation();
  return (id: string | null) => {
    if (!id) return <span className="drawer-muted">{t('people.notNamed')}</span>;
    const p = byId.get(id);
    // An agency's user sees only its own people: someone of the Office is named, but not by name here.
    if (!p) return <span className="drawer-muted">{t('people.unknownPerson')}</span>;
    return (
      <>
        {p.fullName}
        {p.position && <span className="drawer-muted"> ({t(`people.positions.${p.position}`)})</span>}
      </>
    );
  };
}

/**
 * "Phân công" (6 rõ): who handles the task inside the lead agency, who leads it there, who follows it at the
 * Office, who decides on its result and whether it is a key task. Each side edits only its own people.
 */
export function PeopleSection({ task, actor }: { task: TaskDetailDto; actor: Actor }) {
  const { t } = useTranslation();
  const { byId, people } = usePeople();
  const label = usePersonLabel(byId);
  const mayAgency = mayNameAgencyPeople(task, actor);
  const mayOffice = mayNameOfficePeople(task, actor);
  const [saved, setSaved] = useState(false);

  return (
    <DrawerSection title={t('people.section')} testId="drawer-people-section">
      <dl className="drawer-facts people-facts" data-testid="people-facts">
        <dt>{t('people.assignee')}</dt>
        <dd data-testid="people-assignee">{label(task.assigneeUserId)}</dd>
        <dt>{t('people.leader')}</dt>
        <dd data-testid="people-leader">{label(task.responsibleLeaderUserId)}</dd>
        <dt>{t('people.monitoring')}</dt>
        <dd data-testid="people-monitoring">{label(task.monitoringUserId)}</dd>
        <dt>{t('people.authority')}</dt>
        <dd data-testid="people-authority">{t(`people.authorities.${task.decidingAuthority}`)}</dd>
        <dt>{t('people.isKey')}</dt>
        <dd data-testid="people-key" data-key={task.isKey ? 'true' : 'false'}>
          {task.isKey ? <span className="key-badge">{t('people.keyYes')}</span> : t('people.keyNo')}
        </dd>
      </dl>
      {saved && (
        <p className="drawer-hint" role="status" data-testid="people-saved">
          {t('people.saved')}
        </p>
      )}
      {(mayAgency || mayOffice) && (
        // Keyed by version: a saved change (or anyone else's) starts the form again from the task as it is now.
        <PeopleForm
          key={task.version}
          task={task}
          people={people}
          agencySide={mayAgency}
          officeSide={mayOffice}
          onSaved={() => setSaved(true)}
          onEdit={() => setSaved(false)}
        />
      )}
    </DrawerSection>
  );
}

interface FormProps {
  task: TaskDetailDto;
  people: readonly PersonDto[];
  agencySide: boolean;
  officeSide: boolean;
  onSaved: () => void;
  onEdit: () => void;
}

function PeopleForm({ task, people, agencySide, officeSide, onSaved, onEdit }: FormProps) {
  const { t } = useTranslation();
  const id = useId();
  const before = peopleOf(task);
  const [draft, setDraft] = useState<TaskPeople>(before);
  const [comment, setComment] = useState('');
  const [nothing, setNothing] = useState(false);
  const save = useTaskMutation(task.id, (body: SetTaskPeopleRequest) =>
    unwrap(typedApi.PATCH('/api/tasks/{id}/people', { params: { path: { id: task.id } }, body })),
  );
  const agencyPeople = people.filter((p) => p.role === 'agency' && p.agencyId === task.leadAgencyId);
  const officePeople = people.filter((p) => p.role === 'office');
  const keys = [...(agencySide ? AGENCY_PEOPLE_KEYS : []), ...(officeSide ? OFFICE_PEOPLE_KEYS : [])];

  const change = (patch: Partial<TaskPeople>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setNothing(false);
    onEdit();
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const body = peoplePatch(before, draft, keys, comment);
    if (!body) {
      setNothing(true);
      return;
    }
    save.mutate(body, { onSuccess: onSaved });
  };
  const option = (p: PersonDto) => (
    <option key={p.id} value={p.id}>
      {p.fullName}
      {p.position ? ` (${t(`people.positions.${p.position}`)})` : ''}
    </option>
  );

  return (
    <form className="drawer-form drawer-subform people-form" onSubmit={onSubmit} data-testid="people-form" noValidate>
      {agencySide && (
        <>
          <p className="drawer-hint">{t('people.agencyHint')}</p>
          <label htmlFor={`${id}-assignee`}>{t('people.assignee')}</label>
          <select
            id={`${id}-assignee`}
            name="assigneeUserId"
            data-testid="people-assignee-select"
            value={draft.assigneeUserId ?? ''}
            onChange={(e) => change({ assigneeUserId: e.target.value || null })}
          >
            <option value="">{t('people.choose')}</option>
            {agencyPeople.map(option)}
          </select>
          <label htmlFor={`${id}-leader`}>{t('people.leader')}</label>
          <select
            id={`${id}-leader`}
            name="responsibleLeaderUserId"
            data-testid="people-leader-select"
            value={draft.responsibleLeaderUserId ?? ''}
            onChange={(e) => change({ responsibleLeaderUserId: e.target.value || null })}
          >
            <option value="">{t('people.choose')}</option>
            {leaderCandidates(agencyPeople).map(option)}
          </select>
        </>
      )}
      {officeSide && (
        <>
          <p className="drawer-hint">{t('people.officeHint')}</p>
          <label htmlFor={`${id}-monitoring`}>{t('people.monitoring')}</label>
          <select
            id={`${id}-monitoring`}
            name="monitoringUserId"
            data-testid="people-monitoring-select"
            value={draft.monitoringUserId ?? ''}
            onChange={(e) => change({ monitoringUserId: e.target.value || null })}
          >
            <option value="">{t('people.choose')}</option>
            {officePeople.map(option)}
          </select>
          <label htmlFor={`${id}-authority`}>{t('people.authority')}</label>
          <select
            id={`${id}-authority`}
            name="decidingAuthority"
            data-testid="people-authority-select"
            value={draft.decidingAuthority}
            onChange={(e) => change({ decidingAuthority: e.target.value as DecidingAuthority })}
          >
            {AUTHORITIES.map((a) => (
              <option key={a} value={a}>
                {t(`people.authorities.${a}`)}
              </option>
            ))}
          </select>
          <label className="people-check">
            <input
              type="checkbox"
              name="isKey"
              data-testid="people-key-toggle"
              checked={draft.isKey}
              onChange={(e) => change({ isKey: e.target.checked })}
            />
            {t('people.isKey')}
          </label>
        </>
      )}
      <label htmlFor={`${id}-comment`}>{t('people.comment')}</label>
      <textarea
        id={`${id}-comment`}
        name="peopleComment"
        rows={2}
        maxLength={2000}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
      />
      {nothing && (
        <p className="drawer-hint" role="status">
          {t('people.nothingChanged')}
        </p>
      )}
      <ApiErrorAlert error={save.error} />
      <div className="drawer-form-actions">
        <button type="submit" className="btn btn-primary" disabled={save.isPending} data-testid="people-save">
          {save.isPending ? t('people.saving') : t('people.save')}
        </button>
      </div>
    </form>
  );
}
