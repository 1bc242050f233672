import i18n from 'i18next';
import { DELIVERABLE_TYPE_LABELS, FIELD_LABELS } from '@dondoc/contracts';
import { initReactI18next } from 'react-i18next';
import { accessLogEn, accessLogVi } from '../access-log/access-log.i18n';
import { adminEn, adminVi } from '../admin/admin.i18n';
import { boardEn, boardVi } from '../board/board.i18n';
import { calendarEn, calendarVi } from '../calendar/calendar.i18n';
import { classificationEn, classificationVi } from '../classification/classification.i18n';
import { contributionsEn, contributionsVi } from '../contributions/contributions.i18n';
import { breakdownEn, breakdownVi } from '../breakdown/breakdown.i18n';
import { dashboardEn, dashboardVi } from '../dashboard/dashboard.i18n';
import { directiveImportEn, directiveImportVi } from '../directive-import/directive-import.i18n';
import { importReasonsEn, importReasonsVi } from '../directive-import/import-reasons.i18n';
import { milestonesEn, milestonesVi } from '../milestones/milestones.i18n';
import { peopleEn, peopleVi } from '../people/people.i18n';
import { progressEn, progressVi } from '../progress/progress.i18n';
import { seriesEn, seriesVi } from '../series/series.i18n';
import { drawerEn, drawerVi } from '../task-drawer/task-drawer.i18n';
import { taskListEn, taskListVi } from '../task-list/task-list.i18n';
import { en } from './en';
import { vi } from './vi';

export type Language = 'vi' | 'en';

/** `t('deliverable.de_an')`, `t('field.economy')`: the shared wording of libs/contracts, in one language. */
const domainTexts = (lang: Language) => ({
  deliverable: Object.fromEntries(Object.entries(DELIVERABLE_TYPE_LABELS).map(([k, l]) => [k, l[lang]])),
  field: Object.fromEntries(Object.entries(FIELD_LABELS).map(([k, l]) => [k, l[lang]])),
});
const KEY = 'dondoc.lang';

export function storedLanguage(): Language {
  return localStorage.getItem(KEY) === 'en' ? 'en' : 'vi';
}

export function setLanguage(lang: Language): void {
  localStorage.setItem(KEY, lang);
  document.documentElement.lang = lang;
  void i18n.changeLanguage(lang);
}

// Vietnamese first; English is the second language, chosen per browser.
void i18n.use(initReactI18next).init({
  // Each part of the app owns its texts; `t('board.x')`, `t('drawer.y')`.
  resources: {
    vi: {
      translation: {
        ...vi,
        ...domainTexts('vi'),
        board: boardVi,
        drawer: drawerVi,
        dashboard: dashboardVi,
        breakdown: breakdownVi,
        directiveImport: directiveImportVi,
        importReasons: importReasonsVi,
        admin: adminVi,
        taskList: taskListVi,
        progress: progressVi,
        contributions: contributionsVi,
        people: peopleVi,
        milestones: milestonesVi,
        series: seriesVi,
        calendar: calendarVi,
        classification: classificationVi,
        accessLog: accessLogVi,
      },
    },
    en: {
      translation: {
        ...en,
        ...domainTexts('en'),
        board: boardEn,
        drawer: drawerEn,
        dashboard: dashboardEn,
        breakdown: breakdownEn,
        directiveImport: directiveImportEn,
        importReasons: importReasonsEn,
        admin: adminEn,
        taskList: taskListEn,
        progress: progressEn,
        contributions: contributionsEn,
        people: peopleEn,
        milestones: milestonesEn,
        series: seriesEn,
        calendar: calendarEn,
        classification: classificationEn,
        accessLog: accessLogEn,
      },
    },
  },
  lng: storedLanguage(),
  fallbackLng: 'vi',
  interpolation: { escapeValue: false },
});
document.documentElement.lang = storedLanguage();

export { i18n };
