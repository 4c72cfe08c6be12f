import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, unwrap } from './client';
import { ApiError, setCsrfToken } from './http';
import type { Me } from './types';

export type { Me } from './types';

/** The signed-in user, or null when signed out. Keeps this session's CSRF token for later writes. */
export function useMe() {
  return useQuery({
    queryKey: ['me'],
    queryFn: async (): Promise<Me | null> => {
      try {
        const res = await unwrap(client.GET('/api/me'));
        setCsrfToken(res.csrfToken);
        return res.user;
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) return null;
        throw e;
      }
    },
  });
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: { email: string; password: string }) => {
      const res = await unwrap(client.POST('/api/auth/login', { body }));
      setCsrfToken(res.csrfToken);
      return res.user;
    },
    onSuccess: (user) => {
      qc.clear();
      qc.setQueryData(['me'], user);
    },
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(client.POST('/api/auth/logout')),
    onSettled: () => {
      setCsrfToken(null);
      qc.clear();
      qc.setQueryData(['me'], null);
    },
  });
}
