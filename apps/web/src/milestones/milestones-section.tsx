import type { MilestoneDto, TaskDetailDto } from '@dondoc/contracts';
import type { Actor } from '@dondoc/workflow';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../common/format';
import { DateField } from '../common/date-field';
import { ApiErrorAlert } from '../task-drawer/api-error-alert';
import { DrawerSection } from '../task-drawer/drawer-section';
import {
  draftProblems,
  mayMarkMilestoneDone,
  mayPlanMilestones,
  newDraftKey,
  toDrafts,
  toRequest,
  type DraftMilestone,
} from './milestone-model';
import { useMarkMilestoneDone, useMilestones, useSetMilestones } from './use-milestones';
import './milestones.css';

/**
 * "Mốc thực hiện": the task's dated milestones, each with its own status; the lead's people (or the Office)
 * mark one reached, and edit the list (the server re-plans the reminders of a moved date).
 */
export function MilestonesSection({ task, actor }: { task: TaskDetailDto; actor: Actor }) {
  const { t } = useTranslation();
  const query = useMilestones(task.id, task.version);
  const mayPlan = mayPlanMilestones(task, actor);
  const mayDone = mayMarkMilestoneDone(task, actor);
  const [editing, setEditing] = useState(false);
  const done = useMarkMilestoneDone(task.id);
  const items = query.data?.items ?? [];

  return (
    <DrawerSection title={t('milestones.section')} testId="drawer-milestones-section">
      {query.isPending && <p className="drawer-muted">{t('milestones.loading')}</p>}
      {query.error ? <ApiErrorAlert error={query.error} /> : null}
      {query.data && !editing && (
        <ul className="milestone-list" data-testid="milestone-list">
          {items.length === 0 && <li className="drawer-empty">{t('milestones.empty')}</li>}
          {items.map((m) => (
            <MilestoneItem
              key={m.id}
              milestone={m}
              canMarkDone={mayDone && m.doneAt === null}
              busy={done.isPending && done.variables === m.id}
              onDone={() => done.mutate(m.id)}
            />
          ))}
        </ul>
      )}
      <ApiErrorAlert error={done.error} />
      {query.data && mayPlan && !editing && (
        <div className="drawer-form-actions">
          <button type="button" className="btn" data-testid="milestones-edit" onClick={() => setEditing(true)}>
            {t('milestones.edit')}
          </button>
        </div>
      )}
      {query.data && editing && (
        <MilestonesEditor
          taskId={task.id}
          taskDue={task.dueDate}
          items={query.data.items}
          onDone={() => setEditing(false)}
        />
      )}
    </DrawerSection>
  );
}

function MilestoneItem({
  milestone: m,
  canMarkDone,
  busy,
  onDone,
}: {
  milestone: MilestoneDto;
  canMarkDone: boolean;
  busy: boolean;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  return (
    <li className="milestone-item" data-testid="milestone" data-status={m.status} data-id={m.id}>
      <div className="milestone-main">
        <strong className="milestone-label">{m.label}</strong>
        <span className="drawer-muted">
          {t('milestones.due', { date: formatDate(m.dueDate) })}
          {m.doneAt && <> · {t('milestones.doneAt', { date: formatDate(m.doneAt) })}</>}
        </span>
      </div>
      <span className={`milestone-status milestone-${m.status}`} data-testid="milestone-status">
        {t(`milestones.status.${m.status}`)}
      </span>
      {canMarkDone && (
        <button
          type="button"
          className="btn milestone-btn"
          data-testid="milestone-done"
          aria-label={t('milestones.markDoneLabel', { label: m.label })}
          disabled={busy}
          onClick={onDone}
        >
          {busy ? t('milestones.marking') : t('milestones.markDone')}
        </button>
      )}
    </li>
  );
}

function MilestonesEditor({
  taskId,
  taskDue,
  items,
  onDone,
}: {
  taskId: string;
  taskDue: string | null;
  items: readonly MilestoneDto[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [drafts, setDrafts] = useState<DraftMilestone[]>(() => toDrafts(items));
  const [badDates, setBadDates] = useState<ReadonlySet<string>>(new Set());
  const [tried, setTried] = useState(false);
  const save = useSetMilestones(taskId);
  const problems = draftProblems(drafts, taskDue, badDates);

  const patch = (key: string, p: Partial<DraftMilestone>) =>
    setDrafts((ds) => ds.map((d) => (d.key === key ? { ...d, ...p } : d)));
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (problems.size > 0) return;
    save.mutate(toRequest(drafts), { onSuccess: onDone });
  };

  return (
    <form
      className="drawer-form drawer-subform milestone-editor"
      onSubmit={onSubmit}
      noValidate
      data-testid="milestones-form"
    >
      {taskDue && <p className="drawer-hint">{t('milestones.deadlineHint', { date: formatDate(taskDue) })}</p>}
      <ul className="milestone-rows">
        {drafts.map((d, i) => {
          const problem = tried ? problems.get(d.key) : undefined;
          return (
            <li key={d.key} className="milestone-row" data-testid="milestone-row">
              <input
                type="text"
                name={`milestone-label-${i}`}
                aria-label={t('milestones.label')}
                placeholder={t('milestones.labelPlaceholder')}
                maxLength={300}
                value={d.label}
                aria-invalid={problem === 'labelRequired' || undefined}
                data-testid="milestone-label-input"
                onChange={(e) => patch(d.key, { label: e.target.value })}
              />
              {d.done ? (
                <span className="drawer-muted" title={t('milestones.doneLocked')}>
                  {formatDate(d.dueDate)}
                </span>
              ) : (
                <DateField
                  value={d.dueDate}
                  label={t('milestones.date')}
                  placeholder={t('common.datePlaceholder')}
                  invalidText={t('common.dateInvalid')}
                  testId="milestone-date-input"
                  name={`milestone-date-${i}`}
                  onChange={(iso, valid) => {
                    patch(d.key, { dueDate: iso });
                    setBadDates((s) => {
                      const next = new Set(s);
                      if (valid) next.delete(d.key);
                      else next.add(d.key);
                      return next;
                    });
                  }}
                />
              )}
              <button
                type="button"
                className="btn btn-ghost milestone-btn"
                aria-label={t('milestones.removeLabel', { label: d.label })}
                data-testid="milestone-remove"
                onClick={() => setDrafts((ds) => ds.filter((x) => x.key !== d.key))}
              >
                {t('milestones.remove')}
              </button>
              {problem && (
                <p className="drawer-field-error" role="alert">
                  {t(`milestones.problems.${problem}`)}
                </p>
              )}
            </li>
          );
        })}
      </ul>
      <div>
        <button
          type="button"
          className="btn"
          data-testid="milestone-add"
          onClick={() => setDrafts((ds) => [...ds, { key: newDraftKey(), label: '', dueDate: null, done: false }])}
        >
          {t('milestones.add')}
        </button>
      </div>
      <ApiErrorAlert error={save.error} />
      <div className="drawer-form-actions">
        <button type="button" className="btn" onClick={onDone}>
          {t('milestones.cancel')}
        </button>
        <button type="submit" className="btn btn-primary" disabled={save.isPending} data-testid="milestones-save">
          {save.isPending ? t('milestones.saving') : t('milestones.save')}
        </button>
      </div>
    </form>
  );
}
