import type { NextAuthConfig } from "next-auth";

/**
 * In production the session cookie is `__Host-` prefixed (Secure, host-only, path /), HttpOnly and SameSite=Lax.
 * Browsers treat http://localhost as a secure context, so a production build still signs in there.
 */
export const secureCookies = process.env.NODE_ENV === "production";
export const SESSION_COOKIE = secureCookies ? "__Host-authjs.session-token" : "authjs.session-token";

export const sessionCookies: NextAuthConfig["cookies"] = {
  sessionToken: {
    name: SESSION_COOKIE,
    options: { httpOnly: true, sameSite: "lax", path: "/", secure: secureCookies },
  },
};
