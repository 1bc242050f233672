import { useSyncExternalStore } from 'react';
import { sessionStore, type Session } from './session-store';

/** The signed-in session (null when signed out); re-renders on sign-in, sign-out and expiry. */
export function useSession(): Session | null {
  return useSyncExternalStore(
    (l) => sessionStore.subscribe(l),
    () => sessionStore.get(),
  );
}
