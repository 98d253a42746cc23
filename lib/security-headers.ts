// Response headers and request checks applied by proxy.ts. Pure, so unit tests can read the policy.

const isProduction = () => process.env.NODE_ENV === "production";

/** Largest request body the app accepts (next.config.js serverActions.bodySizeLimit says the same). */
export const MAX_BODY_BYTES = 512 * 1024;

/** 16 random bytes, base64: a fresh script nonce per request. */
export function makeNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

/**
 * Strict CSP (Next's documented nonce pattern): scripts run only with this request's nonce, and what they load
 * ('strict-dynamic'). Styles allow inline style attributes (Radix and recharts position elements with them).
 */
export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isProduction() ? "" : " 'unsafe-eval'"}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    ...(isProduction() ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

export function securityHeaders(nonce: string): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(nonce),
    ...(isProduction() ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * A state-changing request whose Origin is another site's: refused before it reaches an action (Next would answer
 * 500). A request without Origin (curl, same-origin navigations of old browsers) is left to the action's own checks.
 */
export function isCrossOrigin(method: string, origin: string | null, host: string | null): boolean {
  if (!UNSAFE_METHODS.has(method) || !origin) return false;
  if (origin === "null") return true;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

/** Declared body larger than MAX_BODY_BYTES, or a Content-Length that is not a number. */
export function isOversized(contentLength: string | null): boolean {
  if (contentLength === null) return false;
  if (!/^\d{1,15}$/.test(contentLength.trim())) return true;
  return Number(contentLength) > MAX_BODY_BYTES;
}
