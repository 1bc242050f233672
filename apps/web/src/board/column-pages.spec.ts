import type { TaskStateName, TaskSummaryDto } from '@dondoc/contracts';
import { columnsShown, listsWithTask, type ColumnPage } from './column-pages';

const card = (id: string, state: TaskStateName, version = 1) => ({ id, state, version }) as TaskSummaryDto;
const page = (state: TaskStateName, items: TaskSummaryDto[], total: number): ColumnPage => ({ state, items, total });

describe('columnsShown', () => {
  it('counts each column by its total, and says how many cards are not loaded yet', () => {
    const shown = columnsShown([
      page('assigned', [card('a1', 'assigned'), card('a2', 'assigned')], 250),
      page('in_progress', [card('p1', 'in_progress')], 1),
    ]);
    expect(shown.items.map((t) => t.id)).toEqual(['a1', 'a2', 'p1']);
    expect([...shown.counts]).toEqual([
      ['assigned', 250],
      ['in_progress', 1],
    ]);
    expect([...shown.left]).toEqual([
      ['assigned', 248],
      ['in_progress', 0],
    ]);
  });

  it('moves a card moved since its page was read: out of the old count, into the new one', () => {
    const shown = columnsShown([
      page('assigned', [card('a1', 'in_progress', 2), card('a2', 'assigned')], 250),
      page('in_progress', [card('p1', 'in_progress')], 1),
    ]);
    expect(shown.counts.get('assigned')).toBe(249);
    expect(shown.counts.get('in_progress')).toBe(2);
    expect(shown.items.filter((t) => t.state === 'in_progress').map((t) => t.id)).toEqual(['a1', 'p1']);
  });

  it('takes a card in two pages once, at its latest version, and counts it once', () => {
    // The new column was read again after the move; the old one not yet.
    const shown = columnsShown([
      page('assigned', [card('a1', 'in_progress', 2), card('a2', 'assigned')], 250),
      page('in_progress', [card('a1', 'in_progress', 2), card('p1', 'in_progress')], 2),
    ]);
    expect(shown.items.map((t) => t.id)).toEqual(['a1', 'a2', 'p1']);
    expect(shown.counts.get('assigned')).toBe(249);
    expect(shown.counts.get('in_progress')).toBe(2);

    const stale = columnsShown([
      page('in_progress', [card('a1', 'in_progress', 2)], 1),
      page('assigned', [card('a1', 'assigned', 1)], 1),
    ]);
    expect(stale.items).toEqual([card('a1', 'in_progress', 2)]);
    expect(stale.counts.get('assigned')).toBe(0);
    expect(stale.counts.get('in_progress')).toBe(1);
  });

  it('marks the columns the server stopped counting; their counts and cards left are lower bounds', () => {
    const shown = columnsShown([
      { ...page('approved', [card('d1', 'approved'), card('d2', 'approved')], 1000), totalCapped: true },
      { ...page('assigned', [card('a1', 'assigned')], 1), totalCapped: false },
      page('in_progress', [], 0),
    ]);
    expect([...shown.atLeast]).toEqual(['approved']);
    expect(shown.counts.get('approved')).toBe(1000);
    expect(shown.left.get('approved')).toBe(998);
  });

  it('drops a card moved to a column the board does not show from every count', () => {
    const shown = columnsShown([page('submitted', [card('s1', 'cancelled', 3)], 4)]);
    expect(shown.counts.get('submitted')).toBe(3);
    expect(shown.counts.has('cancelled')).toBe(false);
  });
});

describe('listsWithTask', () => {
  const key = (filters: Record<string, unknown>) => ['tasks', 'list', filters] as const;
  const board = { q: 'kế hoạch', lead: 'a1' };

  it('replaces every copy and puts a card moved out of a column at the top of its new column of the same board', () => {
    const moved = card('t1', 'in_progress', 2);
    const lists = [
      [
        key({ ...board, state: 'assigned', limit: 200 }),
        { items: [card('t0', 'assigned'), card('t1', 'assigned')], total: 300 },
      ],
      [key({ ...board, state: 'in_progress', limit: 100 }), { items: [card('p1', 'in_progress')], total: 7 }],
      // Another board (other filters) and the list view's whole read: only a copy there is replaced.
      [key({ q: 'khác', state: 'in_progress', limit: 100 }), { items: [card('p9', 'in_progress')], total: 1 }],
      [key({ ...board, state: 'assigned,in_progress', limit: 10000 }), { items: [card('t1', 'assigned')], total: 1 }],
    ] as const;
    const changed = listsWithTask(lists, moved);
    expect(changed.map(([k, page]) => [k[2], page?.items.map((t) => `${t.id}:${t.state}`), page?.total])).toEqual([
      [{ ...board, state: 'assigned', limit: 200 }, ['t0:assigned', 't1:in_progress'], 300],
      [{ ...board, state: 'assigned,in_progress', limit: 10000 }, ['t1:in_progress'], 1],
      [{ ...board, state: 'in_progress', limit: 100 }, ['t1:in_progress', 'p1:in_progress'], 8],
    ]);
    // The board then counts the card once, in its new column.
    const pages = changed
      .slice(0, 1)
      .concat(changed.slice(2))
      .map(([k, page]) => ({
        state: (k[2] as { state: TaskStateName }).state,
        items: page.items,
        total: page.total,
      }));
    const shown = columnsShown(pages);
    expect(shown.counts.get('assigned')).toBe(299);
    expect(shown.counts.get('in_progress')).toBe(8);
  });

  it('takes a counted-up-to column and a whole swimlane column of the same filters for the same board', () => {
    const moved = card('t1', 'in_progress', 2);
    const lists = [
      [
        key({ ...board, state: 'assigned', limit: 100, countUpTo: 1000 }),
        { items: [card('t1', 'assigned')], total: 5 },
      ],
      [key({ ...board, state: 'in_progress', limit: 10000 }), { items: [card('p1', 'in_progress')], total: 1 }],
    ] as const;
    expect(listsWithTask(lists, moved).map(([, page]) => page?.items.map((t) => t.id))).toEqual([['t1'], ['t1', 'p1']]);
  });

  it('adds nothing where the new column already has the card, and changes nothing for a card not cached', () => {
    const moved = card('t1', 'in_progress', 2);
    const lists = [
      [key({ ...board, state: 'assigned', limit: 100 }), { items: [card('t1', 'assigned')], total: 1 }],
      [key({ ...board, state: 'in_progress', limit: 100 }), { items: [card('t1', 'in_progress', 2)], total: 1 }],
    ] as const;
    expect(listsWithTask(lists, moved).map(([, page]) => page?.total)).toEqual([1, 1]);
    expect(listsWithTask(lists, card('zz', 'approved'))).toEqual([]);
  });
});
