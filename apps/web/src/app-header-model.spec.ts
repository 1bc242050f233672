import { headerLayout, pagesOf } from './app-header-model';

describe('pagesOf', () => {
  it('gives each role its pages', () => {
    expect(pagesOf('office')).toEqual(['board', 'dashboard', 'reportingPeriods', 'recurring', 'import', 'calendar']);
    expect(pagesOf('standing_committee')).toEqual(['board', 'dashboard', 'reportingPeriods']);
    expect(pagesOf('inspector')).toEqual(['board', 'dashboard', 'reportingPeriods', 'accessLog']);
    expect(pagesOf('agency')).toEqual(['board']);
    expect(pagesOf('admin')).toEqual(['admin', 'accessLog', 'calendar']);
  });
});

describe('headerLayout', () => {
  it('on a small laptop moves the reporting periods and the language into the ☰ menu; the rest stays', () => {
    const office = headerLayout('office', 'compact', true);
    expect(office.headerPages).toEqual(['board', 'dashboard', 'import']);
    expect(office.menuPages).toEqual(['reportingPeriods', 'recurring', 'calendar']);
    expect([office.who, office.language, office.signOut, office.menu]).toEqual(['header', 'menu', 'header', true]);
    // Every page is reachable: in the header or in the menu, once.
    for (const role of ['office', 'standing_committee', 'inspector', 'agency', 'admin'] as const) {
      for (const width of ['wide', 'compact', 'narrow'] as const) {
        const l = headerLayout(role, width, false);
        expect([...l.headerPages, ...l.menuPages].sort()).toEqual(pagesOf(role).sort());
        if (l.menuPages.length > 0 || l.language === 'menu') expect(l.menu).toBe(true);
      }
    }
  });

  it('on a wide screen keeps every page but the yearly calendar in the header; the menu holds that and the settings', () => {
    expect(headerLayout('office', 'wide', true)).toEqual({
      headerPages: ['board', 'dashboard', 'reportingPeriods', 'recurring', 'import'],
      menuPages: ['calendar'],
      who: 'header',
      language: 'header',
      signOut: 'header',
      menu: true,
    });
    expect(headerLayout('standing_committee', 'wide', false).menu).toBe(false);
    expect(headerLayout('admin', 'wide', false)).toMatchObject({
      headerPages: ['admin', 'accessLog'],
      menuPages: ['calendar'],
      menu: true,
    });
  });

  it('on a phone keeps only the brand and the bell outside the menu', () => {
    const phone = headerLayout('office', 'narrow', false);
    expect(phone.headerPages).toEqual([]);
    expect(phone.menuPages).toEqual(pagesOf('office'));
    expect([phone.who, phone.language, phone.signOut, phone.menu]).toEqual(['menu', 'menu', 'menu', true]);
  });
});
