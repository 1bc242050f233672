import { workerConfigFromEnv } from './worker-config.js';

const base = { DATABASE_URL: 'postgres://dondoc@127.0.0.1/dondoc' };

describe('worker configuration', () => {
  it('defaults the recurrence tick and the ladder to the API’s values', () => {
    const c = workerConfigFromEnv(base);
    expect(c.recurrenceIntervalMs).toBe(300_000);
    expect(c.escalation).toEqual({
      remindBefore: ['P14D', 'P3D'],
      escalateAfter: 'P7D',
      reviewReminderAfter: 'P10D',
      dayCounting: { remindBefore: 'working', escalateAfter: 'working', reviewReminderAfter: 'working' },
    });
    expect(c.calendar).toEqual({ enabled: true, weekendDays: [6, 0], rollToWorkingDay: true, workdayStart: '08:00' });
  });

  it('takes the ladder and the tick from the object it is given, not from process.env', () => {
    const c = workerConfigFromEnv({
      ...base,
      RECURRENCE_INTERVAL_MS: '200',
      ESCALATION_REMIND_BEFORE: 'PT4S, PT2S',
      ESCALATION_ESCALATE_AFTER: 'PT2S',
      ESCALATION_REVIEW_AFTER: 'PT3S',
      ESCALATION_REVIEW_COUNTING: 'calendar',
      WORKING_CALENDAR: 'off',
      CALENDAR_WEEKEND_DAYS: '0',
    });
    expect(c.recurrenceIntervalMs).toBe(200);
    expect(c.escalation).toEqual({
      remindBefore: ['PT4S', 'PT2S'],
      escalateAfter: 'PT2S',
      reviewReminderAfter: 'PT3S',
      dayCounting: { remindBefore: 'working', escalateAfter: 'working', reviewReminderAfter: 'calendar' },
    });
    expect(c.calendar).toMatchObject({ enabled: false, weekendDays: [0] });
  });

  it('names every bad variable', () => {
    const bad = () =>
      workerConfigFromEnv({
        ...base,
        RECURRENCE_INTERVAL_MS: '5',
        ESCALATION_REMIND_BEFORE: 'P14D,two days',
        ESCALATION_ESCALATE_AFTER: '7 days',
        ESCALATION_REVIEW_AFTER: 'P',
        CALENDAR_WORKDAY_START: '8h',
        CALENDAR_WEEKEND_DAYS: 'sat,sun',
      });
    expect(bad).toThrow(/RECURRENCE_INTERVAL_MS/);
    expect(bad).toThrow(/ESCALATION_REMIND_BEFORE/);
    expect(bad).toThrow(/ESCALATION_ESCALATE_AFTER/);
    expect(bad).toThrow(/ESCALATION_REVIEW_AFTER/);
    expect(bad).toThrow(/CALENDAR_WORKDAY_START/);
    expect(bad).toThrow(/CALENDAR_WEEKEND_DAYS/);
  });
});
