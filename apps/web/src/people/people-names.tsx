import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { usePeople } from './use-people';

const EMPTY: ReadonlyMap<string, string> = new Map();
const PeopleNames = createContext<ReadonlyMap<string, string>>(EMPTY);

/**
 * Names of the people the caller may see, for the cards and rows: one cached request for the whole board, not
 * one per card. The map changes only when the list does, so memoised cards re-render once, when it arrives.
 */
export function PeopleNamesProvider({ children }: { children: ReactNode }) {
  const { people } = usePeople();
  const names = useMemo(() => (people.length ? new Map(people.map((p) => [p.id, p.fullName])) : EMPTY), [people]);
  return <PeopleNames.Provider value={names}>{children}</PeopleNames.Provider>;
}

/** id → full name; empty outside the provider or while loading (an agency's users know their own people only). */
export function usePeopleNames(): ReadonlyMap<string, string> {
  return useContext(PeopleNames);
}
