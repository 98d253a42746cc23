"use client";

import { useCallback, useRef } from "react";

/** A v4 UUID: crypto.randomUUID exists only in secure contexts (https, localhost). */
function newKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * One idempotency key per form instance, for an act the server performs exactly once (sign, publish): every send
 * of the form carries the same key, so a retry after a timeout or a double click gets the first answer back. Call
 * `renew` once the act has succeeded, so the next act from the same form is a new one. Picked in the browser on
 * first use (never during the server render).
 */
export function useIdempotencyKey(): { current: () => string; renew: () => void } {
  const key = useRef<string | null>(null);
  const current = useCallback(() => (key.current ??= newKey()), []);
  const renew = useCallback(() => {
    key.current = null;
  }, []);
  return { current, renew };
}
