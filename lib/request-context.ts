// Who is on the other end of a request, for the audit log. Pure: used by the DAL session and by Auth.js authorize().

export type RequestContext = { requestId: string | null; ip: string | null; userAgent: string | null };

/**
 * How many reverse proxies we run in front of the app (each appends its peer to X-Forwarded-For). The client is
 * the address the first trusted hop appended, counted from the right; anything further left is client-supplied.
 * `next start` alone counts as one hop: it sets X-Forwarded-For to the socket address when none came in.
 */
export function trustedProxyHops(): number {
  const n = Number(process.env.TRUSTED_PROXY_HOPS ?? 1);
  return Number.isInteger(n) && n >= 1 ? n : 1;
}

const MAX_IP_LENGTH = 64;

export function clientIpFrom(
  forwardedFor: string | null | undefined,
  hops = trustedProxyHops(),
): string | null {
  if (!forwardedFor) return null;
  const entries = forwardedFor
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const ip = entries[Math.max(entries.length - hops, 0)];
  if (!ip || ip.length > MAX_IP_LENGTH || !/^[0-9a-fA-F.:[\]%]+$/.test(ip)) return null;
  return ip;
}

export function requestContextFrom(headers: Pick<Headers, "get"> | null | undefined): RequestContext {
  return {
    requestId: headers?.get("x-request-id") ?? null,
    ip: clientIpFrom(headers?.get("x-forwarded-for")),
    userAgent: headers?.get("user-agent")?.slice(0, 512) ?? null,
  };
}
