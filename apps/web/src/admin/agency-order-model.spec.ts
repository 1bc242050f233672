import { moveId, orderChanged, reconcileOrder } from './agency-order-model';

describe('moveId', () => {
  it('moves an agency up or down by one place', () => {
    expect(moveId(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveId(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
  });

  it('leaves the order as it is at either end', () => {
    expect(moveId(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
    expect(moveId(['a', 'b'], 1, 1)).toEqual(['a', 'b']);
  });
});

describe('reconcileOrder', () => {
  it('keeps the draft, drops what the server no longer lists and adds what it lists anew, last', () => {
    expect(reconcileOrder(['c', 'a', 'x'], ['a', 'b', 'c', 'd'])).toEqual(['c', 'a', 'b', 'd']);
  });
});

describe('orderChanged', () => {
  it('compares place by place', () => {
    expect(orderChanged(['a', 'b'], ['a', 'b'])).toBe(false);
    expect(orderChanged(['a', 'b'], ['b', 'a'])).toBe(true);
    expect(orderChanged(['a'], ['a', 'b'])).toBe(true);
  });
});
