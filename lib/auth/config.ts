import type { NextAuthConfig } from "next-auth";
import { sessionCookies } from "./cookies";

/** Edge-safe part of the Auth.js config: no database, no providers. */
export const authConfig = {
  pages: { signIn: "/login" },
  // The cookie lives at most 12 h; idle logoff and sign-out are enforced on the server (lib/dal/sessions.ts).
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  cookies: sessionCookies,
  trustHost: true,
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        const u = user as { id?: string; role?: string; sessionVersion?: number; sessionId?: string };
        token.uid = u.id;
        token.role = u.role;
        token.sv = u.sessionVersion;
        token.sid = u.sessionId;
      }
      return token;
    },
    session({ session, token }) {
      const s = session as typeof session & { uid?: unknown; sv?: unknown; sid?: unknown; role?: unknown };
      s.uid = token.uid;
      s.sv = token.sv;
      s.sid = token.sid;
      s.role = token.role;
      return s;
    },
  },
} satisfies NextAuthConfig;
