import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok, ProblemError, rememberCsrfToken, type Schemas } from './api/client.ts';

export type Staff = Schemas['Staff'];
export type Permission = Staff['permissions'][number];
export const sessionKey = ['session'] as const;

/** Who is signed in: null when no one is (or the session ended). */
export function useSession() {
  return useQuery({
    queryKey: sessionKey,
    queryFn: async (): Promise<Staff | null> => {
      try {
        const session = ok(await api.GET('/session'));
        rememberCsrfToken(session.csrfToken);
        return session.staff;
      } catch (error) {
        if (error instanceof ProblemError && error.problem.status === 401) return null;
        throw error;
      }
    },
    staleTime: Infinity,
  });
}

/** Sets who is signed in and forgets everything loaded for anyone else. */
export function switchSession(client: QueryClient, staff: Staff | null) {
  client.setQueryData(sessionKey, staff);
  client.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKey[0] });
}

/** Signs in and makes the session the console's. */
export function useSignIn() {
  const client = useQueryClient();
  return async (email: string, password: string) => {
    const session = ok(await api.POST('/session', { body: { email, password } }));
    rememberCsrfToken(session.csrfToken);
    switchSession(client, session.staff);
  };
}

/** Ends the session and forgets everything the console had loaded. */
export function useSignOut() {
  const client = useQueryClient();
  return async () => {
    await api.DELETE('/session');
    switchSession(client, null);
  };
}

/** Whether the signed-in staff member's role may do this: the same matrix the API enforces. */
export function useMay() {
  const staff = useSession().data;
  return (permission: Permission) => staff?.permissions.includes(permission) ?? false;
}
