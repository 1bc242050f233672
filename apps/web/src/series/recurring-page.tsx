import type { DirectiveDto, TaskSeriesDto } from '@dondoc/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAgencies } from '../api/use-agencies';
import { useDirectives } from '../api/use-directives';
import { useSession } from '../auth/use-session';
import { ClassificationBadge } from '../classification/classification-badge';
import { formatDate } from '../common/format';
import { ApiErrorAlert } from '../task-drawer/api-error-alert';
import {
  carryForwardRequest,
  DELIVERABLE_TYPES,
  dueDayLabel,
  FIELDS,
  FREQUENCIES,
  frequencyKey,
  mayCarryForward,
  seriesRequest,
  type SeriesForm,
} from './series-model';
import { useCarryForward, useCreateSeries, useDirectiveSeries, useToggleSeries } from './use-series';
import '../progress/progress.css';

const EMPTY_FORM: SeriesForm = {
  title: '',
  deliverableType: 'bao_cao',
  field: 'party_building',
  leadAgencyId: '',
  coordinatingAgencyIds: [],
  frequency: 'month',
  dueDay: '25',
  startsOn: '',
  endsOn: '',
};

function SeriesTable({
  directiveId,
  items,
  canStop,
}: {
  directiveId: string;
  items: TaskSeriesDto[];
  /** Only the Office stops or resumes a series (the API refuses the others). */
  canStop: boolean;
}) {
  const { t } = useTranslation();
  const { byId } = useAgencies();
  const toggle = useToggleSeries(directiveId);
  if (items.length === 0) return <p>{t('series.empty')}</p>;
  return (
    <>
      <div className="periods-table-wrap">
        <table className="periods-table" data-testid="series-table">
          <thead>
            <tr>
              <th scope="col">{t('series.code')}</th>
              <th scope="col">{t('series.name')}</th>
              <th scope="col">{t('series.frequency')}</th>
              <th scope="col">{t('series.dueDay')}</th>
              <th scope="col">{t('series.leadAgency')}</th>
              <th scope="col">{t('series.active')}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {items.map((s) => {
              const due = dueDayLabel(s.dueDay);
              return (
                <tr key={s.id} data-testid="series-row">
                  <td>
                    <strong>{s.code}</strong>
                  </td>
                  <td>
                    {s.title}
                    {s.nextPeriod && (
                      <div className="drawer-muted">
                        {t('series.nextPeriod', { label: s.nextPeriod.label, due: formatDate(s.nextPeriod.dueDate) })}
                      </div>
                    )}
                  </td>
                  <td>{t(frequencyKey(s.frequency))}</td>
                  <td>{t(due.key, { day: due.day })}</td>
                  <td>{byId.get(s.leadAgencyId)?.name ?? '—'}</td>
                  <td>{s.active ? t('series.activeYes') : t('series.activeNo')}</td>
                  <td>
                    {canStop && (
                      <button
                        type="button"
                        className="btn"
                        disabled={toggle.isPending}
                        onClick={() => toggle.mutate({ id: s.id, active: !s.active })}
                        data-testid="series-toggle"
                      >
                        {s.active ? t('series.stop') : t('series.resume')}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <ApiErrorAlert error={toggle.error} />
    </>
  );
}

function CreateSeriesForm({ directiveId }: { directiveId: string }) {
  const { t } = useTranslation();
  const { agencies } = useAgencies();
  const create = useCreateSeries(directiveId);
  const [form, setForm] = useState<SeriesForm>(EMPTY_FORM);
  const [invalid, setInvalid] = useState(false);
  const set = <K extends keyof SeriesForm>(key: K, value: SeriesForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const active = agencies.filter((a) => a.active);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const body = seriesRequest(form);
    setInvalid(!body);
    if (!body) return;
    create.mutate(body, { onSuccess: () => setForm(EMPTY_FORM) });
  };

  return (
    <form className="periods-form" onSubmit={onSubmit} data-testid="series-form" aria-labelledby="series-form-title">
      <h3 id="series-form-title" style={{ flexBasis: '100%', margin: 0 }}>
        {t('series.form.title')}
      </h3>
      <label style={{ flexBasis: '100%' }}>
        {t('series.form.name')}
        <input
          value={form.title}
          maxLength={1000}
          required
          onChange={(e) => set('title', e.target.value)}
          data-testid="series-title"
        />
      </label>
      <label>
        {t('series.form.deliverableType')}
        <select
          value={form.deliverableType}
          onChange={(e) => set('deliverableType', e.target.value as SeriesForm['deliverableType'])}
        >
          {DELIVERABLE_TYPES.map((d) => (
            <option key={d} value={d}>
              {t(`deliverable.${d}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('series.form.field')}
        <select value={form.field} onChange={(e) => set('field', e.target.value as SeriesForm['field'])}>
          {FIELDS.map((f) => (
            <option key={f} value={f}>
              {t(`field.${f}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('series.form.leadAgency')}
        <select
          value={form.leadAgencyId}
          required
          onChange={(e) => set('leadAgencyId', e.target.value)}
          data-testid="series-lead"
        >
          <option value="">{t('series.form.chooseAgency')}</option>
          {active.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('series.form.coordinating')}
        <select
          multiple
          size={4}
          value={[...form.coordinatingAgencyIds]}
          onChange={(e) =>
            set(
              'coordinatingAgencyIds',
              Array.from(e.target.selectedOptions, (o) => o.value),
            )
          }
        >
          {active
            .filter((a) => a.id !== form.leadAgencyId)
            .map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
        </select>
      </label>
      <label>
        {t('series.form.frequency')}
        <select
          value={form.frequency}
          onChange={(e) => set('frequency', e.target.value as SeriesForm['frequency'])}
          data-testid="series-frequency"
        >
          {FREQUENCIES.map((f) => (
            <option key={f} value={f}>
              {t(frequencyKey(f))}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('series.form.dueDay')}
        <input
          type="number"
          min={1}
          max={31}
          step={1}
          value={form.dueDay}
          required
          onChange={(e) => set('dueDay', e.target.value)}
          data-testid="series-due-day"
        />
      </label>
      <label>
        {t('series.form.startsOn')}
        <input
          type="date"
          value={form.startsOn}
          required
          onChange={(e) => set('startsOn', e.target.value)}
          data-testid="series-starts"
        />
      </label>
      <label>
        {t('series.form.endsOn')}
        <input type="date" value={form.endsOn} onChange={(e) => set('endsOn', e.target.value)} />
      </label>
      <button type="submit" className="btn btn-primary" disabled={create.isPending} data-testid="series-submit">
        {create.isPending ? t('series.form.sending') : t('series.form.submit')}
      </button>
      {invalid && <p role="alert">{t('series.form.invalid')}</p>}
      <ApiErrorAlert error={create.error} />
      {create.data && <p role="status">{t('series.form.done', { code: create.data.code })}</p>}
    </form>
  );
}

function CarryForwardForm({ directive }: { directive: DirectiveDto }) {
  const { t } = useTranslation();
  const carry = useCarryForward(directive.id);
  const [number, setNumber] = useState('');
  const [title, setTitle] = useState('');
  const [issuedOn, setIssuedOn] = useState('');

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const body = carryForwardRequest({ number, title, issuedOn });
    if (body) carry.mutate(body);
  };

  return (
    <form className="periods-form" onSubmit={onSubmit} data-testid="carry-form" aria-labelledby="carry-form-title">
      <h3 id="carry-form-title" style={{ flexBasis: '100%', margin: 0 }}>
        {t('series.carry.title')}
      </h3>
      <p style={{ flexBasis: '100%', margin: 0 }}>{t('series.carry.hint')}</p>
      <label>
        {t('series.carry.number')}
        <input value={number} maxLength={64} required onChange={(e) => setNumber(e.target.value)} />
      </label>
      <label style={{ flexGrow: 1 }}>
        {t('series.carry.name')}
        <input value={title} maxLength={1000} required onChange={(e) => setTitle(e.target.value)} />
      </label>
      <label>
        {t('series.carry.issuedOn')}
        <input type="date" value={issuedOn} required onChange={(e) => setIssuedOn(e.target.value)} />
      </label>
      <button type="submit" className="btn btn-primary" disabled={carry.isPending} data-testid="carry-submit">
        {carry.isPending ? t('series.carry.sending') : t('series.carry.submit')}
      </button>
      <ApiErrorAlert error={carry.error} />
      {carry.data && (
        <div role="status" style={{ flexBasis: '100%' }} data-testid="carry-result">
          <p>{t('series.carry.done', { number: carry.data.directive.number, count: carry.data.tasks.length })}</p>
          <p>{t('series.carry.next')}</p>
        </div>
      )}
    </form>
  );
}

/** `/recurring`: the Office's recurring work (việc định kỳ) per directive, and the monthly program carried forward. */
export function RecurringPage() {
  const { t } = useTranslation();
  const session = useSession();
  const isOffice = session?.user.role === 'office';
  const directives = useDirectives();
  const [directiveId, setDirectiveId] = useState('');
  const directive = directives.byId.get(directiveId);
  const series = useDirectiveSeries(directive ? directive.id : null);

  return (
    <div className="periods-page" data-testid="recurring-page">
      <h2>{t('series.title')}</h2>
      <p>{t('series.intro')}</p>
      <label className="periods-form">
        {t('series.directive')}
        <select value={directiveId} onChange={(e) => setDirectiveId(e.target.value)} data-testid="series-directive">
          <option value="">{t('series.chooseDirective')}</option>
          {directives.directives.map((d) => (
            <option key={d.id} value={d.id}>
              {d.number} — {d.title}
            </option>
          ))}
        </select>
        {directive && <ClassificationBadge level={directive.classification} variant="stamp" />}
      </label>
      <ApiErrorAlert error={directives.error} />
      {directive && (
        <>
          <section aria-label={t('series.list')}>
            <h3>{t('series.list')}</h3>
            <ApiErrorAlert error={series.error} />
            {series.data && <SeriesTable directiveId={directive.id} items={series.data} canStop={isOffice} />}
          </section>
          {isOffice && <CreateSeriesForm key={directive.id} directiveId={directive.id} />}
          {isOffice && mayCarryForward(directive) && (
            <CarryForwardForm key={`c-${directive.id}`} directive={directive} />
          )}
        </>
      )}
    </div>
  );
}
