import type { CreateReportingPeriodRequest, ReportingPeriodDto } from '@dondoc/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/use-session';
import { formatDate, formatDateTime } from '../common/format';
import { ApiErrorAlert } from '../task-drawer/api-error-alert';
import { ProgressBar } from './progress-section';
import { periodRequest } from './progress-model';
import { useOpenPeriod, usePeriodAction, useReportingPeriod, useReportingPeriods } from './use-progress';
import './progress.css';

type Kind = CreateReportingPeriodRequest['kind'];
const KINDS: Kind[] = ['month', 'quarter', 'half_year', 'year', 'custom'];
const NUMBERS: Partial<Record<Kind, number>> = { month: 12, quarter: 4, half_year: 2 };
const ROMAN = ['I', 'II', 'III', 'IV'];

function OpenPeriodForm({ onOpened }: { onOpened: (id: string) => void }) {
  const { t } = useTranslation();
  const now = new Date();
  const [kind, setKind] = useState<Kind>('month');
  const [year, setYear] = useState(now.getFullYear());
  const [number, setNumber] = useState(now.getMonth() + 1);
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [label, setLabel] = useState('');
  const open = useOpenPeriod();
  const count = NUMBERS[kind];

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const body = periodRequest({ kind, year, number: Math.min(number, count ?? 1), startsOn, endsOn, dueDate, label });
    if (!body) return;
    open.mutate(body, { onSuccess: (p) => onOpened(p.id) });
  };

  const numberLabel = (n: number) =>
    kind === 'quarter'
      ? ROMAN[n - 1]
      : kind === 'half_year'
        ? t(n === 1 ? 'progress.periods.half.first' : 'progress.periods.half.second')
        : String(n);

  return (
    <form className="periods-form" onSubmit={onSubmit} data-testid="open-period-form">
      <label>
        {t('progress.periods.kind')}
        <select value={kind} onChange={(e) => setKind(e.target.value as Kind)} data-testid="period-kind">
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`progress.periods.kinds.${k}`)}
            </option>
          ))}
        </select>
      </label>
      {kind === 'custom' ? (
        <>
          <label>
            {t('progress.periods.startsOn')}
            <input type="date" value={startsOn} required onChange={(e) => setStartsOn(e.target.value)} />
          </label>
          <label>
            {t('progress.periods.endsOn')}
            <input type="date" value={endsOn} required onChange={(e) => setEndsOn(e.target.value)} />
          </label>
        </>
      ) : (
        <>
          <label>
            {t('progress.periods.year')}
            <input
              type="number"
              min={2000}
              max={2100}
              value={year}
              onChange={(e) => setYear(Number(e.target.value))}
              data-testid="period-year"
            />
          </label>
          {count && (
            <label>
              {t('progress.periods.number')}
              <select value={Math.min(number, count)} onChange={(e) => setNumber(Number(e.target.value))}>
                {Array.from({ length: count }, (_, i) => i + 1).map((n) => (
                  <option key={n} value={n}>
                    {numberLabel(n)}
                  </option>
                ))}
              </select>
            </label>
          )}
        </>
      )}
      <label>
        {t('progress.periods.dueDate')}
        <input type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} data-testid="period-due" />
      </label>
      <label>
        {t('progress.periods.label')}
        <input value={label} maxLength={200} onChange={(e) => setLabel(e.target.value)} />
      </label>
      <button type="submit" className="btn btn-primary" disabled={open.isPending} data-testid="open-period-submit">
        {open.isPending ? t('progress.periods.opening') : t('progress.periods.open')}
      </button>
      <ApiErrorAlert error={open.error} />
      {open.data && (
        <p role="status">{t('progress.periods.opened', { label: open.data.label, asked: open.data.asked })}</p>
      )}
    </form>
  );
}

