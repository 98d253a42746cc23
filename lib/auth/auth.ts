import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authConfig } from "./config";
import { logError } from "@/lib/log";

class InvalidCredentials extends CredentialsSignin {
  code = "invalid_credentials";
}

/** Too many attempts: the action reads `code` and the wait, and answers "try again in N minutes". */
export class SignInThrottled extends CredentialsSignin {
  code = "throttled";
  constructor(readonly retryAfterMinutes: number) {
    super();
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  logger: {
    // A wrong password is an expected outcome (audited by the DAL), not a server error.
    error(error) {
      if (error.name === "CredentialsSignin" || (error as { type?: string }).type === "CredentialsSignin")
        return;
      logError("auth", error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        // Imported here so the database stays out of any edge bundle.
        const { verifyCredentials } = await import("@/lib/dal/auth");
        const { requestContextFrom } = await import("@/lib/request-context");
        const context = requestContextFrom(request?.headers);
        const { ThrottledError } = await import("@/lib/dal/rate-limit");
        const user = await verifyCredentials({
          email: String(credentials?.email ?? ""),
          password: String(credentials?.password ?? ""),
          ...context,
        }).catch((err: unknown) => {
          if (err instanceof ThrottledError) throw new SignInThrottled(err.retryAfterMinutes);
          throw err;
        });
        if (!user) throw new InvalidCredentials();
        const { startSession } = await import("@/lib/dal/sessions");
        return { ...user, sessionId: await startSession(user.id, context) };
      },
    }),
  ],
});
