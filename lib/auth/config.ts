import type { NextAuthConfig } from "next-auth";

/** Edge-safe part of the Auth.js config: no database, no providers. */
export const authConfig = {
  pages: { signIn: "/login" },
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  trustHost: true,
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        const u = user as { id?: string; role?: string; sessionVersion?: number };
        token.uid = u.id;
        token.role = u.role;
        token.sv = u.sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      const s = session as typeof session & { uid?: unknown; sv?: unknown; role?: unknown };
      s.uid = token.uid;
      s.sv = token.sv;
      s.role = token.role;
      return s;
    },
  },
} satisfies NextAuthConfig;
