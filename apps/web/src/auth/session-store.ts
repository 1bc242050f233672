import type { UserDto } from '@dondoc/contracts';

/** The signed-in session, kept in localStorage so that it survives a reload. */
export interface Session {
  accessToken: string;
  expiresAt: string;
  user: UserDto;
}

const KEY = 'dondoc.session';
const listeners = new Set<() => void>();

function read(): Session | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return null;
    const s = JSON.parse(raw) as Session;
    return Date.parse(s.expiresAt) > Date.now() ? s : null;
  } catch {
    return null;
  }
}

let current: Session | null = read();

export const sessionStore = {
  get: (): Session | null => current,
  token: (): string | null => current?.accessToken ?? null,
  set(session: Session | null): void {
    current = session;
    if (session) localStorage.setItem(KEY, JSON.stringify(session));
    else localStorage.removeItem(KEY);
    listeners.forEach((l) => l());
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

// Another tab signed in or out.
window.addEventListener('storage', (e) => {
  if (e.key === KEY) {
    current = read();
    listeners.forEach((l) => l());
  }
});
