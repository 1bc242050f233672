import type { CalendarChangeResult } from '@dondoc/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CalendarApiError } from './calendar-api-error';
import { useWithdrawCalendarYear } from './use-calendar';

/** Withdraws the year's entry (back to the computed defaults), after saying what that does. */
export function CalendarWithdrawButton(props: { year: number; onDone: (result: CalendarChangeResult) => void }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const withdraw = useWithdrawCalendarYear(props.year);
  if (!asking) {
    return (
      <button type="button" className="btn" onClick={() => setAsking(true)} data-testid="calendar-withdraw">
        {t('calendar.withdraw.button')}
      </button>
    );
  }
  return (
    <div className="calendar-confirm" role="alertdialog" aria-labelledby="calendar-withdraw-question">
      <p id="calendar-withdraw-question">{t('calendar.withdraw.confirm', { year: props.year })}</p>
      <CalendarApiError error={withdraw.error} />
      <div className="dialog-actions">
        <button type="button" className="btn" disabled={withdraw.isPending} onClick={() => setAsking(false)} autoFocus>
          {t('calendar.withdraw.no')}
        </button>
        <button
          type="button"
          className="btn btn-primary"
          disabled={withdraw.isPending}
          data-testid="calendar-withdraw-confirm"
          onClick={() =>
            withdraw.mutate(undefined, {
              onSuccess: (result) => {
                setAsking(false);
                props.onDone(result);
              },
            })
          }
        >
          {withdraw.isPending ? t('calendar.withdraw.pending') : t('calendar.withdraw.yes')}
        </button>
      </div>
    </div>
  );
}
