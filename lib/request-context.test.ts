import { describe, expect, it } from "vitest";
import { clientIpFrom, requestContextFrom } from "./request-context";

describe("client IP from X-Forwarded-For", () => {
  it("takes the address the first trusted hop appended, not what the client wrote on the left", () => {
    expect(clientIpFrom("6.6.6.6, 203.0.113.5", 1)).toBe("203.0.113.5");
    expect(clientIpFrom("6.6.6.6, 203.0.113.5, 10.0.0.2", 2)).toBe("203.0.113.5");
    expect(clientIpFrom("203.0.113.5", 3)).toBe("203.0.113.5");
    expect(clientIpFrom("::ffff:127.0.0.1", 1)).toBe("::ffff:127.0.0.1");
  });

  it("defaults to the socket address next start appended (TRUSTED_PROXY_HOPS=0), one entry further per proxy", async () => {
    const { trustedProxyHops } = await import("./request-context");
    const saved = process.env.TRUSTED_PROXY_HOPS;
    delete process.env.TRUSTED_PROXY_HOPS;
    expect(trustedProxyHops()).toBe(1);
    expect(clientIpFrom("6.6.6.6, 203.0.113.5")).toBe("203.0.113.5");
    process.env.TRUSTED_PROXY_HOPS = "1";
    expect(clientIpFrom("6.6.6.6, 203.0.113.5, 10.0.0.2")).toBe("203.0.113.5");
    process.env.TRUSTED_PROXY_HOPS = "-3";
    expect(trustedProxyHops()).toBe(1);
    if (saved === undefined) delete process.env.TRUSTED_PROXY_HOPS;
    else process.env.TRUSTED_PROXY_HOPS = saved;
  });

  it("drops missing and malformed values", () => {
    expect(clientIpFrom(null, 1)).toBeNull();
    expect(clientIpFrom("", 1)).toBeNull();
    expect(clientIpFrom("1.2.3.4, <script>", 1)).toBeNull();
    expect(clientIpFrom("1".repeat(100), 1)).toBeNull();
  });

  it("reads the request id and a bounded user agent", () => {
    const h = new Headers({
      "x-request-id": "abc",
      "user-agent": "x".repeat(600),
      "x-forwarded-for": "198.51.100.1",
    });
    expect(requestContextFrom(h)).toEqual({
      requestId: "abc",
      ip: "198.51.100.1",
      userAgent: "x".repeat(512),
    });
    expect(requestContextFrom(null)).toEqual({ requestId: null, ip: null, userAgent: null });
  });
});
