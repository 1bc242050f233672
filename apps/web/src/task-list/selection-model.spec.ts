import { headerCheck, moveActive, selectedInView, toggleAll, toggleOne } from './selection-model';

describe('list selection', () => {
  const shown = ['a', 'b', 'c'];

  it('toggles one row', () => {
    const one = toggleOne(new Set(), 'a');
    expect([...one]).toEqual(['a']);
    expect([...toggleOne(one, 'a')]).toEqual([]);
  });

  it('counts only the rows shown, in the list order', () => {
    const selected = new Set(['c', 'hidden', 'a']);
    expect(selectedInView(selected, shown)).toEqual(['a', 'c']);
    expect(headerCheck(selected, shown)).toBe('some');
    expect(headerCheck(new Set(['hidden']), shown)).toBe('none');
    expect(headerCheck(new Set(shown), shown)).toBe('all');
  });

  it('"select all" selects exactly the rows shown, and clears when all are selected', () => {
    const all = toggleAll(new Set(['hidden']), shown);
    expect([...all].sort()).toEqual(shown);
    expect([...toggleAll(all, shown)]).toEqual([]);
  });
});

describe('keyboard moves in the grid', () => {
  it('moves by one, to the ends, by a page, and stays inside', () => {
    expect(moveActive(0, 'ArrowDown', 5, 3)).toBe(1);
    expect(moveActive(4, 'ArrowDown', 5, 3)).toBe(4);
    expect(moveActive(0, 'ArrowUp', 5, 3)).toBe(0);
    expect(moveActive(2, 'Home', 5, 3)).toBe(0);
    expect(moveActive(2, 'End', 5, 3)).toBe(4);
    expect(moveActive(3, 'PageDown', 5, 3)).toBe(4);
    expect(moveActive(3, 'PageUp', 5, 3)).toBe(0);
    expect(moveActive(0, 'x', 5, 3)).toBeNull();
    expect(moveActive(0, 'ArrowDown', 0, 3)).toBeNull();
  });
});
