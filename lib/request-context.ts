// Who is on the other end of a request, for the audit log. Pure: used by the DAL session and by Auth.js authorize().

export type RequestContext = { requestId: string | null; ip: string | null; userAgent: string | null };

/**
 * How many X-Forwarded-For entries, counted from the right, were written by hops we trust. `TRUSTED_PROXY_HOPS` is
 * the number of reverse proxies in front of the app (default 0: the socket address). `next start` itself appends
 * the socket address it saw, so that entry is always trusted: the client is entry TRUSTED_PROXY_HOPS + 1 from the
 * right; anything further left was written by the client.
 */
export function trustedProxyHops(): number {
  const n = Number(process.env.TRUSTED_PROXY_HOPS ?? 0);
  return (Number.isInteger(n) && n >= 0 ? n : 0) + 1;
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