function PeriodDetail({ period, isOffice }: { period: ReportingPeriodDto; isOffice: boolean }) {
  const { t } = useTranslation();
  const detail = useReportingPeriod(period.id);
  const { remind, close } = usePeriodAction(period.id);
  const data = detail.data;
  const isOpen = period.closedAt === null;
  return (
    <section aria-labelledby={`period-${period.id}`} data-testid="period-detail">
      <h3 id={`period-${period.id}`}>
        {period.label} · {isOpen ? t('progress.periods.openState') : t('progress.periods.closed')}
      </h3>
      <p>
        {t('progress.periods.due', { date: formatDate(period.dueDate) })} ·{' '}
        {t('progress.periods.counts', { asked: period.asked, reported: period.reported, missing: period.missing })}
      </p>
      {isOffice && isOpen && (
        <div className="drawer-form-actions">
          <button
            type="button"
            className="btn"
            disabled={remind.isPending || period.missing === 0}
            onClick={() => remind.mutate()}
            data-testid="period-remind"
          >
            {t('progress.periods.remind')}
          </button>
          <button
            type="button"
            className="btn"
            disabled={close.isPending}
            onClick={() => {
              if (window.confirm(t('progress.periods.confirmClose', { label: period.label }))) close.mutate();
            }}
            data-testid="period-close"
          >
            {t('progress.periods.close')}
          </button>
        </div>
      )}
      {remind.data && (
        <p role="status">
          {t('progress.periods.reminded', { reminded: remind.data.reminded, already: remind.data.alreadyToday })}
        </p>
      )}
      <ApiErrorAlert error={remind.error ?? close.error ?? detail.error} />
      {data && (
        <>
          <div className="periods-table-wrap">
            <table className="periods-table" data-testid="period-agencies">
              <thead>
                <tr>
                  <th scope="col">{t('progress.periods.agency')}</th>
                  <th scope="col">{t('progress.periods.askedCol')}</th>
                  <th scope="col">{t('progress.periods.reportedCol')}</th>
                  <th scope="col">{t('progress.periods.missingCol')}</th>
                </tr>
              </thead>
              <tbody>
                {data.agencies.map((a) => (
                  <tr key={a.agencyId}>
                    <th scope="row">{a.agencyName}</th>
                    <td className="num">{a.asked}</td>
                    <td className="num">{a.reported}</td>
                    <td className="num">{a.missing}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h4>{t('progress.periods.tasks')}</h4>
          <div className="periods-table-wrap">
            <table className="periods-table" data-testid="period-tasks">
              <thead>
                <tr>
                  <th scope="col">{t('progress.periods.task')}</th>
                  <th scope="col">{t('progress.periods.agency')}</th>
                  <th scope="col">{t('progress.periods.report')}</th>
                </tr>
              </thead>
              <tbody>
                {data.tasks.map((task) => (
                  <tr key={task.taskId}>
                    <td>
                      <strong>{task.code}</strong> {task.title}
                    </td>
                    <td>{task.agencyName}</td>
                    <td>
                      {task.report ? (
                        <>
                          <ProgressBar
                            percent={task.report.percent}
                            label={t('progress.bar', { percent: task.report.percent })}
                          />
                          <strong>{task.report.percent}%</strong>{' '}
                          <span className="drawer-muted">{formatDateTime(task.report.reportedAt)}</span>
                          <p className="progress-narrative">{task.report.narrative}</p>
                        </>
                      ) : (
                        <span className="drawer-muted">{t('progress.periods.missingReport')}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

/** `/reporting-periods`: the Office opens periods and follows who has reported; others read their own rows. */
export function ReportingPeriodsPage() {
  const { t } = useTranslation();
  const session = useSession();
  const isOffice = session?.user.role === 'office';
  const periods = useReportingPeriods();
  const [selected, setSelected] = useState<string | null>(null);
  const items = periods.data?.items ?? [];
  const current = items.find((p) => p.id === selected) ?? items[0];
  return (
    <div className="periods-page" data-testid="reporting-periods-page">
      <h2>{t('progress.periods.title')}</h2>
      {isOffice && <OpenPeriodForm onOpened={setSelected} />}
      <ApiErrorAlert error={periods.error} />
      <section aria-label={t('progress.periods.list')}>
        {periods.data && items.length === 0 && <p>{t('progress.periods.empty')}</p>}
        <ul className="periods-list">
          {items.map((p) => (
            <li key={p.id}>
              <button
                type="button"
                className="btn btn-ghost"
                aria-current={current?.id === p.id ? 'true' : undefined}
                onClick={() => setSelected(p.id)}
              >
                {p.label} ·{' '}
                {p.closedAt ? t('progress.periods.closed') : t('progress.periods.due', { date: formatDate(p.dueDate) })}{' '}
                · {t('progress.periods.counts', { asked: p.asked, reported: p.reported, missing: p.missing })}
              </button>
            </li>
          ))}
        </ul>
      </section>
      {current ? (
        <PeriodDetail key={current.id} period={current} isOffice={isOffice} />
      ) : (
        periods.data && items.length > 0 && <p>{t('progress.periods.select')}</p>
      )}
    </div>
  );
}
