import { NextResponse, type NextRequest } from "next/server";

// Convenience only: sends visitors without a session cookie to the sign-in page and tags each request with an id
// for the audit log. Every page, action and route handler still checks the session itself, through lib/dal.
const SESSION_COOKIES = [
  "authjs.session-token",
  "__Secure-authjs.session-token",
  "__Host-authjs.session-token", // lib/auth/cookies.ts in production
];
const PROTECTED = /^\/(patient|doctor|admin)(\/|$)/;

export function proxy(request: NextRequest) {
  // The server names every request itself: a client-supplied id is dropped, never trusted into the audit log.
  const requestId = crypto.randomUUID();
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (!hasSession && PROTECTED.test(request.nextUrl.pathname)) {
    const url = new URL("/login", request.url);
    url.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
    return NextResponse.redirect(url);
  }
  const headers = new Headers(request.headers);
  headers.delete("x-request-id");
  headers.set("x-request-id", requestId);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("x-request-id", requestId);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
