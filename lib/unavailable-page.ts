import en from "@/messages/en/unavailable.json";
import fr from "@/messages/fr/unavailable.json";
import type { Locale } from "@/lib/permissions";

const TEXT: Record<Locale, typeof en> = { en, fr };
const esc = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

/** The static 503 page proxy.ts answers while the database is down: no scripts, no data, the emergency numbers. */
export function unavailableHtml(locale: Locale): string {
  const t = TEXT[locale];
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(t.title)}</title><style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:10vh auto;padding:0 1rem;line-height:1.5;color:#111}a.call{display:inline-block;margin:.25rem .5rem .25rem 0;padding:.75rem 1rem;border-radius:.5rem;background:#b91c1c;color:#fff;text-decoration:none;font-weight:600}</style></head><body><main role="alert" data-testid="unavailable-page"><h1>${esc(t.title)}</h1><p>${esc(t.body)}</p><p>${esc(t.retry)}</p><p><strong>${esc(t.emergency)}</strong></p><p><a class="call" href="tel:15">${esc(t.call15)}</a><a class="call" href="tel:112">${esc(t.call112)}</a></p></main></body></html>`;
}
