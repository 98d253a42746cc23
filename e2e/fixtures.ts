import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "SpasmCare-demo-2026";
export const DEMO = {
  admin: "admin@demo.spasmcare.test",
  doctor: "dr.martin@demo.spasmcare.test",
  patient: "camille.bernard@demo.spasmcare.test",
} as const;

/** axe-core on the current page: no serious or critical WCAG 2.x A/AA violations. */
export async function expectAccessible(page: Page) {
  // Next streams the <title> of a dynamic page; let the page finish before judging it.
  await page.waitForFunction(() => document.title !== "", null, { timeout: 15_000 });
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`),
  ).toEqual([]);
}

export function uniqueEmail(prefix: string) {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}@e2e.test`;
}
