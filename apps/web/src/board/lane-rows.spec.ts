import type { AgencyDto, DirectiveDto } from '@dondoc/contracts';
import { laneGroups, NO_LANE } from './lane-rows';
import { taskSummary } from '../test-support/task-summary.fixture';

const agency = (id: string, name: string): [string, AgencyDto] => [
  id,
  { id, code: id, name, kind: 'ban', active: true },
];
const directive = (id: string, number: string): [string, DirectiveDto] => [
  id,
  { id, number, title: number, kind: 'other', issuedOn: null, issuer: null, signer: null } as DirectiveDto,
];

describe('laneGroups', () => {
  // The registry's order (the official one, as the API lists it) is deliberately not alphabetical.
  const agencies = new Map([
    agency('a-vp', 'Văn phòng Tỉnh ủy'),
    agency('a-tc', 'Ban Tổ chức'),
    agency('a-dv', 'Ban Dân vận'),
  ]);
  const directives = new Map([directive('d-new', '12-CT/TU'), directive('d-old', '01-NQ/TU')]);
  const nameOf = (key: string) => agencies.get(key)?.name ?? directives.get(key)?.number ?? key;

  it('puts agency lanes in the official order, not by name, and the lane without a lead agency last', () => {
    const tasks = [
      taskSummary({ id: '1', leadAgencyId: 'a-dv' }),
      taskSummary({ id: '2', leadAgencyId: null }),
      taskSummary({ id: '3', leadAgencyId: 'a-tc' }),
      taskSummary({ id: '4', leadAgencyId: 'a-vp' }),
      taskSummary({ id: '5', leadAgencyId: 'a-dv' }),
    ];
    const rows = laneGroups(tasks, 'agency', agencies, directives, nameOf);
    expect(rows.map((r) => r.key)).toEqual(['a-vp', 'a-tc', 'a-dv', NO_LANE]);
    expect(rows[2].tasks.map((t) => t.id)).toEqual(['1', '5']);
  });

  it('puts directive lanes in the order the API lists directives (newest first), unknown ones after', () => {
    const tasks = [
      taskSummary({ id: '1', directiveId: 'd-old' }),
      taskSummary({ id: '2', directiveId: 'd-gone' }),
      taskSummary({ id: '3', directiveId: 'd-new' }),
    ];
    expect(laneGroups(tasks, 'directive', agencies, directives, nameOf).map((r) => r.key)).toEqual([
      'd-new',
      'd-old',
      'd-gone',
    ]);
  });
});
