// Stand-ins for the request around a server action or route handler under vitest: Auth.js's auth() returns the
// claims of whichever principal the test acts as (the real lib/dal/session then resolves them against the
// database, so an ended session is refused exactly as in production), next/headers serves fixed headers and a
// cookie jar, next/cache is a no-op. signIn/signOut throw the redirect the real ones throw.
import { redirect } from "next/navigation";
import type { SessionClaims } from "@/lib/auth/session-claims";

export const requestState: {
  claims: SessionClaims | null;
  headers: Record<string, string>;
  cookies: Map<string, string>;
} = { claims: null, headers: {}, cookies: new Map() };

export function actAs(claims: SessionClaims | null, headers: Record<string, string> = {}): void {
  requestState.claims = claims;
  requestState.headers = {
    "x-request-id": crypto.randomUUID(),
    "x-forwarded-for": "192.0.2.10",
    "user-agent": "matrix",
    ...headers,
  };
  requestState.cookies = new Map();
}

export const authModule = {
  auth: async () =>
    requestState.claims
      ? {
          uid: requestState.claims.userId,
          sv: requestState.claims.sessionVersion,
          sid: requestState.claims.sessionId,
        }
      : null,
  signIn: async (_provider: string, options: { redirectTo?: string }) => redirect(options?.redirectTo ?? "/"),
  signOut: async (options: { redirectTo?: string }) => redirect(options?.redirectTo ?? "/login"),
  handlers: {
    GET: async () => new Response(null, { status: 404 }),
    POST: async () => new Response(null, { status: 404 }),
  },
  unstable_update: async () => null,
};

export const headersModule = {
  headers: async () => new Headers(requestState.headers),
  cookies: async () => ({
    get: (name: string) =>
      requestState.cookies.has(name) ? { name, value: requestState.cookies.get(name)! } : undefined,
    getAll: () => [...requestState.cookies].map(([name, value]) => ({ name, value })),
    has: (name: string) => requestState.cookies.has(name),
    set: (name: string, value: string) => void requestState.cookies.set(name, value),
    delete: (name: string) => void requestState.cookies.delete(name),
  }),
  draftMode: async () => ({ isEnabled: false, enable() {}, disable() {} }),
};

export const cacheModule = {
  revalidatePath: () => {},
  revalidateTag: () => {},
  updateTag: () => {},
  refresh: () => {},
  unstable_cache: <T>(fn: T) => fn,
  unstable_noStore: () => {},
};

/** Only the error classes the auth actions test with `instanceof`. */
class AuthError extends Error {}
export const nextAuthModule = { AuthError, CredentialsSignin: class CredentialsSignin extends AuthError {} };
