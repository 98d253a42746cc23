import type { ReportDraft } from "./report-draft";

/**
 * The report form's draft in this tab's sessionStorage, one per signed-in user, with the form's idempotency key:
 * a reload, a failed submission or a database outage never costs the patient their answers, and a resubmission
 * after a timeout whose commit in fact succeeded finds the first report instead of storing a second.
 * Cleared when the report is stored (the result page) and on sign-out.
 */
const PREFIX = "spasmcare:report-draft:";

export type StoredDraft = { v: 1; draft: ReportDraft; key: string; savedAt: number };

function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.sessionStorage;
  } catch {
    return null; // storage disabled (privacy mode, policy)
  }
}

/** A v4 UUID: crypto.randomUUID exists only in secure contexts (https, localhost). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function loadDraft(owner: string): StoredDraft | null {
  const s = storage();
  if (!s) return null;
  // Another user's draft left in this tab is not for this one: removed, never shown.
  for (let i = s.length - 1; i >= 0; i--) {
    const k = s.key(i);
    if (k?.startsWith(PREFIX) && k !== PREFIX + owner) s.removeItem(k);
  }
  try {
    const parsed = JSON.parse(s.getItem(PREFIX + owner) ?? "null") as StoredDraft | null;
    return parsed?.v === 1 && parsed.draft && typeof parsed.key === "string" ? parsed : null;
  } catch {
    return null;
  }
}

export function saveDraft(owner: string, draft: ReportDraft, key: string): void {
  try {
    storage()?.setItem(
      PREFIX + owner,
      JSON.stringify({ v: 1, draft, key, savedAt: Date.now() } satisfies StoredDraft),
    );
  } catch {
    // quota or disabled storage: the form still works, only without the safety net
  }
}

export function clearDraft(owner: string): void {
  storage()?.removeItem(PREFIX + owner);
}

/** Sign-out: every report draft in this tab goes. */
export function clearAllDrafts(): void {
  const s = storage();
  if (!s) return;
  for (let i = s.length - 1; i >= 0; i--) {
    const k = s.key(i);
    if (k?.startsWith(PREFIX)) s.removeItem(k);
  }
}
