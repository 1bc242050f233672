import type { RoleName } from '@dondoc/contracts';

/** The pages of the app's navigation, in the order the header shows them. */
export type NavPage =
  'board' | 'dashboard' | 'reportingPeriods' | 'recurring' | 'import' | 'admin' | 'accessLog' | 'calendar';

/** Wide screens, small laptops (<= 1280 px), phones and narrow windows (<= 900 px): use-media-query's queries. */
export type HeaderWidth = 'wide' | 'compact' | 'narrow';

const FOLLOWERS: readonly RoleName[] = ['office', 'standing_committee', 'inspector'];

/** The pages this role has. */
export function pagesOf(role: RoleName): NavPage[] {
  const pages: NavPage[] = [];
  if (role !== 'admin') pages.push('board');
  if (FOLLOWERS.includes(role)) pages.push('dashboard', 'reportingPeriods');
  if (role === 'office') pages.push('recurring', 'import');
  if (role === 'admin') pages.push('admin');
  // The record of who read classified items: the inspector's to check, the administrator's to keep.
  if (role === 'inspector' || role === 'admin') pages.push('accessLog');
  // Those who enter the official schedule; everyone else may still open /calendar to read it.
  if (role === 'office' || role === 'admin') pages.push('calendar');
  return pages;
}

// Visited now and then (a period is opened a few times a year, a series set up once): the first to leave a
// crowded header.
const SECONDARY: readonly NavPage[] = ['reportingPeriods', 'recurring'];
// Opened once or twice a year (the Government's schedule comes out in the autumn): always in the ☰ menu.
const MENU_ONLY: readonly NavPage[] = ['calendar'];

export type Place = 'header' | 'menu';

export interface HeaderLayout {
  headerPages: NavPage[];
  menuPages: NavPage[];
  who: Place;
  language: Place;
  signOut: Place;
  /** Whether the ☰ menu is there at all (it also holds the agency settings, for those who have them). */
  menu: boolean;
}

/**
 * What the header shows and what its ☰ menu holds, so that the header stays one line: everything on a wide
 * screen (the menu only for the settings and the yearly calendar); on a small laptop the occasional page and the language go into the
 * menu; on a phone everything but the brand and the bell does.
 */
export function headerLayout(role: RoleName, width: HeaderWidth, hasSettings: boolean): HeaderLayout {
  const pages = pagesOf(role);
  switch (width) {
    case 'narrow':
      return { headerPages: [], menuPages: pages, who: 'menu', language: 'menu', signOut: 'menu', menu: true };
    case 'compact':
      return {
        headerPages: pages.filter((p) => !SECONDARY.includes(p) && !MENU_ONLY.includes(p)),
        menuPages: pages.filter((p) => SECONDARY.includes(p) || MENU_ONLY.includes(p)),
        who: 'header',
        language: 'menu',
        signOut: 'header',
        menu: true,
      };
    case 'wide':
      return {
        headerPages: pages.filter((p) => !MENU_ONLY.includes(p)),
        menuPages: pages.filter((p) => MENU_ONLY.includes(p)),
        who: 'header',
        language: 'header',
        signOut: 'header',
        menu: hasSettings || pages.some((p) => MENU_ONLY.includes(p)),
      };
  }
}
