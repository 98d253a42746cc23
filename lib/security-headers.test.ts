import { afterEach, describe, expect, it, vi } from "vitest";
import {
  contentSecurityPolicy,
  isCrossOrigin,
  isOversized,
  makeNonce,
  MAX_BODY_BYTES,
  securityHeaders,
} from "./security-headers";

describe("security headers and request checks", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("a fresh nonce every time, in a strict policy", () => {
    const [a, b] = [makeNonce(), makeNonce()];
    expect(a).not.toBe(b);
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    const csp = contentSecurityPolicy(a);
    expect(csp).toContain(`script-src 'self' 'nonce-${a}' 'strict-dynamic'`);
    for (const d of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'"])
      expect(csp).toContain(d);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  });

  it("HSTS and no 'unsafe-eval' in production only", () => {
    vi.stubEnv("NODE_ENV", "production");
    const prod = securityHeaders("n");
    expect(prod["Strict-Transport-Security"]).toMatch(/max-age=\d{8}/);
    expect(prod["Content-Security-Policy"]).not.toContain("unsafe-eval");
    vi.stubEnv("NODE_ENV", "development");
    expect(securityHeaders("n")["Strict-Transport-Security"]).toBeUndefined();
  });

  it("refuses state-changing requests from another origin, not same-origin or safe ones", () => {
    expect(isCrossOrigin("POST", "https://evil.example", "clinic.example")).toBe(true);
    expect(isCrossOrigin("POST", "null", "clinic.example")).toBe(true);
    expect(isCrossOrigin("POST", "not a url", "clinic.example")).toBe(true);
    expect(isCrossOrigin("POST", "https://clinic.example", "clinic.example")).toBe(false);
    expect(isCrossOrigin("GET", "https://evil.example", "clinic.example")).toBe(false);
    expect(isCrossOrigin("POST", null, "clinic.example")).toBe(false);
  });

  it("refuses a declared body over the limit or a malformed length", () => {
    expect(isOversized(String(MAX_BODY_BYTES))).toBe(false);
    expect(isOversized(String(MAX_BODY_BYTES + 1))).toBe(true);
    expect(isOversized("12abc")).toBe(true);
    expect(isOversized(null)).toBe(false);
  });
});
