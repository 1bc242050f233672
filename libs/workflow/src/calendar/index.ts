export {
  DEFAULT_CALENDAR_SETTINGS,
  type CalendarDay,
  type CalendarDayKind,
  type CalendarSettings,
  type DayCounting,
  type DayInfo,
  type DayReason,
  type OfficialYear,
} from './calendar.model.js';
export { lunarNewYear, lunarToSolar, solarToLunar, type LunarDate } from './lunar-calendar.js';
export { computedDaysOff } from './public-holidays.js';
export { WorkingCalendar } from './working-calendar.js';
