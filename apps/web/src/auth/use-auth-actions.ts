import type { LoginResponse } from '@dondoc/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '../api/api-client';
import { sessionStore } from './session-store';

export function useAuthActions() {
  const queryClient = useQueryClient();
  const signIn = useCallback(async (username: string, password: string) => {
    const res = await api<LoginResponse>('/auth/login', { method: 'POST', body: { username, password } });
    sessionStore.set({ accessToken: res.accessToken, expiresAt: res.expiresAt, user: res.user });
  }, []);
  const signOut = useCallback(async () => {
    // The server revokes the session; the browser forgets it whatever the answer.
    await api('/auth/logout', { method: 'POST' }).catch(() => undefined);
    sessionStore.set(null);
    queryClient.clear();
  }, [queryClient]);
  return { signIn, signOut };
}
