import type { CalendarChangeResult } from '@dondoc/contracts';
import { localDate } from '@dondoc/workflow';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/use-session';
import { ApiErrorAlert } from '../task-drawer/api-error-alert';
import { CalendarChangeNotice } from './calendar-change-notice';
import { CalendarEditor } from './calendar-editor';
import { CalendarExceptionsList } from './calendar-exceptions-list';
import { CalendarHistory } from './calendar-history';
import { CalendarInForce } from './calendar-in-force';
import { mayEditCalendar } from './calendar-model';
import { CalendarWithdrawButton } from './calendar-withdraw-button';
import { CalendarYearPicker } from './calendar-year-picker';
import { useCalendar } from './use-calendar';
import '../progress/progress.css';
import './calendar.css';

type Change = { kind: 'saved' | 'withdrawn'; result: CalendarChangeResult };

/**
 * "Lịch làm việc": a year's days off and weekend days worked as in force, official or computed, with the
 * entries' history. The Office and administrators enter the official schedule; everyone else reads it.
 */
export function CalendarPage() {
  const { t } = useTranslation();
  const session = useSession();
  const thisYear = Number(localDate(new Date()).slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [editing, setEditing] = useState(false);
  const [change, setChange] = useState<Change | null>(null);
  const calendar = useCalendar(year, year);
  const mayEdit = session ? mayEditCalendar(session.user.role) : false;
  const shown = calendar.data?.years.find((y) => y.year === year);

  const chooseYear = (next: number) => {
    setYear(next);
    setEditing(false);
    setChange(null);
  };

  return (
    <div className="periods-page calendar-page" data-testid="calendar-page" data-ready={shown ? 'true' : 'false'}>
      <h2>{t('calendar.title')}</h2>
      <p>{t('calendar.intro')}</p>
      <CalendarYearPicker year={year} thisYear={thisYear} onChange={chooseYear} />
      <ApiErrorAlert error={calendar.error} />
      {calendar.isPending && <p>{t('calendar.loading')}</p>}
      {calendar.data && !calendar.data.settings.enabled && <p className="drawer-hint">{t('calendar.disabled')}</p>}
      {change && <CalendarChangeNotice kind={change.kind} result={change.result} />}
      {shown && (
        <>
          <CalendarInForce year={shown} />
          {mayEdit && !editing && (
            <div className="calendar-actions">
              <button
                type="button"
                className="btn btn-primary"
                onClick={() => {
                  setEditing(true);
                  setChange(null);
                }}
                data-testid="calendar-edit-open"
              >
                {shown.official ? t('calendar.edit.openExisting') : t('calendar.edit.open')}
              </button>
              {shown.official && (
                <CalendarWithdrawButton year={year} onDone={(result) => setChange({ kind: 'withdrawn', result })} />
              )}
            </div>
          )}
          {mayEdit && editing && (
            <CalendarEditor
              key={year}
              year={shown}
              onClose={() => setEditing(false)}
              onSaved={(result) => {
                setEditing(false);
                setChange({ kind: 'saved', result });
              }}
            />
          )}
          {!mayEdit && <p className="drawer-hint">{t('calendar.readOnly')}</p>}
          <CalendarExceptionsList year={year} days={shown.exceptions} />
          <CalendarHistory year={shown} />
        </>
      )}
    </div>
  );
}
