import { DELIVERABLE_TYPE_VALUES, FIELD_VALUES, type TaskDetailDto } from '@dondoc/contracts';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDirectives } from '../api/use-directives';
import { useSession } from '../auth/use-session';
import { formatDate } from '../common/format';
import { ApiErrorAlert } from '../task-drawer/api-error-alert';
import { AgencyDeadlineFields } from '../transitions/agency-deadline-fields';
import { useBreakDown } from './use-break-down';

/**
 * "Giao cho cơ quan, cấp ủy trực thuộc": the Office of the committee a task is given to breaks it down under one of
 * its own plans, for one of its own agencies (a lower committee's standing agency among them), due no later than
 * the parent unless it says why. The server checks every rule again (DUE_AFTER_PARENT, NOT_PARENT_LEAD, …).
 */
export function BreakDownForm({ task }: { task: TaskDetailDto }) {
  const { t } = useTranslation();
  const ids = { directive: useId(), title: useId(), reason: useId() };
  const organisationId = useSession()?.user.organisationId;
  const { directives } = useDirectives();
  const own = directives.filter((d) => d.organisationId === organisationId);
  const [directiveId, setDirectiveId] = useState('');
  const [title, setTitle] = useState('');
  const [deliverableType, setDeliverableType] = useState<string>(task.deliverableType);
  const [field, setField] = useState<string>(task.field);
  const [leadAgencyId, setLeadAgencyId] = useState('');
  const [dueDate, setDueDate] = useState(task.dueDate ?? '');
  const [dueException, setDueException] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const [fieldErrors, setFieldErrors] = useState<{ leadAgencyId?: string; dueDate?: string }>({});
  const send = useBreakDown(task.id);
  // Dates compare as strings in YYYY-MM-DD; the server has the last word.
  const afterParent = Boolean(task.dueDate && dueDate && dueDate > task.dueDate);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const found: string[] = [];
    if (!directiveId) found.push(t('breakdown.form.directiveRequired'));
    if (!title.trim()) found.push(t('breakdown.form.titleRequired'));
    if (afterParent && !dueException.trim()) found.push(t('breakdown.form.reasonRequired'));
    // The agency and the date say their own problem under them, as in the assign dialog.
    const onFields = {
      leadAgencyId: leadAgencyId ? undefined : t('breakdown.form.leadRequired'),
      dueDate: dueDate ? undefined : t('breakdown.form.dueRequired'),
    };
    setProblems(found);
    setFieldErrors(onFields);
    if (found.length || onFields.leadAgencyId || onFields.dueDate) return;
    send.mutate(
      {
        directiveId,
        title: title.trim(),
        deliverableType: deliverableType as (typeof DELIVERABLE_TYPE_VALUES)[number],
        field: field as (typeof FIELD_VALUES)[number],
        leadAgencyId,
        dueDate,
        ...(afterParent ? { dueException: dueException.trim() } : {}),
      },
      {
        onSuccess: () => {
          setTitle('');
          setDueException('');
        },
      },
    );
  };

  return (
    <form className="drawer-form drawer-subform" onSubmit={onSubmit} data-testid="break-down-form" noValidate>
      <h4>{t('breakdown.form.title')}</h4>
      <label htmlFor={ids.directive}>{t('breakdown.form.directive')}</label>
      <select
        id={ids.directive}
        name="directiveId"
        value={directiveId}
        onChange={(e) => setDirectiveId(e.target.value)}
      >
        <option value="">{t('breakdown.form.directivePick')}</option>
        {own.map((d) => (
          <option key={d.id} value={d.id}>
            {d.number} — {d.title}
          </option>
        ))}
      </select>
      <label htmlFor={ids.title}>{t('breakdown.form.taskTitle')}</label>
      <input id={ids.title} name="title" value={title} maxLength={1000} onChange={(e) => setTitle(e.target.value)} />
      <label>
        {t('breakdown.form.deliverableType')}
        <select name="deliverableType" value={deliverableType} onChange={(e) => setDeliverableType(e.target.value)}>
          {DELIVERABLE_TYPE_VALUES.map((v) => (
            <option key={v} value={v}>
              {t(`deliverable.${v}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('breakdown.form.field')}
        <select name="field" value={field} onChange={(e) => setField(e.target.value)}>
          {FIELD_VALUES.map((v) => (
            <option key={v} value={v}>
              {t(`field.${v}`)}
            </option>
          ))}
        </select>
      </label>
      <AgencyDeadlineFields
        currentLeadId={null}
        leadAgencyId={leadAgencyId}
        dueDate={dueDate}
        dueDateRequired
        onLeadAgency={setLeadAgencyId}
        onDueDate={setDueDate}
        errors={fieldErrors}
        autoFocus={false}
      />
      {task.dueDate && <p className="drawer-hint">{t('breakdown.form.dueHint', { date: formatDate(task.dueDate) })}</p>}
      {afterParent && (
        <>
          <label htmlFor={ids.reason}>{t('breakdown.form.reason')}</label>
          <textarea
            id={ids.reason}
            name="dueException"
            rows={2}
            maxLength={1000}
            value={dueException}
            onChange={(e) => setDueException(e.target.value)}
          />
        </>
      )}
      {problems.length > 0 && (
        <ul className="drawer-alert" role="alert">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <ApiErrorAlert error={send.error} />
      <button type="submit" className="btn btn-primary" data-testid="break-down-submit" disabled={send.isPending}>
        {send.isPending ? t('breakdown.form.sending') : t('breakdown.form.submit')}
      </button>
    </form>
  );
}
