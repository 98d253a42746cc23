import { NextResponse, type NextRequest } from "next/server";
import { pageLoadDbDown } from "@/lib/db/outage";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, localeFromAcceptLanguage } from "@/lib/i18n/locale";
import { isCrossOrigin, isOversized, makeNonce, securityHeaders } from "@/lib/security-headers";
import { unavailableHtml } from "@/lib/unavailable-page";

// Convenience only: sends visitors without a session cookie to the sign-in page and tags each request with an id
// for the audit log. Every page, action and route handler still checks the session itself, through lib/dal.
// It also answers bad requests with a 4xx before Next turns them into a 500, and sets the CSP with its nonce.
const SESSION_COOKIES = [
  "authjs.session-token",
  "__Secure-authjs.session-token",
  "__Host-authjs.session-token",
];
const PROTECTED = /^\/(patient|doctor|admin|account)(\/|$)/;

function refuse(status: 403 | 413, nonce: string): NextResponse {
  const response = new NextResponse(
    status === 403 ? "Cross-origin request refused" : "Request body too large",
    {
      status,
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    },
  );
  for (const [k, v] of Object.entries(securityHeaders(nonce))) response.headers.set(k, v);
  return response;
}

export async function proxy(request: NextRequest) {
  const nonce = makeNonce();
  if (isCrossOrigin(request.method, request.headers.get("origin"), request.headers.get("host"))) {
    return refuse(403, nonce);
  }
  if (request.method !== "GET" && isOversized(request.headers.get("content-length"))) {
    return refuse(413, nonce);
  }
  // The database is down (a request failed on it, or a quick probe after a pool connection closed says so): a page
  // load gets the 503 page within a couple of seconds, in the user's language, instead of a timeout and a 500 —
  // the very first one too. Actions, RSC fetches and /api answer for themselves.
  if (
    request.method === "GET" &&
    !request.headers.has("rsc") &&
    !request.nextUrl.pathname.startsWith("/api/") &&
    (request.headers.get("accept") ?? "").includes("text/html") &&
    (await pageLoadDbDown())
  ) {
    const cookie = request.cookies.get(LOCALE_COOKIE)?.value;
    const locale = isLocale(cookie)
      ? cookie
      : (localeFromAcceptLanguage(request.headers.get("accept-language")) ?? DEFAULT_LOCALE);
    const response = new NextResponse(unavailableHtml(locale), {
      status: 503,
      headers: {
        "content-type": "text/html; charset=utf-8",
        "cache-control": "no-store",
        "retry-after": "5",
      },
    });
    for (const [k, v] of Object.entries(securityHeaders(nonce))) response.headers.set(k, v);
    return response;
  }
  // The server names every request itself: a client-supplied id is dropped, never trusted into the audit log.
  const requestId = crypto.randomUUID();
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (!hasSession && PROTECTED.test(request.nextUrl.pathname)) {
    const url = new URL("/login", request.url);
    url.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
    return NextResponse.redirect(url);
  }
  const security = securityHeaders(nonce);
  const headers = new Headers(request.headers);
  headers.delete("x-request-id");
  headers.set("x-request-id", requestId);
  // Next reads the nonce from the request's CSP header and puts it on its own scripts; the layout passes it on.
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", security["Content-Security-Policy"]);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("x-request-id", requestId);
  for (const [k, v] of Object.entries(security)) response.headers.set(k, v);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
